/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: priority rules, eligibility, comparison of candidates,
 * the lottery and the descriptions for letters. */
#include "test-util.h"

#include <math.h>
#include <string.h>

#include "scenario/priority-private.h"

/* A candidate on which every criterion has a value; tests vary one field
 * at a time. */
static SmCandidate
base_candidate (const char *id)
{
  SmCandidate c = {
    .fit = SM_FIT_INTERCHANGEABLE,
    .employee_grade = 9,
    .position_grade = 9,
    .committee_score = 7.0,
    .service_start = { 2005, 3, 1 },
    .birth_date = { 1970, 6, 15 },
    .travel_km = 12.0,
    .lot = 1000,
    .employee_id = id,
  };
  return c;
}

static SmPriorityRule *
rule_with (SmCriterion criterion, SmDirection direction)
{
  GError *error = NULL;
  SmPriorityRule *rule = sm_priority_rule_new ("r");
  CU_ASSERT_TRUE (
      sm_priority_rule_add_criterion (rule, criterion, direction, &error));
  SM_ASSERT_NO_ERROR (error);
  return rule;
}

/* Asserts that @first comes before @second under @rule, decided by
 * criterion @deciding, and the same seen from the other side. */
static void
assert_before (const SmPriorityRule *rule, const SmCandidate *first,
               const SmCandidate *second, int32_t deciding)
{
  int32_t by = -2;
  CU_ASSERT_TRUE (sm_priority__compare (rule, first, second, &by) < 0);
  CU_ASSERT_EQUAL (by, deciding);
  by = -2;
  CU_ASSERT_TRUE (sm_priority__compare (rule, second, first, &by) > 0);
  CU_ASSERT_EQUAL (by, deciding);
}

/* ---- the rule object ---------------------------------------------------- */

static void
test_new_rule (void)
{
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("ommen");
  CU_ASSERT_STRING_EQUAL (sm_priority_rule_get_id (rule), "ommen");
  CU_ASSERT_EQUAL (sm_priority_rule_get_n_criteria (rule), 0);
  CU_ASSERT_EQUAL (sm_priority_rule_get_max_grade_distance (rule), -1);
  CU_ASSERT_EQUAL (sm_priority_rule_get_min_fit (rule), SM_FIT_NONE);
  CU_ASSERT_FALSE (sm_priority_rule_get_require_qualifications (rule));
}

static void
test_default_rule (void)
{
  static const SmCriterion expected[] = {
    SM_CRITERION_FIT,
    SM_CRITERION_SAME_GRADE,
    SM_CRITERION_SERVICE,
    SM_CRITERION_AGE,
  };
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new_default ();
  CU_ASSERT_STRING_EQUAL (sm_priority_rule_get_id (rule), "default");
  CU_ASSERT_EQUAL_FATAL (sm_priority_rule_get_n_criteria (rule), 4);
  for (int32_t k = 0; k < 4; k++)
    {
      SmCriterion criterion;
      SmDirection direction;
      sm_priority_rule_get_criterion (rule, k, &criterion, &direction);
      CU_ASSERT_EQUAL (criterion, expected[k]);
      CU_ASSERT_EQUAL (direction, SM_DIRECTION_HIGHER_FIRST);
    }
  CU_ASSERT_EQUAL (sm_priority_rule_get_max_grade_distance (rule), -1);
  CU_ASSERT_EQUAL (sm_priority_rule_get_min_fit (rule), SM_FIT_NONE);
  CU_ASSERT_FALSE (sm_priority_rule_get_require_qualifications (rule));
}

static void
test_add_criterion (void)
{
  GError *error = NULL;
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("r");
  CU_ASSERT_TRUE (sm_priority_rule_add_criterion (rule, SM_CRITERION_TRAVEL,
                                                  SM_DIRECTION_LOWER_FIRST,
                                                  &error));
  CU_ASSERT_TRUE (
      sm_priority_rule_add_criterion (rule, SM_CRITERION_COMMITTEE_SCORE,
                                      SM_DIRECTION_HIGHER_FIRST, &error));
  SM_ASSERT_NO_ERROR (error);
  /* A criterion twice, even in the other direction: refused, unchanged. */
  CU_ASSERT_FALSE (sm_priority_rule_add_criterion (rule, SM_CRITERION_TRAVEL,
                                                   SM_DIRECTION_HIGHER_FIRST,
                                                   &error));
  SM_ASSERT_ERROR (error, SM_ERROR_DUPLICATE);
  CU_ASSERT_EQUAL_FATAL (sm_priority_rule_get_n_criteria (rule), 2);
  SmCriterion criterion;
  SmDirection direction;
  sm_priority_rule_get_criterion (rule, 0, &criterion, &direction);
  CU_ASSERT_EQUAL (criterion, SM_CRITERION_TRAVEL);
  CU_ASSERT_EQUAL (direction, SM_DIRECTION_LOWER_FIRST);
  sm_priority_rule_get_criterion (rule, 1, &criterion, NULL);
  CU_ASSERT_EQUAL (criterion, SM_CRITERION_COMMITTEE_SCORE);
  /* Every criterion fits once. */
  for (int k = 0; k < SM_N_CRITERIA; k++)
    sm_priority_rule_add_criterion (rule, (SmCriterion) k,
                                    SM_DIRECTION_HIGHER_FIRST, NULL);
  CU_ASSERT_EQUAL (sm_priority_rule_get_n_criteria (rule), SM_N_CRITERIA);
}

static void
test_filters (void)
{
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("r");
  sm_priority_rule_set_max_grade_distance (rule, 2);
  sm_priority_rule_set_min_fit (rule, SM_FIT_SUITABLE);
  sm_priority_rule_set_require_qualifications (rule, TRUE);
  CU_ASSERT_EQUAL (sm_priority_rule_get_max_grade_distance (rule), 2);
  CU_ASSERT_EQUAL (sm_priority_rule_get_min_fit (rule), SM_FIT_SUITABLE);
  CU_ASSERT_TRUE (sm_priority_rule_get_require_qualifications (rule));
  sm_priority_rule_set_max_grade_distance (rule, -1);
  CU_ASSERT_EQUAL (sm_priority_rule_get_max_grade_distance (rule), -1);
}

static void
test_copy_and_free (void)
{
  g_autoptr (SmPriorityRule)
      rule = rule_with (SM_CRITERION_AGE, SM_DIRECTION_LOWER_FIRST);
  sm_priority_rule_set_max_grade_distance (rule, 1);
  sm_priority_rule_set_min_fit (rule, SM_FIT_REASONABLE);
  sm_priority_rule_set_require_qualifications (rule, TRUE);
  g_autoptr (SmPriorityRule) copy = sm_priority_rule_copy (rule);
  CU_ASSERT_PTR_NOT_EQUAL (sm_priority_rule_get_id (copy),
                           sm_priority_rule_get_id (rule));
  CU_ASSERT_STRING_EQUAL (sm_priority_rule_get_id (copy), "r");
  CU_ASSERT_EQUAL (sm_priority_rule_get_n_criteria (copy), 1);
  CU_ASSERT_EQUAL (sm_priority_rule_get_max_grade_distance (copy), 1);
  CU_ASSERT_EQUAL (sm_priority_rule_get_min_fit (copy), SM_FIT_REASONABLE);
  CU_ASSERT_TRUE (sm_priority_rule_get_require_qualifications (copy));
  /* Independent of the original. */
  sm_priority_rule_add_criterion (copy, SM_CRITERION_FIT,
                                  SM_DIRECTION_HIGHER_FIRST, NULL);
  CU_ASSERT_EQUAL (sm_priority_rule_get_n_criteria (copy), 2);
  CU_ASSERT_EQUAL (sm_priority_rule_get_n_criteria (rule), 1);
  CU_ASSERT_PTR_NULL (sm_priority_rule_copy (NULL));
  sm_priority_rule_free (NULL);
}

static void
test_names (void)
{
  static const char *const criteria[] = {
    "fit", "same-grade", "committee-score", "service", "age", "travel",
  };
  static const char *const fits[] = {
    "same", "interchangeable", "suitable", "reasonable", "none",
  };
  for (int k = 0; k < SM_N_CRITERIA; k++)
    {
      SmCriterion back = (SmCriterion) -1;
      CU_ASSERT_STRING_EQUAL (sm_criterion_to_string ((SmCriterion) k),
                              criteria[k]);
      CU_ASSERT_TRUE (sm_criterion_from_string (criteria[k], &back));
      CU_ASSERT_EQUAL (back, (SmCriterion) k);
    }
  for (int k = 0; k <= SM_FIT_NONE; k++)
    {
      SmFit back = (SmFit) -1;
      CU_ASSERT_STRING_EQUAL (sm_fit_to_string ((SmFit) k), fits[k]);
      CU_ASSERT_TRUE (sm_fit_from_string (fits[k], &back));
      CU_ASSERT_EQUAL (back, (SmFit) k);
    }
  SmCriterion criterion = SM_CRITERION_AGE;
  SmFit fit = SM_FIT_SUITABLE;
  CU_ASSERT_FALSE (sm_criterion_from_string ("Age", &criterion));
  CU_ASSERT_FALSE (sm_criterion_from_string ("", &criterion));
  CU_ASSERT_FALSE (sm_criterion_from_string ("same_grade", &criterion));
  CU_ASSERT_EQUAL (criterion, SM_CRITERION_AGE);
  CU_ASSERT_FALSE (sm_fit_from_string ("equivalent", &fit));
  CU_ASSERT_FALSE (sm_fit_from_string ("same ", &fit));
  CU_ASSERT_EQUAL (fit, SM_FIT_SUITABLE);
}

/* ---- comparison --------------------------------------------------------- */

static void
test_fit_both_ways (void)
{
  SmCandidate better = base_candidate ("a"), worse = base_candidate ("b");
  better.fit = SM_FIT_SAME;
  worse.fit = SM_FIT_SUITABLE;
  better.lot = 2000; /* the lot would favour worse */
  g_autoptr (SmPriorityRule)
      high = rule_with (SM_CRITERION_FIT, SM_DIRECTION_HIGHER_FIRST);
  g_autoptr (SmPriorityRule)
      low = rule_with (SM_CRITERION_FIT, SM_DIRECTION_LOWER_FIRST);
  assert_before (high, &better, &worse, 0);
  assert_before (low, &worse, &better, 0);
  worse.fit = SM_FIT_NONE;
  assert_before (high, &better, &worse, 0);
}

static void
test_same_grade_both_ways (void)
{
  SmCandidate same = base_candidate ("a"), promoted = base_candidate ("b");
  promoted.employee_grade = 8;
  same.lot = 2000;
  g_autoptr (SmPriorityRule)
      high = rule_with (SM_CRITERION_SAME_GRADE, SM_DIRECTION_HIGHER_FIRST);
  g_autoptr (SmPriorityRule)
      low = rule_with (SM_CRITERION_SAME_GRADE, SM_DIRECTION_LOWER_FIRST);
  assert_before (high, &same, &promoted, 0);
  assert_before (low, &promoted, &same, 0);
  /* A step down and a step up are alike: neither is the same grade. */
  SmCandidate demoted = base_candidate ("c");
  demoted.employee_grade = 10;
  int32_t by = -2;
  promoted.lot = 1;
  demoted.lot = 2;
  CU_ASSERT_TRUE (sm_priority__compare (high, &promoted, &demoted, &by) < 0);
  CU_ASSERT_EQUAL (by, -1);
}

static void
test_committee_score_both_ways (void)
{
  SmCandidate high_score = base_candidate ("a");
  SmCandidate low_score = base_candidate ("b");
  high_score.committee_score = 8.5;
  low_score.committee_score = 6.0;
  high_score.lot = 2000;
  g_autoptr (SmPriorityRule) high = rule_with (SM_CRITERION_COMMITTEE_SCORE,
                                               SM_DIRECTION_HIGHER_FIRST);
  g_autoptr (SmPriorityRule)
      low = rule_with (SM_CRITERION_COMMITTEE_SCORE, SM_DIRECTION_LOWER_FIRST);
  assert_before (high, &high_score, &low_score, 0);
  assert_before (low, &low_score, &high_score, 0);
  /* Negative scores are scores. */
  low_score.committee_score = -1.0;
  assert_before (high, &high_score, &low_score, 0);
}

static void
test_service_both_ways (void)
{
  SmCandidate longer = base_candidate ("a"), shorter = base_candidate ("b");
  longer.service_start = (SmDate){ 1990, 1, 1 };
  shorter.service_start = (SmDate){ 1990, 1, 2 };
  longer.lot = 2000;
  g_autoptr (SmPriorityRule)
      high = rule_with (SM_CRITERION_SERVICE, SM_DIRECTION_HIGHER_FIRST);
  g_autoptr (SmPriorityRule)
      low = rule_with (SM_CRITERION_SERVICE, SM_DIRECTION_LOWER_FIRST);
  assert_before (high, &longer, &shorter, 0);
  assert_before (low, &shorter, &longer, 0);
}

static void
test_age_both_ways (void)
{
  SmCandidate older = base_candidate ("a"), younger = base_candidate ("b");
  older.birth_date = (SmDate){ 1960, 2, 29 };
  younger.birth_date = (SmDate){ 1960, 3, 1 };
  older.lot = 2000;
  g_autoptr (SmPriorityRule)
      high = rule_with (SM_CRITERION_AGE, SM_DIRECTION_HIGHER_FIRST);
  g_autoptr (SmPriorityRule)
      low = rule_with (SM_CRITERION_AGE, SM_DIRECTION_LOWER_FIRST);
  assert_before (high, &older, &younger, 0);
  assert_before (low, &younger, &older, 0);
}

static void
test_travel_both_ways (void)
{
  SmCandidate near = base_candidate ("a"), far = base_candidate ("b");
  near.travel_km = 0.0;
  far.travel_km = 40.5;
  near.lot = 2000;
  g_autoptr (SmPriorityRule)
      low = rule_with (SM_CRITERION_TRAVEL, SM_DIRECTION_LOWER_FIRST);
  g_autoptr (SmPriorityRule)
      high = rule_with (SM_CRITERION_TRAVEL, SM_DIRECTION_HIGHER_FIRST);
  assert_before (low, &near, &far, 0);
  assert_before (high, &far, &near, 0);
}

/* A missing score, distance or date comes last in either direction, and
 * two missing values tie. */
static void
test_missing_values_last (void)
{
  for (int dir = SM_DIRECTION_HIGHER_FIRST; dir <= SM_DIRECTION_LOWER_FIRST;
       dir++)
    {
      SmCandidate have = base_candidate ("a"), miss = base_candidate ("b");
      have.lot = 2000;
      g_autoptr (SmPriorityRule)
          score = rule_with (SM_CRITERION_COMMITTEE_SCORE, (SmDirection) dir);
      miss.committee_score = NAN;
      assert_before (score, &have, &miss, 0);

      miss = base_candidate ("b");
      g_autoptr (SmPriorityRule)
          travel = rule_with (SM_CRITERION_TRAVEL, (SmDirection) dir);
      miss.travel_km = -1.0;
      assert_before (travel, &have, &miss, 0);

      miss = base_candidate ("b");
      g_autoptr (SmPriorityRule)
          service = rule_with (SM_CRITERION_SERVICE, (SmDirection) dir);
      miss.service_start = (SmDate){ 0, 0, 0 };
      assert_before (service, &have, &miss, 0);

      miss = base_candidate ("b");
      g_autoptr (SmPriorityRule)
          age = rule_with (SM_CRITERION_AGE, (SmDirection) dir);
      miss.birth_date = (SmDate){ 0, 0, 0 };
      assert_before (age, &have, &miss, 0);

      /* Both missing: the lot decides. */
      have.birth_date = (SmDate){ 0, 0, 0 };
      assert_before (age, &miss, &have, -1);
    }
}

/* The default rule on hand-made candidates: each criterion in turn
 * decides when the ones before it tie. */
static void
test_default_rule_order (void)
{
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new_default ();
  SmCandidate a = base_candidate ("a"), b = base_candidate ("b");
  /* Fit beats everything after it. */
  a.fit = SM_FIT_SAME;
  a.employee_grade = 8;
  a.service_start = (SmDate){ 2015, 1, 1 };
  a.birth_date = (SmDate){ 1990, 1, 1 };
  a.lot = 9999;
  b.fit = SM_FIT_INTERCHANGEABLE;
  b.service_start = (SmDate){ 1985, 1, 1 };
  b.birth_date = (SmDate){ 1960, 1, 1 };
  assert_before (rule, &a, &b, 0);
  /* Equal fit: the same grade goes before a promotion. */
  a.fit = b.fit;
  assert_before (rule, &b, &a, 1);
  /* Same grade too: longest service. */
  a.employee_grade = b.employee_grade;
  assert_before (rule, &b, &a, 2);
  /* Same service: the oldest. */
  a.service_start = b.service_start;
  assert_before (rule, &b, &a, 3);
  /* All tied: the lower lot. */
  a.birth_date = b.birth_date;
  assert_before (rule, &b, &a, -1);
  /* The committee score and travel are not in the default rule. */
  a.committee_score = 10.0;
  a.travel_km = 0.0;
  assert_before (rule, &b, &a, -1);
}

static void
test_lot_and_id_break_ties (void)
{
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("lottery only");
  SmCandidate a = base_candidate ("a"), b = base_candidate ("b");
  a.lot = 5;
  b.lot = 4;
  assert_before (rule, &b, &a, -1);
  /* Colliding lots: the identifier decides, never a tie. */
  a.lot = b.lot;
  assert_before (rule, &a, &b, -1);
  /* The same employee compares equal. */
  SmCandidate a2 = base_candidate ("a");
  a2.lot = a.lot;
  int32_t by = -2;
  CU_ASSERT_EQUAL (sm_priority__compare (rule, &a, &a2, &by), 0);
  CU_ASSERT_EQUAL (by, -1);
  CU_ASSERT_EQUAL (sm_priority__compare (rule, &a, &a, NULL), 0);
}

static gint
compare_with_rule (gconstpointer x, gconstpointer y, gpointer rule)
{
  return sm_priority__compare (rule, x, y, NULL);
}

/* Random candidates with few distinct values (many ties): the comparison
 * must be a strict total order, so sorting yields a sequence in which
 * every earlier candidate comes before every later one. */
static void
test_total_order (void)
{
  enum { N = 300 };
  GRand *rand = g_rand_new_with_seed (42);
  g_autoptr (SmPriorityRule) rule = rule_with (SM_CRITERION_COMMITTEE_SCORE,
                                               SM_DIRECTION_HIGHER_FIRST);
  sm_priority_rule_add_criterion (rule, SM_CRITERION_FIT,
                                  SM_DIRECTION_HIGHER_FIRST, NULL);
  sm_priority_rule_add_criterion (rule, SM_CRITERION_TRAVEL,
                                  SM_DIRECTION_LOWER_FIRST, NULL);
  sm_priority_rule_add_criterion (rule, SM_CRITERION_AGE,
                                  SM_DIRECTION_HIGHER_FIRST, NULL);
  SmCandidate c[N];
  char ids[N][8];
  for (int k = 0; k < N; k++)
    {
      g_snprintf (ids[k], sizeof ids[k], "e%d", k);
      c[k] = base_candidate (ids[k]);
      int32_t r = g_rand_int_range (rand, 0, 4);
      c[k].committee_score = r == 3 ? NAN : r;
      c[k].fit = (SmFit) g_rand_int_range (rand, 0, 5);
      c[k].travel_km = g_rand_int_range (rand, -1, 2);
      c[k].birth_date = g_rand_boolean (rand) ? (SmDate){ 0, 0, 0 }
                                              : (SmDate){ 1970, 1, 1 };
      c[k].lot = (uint64_t) g_rand_int_range (rand, 0, 50);
    }
  g_qsort_with_data (c, N, sizeof c[0], compare_with_rule, rule);
  gboolean ok = TRUE;
  for (int i = 0; i < N; i++)
    for (int j = i + 1; j < N; j++)
      ok = ok && sm_priority__compare (rule, &c[i], &c[j], NULL) < 0
           && sm_priority__compare (rule, &c[j], &c[i], NULL) > 0;
  CU_ASSERT_TRUE (ok);
  g_rand_free (rand);
}

/* ---- eligibility -------------------------------------------------------- */

static void
test_eligibility_grade (void)
{
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("r");
  SmCandidate c = base_candidate ("a");
  c.employee_grade = 7;
  c.position_grade = 10;
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, NULL, NULL),
                   SM_ELIGIBLE);
  sm_priority_rule_set_max_grade_distance (rule, 3);
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, NULL, NULL),
                   SM_ELIGIBLE);
  sm_priority_rule_set_max_grade_distance (rule, 2);
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, NULL, NULL),
                   SM_INELIGIBLE_GRADE);
  /* Either way. */
  c.employee_grade = 13;
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, NULL, NULL),
                   SM_INELIGIBLE_GRADE);
  c.employee_grade = 12;
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, NULL, NULL),
                   SM_ELIGIBLE);
  sm_priority_rule_set_max_grade_distance (rule, 0);
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, NULL, NULL),
                   SM_INELIGIBLE_GRADE);
  c.employee_grade = 10;
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, NULL, NULL),
                   SM_ELIGIBLE);
}

static void
test_eligibility_fit (void)
{
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("r");
  SmCandidate c = base_candidate ("a");
  c.fit = SM_FIT_NONE;
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, NULL, NULL),
                   SM_ELIGIBLE);
  sm_priority_rule_set_min_fit (rule, SM_FIT_SUITABLE);
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, NULL, NULL),
                   SM_INELIGIBLE_FIT);
  c.fit = SM_FIT_REASONABLE;
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, NULL, NULL),
                   SM_INELIGIBLE_FIT);
  c.fit = SM_FIT_SUITABLE;
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, NULL, NULL),
                   SM_ELIGIBLE);
  c.fit = SM_FIT_SAME;
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, NULL, NULL),
                   SM_ELIGIBLE);
}

static void
test_eligibility_qualifications (void)
{
  const char *const required[] = { "driving licence", "law degree", NULL };
  const char *const all[] = { "law degree", "first aid", "driving licence",
                              NULL };
  const char *const some[] = { "law degree", NULL };
  const char *const none[] = { NULL };
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("r");
  SmCandidate c = base_candidate ("a");
  /* Not required by the rule: ignored. */
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, required, NULL),
                   SM_ELIGIBLE);
  sm_priority_rule_set_require_qualifications (rule, TRUE);
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, required, all),
                   SM_ELIGIBLE);
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, required, some),
                   SM_INELIGIBLE_QUALIFICATIONS);
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, required, none),
                   SM_INELIGIBLE_QUALIFICATIONS);
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, required, NULL),
                   SM_INELIGIBLE_QUALIFICATIONS);
  /* Nothing required: anyone. */
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, NULL, NULL),
                   SM_ELIGIBLE);
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, none, NULL),
                   SM_ELIGIBLE);
}

/* Grade is checked before fit, fit before qualifications. */
static void
test_eligibility_order (void)
{
  const char *const required[] = { "x", NULL };
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("r");
  sm_priority_rule_set_max_grade_distance (rule, 0);
  sm_priority_rule_set_min_fit (rule, SM_FIT_SAME);
  sm_priority_rule_set_require_qualifications (rule, TRUE);
  SmCandidate c = base_candidate ("a");
  c.employee_grade = 1;
  c.fit = SM_FIT_NONE;
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, required, NULL),
                   SM_INELIGIBLE_GRADE);
  c.employee_grade = c.position_grade;
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, required, NULL),
                   SM_INELIGIBLE_FIT);
  c.fit = SM_FIT_SAME;
  CU_ASSERT_EQUAL (sm_priority__check_eligibility (rule, &c, required, NULL),
                   SM_INELIGIBLE_QUALIFICATIONS);
}

/* ---- the lottery -------------------------------------------------------- */

static int
compare_u64 (const void *x, const void *y)
{
  uint64_t a = *(const uint64_t *) x, b = *(const uint64_t *) y;
  return a < b ? -1 : a > b;
}

static void
test_lot_deterministic (void)
{
  for (uint64_t seed = 0; seed < 5; seed++)
    {
      CU_ASSERT_EQUAL (sm_priority__lot (seed, SM_TIE_BREAKING_SINGLE, NULL,
                                         "E001"),
                       sm_priority__lot (seed, SM_TIE_BREAKING_SINGLE, NULL,
                                         "E001"));
      CU_ASSERT_EQUAL (sm_priority__lot (seed, SM_TIE_BREAKING_PER_POSITION,
                                         "P1", "E001"),
                       sm_priority__lot (seed, SM_TIE_BREAKING_PER_POSITION,
                                         "P1", "E001"));
    }
  /* Regression guard: these numbers must never change, or old placements
   * can no longer be reproduced from their seed. They were computed once
   * by an independent implementation (in Python) of the same hash. */
  CU_ASSERT_EQUAL (sm_priority__lot (0, SM_TIE_BREAKING_SINGLE, NULL, "E001"),
                   UINT64_C (0xc34e45f768b8b0a0));
  CU_ASSERT_EQUAL (sm_priority__lot (20181001, SM_TIE_BREAKING_SINGLE, NULL,
                                     "12345"),
                   UINT64_C (0x1527f834a8c4bc3d));
  CU_ASSERT_EQUAL (sm_priority__lot (20181001, SM_TIE_BREAKING_PER_POSITION,
                                     "OMMEN-BELEID-01", "12345"),
                   UINT64_C (0x499b2049a9ce2ae8));
}

/* Many identifiers: no collisions, and a fair share of high bits. */
static void
test_lot_spread (void)
{
  enum { N = 20000 };
  uint64_t *lots = g_new (uint64_t, N);
  int high = 0;
  for (int k = 0; k < N; k++)
    {
      char id[16];
      g_snprintf (id, sizeof id, "%06d", k);
      lots[k] = sm_priority__lot (7, SM_TIE_BREAKING_SINGLE, NULL, id);
      high += (int) (lots[k] >> 63);
    }
  CU_ASSERT_TRUE (high > N / 2 - 500 && high < N / 2 + 500);
  qsort (lots, N, sizeof lots[0], compare_u64);
  int collisions = 0;
  for (int k = 1; k < N; k++)
    collisions += lots[k] == lots[k - 1];
  CU_ASSERT_EQUAL (collisions, 0);
  g_free (lots);
}

/* Another seed gives another number for every id, and another order. */
static void
test_lot_seeds_differ (void)
{
  enum { N = 1000 };
  int differ = 0, order_changes = 0;
  uint64_t prev_a = 0, prev_b = 0;
  for (int k = 0; k < N; k++)
    {
      char id[16];
      g_snprintf (id, sizeof id, "E%d", k);
      uint64_t a = sm_priority__lot (1, SM_TIE_BREAKING_SINGLE, NULL, id);
      uint64_t b = sm_priority__lot (2, SM_TIE_BREAKING_SINGLE, NULL, id);
      differ += a != b;
      if (k > 0)
        order_changes += (a < prev_a) != (b < prev_b);
      prev_a = a;
      prev_b = b;
    }
  CU_ASSERT_EQUAL (differ, N);
  /* Independent draws disagree on about half the neighbouring pairs. */
  CU_ASSERT_TRUE (order_changes > N / 2 - 100 && order_changes < N / 2 + 100);
}

static void
test_lot_single_vs_per_position (void)
{
  const uint64_t seed = 99;
  uint64_t single = sm_priority__lot (seed, SM_TIE_BREAKING_SINGLE, NULL, "E1");
  /* Single: the position plays no part. */
  CU_ASSERT_EQUAL (sm_priority__lot (seed, SM_TIE_BREAKING_SINGLE, "P1", "E1"),
                   single);
  CU_ASSERT_EQUAL (sm_priority__lot (seed, SM_TIE_BREAKING_SINGLE, "P2", "E1"),
                   single);
  /* Per position: a fresh number per position. */
  uint64_t p1 = sm_priority__lot (seed, SM_TIE_BREAKING_PER_POSITION, "P1",
                                  "E1");
  uint64_t p2 = sm_priority__lot (seed, SM_TIE_BREAKING_PER_POSITION, "P2",
                                  "E1");
  CU_ASSERT_NOT_EQUAL (p1, p2);
  CU_ASSERT_NOT_EQUAL (p1, single);
  /* The boundary between the identifiers counts. */
  CU_ASSERT_NOT_EQUAL (sm_priority__lot (seed, SM_TIE_BREAKING_PER_POSITION,
                                         "ab", "c"),
                       sm_priority__lot (seed, SM_TIE_BREAKING_PER_POSITION,
                                         "a", "bc"));
  /* Over many positions, the per-position orders of two employees
   * disagree with each other about half of the time. */
  int first_wins = 0;
  for (int k = 0; k < 1000; k++)
    {
      char pos[16];
      g_snprintf (pos, sizeof pos, "P%d", k);
      first_wins += sm_priority__lot (seed, SM_TIE_BREAKING_PER_POSITION, pos,
                                      "E1")
                    < sm_priority__lot (seed, SM_TIE_BREAKING_PER_POSITION, pos,
                                        "E2");
    }
  CU_ASSERT_TRUE (first_wins > 400 && first_wins < 600);
}

/* ---- descriptions ------------------------------------------------------- */

static void
test_describe_criterion (void)
{
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new_default ();
  sm_priority_rule_add_criterion (rule, SM_CRITERION_TRAVEL,
                                  SM_DIRECTION_LOWER_FIRST, NULL);
  CU_ASSERT_STRING_EQUAL (sm_priority__describe_criterion (rule, 2),
                          "years of service (longest first)");
  CU_ASSERT_STRING_EQUAL (sm_priority__describe_criterion (rule, 3),
                          "age (oldest first)");
  CU_ASSERT_STRING_EQUAL (sm_priority__describe_criterion (rule, 4),
                          "travel distance (shortest first)");
  /* Every criterion in every direction, word for word: these are the
   * words a letter uses to tell a person what decided. */
  static const struct {
    SmCriterion criterion;
    SmDirection direction;
    const char *text;
  } expected[] = {
    { SM_CRITERION_FIT, SM_DIRECTION_HIGHER_FIRST,
      "fit of the position to the current function (best fit first)" },
    { SM_CRITERION_FIT, SM_DIRECTION_LOWER_FIRST,
      "fit of the position to the current function (weakest fit first)" },
    { SM_CRITERION_SAME_GRADE, SM_DIRECTION_HIGHER_FIRST,
      "a move at the same salary grade (before a change of grade)" },
    { SM_CRITERION_SAME_GRADE, SM_DIRECTION_LOWER_FIRST,
      "a change of salary grade (before a move at the same grade)" },
    { SM_CRITERION_COMMITTEE_SCORE, SM_DIRECTION_HIGHER_FIRST,
      "the placement committee's score (highest first)" },
    { SM_CRITERION_COMMITTEE_SCORE, SM_DIRECTION_LOWER_FIRST,
      "the placement committee's score (lowest first)" },
    { SM_CRITERION_SERVICE, SM_DIRECTION_HIGHER_FIRST,
      "years of service (longest first)" },
    { SM_CRITERION_SERVICE, SM_DIRECTION_LOWER_FIRST,
      "years of service (shortest first)" },
    { SM_CRITERION_AGE, SM_DIRECTION_HIGHER_FIRST, "age (oldest first)" },
    { SM_CRITERION_AGE, SM_DIRECTION_LOWER_FIRST, "age (youngest first)" },
    { SM_CRITERION_TRAVEL, SM_DIRECTION_HIGHER_FIRST,
      "travel distance (longest first)" },
    { SM_CRITERION_TRAVEL, SM_DIRECTION_LOWER_FIRST,
      "travel distance (shortest first)" },
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (expected) == 2 * SM_N_CRITERIA);
  for (size_t k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      g_autoptr (SmPriorityRule)
          one = rule_with (expected[k].criterion, expected[k].direction);
      const char *text = sm_priority__describe_criterion (one, 0);
      CU_ASSERT_PTR_NOT_NULL_FATAL (text);
      if (strcmp (text, expected[k].text) != 0)
        fprintf (stderr, "got '%s', expected '%s'\n", text, expected[k].text);
      CU_ASSERT_STRING_EQUAL (text, expected[k].text);
    }
}

static void
assert_value (SmCriterion criterion, const SmCandidate *c, SmDate reference,
              const char *expected)
{
  g_autofree char *text = sm_priority__describe_value (criterion,
                                                       SM_GRANULARITY_DAYS, c,
                                                       reference);
  CU_ASSERT_PTR_NOT_NULL_FATAL (text);
  if (strcmp (text, expected) != 0)
    fprintf (stderr, "got '%s', expected '%s'\n", text, expected);
  CU_ASSERT_STRING_EQUAL (text, expected);
}

static void
test_describe_value (void)
{
  const SmDate ref = { 2019, 1, 1 };
  SmCandidate c = base_candidate ("a");
  assert_value (SM_CRITERION_FIT, &c, ref, "interchangeable");
  c.fit = SM_FIT_SAME;
  assert_value (SM_CRITERION_FIT, &c, ref, "same function");
  assert_value (SM_CRITERION_SAME_GRADE, &c, ref, "same grade (9)");
  c.position_grade = 10;
  assert_value (SM_CRITERION_SAME_GRADE, &c, ref, "grade 9 to 10");
  c.committee_score = 7.5;
  assert_value (SM_CRITERION_COMMITTEE_SCORE, &c, ref, "score 7.5");
  c.committee_score = NAN;
  assert_value (SM_CRITERION_COMMITTEE_SCORE, &c, ref, "no score");
  c.service_start = (SmDate){ 2007, 1, 1 };
  assert_value (SM_CRITERION_SERVICE, &c, ref, "12 years");
  c.service_start = (SmDate){ 2017, 11, 22 };
  assert_value (SM_CRITERION_SERVICE, &c, ref, "1 year and 40 days");
  c.service_start = (SmDate){ 2018, 12, 31 };
  assert_value (SM_CRITERION_SERVICE, &c, ref, "0 years and 1 day");
  c.service_start = (SmDate){ 0, 0, 0 };
  assert_value (SM_CRITERION_SERVICE, &c, ref, "no date");
  c.service_start = (SmDate){ 2019, 1, 2 };
  assert_value (SM_CRITERION_SERVICE, &c, ref,
                "none (the date is after the reference date)");
  /* Born 29 February 2000: 18 on 1 March 2018, then 306 days. */
  c.birth_date = (SmDate){ 2000, 2, 29 };
  assert_value (SM_CRITERION_AGE, &c, ref, "18 years and 306 days");
  c.travel_km = 3.25;
  assert_value (SM_CRITERION_TRAVEL, &c, ref, "3.25 km");
  c.travel_km = 12;
  assert_value (SM_CRITERION_TRAVEL, &c, ref, "12 km");
  c.travel_km = -1;
  assert_value (SM_CRITERION_TRAVEL, &c, ref, "no distance");
}

/* ---- granularity ----------------------------------------------------------
 */

static SmPriorityRule *
coarse_rule (SmCriterion criterion, SmDirection direction,
             SmGranularity granularity)
{
  GError *error = NULL;
  SmPriorityRule *rule = rule_with (criterion, direction);
  CU_ASSERT_TRUE (
      sm_priority_rule_set_granularity (rule, criterion, granularity, &error));
  SM_ASSERT_NO_ERROR (error);
  return rule;
}

static void
test_granularity_setting (void)
{
  GError *error = NULL;
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("r");
  for (int k = 0; k < SM_N_CRITERIA; k++)
    CU_ASSERT_EQUAL (sm_priority_rule_get_granularity (rule, (SmCriterion) k),
                     SM_GRANULARITY_DAYS);
  /* Set before the criterion is added: the setting belongs to the rule. */
  CU_ASSERT_TRUE (sm_priority_rule_set_granularity (rule, SM_CRITERION_SERVICE,
                                                    SM_GRANULARITY_YEARS,
                                                    &error));
  CU_ASSERT_TRUE (sm_priority_rule_set_granularity (rule, SM_CRITERION_AGE,
                                                    SM_GRANULARITY_MONTHS,
                                                    &error));
  CU_ASSERT_TRUE (sm_priority_rule_set_granularity (rule, SM_CRITERION_FIT,
                                                    SM_GRANULARITY_DAYS,
                                                    &error));
  SM_ASSERT_NO_ERROR (error);
  static const SmCriterion not_dates[] = { SM_CRITERION_FIT,
                                           SM_CRITERION_SAME_GRADE,
                                           SM_CRITERION_COMMITTEE_SCORE,
                                           SM_CRITERION_TRAVEL };
  for (size_t k = 0; k < G_N_ELEMENTS (not_dates); k++)
    {
      CU_ASSERT_FALSE (sm_priority_rule_set_granularity (rule, not_dates[k],
                                                         SM_GRANULARITY_MONTHS,
                                                         &error));
      SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
      g_clear_error (&error);
      CU_ASSERT_EQUAL (sm_priority_rule_get_granularity (rule, not_dates[k]),
                       SM_GRANULARITY_DAYS);
    }
  CU_ASSERT_EQUAL (sm_priority_rule_get_granularity (rule,
                                                     SM_CRITERION_SERVICE),
                   SM_GRANULARITY_YEARS);
  g_autoptr (SmPriorityRule) copy = sm_priority_rule_copy (rule);
  CU_ASSERT_EQUAL (sm_priority_rule_get_granularity (copy, SM_CRITERION_AGE),
                   SM_GRANULARITY_MONTHS);
  g_autofree char *json = sm_priority_rule_to_json (copy);
  CU_ASSERT_PTR_NOT_NULL (
      strstr (json, "\"granularity\":{\"service\":\"years\",\"age\":"
                    "\"months\"}}"));
}

static void
test_full_months (void)
{
  static const struct {
    SmDate from, to;
    int32_t months;
  } cases[] = {
    { { 2018, 1, 15 }, { 2018, 2, 14 }, 0 },
    { { 2018, 1, 15 }, { 2018, 2, 15 }, 1 },
    /* From 31 January the month is complete on 1 March. */
    { { 2019, 1, 31 }, { 2019, 2, 28 }, 0 },
    { { 2019, 1, 31 }, { 2019, 3, 1 }, 1 },
    { { 2020, 1, 31 }, { 2020, 2, 29 }, 0 },
    { { 2019, 1, 31 }, { 2019, 4, 30 }, 2 },
    /* From 29 February a year is complete on 1 March: as birthdays. */
    { { 2016, 2, 29 }, { 2017, 2, 28 }, 11 },
    { { 2016, 2, 29 }, { 2017, 3, 1 }, 12 },
    { { 2015, 2, 1 }, { 2019, 1, 1 }, 47 },
    { { 2015, 11, 1 }, { 2019, 1, 1 }, 38 },
    { { 2019, 1, 1 }, { 2019, 1, 1 }, 0 },
    { { 2019, 3, 1 }, { 2019, 1, 1 }, 0 },
  };
  for (size_t k = 0; k < G_N_ELEMENTS (cases); k++)
    {
      int32_t got = sm_date__full_months (cases[k].from, cases[k].to);
      if (got != cases[k].months)
        fprintf (stderr, "case %zu: got %d, expected %d\n", k, (int) got,
                 (int) cases[k].months);
      CU_ASSERT_EQUAL (got, cases[k].months);
    }
}

/* 3 years 11 months of service against 3 years 2 months on 1 January
 * 2019: tied in whole years (the lot decides), not in months or days. */
static void
test_service_granularity_ties (void)
{
  SmCandidate a = base_candidate ("a"), b = base_candidate ("b");
  a.reference = b.reference = (SmDate){ 2019, 1, 1 };
  a.service_start = (SmDate){ 2015, 2, 1 };
  b.service_start = (SmDate){ 2015, 11, 1 };
  a.lot = 2000; /* b wins the lot */
  b.lot = 1000;
  g_autoptr (SmPriorityRule)
      days = rule_with (SM_CRITERION_SERVICE, SM_DIRECTION_HIGHER_FIRST);
  g_autoptr (SmPriorityRule)
      months = coarse_rule (SM_CRITERION_SERVICE, SM_DIRECTION_HIGHER_FIRST,
                            SM_GRANULARITY_MONTHS);
  g_autoptr (SmPriorityRule)
      years = coarse_rule (SM_CRITERION_SERVICE, SM_DIRECTION_HIGHER_FIRST,
                           SM_GRANULARITY_YEARS);
  assert_before (days, &a, &b, 0);
  assert_before (months, &a, &b, 0);
  assert_before (years, &b, &a, -1);
  /* 3 years 11 months and 17 days against 3 years 11 months: tied in
   * months, not in days. */
  b.service_start = (SmDate){ 2015, 1, 15 };
  assert_before (days, &b, &a, 0);
  assert_before (months, &b, &a, -1);
  a.lot = 500; /* now a wins the lot */
  assert_before (months, &a, &b, -1);
  /* The reference date counts: on 1 February 2018 the first has 3 whole
   * years and 0 months, the second 2 years and 11 months (its third year
   * is complete a day later). */
  a.lot = 2000;
  b.service_start = (SmDate){ 2015, 2, 2 };
  a.reference = b.reference = (SmDate){ 2018, 2, 1 };
  assert_before (years, &a, &b, 0);
  assert_before (months, &a, &b, 0);
}

static void
test_age_granularity_ties (void)
{
  SmCandidate a = base_candidate ("a"), b = base_candidate ("b");
  a.reference = b.reference = (SmDate){ 2019, 1, 1 };
  a.birth_date = (SmDate){ 1960, 6, 15 };  /* 58 years and 6 months */
  b.birth_date = (SmDate){ 1960, 12, 31 }; /* 58 years and 0 months */
  a.lot = 2000;
  b.lot = 1000;
  g_autoptr (SmPriorityRule)
      months = coarse_rule (SM_CRITERION_AGE, SM_DIRECTION_HIGHER_FIRST,
                            SM_GRANULARITY_MONTHS);
  g_autoptr (SmPriorityRule)
      years = coarse_rule (SM_CRITERION_AGE, SM_DIRECTION_HIGHER_FIRST,
                           SM_GRANULARITY_YEARS);
  g_autoptr (SmPriorityRule)
      young = coarse_rule (SM_CRITERION_AGE, SM_DIRECTION_LOWER_FIRST,
                           SM_GRANULARITY_MONTHS);
  assert_before (months, &a, &b, 0);
  assert_before (young, &b, &a, 0);
  assert_before (years, &b, &a, -1);
  /* A missing date still comes last, whatever the granularity. */
  a.birth_date = (SmDate){ 0, 0, 0 };
  assert_before (years, &b, &a, 0);
  assert_before (young, &b, &a, 0);
}

/* Dates after the reference date count as no whole years or months. */
static void
test_granularity_after_reference (void)
{
  SmCandidate a = base_candidate ("a"), b = base_candidate ("b");
  SmCandidate c = base_candidate ("c");
  a.reference = b.reference = c.reference = (SmDate){ 2019, 1, 1 };
  a.service_start = (SmDate){ 2018, 6, 1 }; /* 7 months */
  b.service_start = (SmDate){ 2019, 3, 1 };
  c.service_start = (SmDate){ 2019, 6, 1 };
  a.lot = 3000;
  b.lot = 2000;
  c.lot = 1000;
  g_autoptr (SmPriorityRule)
      months = coarse_rule (SM_CRITERION_SERVICE, SM_DIRECTION_HIGHER_FIRST,
                            SM_GRANULARITY_MONTHS);
  g_autoptr (SmPriorityRule)
      years = coarse_rule (SM_CRITERION_SERVICE, SM_DIRECTION_HIGHER_FIRST,
                           SM_GRANULARITY_YEARS);
  assert_before (months, &a, &b, 0);
  assert_before (months, &c, &b, -1);
  assert_before (years, &c, &a, -1);
  assert_before (years, &b, &a, -1);
}

static void
test_describe_granularity (void)
{
  static const struct {
    SmCriterion criterion;
    SmDirection direction;
    SmGranularity granularity;
    const char *text;
  } expected[] = {
    { SM_CRITERION_SERVICE, SM_DIRECTION_HIGHER_FIRST, SM_GRANULARITY_YEARS,
      "whole years of service on the reference date (most first)" },
    { SM_CRITERION_SERVICE, SM_DIRECTION_LOWER_FIRST, SM_GRANULARITY_MONTHS,
      "whole months of service on the reference date (fewest first)" },
    { SM_CRITERION_AGE, SM_DIRECTION_HIGHER_FIRST, SM_GRANULARITY_YEARS,
      "age in whole years on the reference date (oldest first)" },
    { SM_CRITERION_AGE, SM_DIRECTION_LOWER_FIRST, SM_GRANULARITY_MONTHS,
      "age in whole months on the reference date (youngest first)" },
    { SM_CRITERION_AGE, SM_DIRECTION_LOWER_FIRST, SM_GRANULARITY_DAYS,
      "age (youngest first)" },
  };
  for (size_t k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      g_autoptr (SmPriorityRule)
          rule = coarse_rule (expected[k].criterion, expected[k].direction,
                              expected[k].granularity);
      CU_ASSERT_STRING_EQUAL (sm_priority__describe_criterion (rule, 0),
                              expected[k].text);
    }
  const SmDate ref = { 2019, 1, 1 };
  SmCandidate c = base_candidate ("a");
  c.service_start = (SmDate){ 2015, 2, 1 };
  static const char *const service[] = { "3 years and 334 days",
                                         "3 years and 11 months", "3 years" };
  for (int g = 0; g < 3; g++)
    {
      g_autofree char *text = sm_priority__describe_value (SM_CRITERION_SERVICE,
                                                           (SmGranularity) g,
                                                           &c, ref);
      CU_ASSERT_STRING_EQUAL (text, service[g]);
    }
  c.birth_date = (SmDate){ 2017, 12, 1 };
  g_autofree char *one = sm_priority__describe_value (SM_CRITERION_AGE,
                                                      SM_GRANULARITY_MONTHS, &c,
                                                      ref);
  CU_ASSERT_STRING_EQUAL (one, "1 year and 1 month");
  c.birth_date = (SmDate){ 2019, 2, 1 };
  g_autofree char *after = sm_priority__describe_value (SM_CRITERION_AGE,
                                                        SM_GRANULARITY_YEARS,
                                                        &c, ref);
  CU_ASSERT_STRING_EQUAL (after, "none (the date is after the reference date)");
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "new rule", test_new_rule },
    { "default rule", test_default_rule },
    { "add criterion, duplicate", test_add_criterion },
    { "filters", test_filters },
    { "copy and free", test_copy_and_free },
    { "names", test_names },
    { "fit both ways", test_fit_both_ways },
    { "same grade both ways", test_same_grade_both_ways },
    { "committee score both ways", test_committee_score_both_ways },
    { "service both ways", test_service_both_ways },
    { "age both ways", test_age_both_ways },
    { "travel both ways", test_travel_both_ways },
    { "missing values last", test_missing_values_last },
    { "default rule order", test_default_rule_order },
    { "lot and id break ties", test_lot_and_id_break_ties },
    { "total order", test_total_order },
    { "eligibility: grade", test_eligibility_grade },
    { "eligibility: fit", test_eligibility_fit },
    { "eligibility: qualifications", test_eligibility_qualifications },
    { "eligibility: order", test_eligibility_order },
    { "lot deterministic", test_lot_deterministic },
    { "lot spread", test_lot_spread },
    { "lot seeds differ", test_lot_seeds_differ },
    { "lot single vs per position", test_lot_single_vs_per_position },
    { "describe criterion", test_describe_criterion },
    { "describe value", test_describe_value },
    { "granularity: setting", test_granularity_setting },
    { "granularity: whole months", test_full_months },
    { "granularity: service ties", test_service_granularity_ties },
    { "granularity: age ties", test_age_granularity_ties },
    { "granularity: after the reference date",
      test_granularity_after_reference },
    { "granularity: descriptions", test_describe_granularity },
    { NULL, NULL },
  };
  return sm_test_run_suite ("priority", cases);
}
