/* staffmatch: individual decision letters.
 *
 * Every employee is owed a decision they can check and contest: where
 * they go, why not to a position they preferred, under which rule and
 * which lottery draw, and how to object (DOMAIN.md). This file gathers
 * those facts for one employee into a small tree of values (a record of
 * strings, booleans and lists, template-private.h) and fills in a
 * template: one of four built-in ones (Dutch or English, public law or
 * employment law) or the caller's own.
 *
 * What a letter may say about other people: nothing by name. A refusal
 * gives the employee's own rank, the rank of the last person admitted
 * (the cutoff), the criterion that separated them and the employee's own
 * value for it, never the other person's value (explain.h).
 *
 * The sentences made here (reasons, criteria, values, dates) follow the
 * letter's language; the English ones for criteria and values come from
 * the rules themselves (priority-private.h), the Dutch ones are below.
 * The output depends only on the placement and the options: no clock, no
 * locale, so the same input gives the same bytes.
 */
#include <staffmatch/letter.h>

#include <errno.h>
#include <math.h>
#include <string.h>
#include <staffmatch/error.h>
#include <staffmatch/explain.h>
#include <staffmatch/io.h>
#include <staffmatch/version.h>

#include "compile-private.h"
#include "date-private.h"
#include "reflection-private.h"
#include "scenario-private.h"
#include "template-private.h"
#include "text-scanner.h"

/* ---- the words of each language ----------------------------------------- */

typedef struct {
  const char *months[12];
  const char *college;          /* the sender when none is given */
  const char *tie_single;
  const char *tie_per_position;
  const char *lot;              /* decided_by: the lottery */
  const char *manual_cutoff;    /* decided_by: a manual placement */
  const char *grade;            /* own grade, position grade, distance */
  const char *grade_same;       /* own grade, position grade */
  const char *fit;              /* minimum fit, own fit */
  const char *qualifications;   /* the missing ones */
  const char *full;             /* rank, cutoff */
  const char *full_criterion;   /* criterion, own value */
  const char *full_lot;         /* seed */
  const char *full_some_manual; /* manual, rank, cutoff */
  const char *full_no_cutoff;   /* rank */
  const char *cap;              /* organisation, maximum */
  const char *cap_ranks;        /* rank, cutoff */
  const char *cap_nobody;       /* rank */
  const char *cap_manual;       /* organisation, manual */
  const char *manual;
  const char *reflection;       /* age, band, service */
  const char *band_first;       /* last age of the first band */
  const char *band;             /* first and last age of a band */
  const char *manual_seat;      /* placed, manual, rank, cutoff */
  const char *manual_seat_reflection; /* placed, manual */
  const char *filter_grade;     /* distance */
  const char *filter_grade_same;
  const char *filter_fit;       /* minimum fit */
  const char *filter_qualifications;
  const char *filters_not_own;  /* after the filters of the own function */
  const char *(*describe_criterion) (const SmPriorityRule *rule,
                                     int32_t index);
  char *(*describe_value) (SmCriterion criterion,
                           const SmCandidate *candidate, SmDate reference);
} LetterTexts;

static const char *describe_criterion_nl (const SmPriorityRule *rule,
                                          int32_t index);
static char *describe_value_nl (SmCriterion criterion,
                                const SmCandidate *candidate,
                                SmDate reference);

static const LetterTexts texts_nl = {
  { "januari", "februari", "maart", "april", "mei", "juni", "juli",
    "augustus", "september", "oktober", "november", "december" },
  "het college van burgemeester en wethouders",
  "één lotnummer per medewerker, dat bij alle functies hetzelfde is",
  "een apart lotnummer per functie en medewerker",
  "de loting",
  "een plaatsing op grond van de hardheidsclausule",
  "U kwam voor deze functie niet in aanmerking: uw salarisschaal (%d) en "
  "de schaal van de functie (%d) liggen meer dan %d uit elkaar, en dat "
  "staat de voorrangsregel van deze functie niet toe.",
  "U kwam voor deze functie niet in aanmerking: uw salarisschaal (%d) is "
  "een andere dan die van de functie (%d), en de voorrangsregel van deze "
  "functie vraagt dezelfde schaal.",
  "U kwam voor deze functie niet in aanmerking: de voorrangsregel vraagt "
  "dat de functie ten minste als “%s” aansluit op uw huidige functie; bij "
  "u is dat “%s”.",
  "U kwam voor deze functie niet in aanmerking: u heeft niet alle vereiste "
  "diploma's en bevoegdheden (u mist: %s).",
  "Niet toegekend: alle plaatsen zijn gegaan naar kandidaten met een "
  "hogere voorrang. Uw plaats in de voorrangsvolgorde was %d; de laatste "
  "plaats ging naar nummer %d.",
  " Doorslaggevend was: %s. Uw eigen gegeven daarvoor: %s.",
  " Volgens de voorrangsregel stond u gelijk met de laatst geplaatste "
  "kandidaat; de loting (lotingsgetal %s) heeft die kandidaat voor u "
  "geplaatst.",
  "Niet toegekend: alle plaatsen zijn bezet. Plaatsen bezet door een "
  "plaatsing op grond van de hardheidsclausule: %d; ook zonder die "
  "plaatsingen waren kandidaten met een hogere voorrang u voorgegaan. Uw "
  "plaats in de voorrangsvolgorde was %d; de laatste plaats ging naar "
  "nummer %d.",
  "Niet toegekend: er was geen plaats meer voor kandidaten uit de "
  "voorrangsvolgorde (uw plaats daarin was %d).",
  "Niet toegekend: er was nog een plaats open, maar %s had het maximale "
  "aantal van %d medewerkers bereikt.",
  " Uw plaats in de voorrangsvolgorde was %d; de laatst toegelaten "
  "kandidaat had nummer %d.",
  " Uw plaats in de voorrangsvolgorde was %d; in deze functie is niemand "
  "toegelaten.",
  " Medewerkers bij %s geplaatst op grond van de hardheidsclausule: %d.",
  "Niet meegenomen: u wordt geplaatst op grond van de hardheidsclausule, "
  "en daarom zijn uw sollicitaties niet in behandeling genomen.",
  "Niet toegekend: in deze functie waren minder plaatsen dan kandidaten. "
  "Wie een plaats behoudt, is bepaald volgens het afspiegelingsbeginsel: "
  "de kandidaten zijn ingedeeld in leeftijdsgroepen, de vermindering is "
  "evenredig over die groepen verdeeld, en binnen een groep gaat wie het "
  "kortst in dienst is het eerst (daarna de jongste, daarna de loting; "
  "een onbekende datum telt als de kortste diensttijd of de jongste "
  "leeftijd). Uw leeftijd: %s, in de leeftijdsgroep %s; uw diensttijd: "
  "%s.",
  "tot en met %d jaar",
  "%d tot en met %d jaar",
  "Niet toegekend: een plaats die u anders had gekregen, is gegaan naar "
  "een plaatsing op grond van de hardheidsclausule. Geplaatst in deze "
  "functie: %d medewerkers, van wie op grond van de hardheidsclausule: %d. "
  "Uw plaats in de voorrangsvolgorde was %d; de laatste plaats ging naar "
  "nummer %d.",
  "Niet toegekend: een plaats die u anders had gekregen, is gegaan naar "
  "een plaatsing op grond van de hardheidsclausule. Geplaatst in deze "
  "functie: %d medewerkers, van wie op grond van de hardheidsclausule: %d. "
  "Waren die plaatsen vrij geweest, dan had u volgens het "
  "afspiegelingsbeginsel een plaats behouden.",
  "een salarisschaal die ten hoogste %d verschilt van die van de functie",
  "dezelfde salarisschaal als de functie",
  "een aansluiting op de huidige functie van ten minste “%s”",
  "alle vereiste diploma's en bevoegdheden",
  " (deze voorwaarden gelden voor sollicitaties; de functie die bij uw "
  "eigen werk hoort, sluiten zij niet voor u af)",
  describe_criterion_nl,
  describe_value_nl,
};

static const LetterTexts texts_en = {
  { "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December" },
  "the college of burgemeester en wethouders",
  "one lottery number per employee, the same at every position",
  "a separate lottery number per position and employee",
  "the lottery",
  "a manual placement (hardship clause)",
  "You were not eligible for this position: your salary grade (%d) and "
  "the position's grade (%d) are more than %d apart, which the position's "
  "rule does not allow.",
  "You were not eligible for this position: your salary grade (%d) is "
  "not the position's grade (%d), and the position's rule asks for the "
  "same grade.",
  "You were not eligible for this position: its rule asks for a fit to "
  "your current function of at least “%s”, and yours is “%s”.",
  "You were not eligible for this position: you do not hold all the "
  "qualifications it requires (missing: %s).",
  "Not obtained: every place went to a candidate with a higher priority. "
  "Your priority rank was %d; the last place went to rank %d.",
  " What decided: %s. Your own value for it: %s.",
  " Under the rule you were tied with the last person admitted; the "
  "lottery (seed %s) put that person ahead of you.",
  "Not obtained: every place was filled. Places filled by manual "
  "placements (hardship clause): %d; even without those, candidates with "
  "a higher priority would have come before you. Your priority rank was "
  "%d; the last place went to rank %d.",
  "Not obtained: no place was left for candidates in the priority order "
  "(your priority rank was %d).",
  "Not obtained: a place was still open, but %s had reached its maximum "
  "headcount of %d people.",
  " Your priority rank was %d; the last person admitted had rank %d.",
  " Your priority rank was %d; nobody was admitted to this position.",
  " People placed at %s manually (hardship clause): %d.",
  "Not considered: you are placed by a manual decision (hardship clause), "
  "so your applications did not take part.",
  "Not obtained: this function had fewer places than candidates. Who "
  "keeps a place was decided by the reflection principle "
  "(afspiegelingsbeginsel): the candidates are grouped in age bands, the "
  "reduction is spread over the bands in proportion to their size, and "
  "within a band the shortest service goes first (then the youngest, then "
  "the lottery; a missing date counts as the shortest service or the "
  "youngest age). Your age: %s, in the age band %s; your years of "
  "service: %s.",
  "up to %d years",
  "%d to %d years",
  "Not obtained: a place you would otherwise have had went to a manual "
  "placement (hardship clause). People placed in this position: %d, of "
  "whom placed manually: %d. Your priority rank was %d; the last place "
  "went to rank %d.",
  "Not obtained: a place you would otherwise have had went to a manual "
  "placement (hardship clause). People placed in this position: %d, of "
  "whom placed manually: %d. Had those places been free, the reflection "
  "principle (afspiegelingsbeginsel) would have let you keep a place.",
  "a salary grade at most %d from the position's",
  "the same salary grade as the position",
  "a fit to the current function of at least “%s”",
  "all required qualifications",
  " (these apply to applications; they do not close the position of your "
  "own function to you)",
  sm_priority__describe_criterion,
  sm_priority__describe_value,
};

static const LetterTexts *
texts_for (SmLanguage language)
{
  return language == SM_LANGUAGE_ENGLISH ? &texts_en : &texts_nl;
}

/* ---- Dutch descriptions of criteria and values ------------------------- */

static const char *
describe_criterion_nl (const SmPriorityRule *rule, int32_t index)
{
  static const char *const text[SM_N_CRITERIA][2] = {
    { "de aansluiting van de functie op de huidige functie (beste "
      "aansluiting eerst)",
      "de aansluiting van de functie op de huidige functie (zwakste "
      "aansluiting eerst)" },
    { "plaatsing in dezelfde salarisschaal (vóór een andere schaal)",
      "plaatsing in een andere salarisschaal (vóór dezelfde schaal)" },
    { "de score van de plaatsingscommissie (hoogste eerst)",
      "de score van de plaatsingscommissie (laagste eerst)" },
    { "diensttijd (langste eerst)", "diensttijd (kortste eerst)" },
    { "leeftijd (oudste eerst)", "leeftijd (jongste eerst)" },
    { "reisafstand (langste eerst)", "reisafstand (kortste eerst)" },
  };
  SmCriterion criterion;
  SmDirection direction;
  sm_priority_rule_get_criterion (rule, index, &criterion, &direction);
  return text[criterion][direction];
}

/* A number as Dutch writes it: a decimal comma. */
static char *
format_number_nl (const char *prefix, double value, const char *suffix)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (buffer, sizeof buffer, "%g", value);
  g_strdelimit (buffer, ".", ',');
  return g_strconcat (prefix, buffer, suffix, NULL);
}

/* "12 jaar", "1 jaar en 1 dag", "0 jaar en 40 dagen". */
static char *
describe_duration_nl (SmDate since, SmDate reference)
{
  if (!sm_date_is_valid (since) || !sm_date_is_valid (reference))
    return g_strdup ("geen datum bekend");
  if (sm_date_compare (since, reference) > 0)
    return g_strdup ("geen (de datum ligt na de peildatum)");
  int32_t years = sm_date_full_years (since, reference);
  SmDate last = sm_date__anniversary (since, since.year + years);
  int64_t days = sm_date_days_between (last, reference);
  if (days == 0)
    return g_strdup_printf ("%d jaar", (int) years);
  return g_strdup_printf ("%d jaar en %" G_GINT64_FORMAT " %s", (int) years,
                          days, days == 1 ? "dag" : "dagen");
}

static char *
describe_value_nl (SmCriterion criterion, const SmCandidate *c,
                   SmDate reference)
{
  static const char *const fits[] = {
    "dezelfde functie", "uitwisselbare functie", "passende functie",
    "geschikte functie", "geen aansluiting",
  };
  switch (criterion)
    {
    case SM_CRITERION_FIT:
      return g_strdup (c->fit >= 0 && c->fit < (int) G_N_ELEMENTS (fits)
                       ? fits[c->fit] : "onbekend");
    case SM_CRITERION_SAME_GRADE:
      if (c->employee_grade == c->position_grade)
        return g_strdup_printf ("dezelfde schaal (%d)",
                                (int) c->employee_grade);
      return g_strdup_printf ("van schaal %d naar %d",
                              (int) c->employee_grade,
                              (int) c->position_grade);
    case SM_CRITERION_COMMITTEE_SCORE:
      if (isnan (c->committee_score))
        return g_strdup ("geen score");
      return format_number_nl ("score ", c->committee_score, "");
    case SM_CRITERION_SERVICE:
      return describe_duration_nl (c->service_start, reference);
    case SM_CRITERION_AGE:
      return describe_duration_nl (c->birth_date, reference);
    case SM_CRITERION_TRAVEL:
      if (!(c->travel_km >= 0))
        return g_strdup ("geen afstand bekend");
      return format_number_nl ("", c->travel_km, " km");
    }
  return g_strdup ("onbekend");
}

/* ---- the facts of one letter --------------------------------------------- */

typedef struct {
  const SmPlacement *placement;
  const SmScenario *scenario;
  const SmLetterOptions *options;
  const LetterTexts *tx;
  const char *checksum;
} LetterJob;

static char *
format_date (const LetterJob *job, SmDate date)
{
  if (!sm_date_is_valid (date))
    return sm_date_to_iso (date);
  return g_strdup_printf ("%d %s %d", (int) date.day,
                          job->tx->months[date.month - 1], (int) date.year);
}

static const char *
sender_of (const LetterJob *job)
{
  const char *sender = job->options->sender;
  return sender != NULL && sender[0] != '\0' ? sender : job->tx->college;
}

/* "organisation, unit" of a position. */
static char *
place_of (const SmScenario *s, int32_t position)
{
  const SmPositionRecord *p = sm_scenario__position (s, position);
  return g_strdup_printf ("%s, %s",
                          sm_scenario__organisation (s, p->organisation)
                              ->spec.name,
                          sm_scenario__unit (s, p->unit)->spec.name);
}

/* The required qualifications of the position the employee lacks. */
static char *
missing_qualifications (const SmScenario *s, int32_t employee,
                        int32_t position)
{
  const char *const *required = sm_scenario__position (s, position)
                                    ->spec.qualifications;
  const char *const *held = sm_scenario__employee (s, employee)
                                ->spec.qualifications;
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
  return job->tx->describe_value (SM_CRITERION_FIT, &c,
                                  sm_placement_get_reference_date (
                                      job->placement));
}

static char *
reason_not_eligible (const LetterJob *job, int32_t employee,
                     const SmRefusal *r)
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
      return g_strdup_printf (job->tx->fit, min, own);
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

/* The reason for a full position; also fills decided_by and own_value. */
static char *
reason_full (const LetterJob *job, int32_t employee, const SmRefusal *r,
             SmTemplateRecord *item)
{
  const LetterTexts *tx = job->tx;
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
    {
      g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                               sm_placement_get_seed (
                                                   job->placement));
      sm_template_record__set_string (item, "decided_by", tx->lot);
      g_string_append_printf (out, tx->full_lot, seed);
    }
  else if (r->criterion == SM_DECIDED_BY_MANUAL)
    sm_template_record__set_string (item, "decided_by", tx->manual_cutoff);
  else if (r->criterion >= 0)
    {
      const SmPriorityRule *rule = sm_scenario__rule_of (job->scenario,
                                                         r->position);
      SmCriterion criterion;
      SmDirection direction;
      SmCandidate c;
      sm_priority_rule_get_criterion (rule, r->criterion, &criterion,
                                      &direction);
      sm_scenario__candidate (job->scenario, employee, r->position, &c);
      const char *what = tx->describe_criterion (rule, r->criterion);
      char *value = tx->describe_value (
          criterion, &c, sm_placement_get_reference_date (job->placement));
      g_string_append_printf (out, tx->full_criterion, what, value);
      sm_template_record__set_string (item, "decided_by", what);
      sm_template_record__take_string (item, "own_value", value);
    }
  return g_string_free (out, FALSE);
}

/* The cap, the employee's rank and the last person admitted, and how
 * many people the organisation holds by manual placements (they count
 * towards its maximum). */
static char *
reason_cap (const LetterJob *job, const SmRefusal *r)
{
  const SmScenario *s = job->scenario;
  int32_t org = sm_scenario__position (s, r->position)->organisation;
  const SmOrganisationRecord *o = sm_scenario__organisation (s, org);
  GString *out = g_string_new (NULL);
  g_string_printf (out, job->tx->cap, o->spec.name,
                   (int) o->spec.max_headcount);
  if (r->cutoff > 0)
    g_string_append_printf (out, job->tx->cap_ranks, (int) r->rank,
                            (int) r->cutoff);
  else
    g_string_append_printf (out, job->tx->cap_nobody, (int) r->rank);
  int32_t manual = 0;
  for (int32_t j = 0; j < sm_scenario_get_n_positions (s); j++)
    if (sm_scenario__position (s, j)->organisation == org)
      manual += manual_at (job, j);
  if (manual > 0)
    g_string_append_printf (out, job->tx->cap_manual, o->spec.name,
                            (int) manual);
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
    return g_strdup_printf (job->tx->manual_seat_reflection,
                            (int) res.filled, (int) res.manual);
  return g_strdup_printf (job->tx->manual_seat, (int) res.filled,
                          (int) res.manual, (int) r->rank, (int) r->cutoff);
}

static char *
reason_reflection (const LetterJob *job, int32_t employee,
                   const SmRefusal *r)
{
  SmCandidate c;
  SmDate reference = sm_placement_get_reference_date (job->placement);
  sm_scenario__candidate (job->scenario, employee, r->position, &c);
  g_autofree char *age = job->tx->describe_value (SM_CRITERION_AGE, &c,
                                                  reference);
  g_autofree char *service = job->tx->describe_value (SM_CRITERION_SERVICE,
                                                      &c, reference);
  SmReduction reduction;
  int32_t years;
  sm_placement_get_reduction (job->placement, &reduction, &years);
  int32_t band = sm_reflection__band (c.birth_date, reference, years);
  int32_t first = SM_REFLECTION_FIRST_BAND_AGE + band * years;
  g_autofree char *band_text =
      band == 0 ? g_strdup_printf (job->tx->band_first, (int) (first + years
                                                               - 1))
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

static void
add_general (const LetterJob *job, SmTemplateRecord *rec)
{
  sm_template_record__set_string (rec, "sender", sender_of (job));
  sm_template_record__take_string (rec, "effective_date",
                                   format_date (job, job->options
                                                         ->effective_date));
  sm_template_record__take_string (rec, "reference_date",
                                   format_date (job,
                                                sm_placement_get_reference_date (
                                                    job->placement)));
  sm_template_record__take_string (rec, "seed",
                                   g_strdup_printf ("%" G_GUINT64_FORMAT,
                                                    sm_placement_get_seed (
                                                        job->placement)));
  sm_template_record__set_string (rec, "tie_breaking",
                                  sm_placement_get_tie_breaking (
                                      job->placement)
                                          == SM_TIE_BREAKING_PER_POSITION
                                      ? job->tx->tie_per_position
                                      : job->tx->tie_single);
  sm_template_record__set_string (rec, "version", sm_version ());
  sm_template_record__set_string (rec, "checksum", job->checksum);
  gboolean public_law = job->options->regime == SM_REGIME_PUBLIC_LAW;
  sm_template_record__set_boolean (rec, "public_law", public_law);
  sm_template_record__set_boolean (rec, "employment_law", !public_law);
}

static void
add_decision (const LetterJob *job, int32_t employee, SmTemplateRecord *rec)
{
  const SmScenario *s = job->scenario;
  const SmEmployeeRecord *e = sm_scenario__employee (s, employee);
  SmEmployeeOutcome out;
  sm_placement_get_outcome (job->placement, employee, &out);
  sm_template_record__set_string (rec, "employee_name", e->spec.name);
  sm_template_record__set_string (rec, "employee_id", e->spec.id);
  sm_template_record__set_boolean (rec, "applied",
                                   out.status == SM_STATUS_PLACED);
  sm_template_record__set_boolean (rec, "follows_work",
                                   out.status == SM_STATUS_FOLLOWS_WORK);
  sm_template_record__set_boolean (rec, "supernumerary",
                                   out.status == SM_STATUS_SUPERNUMERARY);
  sm_template_record__set_boolean (rec, "manual",
                                   out.status == SM_STATUS_MANUAL);
  sm_template_record__set_string (rec, "organisation",
                                  sm_scenario__organisation (
                                      s, out.organisation)->spec.name);
  sm_template_record__set_string (rec, "unit",
                                  sm_scenario__unit (s, out.unit)->spec.name);
  if (out.position >= 0)
    {
      const SmPositionRecord *p = sm_scenario__position (s, out.position);
      sm_template_record__set_string (rec, "position", p->spec.title);
      sm_template_record__set_int (rec, "grade", p->spec.grade);
    }
  if (out.preference > 0)
    sm_template_record__set_int (rec, "preference_obtained", out.preference);
  if (e->manual >= 0)
    sm_template_record__set_string (rec, "manual_reason",
                                    sm_scenario__manual_placement (
                                        s, e->manual)->reason);
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

static void
add_preferences (const LetterJob *job, int32_t employee,
                 SmTemplateRecord *rec)
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
      const SmApplicationRecord *a = sm_scenario__application (s, apps[k]);
      SmTemplateRecord *item = sm_template_record__append (rec,
                                                           "preferences");
      SmRefusal r;
      sm_template_record__set_int (item, "number", a->spec.preference);
      sm_template_record__set_string (item, "title",
                                      sm_scenario__position (s, a->position)
                                          ->spec.title);
      sm_template_record__take_string (item, "place",
                                       place_of (s, a->position));
      if (out.status == SM_STATUS_PLACED && out.position == a->position)
        sm_template_record__set_boolean (item, "obtained", TRUE);
      else if (find_refusal (job, employee, a->spec.preference, &r))
        fill_refusal (job, employee, &r, item);
      else
        sm_template_record__set_boolean (item, "not_needed", TRUE);
    }
}

/* The position of the employee's own function they did not keep, as a
 * list of none or one. */
static void
add_own_function (const LetterJob *job, int32_t employee,
                  SmTemplateRecord *rec)
{
  SmRefusal r;
  sm_template_record__set_list (rec, "own_function");
  if (!find_refusal (job, employee, 0, &r))
    return;
  SmTemplateRecord *item = sm_template_record__append (rec, "own_function");
  sm_template_record__set_string (item, "title",
                                  sm_scenario__position (job->scenario,
                                                         r.position)
                                      ->spec.title);
  sm_template_record__take_string (item, "place",
                                   place_of (job->scenario, r.position));
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
    g_array_append_val (positions,
                        sm_scenario__application (job->scenario, apps[k])
                            ->position);
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
    g_ptr_array_add (parts, g_strdup_printf (job->tx->filter_grade,
                                             (int) distance));
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
add_rule (const LetterJob *job, const SmPriorityRule *rule,
          const char *titles, gboolean own_function, SmTemplateRecord *rec)
{
  SmTemplateRecord *item = sm_template_record__append (rec, "rules");
  sm_template_record__set_string (item, "rule_id",
                                  sm_priority_rule_get_id (rule));
  sm_template_record__set_string (item, "rule_positions", titles);
  sm_template_record__take_string (item, "filters",
                                   describe_filters (job, rule,
                                                     own_function));
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
  const SmPriorityRule *own_rule =
      own >= 0 ? sm_scenario__rule_of (job->scenario, own) : NULL;
  g_autoptr (GPtrArray) rules = g_ptr_array_new ();
  g_autoptr (GPtrArray) titles = g_ptr_array_new_with_free_func (
      (GDestroyNotify) g_ptr_array_unref);
  for (guint k = 0; k < positions->len; k++)
    {
      int32_t j = g_array_index (positions, int32_t, k);
      const SmPriorityRule *rule = sm_scenario__rule_of (job->scenario, j);
      const char *title = sm_scenario__position (job->scenario, j)
                              ->spec.title;
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
render_letter (const LetterJob *job, const SmTemplate *tmpl,
               int32_t employee)
{
  g_autoptr (SmTemplateRecord) rec = sm_template_record__new ();
  add_general (job, rec);
  add_decision (job, employee, rec);
  add_preferences (job, employee, rec);
  add_own_function (job, employee, rec);
  add_rules (job, employee, rec);
  return sm_template__render (tmpl, rec);
}

/* ---- the built-in templates --------------------------------------------- */

/* Every name a template may use. */
static const char *const letter_names[] = {
  "sender", "effective_date", "reference_date", "seed", "tie_breaking",
  "version", "checksum", "public_law", "employment_law",
  "employee_name", "employee_id",
  "applied", "follows_work", "supernumerary", "manual",
  "organisation", "unit", "position", "grade", "preference_obtained",
  "manual_reason",
  "preferences", "number", "title", "place", "obtained", "refused",
  "not_needed", "reason", "rank", "cutoff", "decided_by", "own_value",
  "own_function",
  "rules", "rule_id", "rule_positions", "filters", "criteria",
  "criterion_number", "criterion",
  NULL
};

/* The templates are plain text kept as C strings: one paragraph a line
 * (a word processor wraps it), sections on lines of their own. They are
 * composed of parts shared by the two regimes of a language. */

#define NL_FIELDS \
  "{{! Standaardsjabloon van staffmatch voor een plaatsingsbrief.\n" \
  "    Kopieer dit sjabloon om er een eigen brief van te maken. Een naam\n" \
  "    tussen dubbele accolades wordt ingevuld; een regel met alleen een\n" \
  "    sectie (hekje: tonen als waar of per item, dakje: tonen als onwaar\n" \
  "    of leeg, schuine streep: einde) verdwijnt uit de brief. Alinea's\n" \
  "    staan op één regel, zodat een tekstverwerker ze zelf afbreekt.\n" \
  "\n" \
  "    Velden van de brief:\n" \
  "      sender              afzender, bij wie ook bezwaar wordt gemaakt\n" \
  "                          (standaard het college van burgemeester en\n" \
  "                          wethouders)\n" \
  "      effective_date      datum waarop de plaatsing ingaat\n" \
  "      reference_date      peildatum van leeftijd en diensttijd\n" \
  "      seed, tie_breaking  lotingsgetal en manier van loten\n" \
  "      version, checksum   versie van staffmatch en controlegetal van\n" \
  "                          het scenario, om de plaatsing te herhalen\n" \
  "      public_law, employment_law   waar onder dat rechtsregime\n" \
  "      employee_name, employee_id   naam en personeelsnummer\n" \
  "    Het besluit; precies een van applied (gesolliciteerd en geplaatst),\n" \
  "    follows_work (mens volgt werk), supernumerary (boventallig) en\n" \
  "    manual (hardheidsclausule) is waar:\n" \
  "      organisation, unit, position, grade (schaal van de functie),\n" \
  "      preference_obtained (nummer van de toegekende voorkeur),\n" \
  "      manual_reason (reden van de plaatsing met hardheidsclausule)\n" \
  "    Lijst preferences, de voorkeuren in volgorde, per voorkeur:\n" \
  "      number, title, place (organisatie en afdeling), obtained,\n" \
  "      refused, not_needed (een hogere voorkeur is toegekend), reason,\n" \
  "      rank (eigen plaats in de voorrangsvolgorde), cutoff (plaats van\n" \
  "      de laatst geplaatste), decided_by (wat de doorslag gaf),\n" \
  "      own_value (het eigen gegeven daarvoor)\n" \
  "    Lijst own_function, de eigen functie als die niet behouden is:\n" \
  "      title, place, refused, reason, rank, cutoff, decided_by,\n" \
  "      own_value\n" \
  "    Lijst rules, de voorrangsregels van de functies, per regel:\n" \
  "      rule_id, rule_positions, filters (voorwaarden), en de lijst\n" \
  "      criteria met criterion_number en criterion\n" \
  "}}\n"

#define EN_FIELDS \
  "{{! staffmatch's built-in template of a placement letter.\n" \
  "    Copy it to make your own letter. A name between double braces is\n" \
  "    filled in; a line holding only a section tag (hash: shown when\n" \
  "    true or once per item, caret: shown when false or empty, slash:\n" \
  "    end) is left out of the letter. Each paragraph is one line, so\n" \
  "    that a word processor wraps it.\n" \
  "\n" \
  "    Fields of the letter:\n" \
  "      sender              who signs, and to whom objections go\n" \
  "                          (by default the college of burgemeester en\n" \
  "                          wethouders)\n" \
  "      effective_date      the date the placement takes effect\n" \
  "      reference_date      the date of ages and years of service\n" \
  "      seed, tie_breaking  the lottery seed and how ties are drawn\n" \
  "      version, checksum   staffmatch's version and the scenario's\n" \
  "                          checksum, to reproduce the placement\n" \
  "      public_law, employment_law   true under that legal regime\n" \
  "      employee_name, employee_id   name and personnel number\n" \
  "    The decision; exactly one of applied (placed where they applied),\n" \
  "    follows_work (the person follows the work), supernumerary and\n" \
  "    manual (hardship clause) is true:\n" \
  "      organisation, unit, position, grade (the position's grade),\n" \
  "      preference_obtained (the number of the preference obtained),\n" \
  "      manual_reason (the reason recorded for a manual placement)\n" \
  "    List preferences, in order, each with:\n" \
  "      number, title, place (organisation and unit), obtained,\n" \
  "      refused, not_needed (a higher preference was obtained), reason,\n" \
  "      rank (own place in the priority order), cutoff (the place of the\n" \
  "      last person admitted), decided_by (what decided), own_value\n" \
  "      (the employee's own value for it)\n" \
  "    List own_function, the own function when it was not kept:\n" \
  "      title, place, refused, reason, rank, cutoff, decided_by,\n" \
  "      own_value\n" \
  "    List rules, the priority rules of the positions, each with:\n" \
  "      rule_id, rule_positions, filters (eligibility), and the list\n" \
  "      criteria with criterion_number and criterion\n" \
  "}}\n"

#define NL_HEAD(subject) \
  "Van: {{sender}}\n" \
  "\n" \
  "Aan: {{employee_name}}\n" \
  "Personeelsnummer: {{employee_id}}\n" \
  "Onderwerp: " subject " over uw plaatsing per {{effective_date}}\n" \
  "\n" \
  "Beste {{employee_name}},\n" \
  "\n"

#define NL_DECISION \
  "{{#applied}}\n" \
  "U wordt met ingang van {{effective_date}} geplaatst in de functie " \
  "{{position}} (schaal {{grade}}) bij {{organisation}}, afdeling " \
  "{{unit}}. Dit is uw {{preference_obtained}}e voorkeur.\n" \
  "{{/applied}}\n" \
  "{{#follows_work}}\n" \
  "U wordt met ingang van {{effective_date}} geplaatst in de functie " \
  "{{position}} (schaal {{grade}}) bij {{organisation}}, afdeling " \
  "{{unit}}. Dit is de functie die bij uw huidige werk hoort: volgens " \
  "het uitgangspunt \"mens volgt werk\" gaat u mee met uw werk.\n" \
  "{{/follows_work}}\n" \
  "{{#supernumerary}}\n" \
  "U komt met ingang van {{effective_date}} in dienst van " \
  "{{organisation}} en wordt boventallig binnen de afdeling {{unit}}. " \
  "Boventallig betekent dat u in dienst bent, maar dat er voor u (nog) " \
  "geen formatieplaats is. Welke begeleiding naar ander werk u krijgt en " \
  "welke rechten u heeft, staat in het sociaal statuut.\n" \
  "{{/supernumerary}}\n" \
  "{{#manual}}\n" \
  "U wordt met ingang van {{effective_date}} geplaatst in de functie " \
  "{{position}} (schaal {{grade}}) bij {{organisation}}, afdeling " \
  "{{unit}}. Daarbij is op grond van de hardheidsclausule afgeweken van " \
  "de gewone plaatsingsregels, om deze reden: {{manual_reason}}\n" \
  "{{/manual}}\n"

#define NL_PREFERENCES \
  "\n" \
  "Uw voorkeuren\n" \
  "{{#preferences}}\n" \
  "{{number}}. {{title}} ({{place}})\n" \
  "{{#obtained}}\n" \
  "   Toegekend: in deze functie wordt u geplaatst.\n" \
  "{{/obtained}}\n" \
  "{{#refused}}\n" \
  "   {{reason}}\n" \
  "{{/refused}}\n" \
  "{{#not_needed}}\n" \
  "   Niet meer aan de orde: u wordt geplaatst in een functie die u " \
  "hoger op uw lijst had staan.\n" \
  "{{/not_needed}}\n" \
  "{{/preferences}}\n" \
  "{{^preferences}}\n" \
  "U heeft niet gesolliciteerd op een functie bij een andere " \
  "organisatie.\n" \
  "{{/preferences}}\n" \
  "{{#own_function}}\n" \
  "\n" \
  "Uw eigen functie\n" \
  "{{title}} ({{place}})\n" \
  "   {{reason}}\n" \
  "{{/own_function}}\n"

#define NL_RULES \
  "\n" \
  "Hoe de plaatsing is bepaald\n" \
  "De kandidaten voor een functie zijn in een voorrangsvolgorde gezet " \
  "volgens de voorrangsregel van die functie uit het sociaal statuut. De " \
  "criteria gelden in de volgorde hieronder: het eerste criterium waarin " \
  "twee kandidaten verschillen, beslist. Wie daarna nog gelijk staan, " \
  "zijn door loting gerangschikt. Iedereen is geplaatst op de hoogste " \
  "voorkeur waarvoor hij of zij binnen de beschikbare plaatsen viel. " \
  "Namen van collega's noemen wij niet: de plaats in de " \
  "voorrangsvolgorde van de laatst geplaatste kandidaat zegt genoeg.\n" \
  "{{#rules}}\n" \
  "\n" \
  "Voorrangsregel \"{{rule_id}}\", voor: {{rule_positions}}\n" \
  "{{#criteria}}\n" \
  "   {{criterion_number}}. {{criterion}}\n" \
  "{{/criteria}}\n" \
  "{{^criteria}}\n" \
  "   geen criteria: de volgorde is geheel door loting bepaald\n" \
  "{{/criteria}}\n" \
  "{{#filters}}\n" \
  "   Voorwaarden om in aanmerking te komen: {{filters}}.\n" \
  "{{/filters}}\n" \
  "{{/rules}}\n" \
  "\n" \
  "Loting: {{tie_breaking}}, met lotingsgetal (seed) {{seed}}. Leeftijd " \
  "en diensttijd zijn berekend op {{reference_date}}.\n"

#define NL_SIGNATURE \
  "\n" \
  "Met vriendelijke groet,\n" \
  "\n" \
  "namens {{sender}}\n" \
  "\n" \
  "Kenmerk: staffmatch {{version}}, scenario {{checksum}}, lotingsgetal " \
  "{{seed}}\n"

static const char template_nl_public[] =
  NL_FIELDS
  NL_HEAD ("ontwerpbesluit")
  "Door de reorganisatie verandert uw plaats in de organisatie. Met deze "
  "brief ontvangt u het ontwerpbesluit over "
  "uw plaatsing: waar u komt te werken, waarom, en wat u kunt doen als u "
  "het er niet mee eens bent.\n"
  "\n"
  "Ontwerpbesluit\n"
  NL_DECISION
  NL_PREFERENCES
  NL_RULES
  "\n"
  "Zienswijze en bezwaar\n"
  "Dit is een ontwerpbesluit. Bent u het er niet mee eens, dan kunt u "
  "binnen twee weken na de datum van deze brief schriftelijk uw "
  "zienswijze geven. Daarna neemt {{sender}} een besluit over uw "
  "plaatsing. Tegen dat besluit kunt u bezwaar maken bij {{sender}}, "
  "binnen zes weken te rekenen vanaf de dag na de verzending van het "
  "besluit. Vermeld in uw bezwaarschrift uw naam en adres, de datum, "
  "het besluit waartegen u bezwaar maakt en de redenen van uw bezwaar, "
  "en onderteken het.\n"
  NL_SIGNATURE;

static const char template_nl_employment[] =
  NL_FIELDS
  NL_HEAD ("besluit")
  "Door de reorganisatie verandert uw plaats in de organisatie. In deze "
  "brief leest u het besluit over uw "
  "plaatsing: waar u komt te werken, waarom, en wat u kunt doen als u "
  "het er niet mee eens bent.\n"
  "\n"
  "Besluit\n"
  NL_DECISION
  NL_PREFERENCES
  NL_RULES
  "\n"
  "Vragen of niet mee eens?\n"
  "Heeft u vragen over dit besluit of bent u het er niet mee eens, "
  "bespreek dit dan binnen twee weken na de datum van deze brief met uw "
  "leidinggevende of met de afdeling HR. Komt u er samen niet uit, dan "
  "kunt u de kantonrechter vragen het besluit te toetsen. Laat u zich "
  "daarover zo nodig eerst adviseren, bijvoorbeeld door uw vakbond.\n"
  NL_SIGNATURE;

#define EN_HEAD(subject) \
  "From: {{sender}}\n" \
  "\n" \
  "To: {{employee_name}}\n" \
  "Personnel number: {{employee_id}}\n" \
  "Subject: " subject " on your placement from {{effective_date}}\n" \
  "\n" \
  "Dear {{employee_name}},\n" \
  "\n"

#define EN_DECISION \
  "{{#applied}}\n" \
  "With effect from {{effective_date}} you are placed in the position " \
  "of {{position}} (salary grade {{grade}}) at {{organisation}}, unit " \
  "{{unit}}. This was preference {{preference_obtained}} on your list.\n" \
  "{{/applied}}\n" \
  "{{#follows_work}}\n" \
  "With effect from {{effective_date}} you are placed in the position " \
  "of {{position}} (salary grade {{grade}}) at {{organisation}}, unit " \
  "{{unit}}. This is the position of your own function: under the rule " \
  "that the person follows the work (\"mens volgt werk\"), you move with " \
  "your work.\n" \
  "{{/follows_work}}\n" \
  "{{#supernumerary}}\n" \
  "With effect from {{effective_date}} you are employed by " \
  "{{organisation}} and supernumerary (boventallig) in the unit {{unit}}. " \
  "Supernumerary means that you remain employed, but without a position " \
  "in the formation for now. The social plan (sociaal statuut) sets out " \
  "the support towards other work you will receive and your rights.\n" \
  "{{/supernumerary}}\n" \
  "{{#manual}}\n" \
  "With effect from {{effective_date}} you are placed in the position " \
  "of {{position}} (salary grade {{grade}}) at {{organisation}}, unit " \
  "{{unit}}. This placement departs from the usual rules under the " \
  "hardship clause (hardheidsclausule), for this reason: " \
  "{{manual_reason}}\n" \
  "{{/manual}}\n"

#define EN_PREFERENCES \
  "\n" \
  "Your preferences\n" \
  "{{#preferences}}\n" \
  "{{number}}. {{title}} ({{place}})\n" \
  "{{#obtained}}\n" \
  "   Obtained: you are placed in this position.\n" \
  "{{/obtained}}\n" \
  "{{#refused}}\n" \
  "   {{reason}}\n" \
  "{{/refused}}\n" \
  "{{#not_needed}}\n" \
  "   No longer relevant: you are placed in a position higher on your " \
  "list.\n" \
  "{{/not_needed}}\n" \
  "{{/preferences}}\n" \
  "{{^preferences}}\n" \
  "You did not apply for a position at another organisation.\n" \
  "{{/preferences}}\n" \
  "{{#own_function}}\n" \
  "\n" \
  "Your own function\n" \
  "{{title}} ({{place}})\n" \
  "   {{reason}}\n" \
  "{{/own_function}}\n"

#define EN_RULES \
  "\n" \
  "How the placement was decided\n" \
  "The candidates for a position were put in a priority order by the " \
  "position's priority rule from the social plan. The criteria apply in " \
  "the order below: the first criterion on which two candidates differ " \
  "decides. Candidates still tied were ordered by lottery. Everybody was " \
  "placed at the highest preference for which they came within the " \
  "places available. We do not name colleagues: the place in the " \
  "priority order of the last person admitted says enough.\n" \
  "{{#rules}}\n" \
  "\n" \
  "Priority rule \"{{rule_id}}\", for: {{rule_positions}}\n" \
  "{{#criteria}}\n" \
  "   {{criterion_number}}. {{criterion}}\n" \
  "{{/criteria}}\n" \
  "{{^criteria}}\n" \
  "   no criteria: the order was drawn entirely by lottery\n" \
  "{{/criteria}}\n" \
  "{{#filters}}\n" \
  "   To be eligible: {{filters}}.\n" \
  "{{/filters}}\n" \
  "{{/rules}}\n" \
  "\n" \
  "Lottery: {{tie_breaking}}, with seed {{seed}}. Ages and years of " \
  "service were counted on {{reference_date}}.\n"

#define EN_SIGNATURE \
  "\n" \
  "Yours sincerely,\n" \
  "\n" \
  "on behalf of {{sender}}\n" \
  "\n" \
  "Reference: staffmatch {{version}}, scenario {{checksum}}, seed " \
  "{{seed}}\n"

static const char template_en_public[] =
  EN_FIELDS
  EN_HEAD ("Draft decision")
  "Because of the reorganisation, your place in the organisation "
  "changes. This letter gives you the draft decision on "
  "your placement: where you will work, why, and what you can do if you "
  "disagree.\n"
  "\n"
  "Draft decision\n"
  EN_DECISION
  EN_PREFERENCES
  EN_RULES
  "\n"
  "Response and objection\n"
  "This is a draft decision. If you disagree, you may respond in writing "
  "within two weeks of the date of this letter. Then {{sender}} takes a "
  "decision on your placement. Against that decision you may lodge an "
  "objection (bezwaar) with {{sender}} within six weeks, counted from "
  "the day after the decision was sent. Your notice of objection must "
  "give your name and address, the date, the decision you object to and "
  "your reasons, and be signed.\n"
  EN_SIGNATURE;

static const char template_en_employment[] =
  EN_FIELDS
  EN_HEAD ("Decision")
  "Because of the reorganisation, your place in the organisation "
  "changes. This letter gives you the decision on your "
  "placement: where you will work, why, and what you can do if you "
  "disagree.\n"
  "\n"
  "Decision\n"
  EN_DECISION
  EN_PREFERENCES
  EN_RULES
  "\n"
  "Questions or disagreement\n"
  "If you have questions about this decision or do not agree with it, "
  "you may discuss it with your manager or with HR within two weeks of "
  "the date of this letter. If you still disagree, you can ask the court "
  "(the kantonrechter) to review the decision. You may wish to seek "
  "advice first, for example from your trade union.\n"
  EN_SIGNATURE;

const char *
sm_letter_get_default_template (SmLanguage language, SmRegime regime)
{
  gboolean public_law = regime != SM_REGIME_EMPLOYMENT_LAW;
  if (language == SM_LANGUAGE_ENGLISH)
    return public_law ? template_en_public : template_en_employment;
  return public_law ? template_nl_public : template_nl_employment;
}

/* ---- rendering and writing ---------------------------------------------- */

static SmTemplate *
prepare (const SmLetterOptions *options, GError **error)
{
  if (!sm_date_is_valid (options->effective_date))
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
                   "The effective date of the letters is not a valid date; "
                   "set options->effective_date.");
      return NULL;
    }
  const char *text = options->template_text;
  if (text == NULL)
    text = sm_letter_get_default_template (options->language,
                                           options->regime);
  return sm_template__parse (text, letter_names, error);
}

static void
job_init (LetterJob *job, const SmPlacement *placement,
          const SmLetterOptions *options, const char *checksum)
{
  job->placement = placement;
  job->scenario = sm_placement_get_scenario (placement);
  job->options = options;
  job->tx = texts_for (options->language);
  job->checksum = checksum;
}

char *
sm_letter_render (const SmPlacement *placement, int32_t employee,
                  const SmLetterOptions *options, GError **error)
{
  g_return_val_if_fail (placement != NULL && options != NULL, NULL);
  g_return_val_if_fail (options->version == SM_LETTER_OPTIONS_VERSION, NULL);
  g_return_val_if_fail (employee >= 0
                        && employee < sm_scenario_get_n_employees (
                               sm_placement_get_scenario (placement)),
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autoptr (SmTemplate) tmpl = prepare (options, error);
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
                        || language == SM_LANGUAGE_ENGLISH, NULL);
  g_return_val_if_fail (employee >= 0
                        && employee < sm_scenario_get_n_employees (
                               sm_placement_get_scenario (placement)),
                        NULL);
  g_return_val_if_fail ((int) refusal->reason >= SM_REASON_NOT_ELIGIBLE
                        && refusal->reason <= SM_REASON_MANUAL_SEAT, NULL);
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
  const char *id = sm_scenario__employee (job->scenario, employee)->spec.id;
  if (!id_is_file_name (id))
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
                   "Employee “%s”: the identifier cannot be used as a file "
                   "name (it is “.” or “..” or holds a slash); rename the "
                   "employee.", id);
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
  g_return_val_if_fail (options->version == SM_LETTER_OPTIONS_VERSION, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_autoptr (SmTemplate) tmpl = prepare (options, error);
  if (tmpl == NULL)
    return FALSE;
  if (g_mkdir_with_parents (dir, 0777) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (dir);
      g_set_error (error, SM_ERROR, SM_ERROR_IO,
                   "%s: cannot create the folder for the letters: %s",
                   display, g_strerror (saved));
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
  g_return_val_if_fail (options->version == SM_LETTER_OPTIONS_VERSION, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_autoptr (SmTemplate) tmpl = prepare (options, error);
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
