/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: priority rules and their evaluation on candidates.
 *
 * A rule is a short ordered list of distinct criteria, each with a
 * direction, plus eligibility filters. Two candidates are compared
 * criterion by criterion (a lexicographic order); the first criterion on
 * which they differ decides, and its index is reported so that a decision
 * letter can say which rule made the difference. What every criterion
 * leaves tied is decided by the lottery number, and should two numbers
 * collide (one chance in 2^64 per pair) by the employee identifier, so the
 * order is total and the same on every machine.
 *
 * Each criterion is turned into a number that grows with the quantity it
 * measures (a better fit, the same grade, a higher score, a longer service
 * = an earlier start date, an older age = an earlier birth date, a longer
 * distance) and a "missing" flag. A date criterion counted in whole
 * months or years (SmGranularity) becomes the number of them completed on
 * the reference date the candidate carries, at least 0; in days it is the
 * date itself, so a rule that counts in days ranks exactly as before the
 * setting existed (the reference date is not even read).
 * SM_DIRECTION_HIGHER_FIRST puts the larger number first,
 * SM_DIRECTION_LOWER_FIRST the smaller; a missing value comes last either way,
 * so that nobody gains a place by a score or date nobody recorded.
 *
 * The lottery number is FNV-1a (64 bit) over the identifiers, each with
 * its terminating zero byte (so "ab","c" and "a","bc" differ), combined
 * with the seed and passed through the splitmix64 finaliser, a bijection
 * that spreads every input bit over the output. For a fixed identifier,
 * distinct seeds therefore always give distinct numbers. Only byte
 * arithmetic on uint64_t is used: no platform dependence.
 */
#include "scenario/priority-private.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <staffmatch/error.h>

#include "scenario/date-private.h"

struct _SmPriorityRule {
  char *id;
  int32_t n_criteria;
  SmCriterion criteria[SM_N_CRITERIA];
  SmDirection directions[SM_N_CRITERIA];
  int32_t max_grade_distance; /* -1: any */
  SmFit min_fit;              /* SM_FIT_NONE: any */
  gboolean require_qualifications;
  SmGranularity granularity[SM_N_CRITERIA]; /* by criterion, not by index */
};

/* The number of SmFit values; their names are in enum-names.c. */
#define N_FITS ((int) SM_FIT_NONE + 1)

static gboolean
criterion_is_valid (SmCriterion criterion)
{
  return (int) criterion >= 0 && (int) criterion < SM_N_CRITERIA;
}

static gboolean
is_date_criterion (SmCriterion criterion)
{
  return criterion == SM_CRITERION_SERVICE || criterion == SM_CRITERION_AGE;
}

static gboolean
fit_is_valid (SmFit fit)
{
  return (int) fit >= 0 && (int) fit < N_FITS;
}

/* ---- the rule object ---------------------------------------------------- */

SmPriorityRule *
sm_priority_rule_new (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);
  SmPriorityRule *rule = g_new0 (SmPriorityRule, 1);
  rule->id = g_strdup (id);
  rule->max_grade_distance = -1;
  rule->min_fit = SM_FIT_NONE;
  rule->require_qualifications = FALSE;
  return rule;
}

SmPriorityRule *
sm_priority_rule_new_default (void)
{
  static const SmCriterion order[] = {
    SM_CRITERION_FIT,
    SM_CRITERION_SAME_GRADE,
    SM_CRITERION_SERVICE,
    SM_CRITERION_AGE,
  };
  SmPriorityRule *rule = sm_priority_rule_new ("default");
  for (size_t k = 0; k < G_N_ELEMENTS (order); k++)
    {
      rule->criteria[k] = order[k];
      rule->directions[k] = SM_DIRECTION_HIGHER_FIRST;
    }
  rule->n_criteria = G_N_ELEMENTS (order);
  return rule;
}

SmPriorityRule *
sm_priority_rule_copy (const SmPriorityRule *rule)
{
  if (rule == NULL)
    return NULL;
  SmPriorityRule *copy = g_memdup2 (rule, sizeof *rule);
  copy->id = g_strdup (rule->id);
  return copy;
}

void
sm_priority_rule_free (SmPriorityRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->id);
  g_free (rule);
}

gboolean
sm_priority_rule_add_criterion (SmPriorityRule *rule, SmCriterion criterion,
                                SmDirection direction, GError **error)
{
  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (criterion_is_valid (criterion), FALSE);
  g_return_val_if_fail (direction == SM_DIRECTION_HIGHER_FIRST
                            || direction == SM_DIRECTION_LOWER_FIRST,
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  for (int32_t k = 0; k < rule->n_criteria; k++)
    if (rule->criteria[k] == criterion)
      {
        g_set_error (error, SM_ERROR, SM_ERROR_DUPLICATE,
                     "Rule '%s' already has the criterion '%s'; a rule "
                     "uses each criterion once.",
                     rule->id, sm_criterion_to_string (criterion));
        return FALSE;
      }
  /* Criteria are distinct, so there is always room. */
  rule->criteria[rule->n_criteria] = criterion;
  rule->directions[rule->n_criteria] = direction;
  rule->n_criteria++;
  return TRUE;
}

void
sm_priority_rule_set_max_grade_distance (SmPriorityRule *rule, int32_t distance)
{
  g_return_if_fail (rule != NULL);
  g_return_if_fail (distance >= -1);
  rule->max_grade_distance = distance;
}

void
sm_priority_rule_set_min_fit (SmPriorityRule *rule, SmFit fit)
{
  g_return_if_fail (rule != NULL);
  g_return_if_fail (fit_is_valid (fit));
  rule->min_fit = fit;
}

void
sm_priority_rule_set_require_qualifications (SmPriorityRule *rule,
                                             gboolean require)
{
  g_return_if_fail (rule != NULL);
  rule->require_qualifications = require != FALSE;
}

gboolean
sm_priority_rule_set_granularity (SmPriorityRule *rule, SmCriterion criterion,
                                  SmGranularity granularity, GError **error)
{
  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (criterion_is_valid (criterion), FALSE);
  g_return_val_if_fail ((int) granularity >= 0
                            && granularity <= SM_GRANULARITY_YEARS,
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (granularity != SM_GRANULARITY_DAYS && !is_date_criterion (criterion))
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
                   "Rule '%s' cannot count the criterion '%s' in %s: only "
                   "service and age are counted in months or years.",
                   rule->id, sm_criterion_to_string (criterion),
                   sm_granularity_to_string (granularity));
      return FALSE;
    }
  rule->granularity[criterion] = granularity;
  return TRUE;
}

SmGranularity
sm_priority_rule_get_granularity (const SmPriorityRule *rule,
                                  SmCriterion criterion)
{
  g_return_val_if_fail (rule != NULL, SM_GRANULARITY_DAYS);
  g_return_val_if_fail (criterion_is_valid (criterion), SM_GRANULARITY_DAYS);
  return rule->granularity[criterion];
}

const char *
sm_priority_rule_get_id (const SmPriorityRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  return rule->id;
}

int32_t
sm_priority_rule_get_n_criteria (const SmPriorityRule *rule)
{
  g_return_val_if_fail (rule != NULL, 0);
  return rule->n_criteria;
}

gboolean
sm_priority_rule_get_criterion (const SmPriorityRule *rule, int32_t index,
                                SmCriterion *criterion_out,
                                SmDirection *direction_out)
{
  g_return_val_if_fail (rule != NULL, FALSE);
  if (index < 0 || index >= rule->n_criteria)
    return FALSE;
  if (criterion_out != NULL)
    *criterion_out = rule->criteria[index];
  if (direction_out != NULL)
    *direction_out = rule->directions[index];
  return TRUE;
}

int32_t
sm_priority_rule_get_max_grade_distance (const SmPriorityRule *rule)
{
  g_return_val_if_fail (rule != NULL, -1);
  return rule->max_grade_distance;
}

SmFit
sm_priority_rule_get_min_fit (const SmPriorityRule *rule)
{
  g_return_val_if_fail (rule != NULL, SM_FIT_NONE);
  return rule->min_fit;
}

gboolean
sm_priority_rule_get_require_qualifications (const SmPriorityRule *rule)
{
  g_return_val_if_fail (rule != NULL, FALSE);
  return rule->require_qualifications;
}

/* ---- as JSON ------------------------------------------------------------ */

static void
add_member_string (JsonBuilder *b, const char *member, const char *value)
{
  json_builder_set_member_name (b, member);
  if (value == NULL)
    json_builder_add_null_value (b);
  else if (g_utf8_validate (value, -1, NULL))
    json_builder_add_string_value (b, value);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (value, -1);
      json_builder_add_string_value (b, valid);
    }
}

static void
add_criteria (JsonBuilder *b, const SmPriorityRule *rule)
{
  json_builder_set_member_name (b, "criteria");
  json_builder_begin_array (b);
  for (int32_t k = 0; k < rule->n_criteria; k++)
    {
      json_builder_begin_object (b);
      add_member_string (b, "criterion",
                         sm_criterion_to_string (rule->criteria[k]));
      add_member_string (b, "prefer",
                         sm_direction_to_string (rule->directions[k]));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

/* "granularity": {"service": "years", ...} for the criteria not counted
 * in days; nothing when there are none. */
static void
add_granularity (JsonBuilder *b, const SmPriorityRule *rule)
{
  gboolean any = FALSE;
  for (int k = 0; k < SM_N_CRITERIA; k++)
    if (rule->granularity[k] != SM_GRANULARITY_DAYS)
      {
        if (!any)
          {
            json_builder_set_member_name (b, "granularity");
            json_builder_begin_object (b);
            any = TRUE;
          }
        add_member_string (b, sm_criterion_to_string ((SmCriterion) k),
                           sm_granularity_to_string (rule->granularity[k]));
      }
  if (any)
    json_builder_end_object (b);
}

char *
sm_priority_rule_to_json (const SmPriorityRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  g_autoptr (JsonBuilder) b = json_builder_new ();
  json_builder_begin_object (b);
  add_member_string (b, "id", rule->id);
  add_criteria (b, rule);
  json_builder_set_member_name (b, "max_grade_distance");
  if (rule->max_grade_distance >= 0)
    json_builder_add_int_value (b, rule->max_grade_distance);
  else
    json_builder_add_null_value (b);
  add_member_string (b, "min_fit",
                     rule->min_fit == SM_FIT_NONE
                         ? NULL
                         : sm_fit_to_string (rule->min_fit));
  json_builder_set_member_name (b, "require_qualifications");
  json_builder_add_boolean_value (b, rule->require_qualifications);
  add_granularity (b, rule);
  json_builder_end_object (b);
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

/* ---- eligibility -------------------------------------------------------- */

static gboolean
strv_contains (const char *const *list, const char *item)
{
  for (; list != NULL && *list != NULL; list++)
    if (g_str_equal (*list, item))
      return TRUE;
  return FALSE;
}

SmEligibility
sm_priority__check_eligibility (const SmPriorityRule *rule,
                                const SmCandidate *c,
                                const char *const *required,
                                const char *const *held)
{
  g_return_val_if_fail (rule != NULL && c != NULL, SM_INELIGIBLE_FIT);
  if (rule->max_grade_distance >= 0)
    {
      int64_t distance = (int64_t) c->employee_grade - c->position_grade;
      if (distance > rule->max_grade_distance
          || -distance > rule->max_grade_distance)
        return SM_INELIGIBLE_GRADE;
    }
  if (c->fit > rule->min_fit)
    return SM_INELIGIBLE_FIT;
  if (rule->require_qualifications)
    for (; required != NULL && *required != NULL; required++)
      if (!strv_contains (held, *required))
        return SM_INELIGIBLE_QUALIFICATIONS;
  return SM_ELIGIBLE;
}

/* ---- comparison --------------------------------------------------------- */

/* A criterion's value: larger means more of what it measures. */
typedef struct {
  double value;
  gboolean missing;
} Key;

static Key
date_key (SmDate date)
{
  /* An earlier date means more service or more age. */
  static const SmDate origin = { 1900, 1, 1 };
  if (!sm_date_is_valid (date))
    return (Key){ 0.0, TRUE };
  return (Key){ -(double) sm_date_days_between (origin, date), FALSE };
}

/* Whole months or years completed on the reference date; a date after it
 * counts as none. */
static Key
coarse_date_key (SmDate date, SmDate reference, SmGranularity granularity)
{
  if (!sm_date_is_valid (date))
    return (Key){ 0.0, TRUE };
  g_return_val_if_fail (sm_date_is_valid (reference), ((Key){ 0.0, TRUE }));
  int32_t months = sm_date__full_months (date, reference);
  if (granularity == SM_GRANULARITY_YEARS)
    return (Key){ (double) (months / 12), FALSE };
  return (Key){ (double) months, FALSE };
}

static Key
criterion_key (const SmPriorityRule *rule, SmCriterion criterion,
               const SmCandidate *c)
{
  SmGranularity granularity = rule->granularity[criterion];
  switch (criterion)
    {
    case SM_CRITERION_FIT:
      return (Key){ (double) ((int) SM_FIT_NONE - (int) c->fit), FALSE };
    case SM_CRITERION_SAME_GRADE:
      return (Key){ c->employee_grade == c->position_grade ? 1.0 : 0.0, FALSE };
    case SM_CRITERION_COMMITTEE_SCORE:
      return (Key){ c->committee_score, isnan (c->committee_score) };
    case SM_CRITERION_SERVICE:
      return granularity == SM_GRANULARITY_DAYS
                 ? date_key (c->service_start)
                 : coarse_date_key (c->service_start, c->reference,
                                    granularity);
    case SM_CRITERION_AGE:
      return granularity == SM_GRANULARITY_DAYS
                 ? date_key (c->birth_date)
                 : coarse_date_key (c->birth_date, c->reference, granularity);
    case SM_CRITERION_TRAVEL:
      return (Key){ c->travel_km, !(c->travel_km >= 0) };
    }
  g_assert_not_reached ();
}

/* <0 when a comes first. */
static int
compare_keys (Key a, Key b, SmDirection direction)
{
  if (a.missing || b.missing)
    return (int) a.missing - (int) b.missing;
  if (a.value == b.value)
    return 0;
  int larger_first = a.value > b.value ? -1 : 1;
  return direction == SM_DIRECTION_HIGHER_FIRST ? larger_first : -larger_first;
}

int
sm_priority__compare (const SmPriorityRule *rule, const SmCandidate *a,
                      const SmCandidate *b, int32_t *deciding_out)
{
  g_return_val_if_fail (rule != NULL && a != NULL && b != NULL, 0);
  for (int32_t k = 0; k < rule->n_criteria; k++)
    {
      SmCriterion criterion = rule->criteria[k];
      int cmp = compare_keys (criterion_key (rule, criterion, a),
                              criterion_key (rule, criterion, b),
                              rule->directions[k]);
      if (cmp != 0)
        {
          if (deciding_out != NULL)
            *deciding_out = k;
          return cmp;
        }
    }
  if (deciding_out != NULL)
    *deciding_out = -1;
  if (a->lot != b->lot)
    return a->lot < b->lot ? -1 : 1;
  int cmp = g_strcmp0 (a->employee_id, b->employee_id);
  return cmp < 0 ? -1 : cmp > 0;
}

/* ---- the lottery -------------------------------------------------------- */

#define FNV_OFFSET_BASIS UINT64_C (0xcbf29ce484222325)
#define FNV_PRIME UINT64_C (0x100000001b3)

/* FNV-1a over the bytes of @text and its terminating zero. */
static uint64_t
fnv1a (uint64_t hash, const char *text)
{
  const unsigned char *p = (const unsigned char *) text;
  do
    {
      hash ^= *p;
      hash *= FNV_PRIME;
    }
  while (*p++ != 0);
  return hash;
}

/* The splitmix64 finaliser (Steele, Lea and Flood 2014): a bijection. */
static uint64_t
mix64 (uint64_t x)
{
  x += UINT64_C (0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * UINT64_C (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * UINT64_C (0x94d049bb133111eb);
  return x ^ (x >> 31);
}

uint64_t
sm_priority__lot (uint64_t seed, SmTieBreaking tie_breaking,
                  const char *position_id, const char *employee_id)
{
  g_return_val_if_fail (employee_id != NULL, 0);
  uint64_t hash = FNV_OFFSET_BASIS;
  if (tie_breaking == SM_TIE_BREAKING_PER_POSITION)
    {
      g_return_val_if_fail (position_id != NULL, 0);
      hash = fnv1a (hash, position_id);
    }
  hash = fnv1a (hash, employee_id);
  return mix64 (mix64 (seed) ^ hash);
}

/* ---- descriptions for letters ------------------------------------------- */

/* Service and age counted in whole months or years, by criterion (0 for
 * service, 1 for age), granularity less one, and direction. */
static const char *const coarse_text[2][2][2] = {
  { { "whole months of service on the reference date (most first)",
      "whole months of service on the reference date (fewest first)" },
    { "whole years of service on the reference date (most first)",
      "whole years of service on the reference date (fewest first)" } },
  { { "age in whole months on the reference date (oldest first)",
      "age in whole months on the reference date (youngest first)" },
    { "age in whole years on the reference date (oldest first)",
      "age in whole years on the reference date (youngest first)" } },
};

const char *
sm_priority__describe_criterion (const SmPriorityRule *rule, int32_t index)
{
  static const char *const text[SM_N_CRITERIA][2] = {
    { "fit of the position to the current function (best fit first)",
      "fit of the position to the current function (weakest fit first)" },
    { "a move at the same salary grade (before a change of grade)",
      "a change of salary grade (before a move at the same grade)" },
    { "the placement committee's score (highest first)",
      "the placement committee's score (lowest first)" },
    { "years of service (longest first)", "years of service (shortest first)" },
    { "age (oldest first)", "age (youngest first)" },
    { "travel distance (longest first)", "travel distance (shortest first)" },
  };
  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (index >= 0 && index < rule->n_criteria, NULL);
  SmCriterion criterion = rule->criteria[index];
  SmGranularity granularity = rule->granularity[criterion];
  if (granularity != SM_GRANULARITY_DAYS)
    return coarse_text[criterion == SM_CRITERION_AGE][granularity - 1]
                      [rule->directions[index]];
  return text[criterion][rule->directions[index]];
}

static char *
format_number (const char *prefix, double value, const char *suffix)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (buffer, sizeof buffer, "%g", value);
  return g_strconcat (prefix, buffer, suffix, NULL);
}

static const char *
plural (int64_t count, const char *one, const char *more)
{
  return count == 1 ? one : more;
}

/* Whole months as "12 years", "1 year and 1 month", "0 years and 3
 * months"; whole years as "12 years". */
static char *
describe_months (int32_t months, SmGranularity granularity)
{
  int32_t years = months / 12, rest = months % 12;
  const char *y_unit = plural (years, "year", "years");
  if (granularity == SM_GRANULARITY_YEARS || rest == 0)
    return g_strdup_printf ("%d %s", (int) years, y_unit);
  return g_strdup_printf ("%d %s and %d %s", (int) years, y_unit, (int) rest,
                          plural (rest, "month", "months"));
}

/* "12 years", "1 year and 40 days", "0 years and 3 days" in days; in
 * whole months or years as describe_months(). */
static char *
describe_duration (SmDate since, SmDate reference, SmGranularity granularity)
{
  if (!sm_date_is_valid (since) || !sm_date_is_valid (reference))
    return g_strdup ("no date");
  if (sm_date_compare (since, reference) > 0)
    return g_strdup ("none (the date is after the reference date)");
  if (granularity != SM_GRANULARITY_DAYS)
    return describe_months (sm_date__full_months (since, reference),
                            granularity);
  int32_t years = sm_date_full_years (since, reference);
  SmDate last = sm_date__anniversary (since, since.year + years);
  int64_t days = sm_date_days_between (last, reference);
  const char *y_unit = plural (years, "year", "years");
  if (days == 0)
    return g_strdup_printf ("%d %s", (int) years, y_unit);
  return g_strdup_printf ("%d %s and %" G_GINT64_FORMAT " %s", (int) years,
                          y_unit, days, plural (days, "day", "days"));
}

static char *
describe_fit (SmFit fit)
{
  static const char *const text[] = {
    "same function", "interchangeable", "suitable", "reasonable", "no fit",
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (text) == N_FITS);
  g_return_val_if_fail (fit_is_valid (fit), g_strdup ("unknown fit"));
  return g_strdup (text[fit]);
}

char *
sm_priority__describe_value (SmCriterion criterion, SmGranularity granularity,
                             const SmCandidate *candidate, SmDate reference)
{
  g_return_val_if_fail (candidate != NULL, NULL);
  const SmCandidate *c = candidate;
  switch (criterion)
    {
    case SM_CRITERION_FIT:
      return describe_fit (c->fit);
    case SM_CRITERION_SAME_GRADE:
      if (c->employee_grade == c->position_grade)
        return g_strdup_printf ("same grade (%d)", (int) c->employee_grade);
      return g_strdup_printf ("grade %d to %d", (int) c->employee_grade,
                              (int) c->position_grade);
    case SM_CRITERION_COMMITTEE_SCORE:
      if (isnan (c->committee_score))
        return g_strdup ("no score");
      return format_number ("score ", c->committee_score, "");
    case SM_CRITERION_SERVICE:
      return describe_duration (c->service_start, reference, granularity);
    case SM_CRITERION_AGE:
      return describe_duration (c->birth_date, reference, granularity);
    case SM_CRITERION_TRAVEL:
      if (!(c->travel_km >= 0))
        return g_strdup ("no distance");
      return format_number ("", c->travel_km, " km");
    }
  g_return_val_if_reached (NULL);
}
