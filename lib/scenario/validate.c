/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: checking a whole scenario before placing it (validate.h).
 *
 * Two promises. First, whatever sm_scenario_place_with() would refuse is
 * an error here, with the same code: the checks placing makes on the
 * scenario (a default organisation, target seats under each headcount
 * maximum, a proposing side that the reduction allows) are written once,
 * below, and compile.c and placement.c call them; what the market builder
 * and the solver refuse is found by compiling the scenario as placing
 * does and asking the market the solver's own question (does a cap bind).
 * Only running out of memory while solving cannot be told in advance.
 * Second, what is implausible is listed, each issue with its table, item
 * and field, so that a person can find the row: dates that cannot be
 * right are errors, the rest warnings.
 *
 * Issues come in a fixed order (what placing refuses, then the tables in
 * loading order), so the same scenario always gives the same list.
 * Messages never quote a name or a birth date; the reference date, which
 * is the run's, may be quoted.
 */
#include <staffmatch/validate.h>

#include <stdarg.h>
#include <string.h>
#include <staffmatch/error.h>

#include "scenario/compile-private.h"
#include "scenario/scenario-private.h"

/* ---- the issue list ----------------------------------------------------- */

typedef struct {
  SmSeverity severity;
  int code;
  const char *table; /* static */
  int32_t index;
  char *item_id;
  char *field;
  char *message;
} StoredIssue;

struct _SmIssueList {
  GArray *items; /* StoredIssue */
};

static void
stored_issue_clear (gpointer data)
{
  StoredIssue *issue = data;
  g_free (issue->item_id);
  g_free (issue->field);
  g_free (issue->message);
}

SmIssueList *
sm_issue_list_new (void)
{
  SmIssueList *list = g_new0 (SmIssueList, 1);
  list->items = g_array_new (FALSE, FALSE, sizeof (StoredIssue));
  g_array_set_clear_func (list->items, stored_issue_clear);
  return list;
}

void
sm_issue_list_free (SmIssueList *list)
{
  if (list == NULL)
    return;
  g_array_unref (list->items);
  g_free (list);
}

int32_t
sm_issue_list_get_n (const SmIssueList *list)
{
  g_return_val_if_fail (list != NULL, 0);
  return (int32_t) list->items->len;
}

gboolean
sm_issue_list_get (const SmIssueList *list, int32_t index, SmIssue *issue_out)
{
  g_return_val_if_fail (list != NULL, FALSE);
  if (index < 0 || (guint) index >= list->items->len)
    return FALSE;
  const StoredIssue *s = &g_array_index (list->items, StoredIssue, index);
  if (issue_out != NULL)
    *issue_out = (SmIssue){ s->severity, s->code,  s->table,  s->index,
                            s->item_id,  s->field, s->message };
  return TRUE;
}

int32_t
sm_issue_list_count (const SmIssueList *list, SmSeverity severity)
{
  g_return_val_if_fail (list != NULL, 0);
  int32_t n = 0;
  for (guint k = 0; k < list->items->len; k++)
    n += g_array_index (list->items, StoredIssue, k).severity == severity;
  return n;
}

/* Where an issue is: the table, the item's index and identifier, the
 * field. */
typedef struct {
  const char *table;
  int32_t index;
  const char *item_id;
  const char *field;
} Where;

static void add_issue (SmIssueList *list, SmSeverity severity, int code,
                       Where where, const char *format, ...)
    G_GNUC_PRINTF (5, 6);

static void
add_issue (SmIssueList *list, SmSeverity severity, int code, Where where,
           const char *format, ...)
{
  va_list args;
  va_start (args, format);
  StoredIssue issue = { severity,
                        code,
                        where.table,
                        where.index,
                        g_strdup (where.item_id),
                        g_strdup (where.field),
                        g_strdup_vprintf (format, args) };
  va_end (args);
  g_array_append_val (list->items, issue);
}

/* Adds a check's error as an error-severity issue (and frees it). */
static void
add_error (SmIssueList *list, Where where, GError *error)
{
  add_issue (list, SM_SEVERITY_ERROR, error->code, where, "%s", error->message);
  g_error_free (error);
}

/* ---- the checks placing makes ------------------------------------------ */

/* The organisation whose units all employees name, or -1 when there are
 * none or they name units of several. */
static int32_t
organisation_of_employees (const SmScenario *s)
{
  int32_t found = -1;
  for (guint i = 0; i < s->employees->len; i++)
    {
      int32_t unit = sm_scenario__employee (s, (int32_t) i)->unit;
      int32_t o = sm_scenario__unit (s, unit)->organisation;
      if (found >= 0 && o != found)
        return -1;
      found = o;
    }
  return found;
}

gboolean
sm_scenario__check_default_organisation (const SmScenario *scenario,
                                         GError **error)
{
  if (scenario->default_organisation >= 0)
    return TRUE;
  int32_t likely = organisation_of_employees (scenario);
  g_autofree char *hint =
      likely < 0 ? g_strdup ("")
                 : g_strdup_printf (
                     " (every employee names a unit of organisation '%s', "
                     "so probably that one)",
                     sm_scenario__organisation (scenario, likely)->spec.id);
  g_set_error (error, SM_ERROR, SM_ERROR_INFEASIBLE,
               "The scenario has no default organisation to take everyone "
               "not placed elsewhere; give the organisation that does%s the "
               "kind default.",
               hint);
  return FALSE;
}

/* The organisation's positions' own target seats (-1 meaning all seats),
 * and how many more their manual placements add where they outnumber
 * them; *n_raised_out positions are raised, *raised_id_out is one. */
static void
sum_targets (const SmScenario *s, int32_t organisation, int64_t *own_out,
             int64_t *raised_out, int32_t *n_raised_out,
             const char **raised_id_out)
{
  *own_out = *raised_out = 0;
  *n_raised_out = 0;
  *raised_id_out = NULL;
  for (guint j = 0; j < s->positions->len; j++)
    {
      const SmPositionRecord *p = sm_scenario__position (s, (int32_t) j);
      if (p->organisation != organisation)
        continue;
      int32_t own = p->spec.target_seats < 0 ? p->spec.seats
                                             : p->spec.target_seats;
      int32_t raised = sm_scenario__position_target (p) - own;
      *own_out += own;
      *raised_out += raised;
      if (raised > 0 && (*n_raised_out)++ == 0)
        *raised_id_out = p->spec.id;
    }
}

gboolean
sm_scenario__check_cap (const SmScenario *scenario, int32_t organisation,
                        GError **error)
{
  const SmOrganisationRecord *o = sm_scenario__organisation (scenario,
                                                             organisation);
  int32_t max = o->spec.max_headcount;
  if (o->spec.kind != SM_ORGANISATION_KIND_RECEIVING || max < 0)
    return TRUE;
  int64_t own, raised;
  int32_t n_raised;
  const char *raised_id;
  sum_targets (scenario, organisation, &own, &raised, &n_raised, &raised_id);
  int64_t excess = own + raised - max;
  if (excess <= 0)
    return TRUE;
  if (raised == 0)
    g_set_error (error, SM_ERROR, SM_ERROR_INFEASIBLE,
                 "The target seats of organisation '%s' add up to "
                 "%" G_GINT64_FORMAT
                 ", above its maximum headcount of %d; make "
                 "%" G_GINT64_FORMAT " of them extra seats (lower target "
                 "seats) or raise the maximum.",
                 o->spec.id, own, (int) max, excess);
  else
    {
      /* The manual placements alone fit (adding them checks that), so
       * lowering target seats where they exceed the manual placements is
       * always enough. */
      g_autofree char *which =
          n_raised == 1 ? g_strdup_printf ("position '%s'", raised_id)
                        : g_strdup_printf ("%d positions (such as '%s')",
                                           (int) n_raised, raised_id);
      g_set_error (error, SM_ERROR, SM_ERROR_INFEASIBLE,
                   "Organisation '%s' may hold at most %d people, but "
                   "%" G_GINT64_FORMAT
                   " seats are sure to be filled: the target "
                   "seats of its positions add up to %" G_GINT64_FORMAT
                   ", and manual placements beyond the target seats of %s "
                   "add %" G_GINT64_FORMAT ", since a person placed by hand "
                   "always holds a target seat. Lower by %" G_GINT64_FORMAT
                   " in all the target seats of positions that have more of "
                   "them than manual placements, raise the maximum "
                   "headcount, or place fewer people by hand.",
                   o->spec.id, (int) max, own + raised, own, which, raised,
                   excess);
    }
  return FALSE;
}

gboolean
sm_scenario__check_side (const SmScenario *scenario, SmSide side,
                         GError **error)
{
  if (side != SM_SIDE_POSITIONS
      || scenario->reduction != SM_REDUCTION_REFLECTION)
    return TRUE;
  g_set_error_literal (error, SM_ERROR, SM_ERROR_INFEASIBLE,
                       "Positions cannot propose when the reflection "
                       "principle chooses the supernumeraries: its final "
                       "stage is defined for employees proposing.");
  return FALSE;
}

gboolean
sm_scenario__check_cycles_side (const SmScenario *scenario, SmSide side,
                                GError **error)
{
  if (!scenario->improvement_cycles || side == SM_SIDE_EMPLOYEES)
    return TRUE;
  g_set_error_literal (error, SM_ERROR, SM_ERROR_INFEASIBLE,
                       "Positions cannot propose when improvement cycles "
                       "are on: the cycles improve the employees' outcomes "
                       "from the placement employees propose, so they "
                       "have nothing to start from. Turn "
                       "improvement_cycles off to compare with positions "
                       "proposing.");
  return FALSE;
}

/* ---- what placing would refuse ------------------------------------------ */

static const Where SCENARIO_WIDE = { "organisations", -1, NULL, NULL };

static Where
organisation_where (const SmScenario *s, int32_t o, const char *field)
{
  return (Where){ "organisations", o, sm_scenario__organisation (s, o)->spec.id,
                  field };
}

/* The scenario-level checks of placing; TRUE when all pass. */
static gboolean
find_refusals (const SmScenario *s, SmSide side, SmIssueList *list)
{
  GError *error = NULL;
  gboolean ok = TRUE;
  if (!sm_scenario__check_default_organisation (s, &error))
    {
      add_error (list, (Where){ "organisations", -1, NULL, "kind" }, error);
      ok = FALSE;
    }
  for (int32_t o = 0; o < (int32_t) s->organisations->len; o++)
    if (!sm_scenario__check_cap (s, o, &error))
      {
        add_error (list, organisation_where (s, o, "max_headcount"), error);
        ok = FALSE;
      }
  if (!sm_scenario__check_side (s, side, &error))
    {
      add_error (list, (Where){ "settings", -1, NULL, "reduction" }, error);
      ok = FALSE;
    }
  if (!sm_scenario__check_cycles_side (s, side, &error))
    {
      add_error (list, (Where){ "settings", -1, NULL, "improvement_cycles" },
                 error);
      ok = FALSE;
    }
  return ok;
}

/* The seats of a capped organisation's positions, or -1 without a cap
 * (or without positions, which makes no capped group). */
static int64_t
capped_seats (const SmScenario *s, int32_t organisation)
{
  const SmOrganisationRecord *o = sm_scenario__organisation (s, organisation);
  if (o->spec.kind != SM_ORGANISATION_KIND_RECEIVING
      || o->spec.max_headcount < 0)
    return -1;
  int64_t seats = -1;
  for (guint j = 0; j < s->positions->len; j++)
    {
      const SmPositionRecord *p = sm_scenario__position (s, (int32_t) j);
      if (p->organisation == organisation)
        seats = MAX (seats, 0) + p->spec.seats;
    }
  return seats;
}

/* Positions cannot propose under a binding cap: the solver asks the
 * market; the organisations it means are named here. */
static void
find_binding_caps (const SmScenario *s, const SmMarket *market,
                   SmIssueList *list)
{
  if (!sm_market_caps_bind (market))
    return;
  guint before = list->items->len;
  for (int32_t o = 0; o < (int32_t) s->organisations->len; o++)
    {
      int64_t seats = capped_seats (s, o);
      int32_t max = sm_scenario__organisation (s, o)->spec.max_headcount;
      if (seats > max)
        add_issue (list, SM_SEVERITY_ERROR, SM_ERROR_INFEASIBLE,
                   organisation_where (s, o, "max_headcount"),
                   "Positions cannot propose while the headcount cap of "
                   "organisation '%s' binds: its positions have "
                   "%" G_GINT64_FORMAT " seats but it may hold at most %d "
                   "people; let employees propose, or raise the maximum "
                   "to %" G_GINT64_FORMAT ".",
                   sm_scenario__organisation (s, o)->spec.id, seats, (int) max,
                   seats);
    }
  /* Every capped group of the market is an organisation's, so this is a
   * safety net that keeps the promise should that ever change. */
  if (list->items->len == before)
    add_issue (list, SM_SEVERITY_ERROR, SM_ERROR_INFEASIBLE, SCENARIO_WIDE,
               "Positions cannot propose while a headcount cap binds; let "
               "employees propose.");
}

/* Compiles the scenario as placing does, to find what the market builder
 * and the solver would refuse. */
static void
find_market_refusals (const SmScenario *s, SmSide side, SmIssueList *list)
{
  GError *error = NULL;
  g_autoptr (SmMarket) market = sm_scenario__compile (s, &error);
  if (market == NULL)
    add_error (list, SCENARIO_WIDE, error);
  else if (side == SM_SIDE_POSITIONS)
    find_binding_caps (s, market, list);
}

/* ---- implausible data -------------------------------------------------- */

static Where
employee_where (const SmScenario *s, int32_t i, const char *field)
{
  return (Where){ "employees", i, sm_scenario__employee (s, i)->spec.id,
                  field };
}

/* Birth and service dates against each other and the reference date. */
static void
check_employee_dates (const SmScenario *s, int32_t i, const char *reference,
                      SmIssueList *list)
{
  const SmEmployeeSpec *e = &sm_scenario__employee (s, i)->spec;
  SmDate ref = s->reference_date;
  gboolean born = sm_date_is_set (e->birth_date);
  gboolean started = sm_date_is_set (e->service_start);
  if (born && sm_date_compare (e->birth_date, ref) > 0)
    add_issue (list, SM_SEVERITY_ERROR, SM_ERROR_INVALID_VALUE,
               employee_where (s, i, "birth_date"),
               "Employee '%s' has a birth date after the reference date "
               "(%s); correct the birth date, or the reference date.",
               e->id, reference);
  if (born && started && sm_date_compare (e->service_start, e->birth_date) < 0)
    add_issue (list, SM_SEVERITY_ERROR, SM_ERROR_INVALID_VALUE,
               employee_where (s, i, "service_start"),
               "Employee '%s' has a service start date before their birth "
               "date; correct one of them.",
               e->id);
  if (started && sm_date_compare (e->service_start, ref) > 0)
    add_issue (list, SM_SEVERITY_WARNING, SM_ERROR_INVALID_VALUE,
               employee_where (s, i, "service_start"),
               "Employee '%s' has a service start date after the reference "
               "date (%s); check the date, or the reference date.",
               e->id, reference);
}

static void
check_employees (const SmScenario *s, SmIssueList *list)
{
  g_autofree char *reference = sm_date_to_iso (s->reference_date);
  for (int32_t i = 0; i < (int32_t) s->employees->len; i++)
    check_employee_dates (s, i, reference, list);
}

/* Whether the rule ranks by @criterion. */
static gboolean
rule_has (const SmPriorityRule *rule, SmCriterion criterion)
{
  SmCriterion c;
  for (int32_t k = 0; sm_priority_rule_get_criterion (rule, k, &c, NULL); k++)
    if (c == criterion)
      return TRUE;
  return FALSE;
}

/* A granularity set for a date criterion the rule does not rank by
 * changes nothing, which is probably not what was meant. */
static void
check_granularity (const SmPriorityRule *rule, int32_t index, SmIssueList *list)
{
  static const SmCriterion dated[] = { SM_CRITERION_SERVICE, SM_CRITERION_AGE };
  const char *id = sm_priority_rule_get_id (rule);
  for (size_t k = 0; k < G_N_ELEMENTS (dated); k++)
    {
      SmGranularity g = sm_priority_rule_get_granularity (rule, dated[k]);
      if (g == SM_GRANULARITY_DAYS || rule_has (rule, dated[k]))
        continue;
      add_issue (list, SM_SEVERITY_WARNING, SM_ERROR_INVALID_VALUE,
                 (Where){ "rules", index, id, "granularity" },
                 "Rule '%s' counts %s in %s, but does not rank by %s, so "
                 "the setting changes nothing; add the criterion, or "
                 "leave the granularity out.",
                 id, sm_criterion_to_string (dated[k]),
                 sm_granularity_to_string (g),
                 sm_criterion_to_string (dated[k]));
    }
}

/* A rule without criteria leaves every choice to the lottery. */
static void
check_rules (const SmScenario *s, SmIssueList *list)
{
  for (guint r = 0; r < s->rules->len; r++)
    {
      const SmPriorityRule *rule = g_ptr_array_index (s->rules, r);
      check_granularity (rule, (int32_t) r, list);
      if (sm_priority_rule_get_n_criteria (rule) > 0)
        continue;
      const char *id = sm_priority_rule_get_id (rule);
      add_issue (list, SM_SEVERITY_WARNING, SM_ERROR_INVALID_VALUE,
                 (Where){ "rules", (int32_t) r, id, "criteria" },
                 "Rule '%s' has no criteria, so the lottery alone ranks the "
                 "candidates of its positions; give its criteria (such as "
                 "fit, service, age), unless a lottery is meant.",
                 id);
    }
}

/* Every function code that a position or an employee has. */
static GHashTable *
function_codes (const SmScenario *s)
{
  GHashTable *codes = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint j = 0; j < s->positions->len; j++)
    g_hash_table_add (codes, (gpointer) sm_scenario__position (s, (int32_t) j)
                                 ->spec.function_code);
  for (guint i = 0; i < s->employees->len; i++)
    g_hash_table_add (codes, (gpointer) sm_scenario__employee (s, (int32_t) i)
                                 ->spec.function_code);
  return codes;
}

/* A relation naming a function nobody has relates nothing: most likely a
 * typing error in the code. */
static void
check_relations (const SmScenario *s, SmIssueList *list)
{
  g_autoptr (GHashTable) codes = function_codes (s);
  for (guint k = 0; k < s->relations->len; k++)
    {
      const SmFunctionRelation *r = &g_array_index (s->relations,
                                                    SmFunctionRelation, k);
      const char *code[2] = { r->from_code, r->to_code };
      const char *field[2] = { "from", "to" };
      for (int side = 0; side < 2; side++)
        if (!g_hash_table_contains (codes, code[side]))
          add_issue (list, SM_SEVERITY_WARNING, SM_ERROR_UNKNOWN_ID,
                     (Where){ "function_relations", (int32_t) k, r->from_code,
                              field[side] },
                     "The function relation from '%s' to '%s' names "
                     "function '%s', which no position or employee has; "
                     "check the code.",
                     r->from_code, r->to_code, code[side]);
    }
}

static const char *
filter_name (SmEligibility eligibility)
{
  switch (eligibility)
    {
    case SM_INELIGIBLE_GRADE:
      return "the grade distance";
    case SM_INELIGIBLE_FIT:
      return "the fit of their function";
    case SM_INELIGIBLE_QUALIFICATIONS:
      return "the required qualifications";
    case SM_ELIGIBLE:
      break;
    }
  return "none";
}

/* A manual placement may deviate from the rules (that is what the
 * hardship clause is for), but one at a position the employee could not
 * even apply to is worth a second look. */
static void
check_manual_placements (const SmScenario *s, SmIssueList *list)
{
  for (guint k = 0; k < s->manual->len; k++)
    {
      const SmManualPlacement *m = sm_scenario__manual_placement (s,
                                                                  (int32_t) k);
      const SmPositionRecord *p = sm_scenario__position (s, m->position);
      const SmEmployeeRecord *e = sm_scenario__employee (s, m->employee);
      SmCandidate c;
      sm_scenario__candidate (s, m->employee, m->position, &c);
      SmEligibility eligible =
          sm_priority__check_eligibility (sm_scenario__rule_of (s, m->position),
                                          &c, p->spec.qualifications,
                                          e->spec.qualifications);
      if (eligible == SM_ELIGIBLE)
        continue;
      add_issue (list, SM_SEVERITY_WARNING, SM_ERROR_INVALID_VALUE,
                 (Where){ "manual_placements", (int32_t) k, e->spec.id,
                          "position" },
                 "Employee '%s' is placed by hand at position '%s', which "
                 "the position's rule would not let them apply to (it "
                 "fails on %s); check that this is meant.",
                 e->spec.id, p->spec.id, filter_name (eligible));
    }
}

/* ---- the whole --------------------------------------------------------- */

/* Sets @error from the first error among the list's issues from @start
 * on, saying how many more there are. */
static gboolean
first_error (const SmIssueList *list, guint start, GError **error)
{
  int32_t n = 0;
  const StoredIssue *first = NULL;
  for (guint k = start; k < list->items->len; k++)
    {
      const StoredIssue *issue = &g_array_index (list->items, StoredIssue, k);
      if (issue->severity != SM_SEVERITY_ERROR)
        continue;
      if (n++ == 0)
        first = issue;
    }
  if (first == NULL)
    return FALSE;
  if (n > 1)
    g_set_error (error, SM_ERROR, first->code, "%s (and %d more error%s)",
                 first->message, n - 1, n == 2 ? "" : "s");
  else
    g_set_error_literal (error, SM_ERROR, first->code, first->message);
  return TRUE;
}

gboolean
sm_scenario_validate (const SmScenario *scenario, const SmPlaceOptions *options,
                      SmIssueList *issues, GError **error)
{
  SmPlaceOptions defaults = SM_PLACE_OPTIONS_INIT;
  g_return_val_if_fail (scenario != NULL, FALSE);
  g_return_val_if_fail (options == NULL
                            || options->version == SM_PLACE_OPTIONS_VERSION,
                        FALSE);
  g_return_val_if_fail (options == NULL
                            || options->proposing == SM_SIDE_EMPLOYEES
                            || options->proposing == SM_SIDE_POSITIONS,
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  SmSide side = (options != NULL ? options : &defaults)->proposing;

  g_autoptr (SmIssueList) own = issues == NULL ? sm_issue_list_new () : NULL;
  SmIssueList *list = issues != NULL ? issues : own;
  guint start = list->items->len;
  if (find_refusals (scenario, side, list))
    find_market_refusals (scenario, side, list);
  check_employees (scenario, list);
  check_rules (scenario, list);
  check_relations (scenario, list);
  check_manual_placements (scenario, list);
  return !first_error (list, start, error);
}
