/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: the generated Ommen-Hardenberg case
 * (examples/case/boh-case.c).
 *
 * The example programs and the command-line tool use the generator as
 * their built-in data, so it must hold for every seed what the real case
 * (README) says of the case: one default organisation (Hardenberg) and Ommen
 * with a band of 45 to 50 and as many seats, about 480 employees all in
 * Hardenberg's units, a quarter or so of them applying to Ommen with
 * preferences 1..k, the service contracts with their end years; and it must be
 * deterministic: the same seed gives the same scenario item for item, two
 * seeds give two scenarios. Adding an item must never fail: a failure is
 * a bug in the generator.
 */
#include "test-util.h"

#include <math.h>
#include <string.h>

#include <staffmatch/placement.h>

#include "boh-case.h"
#include "oracle-explain.h"

#define N_SEEDS 200
#define COMMITTEE_RULE_ID "commissie"

static SmScenario *
build (uint64_t seed)
{
  GError *error = NULL;
  SmScenario *scenario = boh_case_new (seed, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (scenario);
  return scenario;
}

static int32_t
organisation_of_position (const SmScenario *s, int32_t position)
{
  SmPositionSpec p;
  SmUnitSpec u;
  sm_scenario_get_position (s, position, &p);
  sm_scenario_get_unit (s, sm_scenario_find_unit (s, p.unit_id), &u);
  return sm_scenario_find_organisation (s, u.organisation_id);
}

/* ---- invariants of one scenario ----------------------------------------- */

static void
check_organisations (const SmScenario *s)
{
  CU_ASSERT_EQUAL_FATAL (sm_scenario_get_n_organisations (s), 2);
  int32_t n_default = 0;
  for (int32_t k = 0; k < 2; k++)
    {
      SmOrganisationSpec o;
      sm_scenario_get_organisation (s, k, &o);
      if (o.kind == SM_ORGANISATION_KIND_DEFAULT)
        {
          n_default++;
          CU_ASSERT_STRING_EQUAL (o.id, "hardenberg");
        }
      else
        {
          CU_ASSERT_STRING_EQUAL (o.id, "ommen");
          CU_ASSERT_EQUAL (o.min_headcount, 45);
          CU_ASSERT_EQUAL (o.max_headcount, 50);
        }
    }
  CU_ASSERT_EQUAL (n_default, 1);
}

typedef struct {
  const char *unit_id;
  int32_t end_year;
} ExpectedContract;

/* The real case: what Hardenberg does for Ommen, and until when. */
static const ExpectedContract expected_contracts[] = {
  { "sd", 2024 },   { "or", 2024 }, { "ict", 2024 }, { "gb", 2024 },
  { "div", 2024 },  { "fz", 2020 }, { "sal", 2020 }, { "bel", 2020 },
  { "verz", 2020 }, { "pd", 2019 }, { "wi", 2019 },  { "samendoen", 2019 },
};

static int32_t
expected_end_year (const char *unit_id)
{
  for (size_t k = 0; k < G_N_ELEMENTS (expected_contracts); k++)
    if (strcmp (expected_contracts[k].unit_id, unit_id) == 0)
      return expected_contracts[k].end_year;
  return 0;
}

static void
check_units (const SmScenario *s)
{
  gboolean seen[3] = { FALSE, FALSE, FALSE };
  for (int32_t k = 0; k < sm_scenario_get_n_units (s); k++)
    {
      SmUnitSpec u;
      sm_scenario_get_unit (s, k, &u);
      int32_t year = expected_end_year (u.id);
      CU_ASSERT_EQUAL (u.contract_end_year, year);
      if (year == 0)
        {
          CU_ASSERT_PTR_NULL (u.contract_client_id);
          continue;
        }
      CU_ASSERT_STRING_EQUAL (u.organisation_id, "hardenberg");
      CU_ASSERT_STRING_EQUAL (u.contract_client_id, "ommen");
      seen[year == 2019 ? 0 : year == 2020 ? 1 : 2] = TRUE;
    }
  CU_ASSERT_TRUE (seen[0] && seen[1] && seen[2]);
  for (size_t k = 0; k < G_N_ELEMENTS (expected_contracts); k++)
    CU_ASSERT_TRUE (sm_scenario_find_unit (s, expected_contracts[k].unit_id)
                    >= 0);
}

/* Ommen: seats in the band, one secretary and one clerk, three or four
 * directors ranked by the committee. */
static void
check_ommen_positions (const SmScenario *s)
{
  int32_t ommen = sm_scenario_find_organisation (s, "ommen");
  int32_t seats = 0, directors = 0, secretaries = 0, clerks = 0;
  for (int32_t j = 0; j < sm_scenario_get_n_positions (s); j++)
    {
      if (organisation_of_position (s, j) != ommen)
        continue;
      SmPositionSpec p;
      sm_scenario_get_position (s, j, &p);
      seats += p.seats;
      CU_ASSERT_TRUE (p.grade >= 7 && p.grade <= 14);
      gboolean director = g_str_has_prefix (p.id, "om-dir-");
      gboolean secretary = strcmp (p.id, "om-gemeentesecretaris") == 0;
      directors += director;
      secretaries += secretary ? p.seats : 0;
      clerks += strcmp (p.id, "om-griffier") == 0 ? p.seats : 0;
      gboolean by_committee = g_strcmp0 (p.rule_id, COMMITTEE_RULE_ID) == 0;
      CU_ASSERT_EQUAL (by_committee, director || secretary);
      if (!by_committee)
        CU_ASSERT_PTR_NULL (p.rule_id);
    }
  CU_ASSERT_TRUE (seats >= 45 && seats <= 50);
  CU_ASSERT_TRUE (directors >= 3 && directors <= 4);
  CU_ASSERT_EQUAL (secretaries, 1);
  CU_ASSERT_EQUAL (clerks, 1);
}

/* Hardenberg: one position per function (so "mens volgt werk" is never
 * ambiguous), in the unit of that function; returns the total formation. */
static int32_t
check_hardenberg_positions (const SmScenario *s)
{
  int32_t hardenberg = sm_scenario_find_organisation (s, "hardenberg");
  g_autoptr (GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  int32_t formation = 0;
  for (int32_t j = 0; j < sm_scenario_get_n_positions (s); j++)
    {
      if (organisation_of_position (s, j) != hardenberg)
        continue;
      SmPositionSpec p;
      sm_scenario_get_position (s, j, &p);
      CU_ASSERT_FALSE (g_hash_table_contains (codes, p.function_code));
      g_hash_table_add (codes, (gpointer) p.function_code);
      CU_ASSERT_TRUE (p.seats >= 1);
      CU_ASSERT_PTR_NULL (p.rule_id);
      formation += p.seats;
    }
  return formation;
}

/* The Hardenberg position of the employee's function, in their unit. */
static int32_t
own_position (const SmScenario *s, const SmEmployeeSpec *e)
{
  for (int32_t j = 0; j < sm_scenario_get_n_positions (s); j++)
    {
      SmPositionSpec p;
      sm_scenario_get_position (s, j, &p);
      if (strcmp (p.function_code, e->function_code) == 0
          && strcmp (p.unit_id, e->unit_id) == 0)
        return j;
    }
  return -1;
}

static void
check_employee (const SmScenario *s, const SmEmployeeSpec *e,
                int32_t hardenberg)
{
  static const double ftes[] = { 1.0, 0.89, 0.8, 0.6, 0.5 };
  SmDate reference = sm_scenario_get_reference_date (s);
  SmUnitSpec u;
  sm_scenario_get_unit (s, sm_scenario_find_unit (s, e->unit_id), &u);
  CU_ASSERT_EQUAL (sm_scenario_find_organisation (s, u.organisation_id),
                   hardenberg);
  int32_t j = own_position (s, e);
  CU_ASSERT_TRUE_FATAL (j >= 0);
  SmPositionSpec p;
  sm_scenario_get_position (s, j, &p);
  CU_ASSERT_TRUE (ABS (e->grade - p.grade) <= 1);
  int32_t age = sm_date_full_years (e->birth_date, reference);
  CU_ASSERT_TRUE (age >= 22 && age <= 64);
  CU_ASSERT_TRUE (sm_date_full_years (e->birth_date, e->service_start) >= 18);
  CU_ASSERT_TRUE (sm_date_compare (e->service_start, reference) <= 0);
  gboolean known_fte = FALSE;
  for (size_t k = 0; k < G_N_ELEMENTS (ftes); k++)
    known_fte = known_fte || e->fte == ftes[k];
  CU_ASSERT_TRUE (known_fte);
  CU_ASSERT_TRUE (strlen (e->id) == 6 && e->id[0] == 'P');
  CU_ASSERT_TRUE (strchr (e->name, ' ') != NULL);
}

static int32_t
check_employees (const SmScenario *s)
{
  int32_t n = sm_scenario_get_n_employees (s);
  CU_ASSERT_TRUE (n >= 470 && n <= 490);
  int32_t hardenberg = sm_scenario_find_organisation (s, "hardenberg");
  for (int32_t i = 0; i < n; i++)
    {
      SmEmployeeSpec e;
      sm_scenario_get_employee (s, i, &e);
      check_employee (s, &e, hardenberg);
    }
  return n;
}

static void
check_application (const SmScenario *s, const SmApplicationSpec *a,
                   int32_t ommen)
{
  int32_t j = sm_scenario_find_position (s, a->position_id);
  CU_ASSERT_TRUE_FATAL (j >= 0);
  CU_ASSERT_EQUAL (organisation_of_position (s, j), ommen);
  SmPositionSpec p;
  sm_scenario_get_position (s, j, &p);
  gboolean by_committee = g_strcmp0 (p.rule_id, COMMITTEE_RULE_ID) == 0;
  CU_ASSERT_EQUAL (by_committee, !isnan (a->committee_score));
  if (by_committee)
    CU_ASSERT_TRUE (a->committee_score >= 1.0 && a->committee_score <= 10.0);
  CU_ASSERT_TRUE (a->preference >= 1 && a->preference <= 3);
}

/* Every application goes to Ommen; each applicant's preferences are 1..k
 * without gaps; 20 to 30 percent apply; some positions draw many, some
 * nobody. */
static void
check_applications (const SmScenario *s)
{
  int32_t ommen = sm_scenario_find_organisation (s, "ommen");
  int32_t n = sm_scenario_get_n_employees (s);
  int32_t m = sm_scenario_get_n_positions (s);
  g_autofree uint32_t *masks = g_new0 (uint32_t, n);
  g_autofree int32_t *counts = g_new0 (int32_t, n);
  g_autofree int32_t *drawn = g_new0 (int32_t, m);
  for (int32_t k = 0; k < sm_scenario_get_n_applications (s); k++)
    {
      SmApplicationSpec a;
      sm_scenario_get_application (s, k, &a);
      check_application (s, &a, ommen);
      int32_t i = sm_scenario_find_employee (s, a.employee_id);
      CU_ASSERT_TRUE_FATAL (i >= 0);
      masks[i] |= 1u << a.preference;
      counts[i]++;
      drawn[sm_scenario_find_position (s, a.position_id)]++;
    }
  int32_t applicants = 0, most = 0, unwanted = 0;
  for (int32_t i = 0; i < n; i++)
    {
      CU_ASSERT_EQUAL (masks[i], ((1u << counts[i]) - 1) << 1);
      applicants += counts[i] > 0;
    }
  for (int32_t j = 0; j < m; j++)
    if (organisation_of_position (s, j) == ommen)
      {
        most = MAX (most, drawn[j]);
        unwanted += drawn[j] == 0;
      }
  CU_ASSERT_TRUE (applicants * 100 >= 20 * n && applicants * 100 <= 30 * n);
  CU_ASSERT_TRUE (most >= 8);
  CU_ASSERT_TRUE (unwanted >= 1);
}

static void
check_settings (const SmScenario *s, uint64_t seed)
{
  SmDate reference = sm_scenario_get_reference_date (s);
  CU_ASSERT_EQUAL (sm_scenario_get_seed (s), seed);
  CU_ASSERT_EQUAL (sm_scenario_get_tie_breaking (s), SM_TIE_BREAKING_SINGLE);
  CU_ASSERT_TRUE (reference.year == 2019 && reference.month == 1
                  && reference.day == 1);
}

static void
test_every_seed_builds_the_case (void)
{
  for (uint64_t seed = 0; seed < N_SEEDS; seed++)
    {
      g_autoptr (SmScenario) s = build (seed);
      check_organisations (s);
      check_units (s);
      check_ommen_positions (s);
      int32_t formation = check_hardenberg_positions (s);
      int32_t n = check_employees (s);
      /* A little below the number who stay once Ommen is filled. */
      CU_ASSERT_TRUE (formation <= n - 30 && formation >= n - 65);
      check_applications (s);
      check_settings (s, seed);
    }
}

static void
test_large_seeds (void)
{
  static const uint64_t seeds[] = { UINT64_MAX, UINT64_MAX / 3,
                                    G_GUINT64_CONSTANT (1) << 63 };
  for (size_t k = 0; k < G_N_ELEMENTS (seeds); k++)
    {
      g_autoptr (SmScenario) s = build (seeds[k]);
      check_ommen_positions (s);
      check_employees (s);
      check_applications (s);
      check_settings (s, seeds[k]);
    }
}

/* Placed, the case looks like a reorganisation: Ommen filled up to its
 * band's top at most, and a handful of supernumeraries at Hardenberg. */
static void
test_placement_is_plausible (void)
{
  for (uint64_t seed = 0; seed < 50; seed++)
    {
      GError *error = NULL;
      g_autoptr (SmScenario) s = build (seed);
      g_autoptr (SmPlacement) placement = sm_scenario_place (s, &error);
      SM_ASSERT_NO_ERROR (error);
      int32_t ommen = sm_scenario_find_organisation (s, "ommen");
      int32_t at_ommen = sm_placement_get_headcount (placement, ommen);
      int32_t supernumerary = 0;
      for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
        {
          SmEmployeeOutcome outcome;
          sm_placement_get_outcome (placement, i, &outcome);
          supernumerary += outcome.status == SM_STATUS_SUPERNUMERARY;
        }
      CU_ASSERT_TRUE (at_ommen >= 30 && at_ommen <= 50);
      CU_ASSERT_TRUE (supernumerary >= 1 && supernumerary <= 25);
    }
}

/* The relations the case promises between BOH and Ommen functions. */
static void
test_function_relations (void)
{
  g_autoptr (SmScenario) s = build (BOH_CASE_SEED);
  CU_ASSERT_EQUAL (sm_scenario_get_fit (s, "BELEID-SD", "OM-BA-SD"),
                   SM_FIT_INTERCHANGEABLE);
  CU_ASSERT_EQUAL (sm_scenario_get_fit (s, "SR-BELEID-SD", "OM-BA-SD"),
                   SM_FIT_SUITABLE);
  CU_ASSERT_EQUAL (sm_scenario_get_fit (s, "TL-SD", "OM-DIR-SD"),
                   SM_FIT_SUITABLE);
  CU_ASSERT_EQUAL (sm_scenario_get_fit (s, "BELEID-SD", "BELEID-WI"),
                   SM_FIT_INTERCHANGEABLE);
  CU_ASSERT_EQUAL (sm_scenario_get_fit (s, "COMM-MW", "COMM-ADV"),
                   SM_FIT_REASONABLE);
  CU_ASSERT_EQUAL (sm_scenario_get_fit (s, "BUI-MW", "OM-BA-SD"), SM_FIT_NONE);
  /* A BOH function that Ommen keeps as it is: its holders follow it. */
  CU_ASSERT_EQUAL (sm_scenario_get_fit (s, "MAN-ASS", "MAN-ASS"), SM_FIT_SAME);
  CU_ASSERT_TRUE (sm_scenario_find_position (s, "om-managementassistent") >= 0);
}

/* ---- item-for-item comparison ------------------------------------------- */

static gboolean
same_strv (const char *const *a, const char *const *b)
{
  size_t na = a == NULL ? 0 : g_strv_length ((char **) a);
  size_t nb = b == NULL ? 0 : g_strv_length ((char **) b);
  if (na != nb)
    return FALSE;
  for (size_t k = 0; k < na; k++)
    if (strcmp (a[k], b[k]) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
same_double (double a, double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static gboolean
same_date (SmDate a, SmDate b)
{
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

static gboolean
same_organisations (const SmScenario *a, const SmScenario *b)
{
  if (sm_scenario_get_n_organisations (a)
      != sm_scenario_get_n_organisations (b))
    return FALSE;
  for (int32_t k = 0; k < sm_scenario_get_n_organisations (a); k++)
    {
      SmOrganisationSpec x, y;
      sm_scenario_get_organisation (a, k, &x);
      sm_scenario_get_organisation (b, k, &y);
      if (g_strcmp0 (x.id, y.id) != 0 || g_strcmp0 (x.name, y.name) != 0
          || x.kind != y.kind || x.min_headcount != y.min_headcount
          || x.max_headcount != y.max_headcount)
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_units (const SmScenario *a, const SmScenario *b)
{
  if (sm_scenario_get_n_units (a) != sm_scenario_get_n_units (b))
    return FALSE;
  for (int32_t k = 0; k < sm_scenario_get_n_units (a); k++)
    {
      SmUnitSpec x, y;
      sm_scenario_get_unit (a, k, &x);
      sm_scenario_get_unit (b, k, &y);
      if (g_strcmp0 (x.id, y.id) != 0 || g_strcmp0 (x.name, y.name) != 0
          || g_strcmp0 (x.organisation_id, y.organisation_id) != 0
          || g_strcmp0 (x.contract_client_id, y.contract_client_id) != 0
          || x.contract_end_year != y.contract_end_year)
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_position (const SmPositionSpec *x, const SmPositionSpec *y)
{
  return g_strcmp0 (x->id, y->id) == 0 && g_strcmp0 (x->title, y->title) == 0
         && g_strcmp0 (x->unit_id, y->unit_id) == 0
         && g_strcmp0 (x->function_code, y->function_code) == 0
         && x->grade == y->grade && same_double (x->fte, y->fte)
         && x->seats == y->seats && x->target_seats == y->target_seats
         && same_strv (x->qualifications, y->qualifications)
         && g_strcmp0 (x->rule_id, y->rule_id) == 0;
}

static gboolean
same_positions (const SmScenario *a, const SmScenario *b)
{
  if (sm_scenario_get_n_positions (a) != sm_scenario_get_n_positions (b))
    return FALSE;
  for (int32_t k = 0; k < sm_scenario_get_n_positions (a); k++)
    {
      SmPositionSpec x, y;
      sm_scenario_get_position (a, k, &x);
      sm_scenario_get_position (b, k, &y);
      if (!same_position (&x, &y))
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_employee (const SmEmployeeSpec *x, const SmEmployeeSpec *y)
{
  return g_strcmp0 (x->id, y->id) == 0 && g_strcmp0 (x->name, y->name) == 0
         && g_strcmp0 (x->function_code, y->function_code) == 0
         && g_strcmp0 (x->unit_id, y->unit_id) == 0 && x->grade == y->grade
         && same_double (x->fte, y->fte)
         && same_date (x->service_start, y->service_start)
         && same_date (x->birth_date, y->birth_date)
         && same_strv (x->qualifications, y->qualifications);
}

static gboolean
same_employees (const SmScenario *a, const SmScenario *b)
{
  if (sm_scenario_get_n_employees (a) != sm_scenario_get_n_employees (b))
    return FALSE;
  for (int32_t k = 0; k < sm_scenario_get_n_employees (a); k++)
    {
      SmEmployeeSpec x, y;
      sm_scenario_get_employee (a, k, &x);
      sm_scenario_get_employee (b, k, &y);
      if (!same_employee (&x, &y))
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_applications (const SmScenario *a, const SmScenario *b)
{
  if (sm_scenario_get_n_applications (a) != sm_scenario_get_n_applications (b))
    return FALSE;
  for (int32_t k = 0; k < sm_scenario_get_n_applications (a); k++)
    {
      SmApplicationSpec x, y;
      sm_scenario_get_application (a, k, &x);
      sm_scenario_get_application (b, k, &y);
      if (g_strcmp0 (x.employee_id, y.employee_id) != 0
          || g_strcmp0 (x.position_id, y.position_id) != 0
          || x.preference != y.preference
          || !same_double (x.committee_score, y.committee_score)
          || !same_double (x.travel_km, y.travel_km))
        return FALSE;
    }
  return TRUE;
}

/* Every function code used in @a, once. */
static GPtrArray *
function_codes (const SmScenario *a)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *codes = g_ptr_array_new ();
  for (int32_t j = 0; j < sm_scenario_get_n_positions (a); j++)
    {
      SmPositionSpec p;
      sm_scenario_get_position (a, j, &p);
      if (g_hash_table_add (seen, (gpointer) p.function_code))
        g_ptr_array_add (codes, (gpointer) p.function_code);
    }
  for (int32_t i = 0; i < sm_scenario_get_n_employees (a); i++)
    {
      SmEmployeeSpec e;
      sm_scenario_get_employee (a, i, &e);
      if (g_hash_table_add (seen, (gpointer) e.function_code))
        g_ptr_array_add (codes, (gpointer) e.function_code);
    }
  return codes;
}

/* The relation tables agree on every pair of codes @a uses. */
static gboolean
same_fits (const SmScenario *a, const SmScenario *b)
{
  g_autoptr (GPtrArray) codes = function_codes (a);
  for (guint x = 0; x < codes->len; x++)
    for (guint y = 0; y < codes->len; y++)
      {
        const char *from = codes->pdata[x], *to = codes->pdata[y];
        if (sm_scenario_get_fit (a, from, to)
            != sm_scenario_get_fit (b, from, to))
          return FALSE;
      }
  return TRUE;
}

static gboolean
same_settings (const SmScenario *a, const SmScenario *b)
{
  return sm_scenario_get_seed (a) == sm_scenario_get_seed (b)
         && sm_scenario_get_tie_breaking (a) == sm_scenario_get_tie_breaking (b)
         && same_date (sm_scenario_get_reference_date (a),
                       sm_scenario_get_reference_date (b));
}

static gboolean
same_scenario (const SmScenario *a, const SmScenario *b)
{
  return same_organisations (a, b) && same_units (a, b) && same_positions (a, b)
         && same_employees (a, b) && same_applications (a, b)
         && same_fits (a, b) && same_settings (a, b);
}

/* The parts a seed decides, without the seed itself. */
static gboolean
same_content (const SmScenario *a, const SmScenario *b)
{
  return same_positions (a, b) && same_employees (a, b)
         && same_applications (a, b);
}

static void
test_same_seed_same_scenario (void)
{
  static const uint64_t seeds[] = { 0,         1,         7, BOH_CASE_SEED,
                                    123456789, UINT64_MAX };
  for (size_t k = 0; k < G_N_ELEMENTS (seeds); k++)
    {
      g_autoptr (SmScenario) a = build (seeds[k]);
      g_autoptr (SmScenario) b = build (seeds[k]);
      CU_ASSERT_TRUE (same_scenario (a, b));
    }
}

static void
test_different_seeds_differ (void)
{
  for (uint64_t seed = 0; seed < 20; seed++)
    {
      g_autoptr (SmScenario) a = build (seed);
      g_autoptr (SmScenario) b = build (seed + 1);
      CU_ASSERT_FALSE (same_content (a, b));
      CU_ASSERT_FALSE (same_scenario (a, b));
    }
  g_autoptr (SmScenario) a = build (0);
  g_autoptr (SmScenario) b = build (BOH_CASE_SEED);
  CU_ASSERT_FALSE (same_content (a, b));
}

/* ---- the whole-years variant -------------------------------------------- */

/* Whether @a and @b are tied at the position under its rule (only the
 * lot can order them), by the oracle's public-API reading of the rule. */
static gboolean
tied (const SmOracleRules *rules, int32_t position, int32_t a, int32_t b)
{
  int32_t deciding = 0;
  sm_oracle_rules_compare (rules, position, a, b, &deciding);
  return deciding == SM_DECIDED_BY_LOT;
}

/* Counts the candidacies at receiving positions tied with another
 * candidate there, and adds every tied (position, a, b) to @pairs. */
static int32_t
count_ties (const SmScenario *s, const SmPlacement *p, GHashTable *pairs)
{
  const SmMarket *mk = sm_placement_get_market (p);
  g_autoptr (SmOracleRules) rules = sm_oracle_rules_new (s);
  int32_t count = 0;
  for (int32_t j = 0; j < sm_scenario_get_n_positions (s); j++)
    {
      SmOrganisationSpec o;
      sm_scenario_get_organisation (s, organisation_of_position (s, j), &o);
      if (o.kind != SM_ORGANISATION_KIND_RECEIVING)
        continue;
      int32_t len;
      const SmEdge *e = sm_market_get_position_edges (mk, j, &len);
      for (int32_t a = 0; a < len; a++)
        {
          gboolean any = FALSE;
          for (int32_t b = 0; b < len; b++)
            if (a != b && tied (rules, j, e[a].target, e[b].target))
              {
                any = TRUE;
                g_hash_table_add (pairs, g_strdup_printf ("%d %d %d", (int) j,
                                                          (int) e[a].target,
                                                          (int) e[b].target));
              }
          count += any;
        }
    }
  return count;
}

/* The variant draws the same case: exact dates is boh_case_new()'s
 * scenario, whole years the same people and applications. Coarser
 * counting and one criterion less can only add ties: every pair tied
 * with exact dates is tied in whole years, and over a few seeds there are
 * more ties and refusals the lot decided. */
static void
test_whole_years_variant (void)
{
  int32_t ties[2] = { 0, 0 }, lot[2] = { 0, 0 };
  for (uint64_t seed = BOH_CASE_SEED; seed < BOH_CASE_SEED + 3; seed++)
    {
      g_autoptr (SmScenario) plain = build (seed);
      SmScenario *v[2] = {
        boh_case_new_variant (seed, BOH_CASE_EXACT_DATES, NULL),
        boh_case_new_variant (seed, BOH_CASE_WHOLE_YEARS, NULL),
      };
      CU_ASSERT_TRUE (same_scenario (plain, v[0]));
      CU_ASSERT_TRUE (same_scenario (plain, v[1]));
      g_autofree char *sum_plain = sm_scenario_checksum (plain);
      g_autofree char *sum_exact = sm_scenario_checksum (v[0]);
      CU_ASSERT_STRING_EQUAL (sum_plain, sum_exact);
      int32_t n = sm_scenario_get_n_employees (plain);
      GHashTable *pairs[2];
      for (int k = 0; k < 2; k++)
        pairs[k] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          NULL);
      for (int k = 0; k < 2; k++)
        {
          g_autoptr (SmPlacement) p = sm_scenario_place (v[k], NULL);
          CU_ASSERT_PTR_NOT_NULL_FATAL (p);
          ties[k] += count_ties (v[k], p, pairs[k]);
          for (int32_t i = 0; i < n; i++)
            for (int32_t r = 0; r < sm_placement_get_n_refusals (p, i); r++)
              {
                SmRefusal refusal;
                sm_placement_get_refusal (p, i, r, &refusal);
                lot[k] += refusal.criterion == SM_DECIDED_BY_LOT;
              }
        }
      GHashTableIter it;
      gpointer pair;
      g_hash_table_iter_init (&it, pairs[0]);
      while (g_hash_table_iter_next (&it, &pair, NULL))
        CU_ASSERT_TRUE (g_hash_table_contains (pairs[1], pair));
      g_hash_table_unref (pairs[0]);
      g_hash_table_unref (pairs[1]);
      sm_scenario_unref (v[0]);
      sm_scenario_unref (v[1]);
    }
  printf ("\n  seeds %d to %d: tied candidacies at Ommen %d (exact dates), "
          "%d (whole years); refusals decided by lot %d, %d\n",
          BOH_CASE_SEED, BOH_CASE_SEED + 2, (int) ties[0], (int) ties[1],
          (int) lot[0], (int) lot[1]);
  CU_ASSERT (ties[1] > ties[0]);
  CU_ASSERT (lot[1] > lot[0]);
}

/* The error location is optional. */
static void
test_error_may_be_null (void)
{
  g_autoptr (SmScenario) s = boh_case_new (BOH_CASE_SEED, NULL);
  CU_ASSERT_PTR_NOT_NULL (s);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "every seed builds the case", test_every_seed_builds_the_case },
    { "large seeds", test_large_seeds },
    { "function relations", test_function_relations },
    { "placement is plausible", test_placement_is_plausible },
    { "same seed, same scenario", test_same_seed_same_scenario },
    { "different seeds differ", test_different_seeds_differ },
    { "error may be NULL", test_error_may_be_null },
    { "whole-years variant", test_whole_years_variant },
    { NULL, NULL },
  };
  return sm_test_run_suite ("boh-case", cases);
}
