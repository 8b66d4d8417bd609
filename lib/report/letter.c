/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: individual decision letters.
 *
 * Every employee is owed a decision they can check and contest: where
 * they go, why not to a position they preferred, under which rule and
 * which lottery draw, and how to object (docs/letters.md). This file gathers
 * those facts for one employee into a small tree of values (a record of
 * strings, booleans and lists, template-private.h) and fills in a
 * template: one of four built-in ones (Dutch or English, public law or
 * employment law, letter-templates.c) or the caller's own.
 *
 * What a letter may say about other people: nothing by name. A refusal
 * gives the employee's own rank, the rank of the last person admitted
 * (the cutoff), the criterion that separated them and the employee's own
 * value for it, never the other person's value (explain.h).
 *
 * The sentences made here (reasons, criteria, values, dates) follow the
 * letter's language, in the words of letter-words.c (letter-private.h).
 * What the letters know of the scenario beyond the public API is listed
 * in scenario/report-private.h.
 * The output depends only on the placement and the options: no clock, no
 * locale, so the same input gives the same bytes.
 */
#include <staffmatch/letter.h>

#include <errno.h>
#include <string.h>
#include <staffmatch/error.h>
#include <staffmatch/explain.h>
#include <staffmatch/io.h>
#include <staffmatch/version.h>

#include "io/file-private.h"
#include "report/letter-private.h"
#include "report/template-private.h"
#include "scenario/report-private.h"

/* ---- the facts of one letter --------------------------------------------- */

typedef struct {
  const SmPlacement *placement;
  const SmScenario *scenario;
  const SmLetterOptions *options;
  const SmLetterWords *tx;
  const char *checksum;
  SmLetterSettings facts; /* the options' settings, else the scenario's */
} LetterJob;

static char *
format_date (const LetterJob *job, SmDate date)
{
  if (!sm_date_is_valid (date))
    return sm_date_to_iso (date);
  return g_strdup_printf ("%d %s %d", (int) date.day,
                          job->tx->months[date.month - 1], (int) date.year);
}

/* Who decides: the settings' deciding body, else the employer by name,
 * else "your employer". */
static const char *
sender_of (const LetterJob *job)
{
  if (job->facts.deciding_body != NULL)
    return job->facts.deciding_body;
  if (job->facts.employer != NULL)
    return job->facts.employer;
  return job->tx->deciding_default;
}

/* The date the placement takes effect: the settings', else the reference
 * date of the placement. */
static SmDate
effective_date_of (const LetterJob *job)
{
  if (sm_date_is_set (job->facts.effective_date))
    return job->facts.effective_date;
  return sm_placement_get_reference_date (job->placement);
}

/* The items of the scenario, by index: the letters ask only for items
 * the placement names, which are in range. */
static SmPositionSpec
position_of (const SmScenario *s, int32_t position)
{
  SmPositionSpec spec = { 0 };
  sm_scenario_get_position (s, position, &spec);
  return spec;
}

static SmOrganisationSpec
organisation_of (const SmScenario *s, int32_t organisation)
{
  SmOrganisationSpec spec = { 0 };
  sm_scenario_get_organisation (s, organisation, &spec);
  return spec;
}

static const char *
unit_name (const SmScenario *s, int32_t unit)
{
  SmUnitSpec spec = { 0 };
  sm_scenario_get_unit (s, unit, &spec);
  return spec.name;
}

/* "organisation, unit" of a position. */
static char *
place_of (const SmScenario *s, int32_t position)
{
  int32_t org = sm_scenario__position_organisation (s, position);
  int32_t unit = sm_scenario__position_unit (s, position);
  return g_strdup_printf ("%s, %s", organisation_of (s, org).name,
                          unit_name (s, unit));
}

/* The required qualifications of the position the employee lacks. */
static char *
missing_qualifications (const SmScenario *s, int32_t employee, int32_t position)
{
  SmEmployeeSpec e = { 0 };
  sm_scenario_get_employee (s, employee, &e);
  const char *const *required = position_of (s, position).qualifications;
  const char *const *held = e.qualifications;
  GString *out = g_string_new (NULL);
  for (; required != NULL && *required != NULL; required++)
    {
      if (held != NULL && g_strv_contains (held, *required))
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, *required);
    }
  return g_string_free (out, FALSE);
}

static char *
fit_name (const LetterJob *job, SmFit fit)
{
  SmCandidate c = { 0 };
  c.fit = fit;
  return job->tx->describe_value (SM_CRITERION_FIT, SM_GRANULARITY_DAYS, &c,
                                  sm_placement_get_reference_date (
                                      job->placement));
}

/* For a fit of "none": which relation the table of function relations
 * lacks (function codes name no person); else "". */
static char *
fit_missing (const LetterJob *job, int32_t employee, int32_t position,
             SmFit fit)
{
  if (fit != SM_FIT_NONE)
    return g_strdup ("");
  SmEmployeeSpec e = { 0 };
  sm_scenario_get_employee (job->scenario, employee, &e);
  return g_strdup_printf (job->tx->fit_missing, e.function_code,
                          position_of (job->scenario, position).function_code);
}

static char *
reason_not_eligible (const LetterJob *job, int32_t employee, const SmRefusal *r)
{
  const SmPriorityRule *rule = sm_scenario__rule_of (job->scenario,
                                                     r->position);
  SmCandidate c;
  sm_scenario__candidate (job->scenario, employee, r->position, &c);
  int32_t distance = sm_priority_rule_get_max_grade_distance (rule);
  if (r->filter == SM_FILTER_GRADE && distance == 0)
    return g_strdup_printf (job->tx->grade_same, (int) c.employee_grade,
                            (int) c.position_grade);
  if (r->filter == SM_FILTER_GRADE)
    return g_strdup_printf (job->tx->grade, (int) c.employee_grade,
                            (int) c.position_grade, (int) distance);
  if (r->filter == SM_FILTER_FIT)
    {
      g_autofree char *min = fit_name (job,
                                       sm_priority_rule_get_min_fit (rule));
      g_autofree char *own = fit_name (job, c.fit);
      g_autofree char *missing = fit_missing (job, employee, r->position,
                                              c.fit);
      g_autofree char *base = g_strdup_printf (job->tx->fit, min, own);
      return g_strconcat (base, missing, NULL);
    }
  g_autofree char *missing = missing_qualifications (job->scenario, employee,
                                                     r->position);
  return g_strdup_printf (job->tx->qualifications, missing);
}

/* How many people the position holds by manual placements. */
static int32_t
manual_at (const LetterJob *job, int32_t position)
{
  SmPositionResult res;
  sm_placement_get_position_result (job->placement, position, &res);
  return res.manual;
}

/* The lottery numbers of a refusal the lot decided: the employee's and
 * the last person admitted's. */
static void
refusal_lots (const LetterJob *job, int32_t employee, const SmRefusal *r,
              uint64_t *own, uint64_t *cutoff)
{
  *own = *cutoff = 0;
  for (int32_t k = 0;
       k < sm_placement_get_n_refusals (job->placement, employee); k++)
    {
      SmRefusal other;
      sm_placement_get_refusal (job->placement, employee, k, &other);
      if (other.position == r->position && other.preference == r->preference)
        {
          sm_placement_get_refusal_lots (job->placement, employee, k, own,
                                         cutoff);
          return;
        }
    }
}

/* The lot decided the refusal @r: both lottery numbers and the seed. */
static void
append_lot (const LetterJob *job, int32_t employee, const SmRefusal *r,
            SmTemplateRecord *item, GString *out)
{
  const SmLetterWords *tx = job->tx;
  uint64_t own, cutoff;
  refusal_lots (job, employee, r, &own, &cutoff);
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                           sm_placement_get_seed (
                                               job->placement));
  g_autofree char *own_text = g_strdup_printf ("%" G_GUINT64_FORMAT, own);
  g_autofree char *cutoff_text = g_strdup_printf ("%" G_GUINT64_FORMAT, cutoff);
  sm_template_record__set_string (item, "decided_by", tx->lot);
  g_string_append_printf (out, tx->full_lot, own_text, cutoff_text, seed);
}

/* A criterion of the rule decided the refusal @r: which one, and the
 * employee's own value of it. */
static void
append_criterion (const LetterJob *job, int32_t employee, const SmRefusal *r,
                  SmTemplateRecord *item, GString *out)
{
  const SmLetterWords *tx = job->tx;
  const SmPriorityRule *rule = sm_scenario__rule_of (job->scenario,
                                                     r->position);
  SmCriterion criterion;
  SmDirection direction;
  SmCandidate c;
  sm_priority_rule_get_criterion (rule, r->criterion, &criterion, &direction);
  sm_scenario__candidate (job->scenario, employee, r->position, &c);
  const char *what = tx->describe_criterion (rule, r->criterion);
  SmDate reference = sm_placement_get_reference_date (job->placement);
  SmGranularity granularity = sm_priority_rule_get_granularity (rule,
                                                                criterion);
  g_autofree char *reference_text = format_date (job, reference);
  g_autofree char *sentence = tx->own_value_sentence (criterion, granularity,
                                                      &c, reference,
                                                      reference_text);
  g_autofree char *missing = criterion == SM_CRITERION_FIT
                                 ? fit_missing (job, employee, r->position,
                                                c.fit)
                                 : g_strdup ("");
  g_string_append_printf (out, tx->full_criterion, what, sentence);
  g_string_append (out, missing);
  sm_template_record__set_string (item, "decided_by", what);
  sm_template_record__take_string (item, "own_value",
                                   tx->own_value (criterion, granularity, &c,
                                                  reference));
}

/* The reason for a full position; also fills decided_by and own_value. */
static char *
reason_full (const LetterJob *job, int32_t employee, const SmRefusal *r,
             SmTemplateRecord *item)
{
  const SmLetterWords *tx = job->tx;
  if (r->criterion == SM_DECIDED_BY_CYCLES)
    {
      /* Tied with the last person admitted, who may rank below: the
       * sentence of a higher priority would not be true. */
      sm_template_record__set_string (item, "decided_by", tx->lot_cycles);
      return g_strdup_printf (tx->full_cycles, (int) r->rank, (int) r->cutoff);
    }
  if (r->cutoff <= 0)
    return g_strdup_printf (tx->full_no_cutoff, (int) r->rank);
  GString *out = g_string_new (NULL);
  int32_t manual = manual_at (job, r->position);
  if (manual > 0)
    g_string_printf (out, tx->full_some_manual, (int) manual, (int) r->rank,
                     (int) r->cutoff);
  else
    g_string_printf (out, tx->full, (int) r->rank, (int) r->cutoff);
  if (r->criterion == SM_DECIDED_BY_LOT)
    append_lot (job, employee, r, item, out);
  else if (r->criterion == SM_DECIDED_BY_MANUAL)
    sm_template_record__set_string (item, "decided_by", tx->manual_cutoff);
  else if (r->criterion >= 0)
    append_criterion (job, employee, r, item, out);
  return g_string_free (out, FALSE);
}

/* The cap, the employee's rank and the last person admitted, and how
 * many people the organisation holds by manual placements (they count
 * towards its maximum). */
static char *
reason_cap (const LetterJob *job, const SmRefusal *r)
{
  const SmScenario *s = job->scenario;
  int32_t org = sm_scenario__position_organisation (s, r->position);
  SmOrganisationSpec o = organisation_of (s, org);
  GString *out = g_string_new (NULL);
  g_string_printf (out, job->tx->cap, o.name, (int) o.max_headcount);
  if (r->cutoff > 0)
    g_string_append_printf (out, job->tx->cap_ranks, (int) r->rank,
                            (int) r->cutoff);
  else
    g_string_append_printf (out, job->tx->cap_nobody, (int) r->rank);
  int32_t manual = 0;
  for (int32_t j = 0; j < sm_scenario_get_n_positions (s); j++)
    if (sm_scenario__position_organisation (s, j) == org)
      manual += manual_at (job, j);
  if (manual > 0)
    g_string_append_printf (out, job->tx->cap_manual, o.name, (int) manual);
  return g_string_free (out, FALSE);
}

/* A seat the employee would have had went to a manual placement. */
static char *
reason_manual_seat (const LetterJob *job, const SmRefusal *r,
                    SmTemplateRecord *item)
{
  SmPositionResult res;
  sm_placement_get_position_result (job->placement, r->position, &res);
  sm_template_record__set_string (item, "decided_by", job->tx->manual_cutoff);
  if (res.reflection)
    return g_strdup_printf (job->tx->manual_seat_reflection, (int) res.filled,
                            (int) res.manual);
  return g_strdup_printf (job->tx->manual_seat, (int) res.filled,
                          (int) res.manual, (int) r->rank, (int) r->cutoff);
}

static char *
reason_reflection (const LetterJob *job, int32_t employee, const SmRefusal *r)
{
  SmCandidate c;
  SmDate reference = sm_placement_get_reference_date (job->placement);
  sm_scenario__candidate (job->scenario, employee, r->position, &c);
  g_autofree char *age = job->tx->describe_value (SM_CRITERION_AGE,
                                                  SM_GRANULARITY_DAYS, &c,
                                                  reference);
  g_autofree char *service = job->tx->describe_value (SM_CRITERION_SERVICE,
                                                      SM_GRANULARITY_DAYS, &c,
                                                      reference);
  SmReduction reduction;
  int32_t years;
  sm_placement_get_reduction (job->placement, &reduction, &years);
  int32_t band = sm_reflection__band (c.birth_date, reference, years);
  int32_t first = SM_REFLECTION_FIRST_BAND_AGE + band * years;
  g_autofree char *band_text =
      band == 0
          ? g_strdup_printf (job->tx->band_first, (int) (first + years - 1))
          : g_strdup_printf (job->tx->band, (int) first,
                             (int) (first + years - 1));
  return g_strdup_printf (job->tx->reflection, age, band_text, service);
}

/* The reason of a refusal in the letter's words; some reasons also fill
 * @item's decided_by and own_value. */
static char *
reason_text (const LetterJob *job, int32_t employee, const SmRefusal *r,
             SmTemplateRecord *item)
{
  char *reason = NULL;
  switch (r->reason)
    {
    case SM_REASON_NOT_ELIGIBLE:
      reason = reason_not_eligible (job, employee, r);
      break;
    case SM_REASON_FULL:
      reason = reason_full (job, employee, r, item);
      break;
    case SM_REASON_CAP:
      reason = reason_cap (job, r);
      break;
    case SM_REASON_MANUAL:
      reason = g_strdup (job->tx->manual);
      break;
    case SM_REASON_REFLECTION:
      reason = reason_reflection (job, employee, r);
      break;
    case SM_REASON_MANUAL_SEAT:
      reason = reason_manual_seat (job, r, item);
      break;
    }
  return reason;
}

/* Fills a refused choice: reason, rank, cutoff, decided_by, own_value. */
static void
fill_refusal (const LetterJob *job, int32_t employee, const SmRefusal *r,
              SmTemplateRecord *item)
{
  char *reason = reason_text (job, employee, r, item);
  sm_template_record__set_boolean (item, "refused", TRUE);
  sm_template_record__take_string (item, "reason", reason);
  if (r->rank > 0)
    sm_template_record__set_int (item, "rank", r->rank);
  if (r->cutoff > 0)
    sm_template_record__set_int (item, "cutoff", r->cutoff);
}

/* ---- the record of one letter ------------------------------------------- */

/* A text of the settings, when set. */
static void
set_text (SmTemplateRecord *rec, const char *name, const char *text)
{
  if (text != NULL)
    sm_template_record__set_string (rec, name, text);
}

/* The settings beyond the placement: who writes, when, whom to ask. */
static void
add_settings (const LetterJob *job, SmTemplateRecord *rec)
{
  const SmLetterSettings *f = &job->facts;
  set_text (rec, "employer", f->employer);
  sm_template_record__set_string (rec, "deciding_body", sender_of (job));
  set_text (rec, "signatory", f->signatory);
  set_text (rec, "contact", f->contact);
  set_text (rec, "response_address", f->response_address);
  if (!sm_date_is_set (f->letter_date))
    return;
  sm_template_record__take_string (rec, "letter_date",
                                   format_date (job, f->letter_date));
  /* Two weeks from the date of the letter: the last day to respond. */
  GDate deadline;
  g_date_clear (&deadline, 1);
  g_date_set_dmy (&deadline, f->letter_date.day, f->letter_date.month,
                  f->letter_date.year);
  g_date_add_days (&deadline, 14);
  SmDate last = { g_date_get_year (&deadline), g_date_get_month (&deadline),
                  g_date_get_day (&deadline) };
  sm_template_record__take_string (rec, "response_deadline",
                                   format_date (job, last));
}

static void
add_general (const LetterJob *job, SmTemplateRecord *rec)
{
  add_settings (job, rec);
  sm_template_record__set_string (rec, "sender", sender_of (job));
  sm_template_record__take_string (rec, "effective_date",
                                   format_date (job, effective_date_of (job)));
  sm_template_record__take_string (
      rec, "reference_date",
      format_date (job, sm_placement_get_reference_date (job->placement)));
  sm_template_record__take_string (rec, "seed",
                                   g_strdup_printf ("%" G_GUINT64_FORMAT,
                                                    sm_placement_get_seed (
                                                        job->placement)));
  sm_template_record__set_string (rec, "tie_breaking",
                                  sm_placement_get_tie_breaking (job->placement)
                                          == SM_TIE_BREAKING_PER_POSITION
                                      ? job->tx->tie_per_position
                                      : job->tx->tie_single);
  sm_template_record__set_boolean (rec, "improvement_cycles",
                                   sm_placement_get_improvement_cycles (
                                       job->placement));
  sm_template_record__set_string (rec, "version", sm_version ());
  sm_template_record__set_string (rec, "checksum", job->checksum);
  gboolean public_law = job->facts.regime == SM_REGIME_PUBLIC_LAW;
  sm_template_record__set_boolean (rec, "public_law", public_law);
  sm_template_record__set_boolean (rec, "employment_law", !public_law);
}

static void
add_decision (const LetterJob *job, int32_t employee, SmTemplateRecord *rec)
{
  const SmScenario *s = job->scenario;
  SmEmployeeSpec e = { 0 };
  sm_scenario_get_employee (s, employee, &e);
  SmEmployeeOutcome out;
  sm_placement_get_outcome (job->placement, employee, &out);
  sm_template_record__set_string (rec, "employee_name", e.name);
  sm_template_record__set_string (rec, "employee_id", e.id);
  sm_template_record__set_boolean (rec, "applied",
                                   out.status == SM_STATUS_PLACED);
  sm_template_record__set_boolean (rec, "follows_work",
                                   out.status == SM_STATUS_FOLLOWS_WORK);
  sm_template_record__set_boolean (rec, "supernumerary",
                                   out.status == SM_STATUS_SUPERNUMERARY);
  sm_template_record__set_boolean (rec, "manual",
                                   out.status == SM_STATUS_MANUAL);
  sm_template_record__set_string (rec, "organisation",
                                  organisation_of (s, out.organisation).name);
  sm_template_record__set_string (rec, "unit", unit_name (s, out.unit));
  if (out.position >= 0)
    {
      SmPositionSpec p = position_of (s, out.position);
      sm_template_record__set_string (rec, "position", p.title);
      sm_template_record__set_int (rec, "grade", p.grade);
    }
  if (out.preference > 0)
    sm_template_record__set_int (rec, "preference_obtained", out.preference);
  const char *manual_reason = sm_scenario__manual_reason (s, employee);
  if (manual_reason != NULL)
    sm_template_record__set_string (rec, "manual_reason", manual_reason);
}

/* The refusal of the employee's preference @preference, if any. */
static gboolean
find_refusal (const LetterJob *job, int32_t employee, int32_t preference,
              SmRefusal *refusal_out)
{
  int32_t n = sm_placement_get_n_refusals (job->placement, employee);
  for (int32_t k = 0; k < n; k++)
    {
      sm_placement_get_refusal (job->placement, employee, k, refusal_out);
      if (refusal_out->preference == preference)
        return TRUE;
    }
  return FALSE;
}

/* How many candidates the position ranked, for how many seats. */
static void
add_competition (const LetterJob *job, int32_t position, SmTemplateRecord *item)
{
  SmPositionResult res;
  sm_placement_get_position_result (job->placement, position, &res);
  sm_template_record__set_int (item, "candidates", res.candidates);
  sm_template_record__set_int (item, "seats", res.seats);
  sm_template_record__take_string (item, "competition",
                                   job->tx->competition (res.candidates,
                                                         res.seats));
}

static void
add_preferences (const LetterJob *job, int32_t employee, SmTemplateRecord *rec)
{
  const SmScenario *s = job->scenario;
  const int32_t *apps;
  int32_t n_apps;
  SmEmployeeOutcome out;
  sm_placement_get_outcome (job->placement, employee, &out);
  sm_scenario__applications_of (s, employee, &apps, &n_apps);
  sm_template_record__set_list (rec, "preferences");
  for (int32_t k = 0; k < n_apps; k++)
    {
      SmApplicationSpec a = { 0 };
      sm_scenario_get_application (s, apps[k], &a);
      int32_t position = sm_scenario__application_position (s, apps[k]);
      SmTemplateRecord *item = sm_template_record__append (rec, "preferences");
      SmRefusal r;
      sm_template_record__set_int (item, "number", a.preference);
      sm_template_record__set_string (item, "title",
                                      position_of (s, position).title);
      sm_template_record__take_string (item, "place", place_of (s, position));
      add_competition (job, position, item);
      if (out.status == SM_STATUS_PLACED && out.position == position)
        sm_template_record__set_boolean (item, "obtained", TRUE);
      else if (find_refusal (job, employee, a.preference, &r))
        fill_refusal (job, employee, &r, item);
      else
        sm_template_record__set_boolean (item, "not_needed", TRUE);
    }
}

/* The position of the employee's own function they did not keep, as a
 * list of none or one. */
static void
add_own_function (const LetterJob *job, int32_t employee, SmTemplateRecord *rec)
{
  SmRefusal r;
  sm_template_record__set_list (rec, "own_function");
  if (!find_refusal (job, employee, 0, &r))
    return;
  SmTemplateRecord *item = sm_template_record__append (rec, "own_function");
  sm_template_record__set_string (item, "title",
                                  position_of (job->scenario, r.position)
                                      .title);
  sm_template_record__take_string (item, "place",
                                   place_of (job->scenario, r.position));
  add_competition (job, r.position, item);
  fill_refusal (job, employee, &r, item);
}

/* ---- the rules ----------------------------------------------------------- */

/* The position of the employee's own function that the letter speaks
 * of (followed or lost), or -1. */
static int32_t
own_function_position (const LetterJob *job, int32_t employee)
{
  SmEmployeeOutcome out;
  SmRefusal r;
  sm_placement_get_outcome (job->placement, employee, &out);
  if (out.status == SM_STATUS_FOLLOWS_WORK)
    return out.position;
  return find_refusal (job, employee, 0, &r) ? r.position : -1;
}

/* The positions whose rules the letter explains: those applied to, the
 * own-function position followed or lost. */
static GArray *
positions_ruled (const LetterJob *job, int32_t employee)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (int32_t));
  const int32_t *apps;
  int32_t n_apps;
  sm_scenario__applications_of (job->scenario, employee, &apps, &n_apps);
  for (int32_t k = 0; k < n_apps; k++)
    {
      int32_t position = sm_scenario__application_position (job->scenario,
                                                            apps[k]);
      g_array_append_val (positions, position);
    }
  int32_t own = own_function_position (job, employee);
  if (own >= 0)
    g_array_append_val (positions, own);
  return positions;
}

/* The rule's filters, one phrase each; with @own_function, that they do
 * not apply to the position of the employee's own function (compile.c
 * lists it whatever they say). */
static char *
describe_filters (const LetterJob *job, const SmPriorityRule *rule,
                  gboolean own_function)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  int32_t distance = sm_priority_rule_get_max_grade_distance (rule);
  SmFit min_fit = sm_priority_rule_get_min_fit (rule);
  if (distance == 0)
    g_ptr_array_add (parts, g_strdup (job->tx->filter_grade_same));
  else if (distance > 0)
    g_ptr_array_add (parts,
                     g_strdup_printf (job->tx->filter_grade, (int) distance));
  if (min_fit != SM_FIT_NONE)
    {
      g_autofree char *fit = fit_name (job, min_fit);
      g_ptr_array_add (parts, g_strdup_printf (job->tx->filter_fit, fit));
    }
  if (sm_priority_rule_get_require_qualifications (rule))
    g_ptr_array_add (parts, g_strdup (job->tx->filter_qualifications));
  gboolean any = parts->len > 0;
  g_ptr_array_add (parts, NULL);
  char *text = g_strjoinv ("; ", (char **) parts->pdata);
  g_ptr_array_unref (parts);
  if (any && own_function)
    {
      char *noted = g_strconcat (text, job->tx->filters_not_own, NULL);
      g_free (text);
      return noted;
    }
  return text;
}

static void
add_rule (const LetterJob *job, const SmPriorityRule *rule, const char *titles,
          gboolean own_function, SmTemplateRecord *rec)
{
  SmTemplateRecord *item = sm_template_record__append (rec, "rules");
  sm_template_record__set_string (item, "rule_id",
                                  sm_priority_rule_get_id (rule));
  sm_template_record__set_string (item, "rule_positions", titles);
  sm_template_record__take_string (item, "filters",
                                   describe_filters (job, rule, own_function));
  sm_template_record__set_list (item, "criteria");
  int32_t n = sm_priority_rule_get_n_criteria (rule);
  for (int32_t k = 0; k < n; k++)
    {
      SmTemplateRecord *c = sm_template_record__append (item, "criteria");
      sm_template_record__set_int (c, "criterion_number", k + 1);
      sm_template_record__set_string (c, "criterion",
                                      job->tx->describe_criterion (rule, k));
    }
}

/* One entry per rule, in the order first met, naming its positions. */
static void
add_rules (const LetterJob *job, int32_t employee, SmTemplateRecord *rec)
{
  g_autoptr (GArray) positions = positions_ruled (job, employee);
  int32_t own = own_function_position (job, employee);
  const SmPriorityRule *own_rule = own >= 0
                                       ? sm_scenario__rule_of (job->scenario,
                                                               own)
                                       : NULL;
  g_autoptr (GPtrArray) rules = g_ptr_array_new ();
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (
      (GDestroyNotify) g_ptr_array_unref);
  for (guint k = 0; k < positions->len; k++)
    {
      int32_t j = g_array_index (positions, int32_t, k);
      const SmPriorityRule *rule = sm_scenario__rule_of (job->scenario, j);
      const char *title = position_of (job->scenario, j).title;
      guint at;
      if (!g_ptr_array_find (rules, rule, &at))
        {
          at = rules->len;
          g_ptr_array_add (rules, (gpointer) rule);
          g_ptr_array_add (titles, g_ptr_array_new ());
        }
      GPtrArray *list = g_ptr_array_index (titles, at);
      if (!g_ptr_array_find_with_equal_func (list, title, g_str_equal, NULL))
        g_ptr_array_add (list, (gpointer) title);
    }
  sm_template_record__set_list (rec, "rules");
  for (guint k = 0; k < rules->len; k++)
    {
      GPtrArray *list = g_ptr_array_index (titles, k);
      g_ptr_array_add (list, NULL);
      g_autofree char *joined = g_strjoinv (", ", (char **) list->pdata);
      const SmPriorityRule *rule = g_ptr_array_index (rules, k);
      add_rule (job, rule, joined, rule == own_rule, rec);
    }
}

static char *
render_letter (const LetterJob *job, const SmTemplate *tmpl, int32_t employee)
{
  g_autoptr (SmTemplateRecord) rec = sm_template_record__new ();
  add_general (job, rec);
  add_decision (job, employee, rec);
  add_preferences (job, employee, rec);
  add_own_function (job, employee, rec);
  add_rules (job, employee, rec);
  return sm_template__render (tmpl, rec);
}

/* ---- the names a template may use ------------------------------------- */

/* Every name a template may use. */
static const char *const letter_names[] = {
  "sender", "effective_date", "reference_date", "seed", "tie_breaking",
  "improvement_cycles", "version", "checksum", "public_law", "employment_law",
  "employee_name", "employee_id", "applied", "follows_work", "supernumerary",
  "manual", "organisation", "unit", "position", "grade", "preference_obtained",
  "manual_reason", "preferences", "number", "title", "place", "obtained",
  "refused", "not_needed", "reason", "rank", "cutoff", "decided_by",
  "own_value", "own_function", "rules", "rule_id", "rule_positions", "filters",
  "criteria", "criterion_number", "criterion",
  /* sendable letters */
  "employer", "deciding_body", "signatory", "contact", "response_address",
  "letter_date", "response_deadline", "candidates", "seats", "competition", NULL
};

/* ---- rendering and writing ---------------------------------------------- */

/* The letters' facts: the options' settings, else the scenario's; a
 * version-1 struct puts its own regime, effective date and sender in. */
static SmLetterSettings
facts_of (const SmPlacement *placement, const SmLetterOptions *options)
{
  SmLetterSettings facts;
  if (options->version >= 2 && options->settings != NULL)
    return *options->settings;
  sm_scenario_get_letter_settings (sm_placement_get_scenario (placement),
                                   &facts);
  if (options->version == 1)
    {
      facts.regime = options->regime;
      facts.effective_date = options->effective_date;
      if (options->sender != NULL && options->sender[0] != '\0')
        facts.deciding_body = options->sender;
    }
  return facts;
}

static SmTemplate *
prepare (const SmPlacement *placement, const SmLetterOptions *options,
         GError **error)
{
  SmLetterSettings facts = facts_of (placement, options);
  if (options->version == 1 && !sm_date_is_valid (options->effective_date))
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
                   "The effective date of the letters is not a valid date; "
                   "set options->effective_date.");
      return NULL;
    }
  if (!sm_letter_settings_check (&facts, error))
    return NULL;
  const char *text = options->template_text;
  if (text == NULL)
    text = sm_letter_get_default_template (options->language, facts.regime);
  return sm_template__parse (text, letter_names, error);
}

static void
job_init (LetterJob *job, const SmPlacement *placement,
          const SmLetterOptions *options, const char *checksum)
{
  job->placement = placement;
  job->scenario = sm_placement_get_scenario (placement);
  job->options = options;
  job->tx = sm_letter__words (options->language);
  job->checksum = checksum;
  job->facts = facts_of (placement, options);
}

char *
sm_letter_render (const SmPlacement *placement, int32_t employee,
                  const SmLetterOptions *options, GError **error)
{
  g_return_val_if_fail (placement != NULL && options != NULL, NULL);
  g_return_val_if_fail (options->version == 1u
                            || options->version == SM_LETTER_OPTIONS_VERSION,
                        NULL);
  g_return_val_if_fail (employee >= 0
                            && employee < sm_scenario_get_n_employees (
                                   sm_placement_get_scenario (placement)),
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autoptr (SmTemplate) tmpl = prepare (placement, options, error);
  if (tmpl == NULL)
    return NULL;
  g_autofree char *checksum = sm_placement_checksum (placement);
  LetterJob job;
  job_init (&job, placement, options, checksum);
  return render_letter (&job, tmpl, employee);
}

char *
sm_refusal_to_sentence (const SmPlacement *placement, int32_t employee,
                        const SmRefusal *refusal, SmLanguage language)
{
  g_return_val_if_fail (placement != NULL && refusal != NULL, NULL);
  g_return_val_if_fail (language == SM_LANGUAGE_DUTCH
                            || language == SM_LANGUAGE_ENGLISH,
                        NULL);
  g_return_val_if_fail (employee >= 0
                            && employee < sm_scenario_get_n_employees (
                                   sm_placement_get_scenario (placement)),
                        NULL);
  g_return_val_if_fail ((int) refusal->reason >= SM_REASON_NOT_ELIGIBLE
                            && refusal->reason <= SM_REASON_MANUAL_SEAT,
                        NULL);
  SmLetterOptions options = SM_LETTER_OPTIONS_INIT;
  options.language = language;
  LetterJob job;
  job_init (&job, placement, &options, NULL);
  /* The facts some reasons add for a letter's template are not wanted
   * here; they go to a record that is thrown away. */
  SmTemplateRecord *scratch = sm_template_record__new ();
  char *sentence = reason_text (&job, employee, refusal, scratch);
  sm_template_record__free (scratch);
  return sentence;
}

static gboolean
write_text (gconstpointer object, FILE *stream, GError **error)
{
  if (fputs (object, stream) >= 0)
    return TRUE;
  int saved = errno;
  g_set_error (error, SM_ERROR, SM_ERROR_IO, "cannot write the letter: %s",
               g_strerror (saved));
  return FALSE;
}

/* Whether an employee id can name a file in the folder and nothing else. */
static gboolean
id_is_file_name (const char *id)
{
  return strchr (id, '/') == NULL && strchr (id, '\\') == NULL
         && strcmp (id, ".") != 0 && strcmp (id, "..") != 0;
}

static gboolean
write_one (const LetterJob *job, const SmTemplate *tmpl, const char *dir,
           int32_t employee, GError **error)
{
  SmEmployeeSpec e = { 0 };
  sm_scenario_get_employee (job->scenario, employee, &e);
  const char *id = e.id;
  if (!id_is_file_name (id))
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
                   "Employee “%s”: the identifier cannot be used as a file "
                   "name (it is “.” or “..” or holds a slash); rename the "
                   "employee.",
                   id);
      return FALSE;
    }
  g_autofree char *name = g_strconcat (id, ".txt", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = render_letter (job, tmpl, employee);
  return sm_text_file__replace (path, write_text, text, error);
}

gboolean
sm_letter_write_all (const SmPlacement *placement, const char *dir,
                     const SmLetterOptions *options, GError **error)
{
  g_return_val_if_fail (placement != NULL && dir != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (options->version == 1u
                            || options->version == SM_LETTER_OPTIONS_VERSION,
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_autoptr (SmTemplate) tmpl = prepare (placement, options, error);
  if (tmpl == NULL)
    return FALSE;
  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (dir);
      g_set_error (error, SM_ERROR, SM_ERROR_IO,
                   "%s: cannot create the folder for the letters: %s", display,
                   g_strerror (saved));
      return FALSE;
    }
  const SmScenario *s = sm_placement_get_scenario (placement);
  g_autofree char *checksum = sm_placement_checksum (placement);
  LetterJob job;
  job_init (&job, placement, options, checksum);
  int32_t n = sm_scenario_get_n_employees (s);
  for (int32_t i = 0; i < n; i++)
    if (!write_one (&job, tmpl, dir, i, error))
      return FALSE;
  return TRUE;
}

gboolean
sm_letter_render_each (const SmPlacement *placement,
                       const SmLetterOptions *options, SmLetterFunc func,
                       void *user_data, GError **error)
{
  g_return_val_if_fail (placement != NULL && options != NULL, FALSE);
  g_return_val_if_fail (options->version == 1u
                            || options->version == SM_LETTER_OPTIONS_VERSION,
                        FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_autoptr (SmTemplate) tmpl = prepare (placement, options, error);
  if (tmpl == NULL)
    return FALSE;
  const SmScenario *s = sm_placement_get_scenario (placement);
  g_autofree char *checksum = sm_placement_checksum (placement);
  LetterJob job;
  job_init (&job, placement, options, checksum);
  for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
    {
      g_autofree char *text = render_letter (&job, tmpl, i);
      if (!func (i, text, strlen (text), user_data, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- the mail-merge table ------------------------------------------------ */

static void
put_field (GString *out, const char *text, gboolean last)
{
  if (text == NULL)
    text = "";
  gboolean formula = strchr ("=+-@", text[0]) != NULL && text[0] != '\0';
  if (strpbrk (text, ";\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      if (formula)
        g_string_append_c (out, '\'');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append_printf (out, "%s%s", formula ? "'" : "", text);
  g_string_append_c (out, last ? '\n' : ';');
}

static void
put_row (GString *out, const char *const *fields, int n)
{
  for (int k = 0; k < n; k++)
    put_field (out, fields[k], k == n - 1);
}

static void
put_mail_merge_row (const LetterJob *job, int32_t employee,
                    const char *letter_folder, GString *out)
{
  const SmScenario *s = job->scenario;
  SmEmployeeSpec e = { 0 };
  SmEmployeeOutcome o;
  sm_scenario_get_employee (s, employee, &e);
  sm_placement_get_outcome (job->placement, employee, &o);
  g_autofree char *preference = o.preference > 0
                                    ? g_strdup_printf ("%d", (int) o.preference)
                                    : NULL;
  g_autofree char *file = g_strconcat (e.id, ".txt", NULL);
  g_autofree char *path = letter_folder != NULL
                              ? g_strconcat (letter_folder, "/", file, NULL)
                              : g_strdup (file);
  const char *fields[] = {
    e.id,
    e.name,
    organisation_of (s, o.organisation).name,
    unit_name (s, o.unit),
    o.position >= 0 ? position_of (s, o.position).title : NULL,
    job->tx->statuses[o.status],
    preference,
    path,
  };
  put_row (out, fields, G_N_ELEMENTS (fields));
}

char *
sm_letter_mail_merge (const SmPlacement *placement,
                      const SmLetterOptions *options, const char *letter_folder)
{
  g_return_val_if_fail (placement != NULL && options != NULL, NULL);
  g_return_val_if_fail (options->version == 1u
                            || options->version == SM_LETTER_OPTIONS_VERSION,
                        NULL);
  static const char *const header_nl[] = {
    "personeelsnummer", "naam",     "organisatie", "afdeling",
    "functie",          "uitkomst", "voorkeur",    "brief",
  };
  static const char *const header_en[] = {
    "employee_id", "name",    "organisation", "unit",
    "position",    "outcome", "preference",   "letter",
  };
  LetterJob job;
  job_init (&job, placement, options, NULL);
  GString *out = g_string_new (NULL);
  put_row (out,
           options->language == SM_LANGUAGE_ENGLISH ? header_en : header_nl,
           G_N_ELEMENTS (header_nl));
  for (int32_t i = 0; i < sm_scenario_get_n_employees (job.scenario); i++)
    put_mail_merge_row (&job, i, letter_folder, out);
  return g_string_free (out, FALSE);
}
