/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: the scenario model: adding and reading back every kind
 * of item, every validation error with its exact code, the scenario left
 * unchanged by a failed add, and what scenario-private.h resolves for the
 * compiler. */
#include "test-util.h"

#include <math.h>
#include <string.h>

#include "scenario/priority-private.h"
#include "scenario/scenario-private.h"

/* ---- fixture -------------------------------------------------------------
 *
 * HB (default, Hardenberg): units HB-SOC (works for OM until 2024) and
 *   HB-PUB; position HB-ADV (ADV, grade 10, 3 seats).
 * OM (receiving, Ommen, headcount 2..5): unit OM-REG; positions OM-DIR
 *   (DIR, grade 12, 1 seat) and OM-ADV (ADV, grade 10, 2 seats, 1 target).
 * Employees E1 (ADV, HB-SOC), E2 (DIR, HB-PUB), E3 (ADV, HB-PUB).
 */

#define NAME_E1 "Jansen"

static void
add_org (SmScenario *s, const char *id, SmOrganisationKind kind, int32_t min,
         int32_t max)
{
  GError *error = NULL;
  SmOrganisationSpec o = SM_ORGANISATION_SPEC_INIT;
  o.id = id;
  o.name = id;
  o.kind = kind;
  o.min_headcount = min;
  o.max_headcount = max;
  CU_ASSERT_TRUE (sm_scenario_add_organisation (s, &o, &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
add_unit (SmScenario *s, const char *id, const char *org, const char *client,
          int32_t end_year)
{
  GError *error = NULL;
  SmUnitSpec u = SM_UNIT_SPEC_INIT;
  u.id = id;
  u.name = id;
  u.organisation_id = org;
  u.contract_client_id = client;
  u.contract_end_year = end_year;
  CU_ASSERT_TRUE (sm_scenario_add_unit (s, &u, &error));
  SM_ASSERT_NO_ERROR (error);
}

static SmPositionSpec
position_spec (const char *id, const char *unit, const char *code,
               int32_t grade, int32_t seats, int32_t target)
{
  SmPositionSpec p = SM_POSITION_SPEC_INIT;
  p.id = id;
  p.title = "title";
  p.unit_id = unit;
  p.function_code = code;
  p.grade = grade;
  p.seats = seats;
  p.target_seats = target;
  return p;
}

static void
add_position (SmScenario *s, const SmPositionSpec *p)
{
  GError *error = NULL;
  CU_ASSERT_TRUE (sm_scenario_add_position (s, p, &error));
  SM_ASSERT_NO_ERROR (error);
}

static SmEmployeeSpec
employee_spec (const char *id, const char *code, const char *unit)
{
  SmEmployeeSpec e = SM_EMPLOYEE_SPEC_INIT;
  e.id = id;
  e.name = NAME_E1;
  e.function_code = code;
  e.unit_id = unit;
  e.grade = 10;
  e.service_start = (SmDate){ 2001, 4, 1 };
  e.birth_date = (SmDate){ 1968, 2, 29 };
  return e;
}

static void
add_employee (SmScenario *s, const SmEmployeeSpec *e)
{
  GError *error = NULL;
  CU_ASSERT_TRUE (sm_scenario_add_employee (s, e, &error));
  SM_ASSERT_NO_ERROR (error);
}

static SmApplicationSpec
application_spec (const char *employee, const char *position, int32_t pref)
{
  SmApplicationSpec a = SM_APPLICATION_SPEC_INIT;
  a.employee_id = employee;
  a.position_id = position;
  a.preference = pref;
  return a;
}

static SmScenario *
fixture (void)
{
  SmScenario *s = sm_scenario_new ();
  add_org (s, "HB", SM_ORGANISATION_KIND_DEFAULT, -1, -1);
  add_org (s, "OM", SM_ORGANISATION_KIND_RECEIVING, 2, 5);
  add_unit (s, "HB-SOC", "HB", "OM", 2024);
  add_unit (s, "HB-PUB", "HB", NULL, 0);
  add_unit (s, "OM-REG", "OM", NULL, 0);
  SmPositionSpec p = position_spec ("HB-ADV", "HB-PUB", "ADV", 10, 3, -1);
  add_position (s, &p);
  p = position_spec ("OM-DIR", "OM-REG", "DIR", 12, 1, -1);
  add_position (s, &p);
  p = position_spec ("OM-ADV", "OM-REG", "ADV", 10, 2, 1);
  add_position (s, &p);
  SmEmployeeSpec e = employee_spec ("E1", "ADV", "HB-SOC");
  add_employee (s, &e);
  e = employee_spec ("E2", "DIR", "HB-PUB");
  add_employee (s, &e);
  e = employee_spec ("E3", "ADV", "HB-PUB");
  add_employee (s, &e);
  return s;
}

/* ---- "unchanged" ------------------------------------------------------- */

typedef struct {
  int32_t n[5];
  guint n_manual;
  guint n_rules;
  guint n_fit_sources;
  int32_t default_organisation;
  int32_t e1_apps;
  int32_t hb_adv_manual;
} Snapshot;

static Snapshot
snapshot (const SmScenario *s)
{
  Snapshot snap = {
    { sm_scenario_get_n_organisations (s), sm_scenario_get_n_units (s),
      sm_scenario_get_n_positions (s), sm_scenario_get_n_employees (s),
      sm_scenario_get_n_applications (s) },
    s->manual->len,
    s->rules->len,
    g_hash_table_size (s->fits),
    s->default_organisation,
    -1,
    -1,
  };
  int32_t e1 = sm_scenario_find_employee (s, "E1");
  if (e1 >= 0)
    snap.e1_apps = sm_scenario__employee (s, e1)->n_apps;
  int32_t hb_adv = sm_scenario_find_position (s, "HB-ADV");
  if (hb_adv >= 0)
    snap.hb_adv_manual = sm_scenario__position (s, hb_adv)->n_manual;
  return snap;
}

static void
assert_unchanged (const SmScenario *s, const Snapshot *before)
{
  Snapshot after = snapshot (s);
  CU_ASSERT_EQUAL (memcmp (&after, before, sizeof after), 0);
}

/* The failure leaves the scenario as it was, and its message never names
 * a person. */
#define ASSERT_FAILS(s, call, code)                                            \
  do                                                                           \
    {                                                                          \
      GError *error_ = NULL;                                                   \
      Snapshot before_ = snapshot (s);                                         \
      CU_ASSERT_FALSE (call);                                                  \
      CU_ASSERT_PTR_NOT_NULL_FATAL (error_);                                   \
      CU_ASSERT_PTR_NULL (strstr (error_->message, NAME_E1));                  \
      SM_ASSERT_ERROR (error_, code);                                          \
      assert_unchanged (s, &before_);                                          \
    }                                                                          \
  while (0)

/* ---- reading back ------------------------------------------------------- */

static void
test_empty_scenario (void)
{
  g_autoptr (SmScenario) s = sm_scenario_new ();
  CU_ASSERT_EQUAL (sm_scenario_get_n_organisations (s), 0);
  CU_ASSERT_EQUAL (sm_scenario_get_n_units (s), 0);
  CU_ASSERT_EQUAL (sm_scenario_get_n_positions (s), 0);
  CU_ASSERT_EQUAL (sm_scenario_get_n_employees (s), 0);
  CU_ASSERT_EQUAL (sm_scenario_get_n_applications (s), 0);
  CU_ASSERT_EQUAL (sm_scenario_get_seed (s), 0);
  CU_ASSERT_EQUAL (sm_scenario_get_tie_breaking (s), SM_TIE_BREAKING_SINGLE);
  SmDate ref = sm_scenario_get_reference_date (s);
  CU_ASSERT_EQUAL (sm_date_compare (ref, (SmDate){ 2019, 1, 1 }), 0);
  CU_ASSERT_EQUAL (s->reduction, SM_REDUCTION_PRIORITY);
  CU_ASSERT_EQUAL (s->age_band_years, 10);
  CU_ASSERT_EQUAL (s->default_organisation, -1);
  CU_ASSERT_STRING_EQUAL (sm_priority_rule_get_id (
                              sm_scenario__default_rule (s)),
                          "default");
  CU_ASSERT_EQUAL (sm_scenario_find_employee (s, "E1"), -1);
  sm_scenario_free (NULL);
}

static void
test_read_back (void)
{
  g_autoptr (SmScenario) s = fixture ();
  CU_ASSERT_EQUAL (sm_scenario_get_n_organisations (s), 2);
  CU_ASSERT_EQUAL (sm_scenario_get_n_units (s), 3);
  CU_ASSERT_EQUAL (sm_scenario_get_n_positions (s), 3);
  CU_ASSERT_EQUAL (sm_scenario_get_n_employees (s), 3);

  SmOrganisationSpec o;
  sm_scenario_get_organisation (s, 1, &o);
  CU_ASSERT_STRING_EQUAL (o.id, "OM");
  CU_ASSERT_EQUAL (o.kind, SM_ORGANISATION_KIND_RECEIVING);
  CU_ASSERT_EQUAL (o.min_headcount, 2);
  CU_ASSERT_EQUAL (o.max_headcount, 5);

  SmUnitSpec u;
  sm_scenario_get_unit (s, 0, &u);
  CU_ASSERT_STRING_EQUAL (u.id, "HB-SOC");
  CU_ASSERT_STRING_EQUAL (u.organisation_id, "HB");
  CU_ASSERT_STRING_EQUAL (u.contract_client_id, "OM");
  CU_ASSERT_EQUAL (u.contract_end_year, 2024);
  sm_scenario_get_unit (s, 1, &u);
  CU_ASSERT_PTR_NULL (u.contract_client_id);

  SmPositionSpec p;
  sm_scenario_get_position (s, 2, &p);
  CU_ASSERT_STRING_EQUAL (p.id, "OM-ADV");
  CU_ASSERT_STRING_EQUAL (p.unit_id, "OM-REG");
  CU_ASSERT_STRING_EQUAL (p.function_code, "ADV");
  CU_ASSERT_EQUAL (p.grade, 10);
  CU_ASSERT_EQUAL (p.seats, 2);
  CU_ASSERT_EQUAL (p.target_seats, 1);
  CU_ASSERT_DOUBLE_EQUAL (p.fte, 1.0, 0.0);
  CU_ASSERT_PTR_NULL (p.qualifications);
  CU_ASSERT_PTR_NULL (p.rule_id);

  SmEmployeeSpec e;
  sm_scenario_get_employee (s, 0, &e);
  CU_ASSERT_STRING_EQUAL (e.id, "E1");
  CU_ASSERT_STRING_EQUAL (e.name, NAME_E1);
  CU_ASSERT_STRING_EQUAL (e.unit_id, "HB-SOC");
  CU_ASSERT_EQUAL (sm_date_compare (e.birth_date, (SmDate){ 1968, 2, 29 }), 0);
  CU_ASSERT_EQUAL (sm_date_compare (e.service_start, (SmDate){ 2001, 4, 1 }),
                   0);

  CU_ASSERT_EQUAL (sm_scenario_find_organisation (s, "OM"), 1);
  CU_ASSERT_EQUAL (sm_scenario_find_unit (s, "OM-REG"), 2);
  CU_ASSERT_EQUAL (sm_scenario_find_position (s, "OM-DIR"), 1);
  CU_ASSERT_EQUAL (sm_scenario_find_employee (s, "E3"), 2);
  CU_ASSERT_EQUAL (sm_scenario_find_employee (s, "OM"), -1);
  CU_ASSERT_EQUAL (sm_scenario_find_position (s, "E1"), -1);
}

/* Strings are copied: the caller's buffers may change afterwards. Equal
 * strings are stored once. */
static void
test_strings_copied (void)
{
  g_autoptr (SmScenario) s = fixture ();
  char id[] = "E9", name[] = "Visser", code[] = "ADV";
  char q1[] = "law degree";
  const char *quals[] = { q1, "first aid", NULL };
  SmEmployeeSpec e = employee_spec (id, code, "HB-PUB");
  e.name = name;
  e.qualifications = quals;
  add_employee (s, &e);
  id[1] = '8';
  name[0] = 'X';
  code[0] = 'X';
  q1[0] = 'X';
  quals[1] = "changed";
  int32_t k = sm_scenario_find_employee (s, "E9");
  CU_ASSERT_EQUAL_FATAL (k, 3);
  CU_ASSERT_EQUAL (sm_scenario_find_employee (s, "E8"), -1);
  SmEmployeeSpec back;
  sm_scenario_get_employee (s, k, &back);
  CU_ASSERT_STRING_EQUAL (back.id, "E9");
  CU_ASSERT_STRING_EQUAL (back.name, "Visser");
  CU_ASSERT_STRING_EQUAL (back.function_code, "ADV");
  CU_ASSERT_PTR_NOT_NULL_FATAL (back.qualifications);
  CU_ASSERT_STRING_EQUAL (back.qualifications[0], "law degree");
  CU_ASSERT_STRING_EQUAL (back.qualifications[1], "first aid");
  CU_ASSERT_PTR_NULL (back.qualifications[2]);
  /* Interned: the same text, the same pointer. */
  SmPositionSpec p;
  sm_scenario_get_position (s, 0, &p);
  CU_ASSERT_PTR_EQUAL (p.function_code, back.function_code);
}

static void
test_position_qualifications (void)
{
  g_autoptr (SmScenario) s = fixture ();
  const char *const quals[] = { "BIG registration", NULL };
  const char *const none[] = { NULL };
  SmPositionSpec p = position_spec ("OM-JUR", "OM-REG", "JUR", 11, 1, 0);
  p.qualifications = quals;
  add_position (s, &p);
  p = position_spec ("OM-JUR2", "OM-REG", "JUR", 11, 1, 0);
  p.qualifications = none;
  add_position (s, &p);
  SmPositionSpec back;
  sm_scenario_get_position (s, 3, &back);
  CU_ASSERT_PTR_NOT_NULL_FATAL (back.qualifications);
  CU_ASSERT_STRING_EQUAL (back.qualifications[0], "BIG registration");
  CU_ASSERT_PTR_NULL (back.qualifications[1]);
  sm_scenario_get_position (s, 4, &back);
  CU_ASSERT_PTR_NOT_NULL_FATAL (back.qualifications);
  CU_ASSERT_PTR_NULL (back.qualifications[0]);
}

/* ---- organisations ------------------------------------------------------ */

static gboolean
try_org (SmScenario *s, const char *id, const char *name,
         SmOrganisationKind kind, int32_t min, int32_t max, GError **error)
{
  SmOrganisationSpec o = { id, name, kind, min, max };
  return sm_scenario_add_organisation (s, &o, error);
}

static void
test_organisation_errors (void)
{
  g_autoptr (SmScenario) s = fixture ();
  const SmOrganisationKind R = SM_ORGANISATION_KIND_RECEIVING;
  ASSERT_FAILS (s, try_org (s, NULL, "x", R, -1, -1, &error_),
                SM_ERROR_INVALID_VALUE);
  ASSERT_FAILS (s, try_org (s, "", "x", R, -1, -1, &error_),
                SM_ERROR_INVALID_VALUE);
  ASSERT_FAILS (s, try_org (s, "  ", "x", R, -1, -1, &error_),
                SM_ERROR_INVALID_VALUE);
  ASSERT_FAILS (s, try_org (s, "OM", "again", R, -1, -1, &error_),
                SM_ERROR_DUPLICATE_ID);
  ASSERT_FAILS (s, try_org (s, "X", NULL, R, -1, -1, &error_),
                SM_ERROR_INVALID_VALUE);
  ASSERT_FAILS (s, try_org (s, "X", "x", R, 6, 5, &error_),
                SM_ERROR_INVALID_VALUE);
  ASSERT_FAILS (s, try_org (s, "X", "x", R, -2, 5, &error_),
                SM_ERROR_INVALID_VALUE);
  ASSERT_FAILS (s, try_org (s, "X", "x", R, -1, -3, &error_),
                SM_ERROR_INVALID_VALUE);
  ASSERT_FAILS (s,
                try_org (s, "X", "x", SM_ORGANISATION_KIND_DEFAULT, -1, -1,
                         &error_),
                SM_ERROR_INFEASIBLE);
  CU_ASSERT_EQUAL (sm_scenario_find_organisation (s, "X"), -1);
  SmOrganisationSpec o;
  sm_scenario_get_organisation (s, 1, &o);
  CU_ASSERT_STRING_EQUAL (o.name, "OM");
  /* A band with equal ends, or with one end, is fine. */
  GError *error = NULL;
  CU_ASSERT_TRUE (try_org (s, "X", "x", R, 3, 3, &error));
  CU_ASSERT_TRUE (try_org (s, "Y", "y", R, 3, -1, &error));
  CU_ASSERT_TRUE (try_org (s, "Z", "", R, -1, 0, &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
test_default_organisation_rules (void)
{
  g_autoptr (SmScenario) s = sm_scenario_new ();
  /* The default takes everyone: no upper bound. */
  ASSERT_FAILS (s,
                try_org (s, "HB", "x", SM_ORGANISATION_KIND_DEFAULT, -1, 400,
                         &error_),
                SM_ERROR_INVALID_VALUE);
  GError *error = NULL;
  CU_ASSERT_TRUE (
      try_org (s, "OM", "x", SM_ORGANISATION_KIND_RECEIVING, 45, 50, &error));
  CU_ASSERT_EQUAL (s->default_organisation, -1);
  CU_ASSERT_TRUE (
      try_org (s, "HB", "x", SM_ORGANISATION_KIND_DEFAULT, 400, -1, &error));
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (s->default_organisation, 1);
}

/* ---- units -------------------------------------------------------------- */

static gboolean
try_unit (SmScenario *s, const char *id, const char *name, const char *org,
          const char *client, int32_t end_year, GError **error)
{
  SmUnitSpec u = { id, name, org, client, end_year };
  return sm_scenario_add_unit (s, &u, error);
}

static void
test_unit_errors (void)
{
  g_autoptr (SmScenario) s = fixture ();
  ASSERT_FAILS (s, try_unit (s, "", "n", "HB", NULL, 0, &error_),
                SM_ERROR_INVALID_VALUE);
  ASSERT_FAILS (s, try_unit (s, "HB-PUB", "n", "HB", NULL, 0, &error_),
                SM_ERROR_DUPLICATE_ID);
  ASSERT_FAILS (s, try_unit (s, "U", "n", NULL, NULL, 0, &error_),
                SM_ERROR_INVALID_VALUE);
  ASSERT_FAILS (s, try_unit (s, "U", "n", "NOPE", NULL, 0, &error_),
                SM_ERROR_UNKNOWN_ID);
  ASSERT_FAILS (s, try_unit (s, "U", "n", "HB", "NOPE", 2020, &error_),
                SM_ERROR_UNKNOWN_ID);
  ASSERT_FAILS (s, try_unit (s, "U", "n", "HB", "", 2020, &error_),
                SM_ERROR_INVALID_VALUE);
  ASSERT_FAILS (s, try_unit (s, "U", "n", "HB", "HB", 2020, &error_),
                SM_ERROR_INFEASIBLE);
  ASSERT_FAILS (s, try_unit (s, "U", NULL, "HB", NULL, 0, &error_),
                SM_ERROR_INVALID_VALUE);
  ASSERT_FAILS (s, try_unit (s, "U", "n", "HB", NULL, 2020, &error_),
                SM_ERROR_INVALID_VALUE);
  ASSERT_FAILS (s, try_unit (s, "U", "n", "HB", "OM", 1800, &error_),
                SM_ERROR_INVALID_VALUE);
  ASSERT_FAILS (s, try_unit (s, "U", "n", "HB", "OM", -1, &error_),
                SM_ERROR_INVALID_VALUE);
  CU_ASSERT_EQUAL (sm_scenario_find_unit (s, "U"), -1);
  /* An open-ended contract. */
  GError *error = NULL;
  CU_ASSERT_TRUE (try_unit (s, "U", "n", "HB", "OM", 0, &error));
  SM_ASSERT_NO_ERROR (error);
}

/* ---- positions ---------------------------------------------------------- */

static gboolean
try_position (SmScenario *s, const SmPositionSpec *p, GError **error)
{
  return sm_scenario_add_position (s, p, error);
}

static void
test_position_errors (void)
{
  g_autoptr (SmScenario) s = fixture ();
  const SmPositionSpec good = position_spec ("P", "HB-PUB", "ADV", 9, 1, -1);
  SmPositionSpec p = good;
  p.id = NULL;
  ASSERT_FAILS (s, try_position (s, &p, &error_), SM_ERROR_INVALID_VALUE);
  p = good;
  p.id = "HB-ADV";
  ASSERT_FAILS (s, try_position (s, &p, &error_), SM_ERROR_DUPLICATE_ID);
  p = good;
  p.unit_id = "NOPE";
  ASSERT_FAILS (s, try_position (s, &p, &error_), SM_ERROR_UNKNOWN_ID);
  p = good;
  p.unit_id = NULL;
  ASSERT_FAILS (s, try_position (s, &p, &error_), SM_ERROR_INVALID_VALUE);
  p = good;
  p.rule_id = "strict";
  ASSERT_FAILS (s, try_position (s, &p, &error_), SM_ERROR_UNKNOWN_ID);
  p = good;
  p.rule_id = "";
  ASSERT_FAILS (s, try_position (s, &p, &error_), SM_ERROR_INVALID_VALUE);
  p = good;
  p.title = NULL;
  ASSERT_FAILS (s, try_position (s, &p, &error_), SM_ERROR_INVALID_VALUE);
  p = good;
  p.function_code = NULL;
  ASSERT_FAILS (s, try_position (s, &p, &error_), SM_ERROR_INVALID_VALUE);
  p = good;
  p.function_code = "";
  ASSERT_FAILS (s, try_position (s, &p, &error_), SM_ERROR_INVALID_VALUE);
  p = good;
  p.grade = -1;
  ASSERT_FAILS (s, try_position (s, &p, &error_), SM_ERROR_INVALID_VALUE);
  static const double bad_fte[] = { 0.0, -0.5, 2.01, NAN, INFINITY };
  for (size_t k = 0; k < G_N_ELEMENTS (bad_fte); k++)
    {
      p = good;
      p.fte = bad_fte[k];
      ASSERT_FAILS (s, try_position (s, &p, &error_), SM_ERROR_INVALID_VALUE);
    }
  p = good;
  p.seats = 0;
  ASSERT_FAILS (s, try_position (s, &p, &error_), SM_ERROR_INVALID_VALUE);
  p = good;
  p.target_seats = -2;
  ASSERT_FAILS (s, try_position (s, &p, &error_), SM_ERROR_INVALID_VALUE);
  p = good;
  p.target_seats = 2;
  ASSERT_FAILS (s, try_position (s, &p, &error_), SM_ERROR_INVALID_VALUE);
  const char *const bad_quals[] = { "ok", "", NULL };
  p = good;
  p.qualifications = bad_quals;
  ASSERT_FAILS (s, try_position (s, &p, &error_), SM_ERROR_INVALID_VALUE);
  CU_ASSERT_EQUAL (sm_scenario_find_position (s, "P"), -1);
  /* The edges of what is allowed. */
  p = good;
  p.fte = 2.0;
  p.grade = 0;
  p.seats = 4;
  p.target_seats = 0;
  add_position (s, &p);
}

/* OM allows at most 5 people and already has 2 target seats (OM-DIR 1,
 * OM-ADV 1 of 2). */
static void
test_position_cap (void)
{
  g_autoptr (SmScenario) s = fixture ();
  SmPositionSpec p = position_spec ("OM-X", "OM-REG", "X", 8, 4, -1);
  ASSERT_FAILS (s, try_position (s, &p, &error_), SM_ERROR_INFEASIBLE);
  p.target_seats = 4;
  ASSERT_FAILS (s, try_position (s, &p, &error_), SM_ERROR_INFEASIBLE);
  /* Extra seats do not count against the cap. */
  p.target_seats = 3;
  add_position (s, &p);
  p = position_spec ("OM-Y", "OM-REG", "X", 8, 7, 0);
  add_position (s, &p);
  p = position_spec ("OM-Z", "OM-REG", "X", 8, 1, -1);
  ASSERT_FAILS (s, try_position (s, &p, &error_), SM_ERROR_INFEASIBLE);
  CU_ASSERT_EQUAL (sm_scenario__organisation (s, 1)->n_target_seats, 5);
  /* No cap at the default organisation. */
  p = position_spec ("HB-BIG", "HB-PUB", "X", 8, 1000, -1);
  add_position (s, &p);
}

/* ---- employees ---------------------------------------------------------- */

static gboolean
try_employee (SmScenario *s, const SmEmployeeSpec *e, GError **error)
{
  return sm_scenario_add_employee (s, e, error);
}

static void
test_employee_errors (void)
{
  g_autoptr (SmScenario) s = fixture ();
  const SmEmployeeSpec good = employee_spec ("E9", "ADV", "HB-PUB");
  SmEmployeeSpec e = good;
  e.id = "";
  ASSERT_FAILS (s, try_employee (s, &e, &error_), SM_ERROR_INVALID_VALUE);
  e = good;
  e.id = "E1";
  ASSERT_FAILS (s, try_employee (s, &e, &error_), SM_ERROR_DUPLICATE_ID);
  e = good;
  e.unit_id = "NOPE";
  ASSERT_FAILS (s, try_employee (s, &e, &error_), SM_ERROR_UNKNOWN_ID);
  e = good;
  e.unit_id = "OM-REG";
  ASSERT_FAILS (s, try_employee (s, &e, &error_), SM_ERROR_INVALID_VALUE);
  e = good;
  e.name = NULL;
  ASSERT_FAILS (s, try_employee (s, &e, &error_), SM_ERROR_INVALID_VALUE);
  e = good;
  e.function_code = NULL;
  ASSERT_FAILS (s, try_employee (s, &e, &error_), SM_ERROR_INVALID_VALUE);
  e = good;
  e.grade = -3;
  ASSERT_FAILS (s, try_employee (s, &e, &error_), SM_ERROR_INVALID_VALUE);
  e = good;
  e.fte = 0.0;
  ASSERT_FAILS (s, try_employee (s, &e, &error_), SM_ERROR_INVALID_VALUE);
  e = good;
  e.fte = 3.0;
  ASSERT_FAILS (s, try_employee (s, &e, &error_), SM_ERROR_INVALID_VALUE);
  e = good;
  e.service_start = (SmDate){ 2019, 2, 29 };
  ASSERT_FAILS (s, try_employee (s, &e, &error_), SM_ERROR_INVALID_VALUE);
  e = good;
  e.birth_date = (SmDate){ 1967, 13, 1 };
  ASSERT_FAILS (s, try_employee (s, &e, &error_), SM_ERROR_INVALID_VALUE);
  e = good;
  e.birth_date = (SmDate){ 1850, 1, 1 };
  ASSERT_FAILS (s, try_employee (s, &e, &error_), SM_ERROR_INVALID_VALUE);
  const char *const bad_quals[] = { " ", NULL };
  e = good;
  e.qualifications = bad_quals;
  ASSERT_FAILS (s, try_employee (s, &e, &error_), SM_ERROR_INVALID_VALUE);
  CU_ASSERT_EQUAL (sm_scenario_find_employee (s, "E9"), -1);
  /* Dates may be missing. */
  e = good;
  e.service_start = (SmDate){ 0, 0, 0 };
  e.birth_date = (SmDate){ 0, 0, 0 };
  add_employee (s, &e);
}

/* Employees need the default organisation's units, so it comes first; the
 * error says so. Without any default organisation the unit cannot be
 * checked, so employees are taken (placing refuses the scenario once, not
 * every employee), and a default organisation can no longer come. */
static void
test_employee_before_default (void)
{
  g_autoptr (SmScenario) s = sm_scenario_new ();
  add_org (s, "OM", SM_ORGANISATION_KIND_RECEIVING, -1, -1);
  add_unit (s, "OM-REG", "OM", NULL, 0);
  SmEmployeeSpec e = employee_spec ("E1", "ADV", "HB-PUB");
  GError *error = NULL;
  CU_ASSERT_FALSE (sm_scenario_add_employee (s, &e, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "default organisation"));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "'E1'"));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "'HB-PUB'"));
  SM_ASSERT_ERROR (error, SM_ERROR_UNKNOWN_ID);
  CU_ASSERT_EQUAL (sm_scenario_get_n_employees (s), 0);
  e.unit_id = "OM-REG";
  add_employee (s, &e);
  CU_ASSERT_EQUAL (sm_scenario_get_n_employees (s), 1);
  ASSERT_FAILS (s,
                try_org (s, "HB", "x", SM_ORGANISATION_KIND_DEFAULT, -1, -1,
                         &error_),
                SM_ERROR_INFEASIBLE);
  g_autoptr (SmPlacement) placement = sm_scenario_place (s, &error);
  CU_ASSERT_PTR_NULL (placement);
  SM_ASSERT_ERROR (error, SM_ERROR_INFEASIBLE);
}

/* With a default organisation, an employee's unit must be one of its. */
static void
test_employee_unit_of_default (void)
{
  g_autoptr (SmScenario) s = fixture ();
  SmEmployeeSpec e = employee_spec ("E9", "ADV", "OM-REG");
  GError *error = NULL;
  CU_ASSERT_FALSE (sm_scenario_add_employee (s, &e, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "'OM'"));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
}

/* Errors name employees by identifier and never quote a date. */
static void
test_employee_error_privacy (void)
{
  g_autoptr (SmScenario) s = fixture ();
  SmEmployeeSpec e = employee_spec ("E9", "ADV", "HB-PUB");
  e.birth_date = (SmDate){ 1967, 2, 29 };
  GError *error = NULL;
  CU_ASSERT_FALSE (sm_scenario_add_employee (s, &e, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "'E9'"));
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "birth date"));
  CU_ASSERT_PTR_NULL (strstr (error->message, "1967"));
  CU_ASSERT_PTR_NULL (strstr (error->message, NAME_E1));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
}

/* ---- applications ------------------------------------------------------- */

static gboolean
try_application (SmScenario *s, const SmApplicationSpec *a, GError **error)
{
  return sm_scenario_add_application (s, a, error);
}

static void
add_application (SmScenario *s, const SmApplicationSpec *a)
{
  GError *error = NULL;
  CU_ASSERT_TRUE (sm_scenario_add_application (s, a, &error));
  SM_ASSERT_NO_ERROR (error);
}

static void
test_application_errors (void)
{
  g_autoptr (SmScenario) s = fixture ();
  SmApplicationSpec a = application_spec ("E1", "OM-ADV", 1);
  add_application (s, &a);
  a = application_spec ("NOPE", "OM-DIR", 2);
  ASSERT_FAILS (s, try_application (s, &a, &error_), SM_ERROR_UNKNOWN_ID);
  a = application_spec ("E1", "NOPE", 2);
  ASSERT_FAILS (s, try_application (s, &a, &error_), SM_ERROR_UNKNOWN_ID);
  a = application_spec (NULL, "OM-DIR", 2);
  ASSERT_FAILS (s, try_application (s, &a, &error_), SM_ERROR_INVALID_VALUE);
  a = application_spec ("E1", NULL, 2);
  ASSERT_FAILS (s, try_application (s, &a, &error_), SM_ERROR_INVALID_VALUE);
  a = application_spec ("E1", "OM-DIR", 0);
  ASSERT_FAILS (s, try_application (s, &a, &error_), SM_ERROR_INVALID_VALUE);
  a = application_spec ("E1", "OM-DIR", -1);
  ASSERT_FAILS (s, try_application (s, &a, &error_), SM_ERROR_INVALID_VALUE);
  /* Only receiving organisations take applications. */
  a = application_spec ("E1", "HB-ADV", 2);
  ASSERT_FAILS (s, try_application (s, &a, &error_), SM_ERROR_INVALID_VALUE);
  /* The same position twice, the same preference twice. */
  a = application_spec ("E1", "OM-ADV", 2);
  ASSERT_FAILS (s, try_application (s, &a, &error_), SM_ERROR_INVALID_VALUE);
  a = application_spec ("E1", "OM-DIR", 1);
  ASSERT_FAILS (s, try_application (s, &a, &error_), SM_ERROR_INVALID_VALUE);
  a = application_spec ("E1", "OM-DIR", 2);
  a.committee_score = INFINITY;
  ASSERT_FAILS (s, try_application (s, &a, &error_), SM_ERROR_INVALID_VALUE);
  a = application_spec ("E1", "OM-DIR", 2);
  a.travel_km = NAN;
  ASSERT_FAILS (s, try_application (s, &a, &error_), SM_ERROR_INVALID_VALUE);
  CU_ASSERT_EQUAL (sm_scenario_get_n_applications (s), 1);
  /* Another employee may use the same preference and position. */
  a = application_spec ("E2", "OM-ADV", 1);
  add_application (s, &a);
}

static void
test_application_read_back (void)
{
  g_autoptr (SmScenario) s = fixture ();
  SmApplicationSpec a = application_spec ("E2", "OM-DIR", 1);
  a.committee_score = 8.5;
  a.travel_km = 14.0;
  add_application (s, &a);
  SmApplicationSpec back;
  sm_scenario_get_application (s, 0, &back);
  CU_ASSERT_STRING_EQUAL (back.employee_id, "E2");
  CU_ASSERT_STRING_EQUAL (back.position_id, "OM-DIR");
  CU_ASSERT_EQUAL (back.preference, 1);
  CU_ASSERT_DOUBLE_EQUAL (back.committee_score, 8.5, 0.0);
  CU_ASSERT_DOUBLE_EQUAL (back.travel_km, 14.0, 0.0);
  a = application_spec ("E3", "OM-DIR", 1);
  add_application (s, &a);
  sm_scenario_get_application (s, 1, &back);
  CU_ASSERT_TRUE (isnan (back.committee_score));
  CU_ASSERT_TRUE (back.travel_km < 0);
  const SmApplicationRecord *r = sm_scenario__application (s, 1);
  CU_ASSERT_EQUAL (r->employee, 2);
  CU_ASSERT_EQUAL (r->position, 1);
}

/* Applications added out of order come back sorted by preference. */
static void
test_applications_sorted (void)
{
  g_autoptr (SmScenario) s = fixture ();
  SmPositionSpec p = position_spec ("OM-C", "OM-REG", "C", 9, 1, 0);
  add_position (s, &p);                                       /* position 3 */
  SmApplicationSpec a = application_spec ("E1", "OM-DIR", 7); /* app 0 */
  add_application (s, &a);
  a = application_spec ("E2", "OM-DIR", 1); /* app 1 */
  add_application (s, &a);
  a = application_spec ("E1", "OM-ADV", 2); /* app 2 */
  add_application (s, &a);
  a = application_spec ("E1", "OM-C", 3); /* app 3 */
  add_application (s, &a);
  const int32_t *apps;
  int32_t n;
  sm_scenario__applications_of (s, 0, &apps, &n);
  CU_ASSERT_EQUAL_FATAL (n, 3);
  CU_ASSERT_EQUAL (apps[0], 2);
  CU_ASSERT_EQUAL (apps[1], 3);
  CU_ASSERT_EQUAL (apps[2], 0);
  sm_scenario__applications_of (s, 1, &apps, &n);
  CU_ASSERT_EQUAL_FATAL (n, 1);
  CU_ASSERT_EQUAL (apps[0], 1);
  sm_scenario__applications_of (s, 2, &apps, &n);
  CU_ASSERT_EQUAL (n, 0);
  CU_ASSERT_PTR_NULL (apps);
}

/* Many applications in descending order: the list grows and stays
 * sorted. */
static void
test_applications_many (void)
{
  g_autoptr (SmScenario) s = fixture ();
  enum { N = 40 };
  for (int k = 0; k < N; k++)
    {
      char id[16];
      g_snprintf (id, sizeof id, "OM-P%d", k);
      SmPositionSpec p = position_spec (id, "OM-REG", "P", 8, 1, 0);
      add_position (s, &p);
      SmApplicationSpec a = application_spec ("E3", id, 100 - 2 * k);
      add_application (s, &a);
    }
  const int32_t *apps;
  int32_t n;
  sm_scenario__applications_of (s, 2, &apps, &n);
  CU_ASSERT_EQUAL_FATAL (n, N);
  gboolean sorted = TRUE;
  for (int k = 0; k < N; k++)
    sorted = sorted && apps[k] == N - 1 - k;
  CU_ASSERT_TRUE (sorted);
}

/* ---- function relations ------------------------------------------------- */

static void
test_function_relations (void)
{
  g_autoptr (SmScenario) s = fixture ();
  GError *error = NULL;
  CU_ASSERT_TRUE (sm_scenario_add_function_relation (s, "ADV", "SADV",
                                                     SM_FIT_SUITABLE, &error));
  CU_ASSERT_TRUE (sm_scenario_add_function_relation (s, "ADV", "POL",
                                                     SM_FIT_INTERCHANGEABLE,
                                                     &error));
  /* A renamed function: the same function under another code. */
  CU_ASSERT_TRUE (sm_scenario_add_function_relation (s, "BOH-ADV", "ADV",
                                                     SM_FIT_SAME, &error));
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (sm_scenario_get_fit (s, "ADV", "ADV"), SM_FIT_SAME);
  CU_ASSERT_EQUAL (sm_scenario_get_fit (s, "ZZZ", "ZZZ"), SM_FIT_SAME);
  CU_ASSERT_EQUAL (sm_scenario_get_fit (s, "ADV", "SADV"), SM_FIT_SUITABLE);
  CU_ASSERT_EQUAL (sm_scenario_get_fit (s, "ADV", "POL"),
                   SM_FIT_INTERCHANGEABLE);
  CU_ASSERT_EQUAL (sm_scenario_get_fit (s, "BOH-ADV", "ADV"), SM_FIT_SAME);
  /* Relations are directed. */
  CU_ASSERT_EQUAL (sm_scenario_get_fit (s, "SADV", "ADV"), SM_FIT_NONE);
  CU_ASSERT_EQUAL (sm_scenario_get_fit (s, "ADV", "DIR"), SM_FIT_NONE);
  CU_ASSERT_EQUAL (sm_scenario_get_fit (s, "X", "Y"), SM_FIT_NONE);

  ASSERT_FAILS (s,
                sm_scenario_add_function_relation (s, "ADV", "SADV",
                                                   SM_FIT_REASONABLE, &error_),
                SM_ERROR_DUPLICATE_ID);
  ASSERT_FAILS (s,
                sm_scenario_add_function_relation (s, "ADV", "ADV",
                                                   SM_FIT_SUITABLE, &error_),
                SM_ERROR_INVALID_VALUE);
  ASSERT_FAILS (s,
                sm_scenario_add_function_relation (s, "", "ADV",
                                                   SM_FIT_SUITABLE, &error_),
                SM_ERROR_INVALID_VALUE);
  ASSERT_FAILS (s,
                sm_scenario_add_function_relation (s, "ADV", NULL,
                                                   SM_FIT_SUITABLE, &error_),
                SM_ERROR_INVALID_VALUE);
  CU_ASSERT_EQUAL (sm_scenario_get_fit (s, "ADV", "SADV"), SM_FIT_SUITABLE);
}

/* ---- rules -------------------------------------------------------------- */

static SmPriorityRule *
make_rule (const char *id, SmCriterion criterion)
{
  SmPriorityRule *rule = sm_priority_rule_new (id);
  sm_priority_rule_add_criterion (rule, criterion, SM_DIRECTION_HIGHER_FIRST,
                                  NULL);
  return rule;
}

static void
test_rules (void)
{
  g_autoptr (SmScenario) s = fixture ();
  GError *error = NULL;
  g_autoptr (SmPriorityRule)
      score = make_rule ("score", SM_CRITERION_COMMITTEE_SCORE);
  g_autoptr (SmPriorityRule) age = make_rule ("age", SM_CRITERION_AGE);
  /* No rule yet: the built-in default. */
  CU_ASSERT_STRING_EQUAL (sm_priority_rule_get_id (sm_scenario__rule_of (s, 0)),
                          "default");
  CU_ASSERT_TRUE (sm_scenario_add_rule (s, score, &error));
  SM_ASSERT_NO_ERROR (error);
  /* Copied: changing the original does not change the scenario's. */
  sm_priority_rule_add_criterion (score, SM_CRITERION_AGE,
                                  SM_DIRECTION_HIGHER_FIRST, NULL);
  const SmPriorityRule *stored = sm_scenario__default_rule (s);
  CU_ASSERT_PTR_NOT_EQUAL (stored, score);
  CU_ASSERT_STRING_EQUAL (sm_priority_rule_get_id (stored), "score");
  CU_ASSERT_EQUAL (sm_priority_rule_get_n_criteria (stored), 1);
  /* The first rule added is the default. */
  CU_ASSERT_PTR_EQUAL (sm_scenario__rule_of (s, 1), stored);

  ASSERT_FAILS (s, sm_scenario_add_rule (s, score, &error_),
                SM_ERROR_DUPLICATE_ID);
  g_autoptr (SmPriorityRule) unnamed = sm_priority_rule_new ("");
  ASSERT_FAILS (s, sm_scenario_add_rule (s, unnamed, &error_),
                SM_ERROR_INVALID_VALUE);
  ASSERT_FAILS (s, sm_scenario_set_default_rule (s, "nope", &error_),
                SM_ERROR_UNKNOWN_ID);
  CU_ASSERT_PTR_EQUAL (sm_scenario__default_rule (s), stored);

  CU_ASSERT_TRUE (sm_scenario_add_rule (s, age, &error));
  CU_ASSERT_PTR_EQUAL (sm_scenario__default_rule (s), stored);
  CU_ASSERT_TRUE (sm_scenario_set_default_rule (s, "age", &error));
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_STRING_EQUAL (sm_priority_rule_get_id (
                              sm_scenario__default_rule (s)),
                          "age");
  /* A position with its own rule keeps it. */
  SmPositionSpec p = position_spec ("OM-S", "OM-REG", "S", 9, 1, 0);
  p.rule_id = "score";
  add_position (s, &p);
  CU_ASSERT_PTR_EQUAL (sm_scenario__rule_of (s, 3), stored);
  SmPositionSpec back;
  sm_scenario_get_position (s, 3, &back);
  CU_ASSERT_STRING_EQUAL (back.rule_id, "score");
  CU_ASSERT_STRING_EQUAL (sm_priority_rule_get_id (sm_scenario__rule_of (s, 2)),
                          "age");
}

/* ---- manual placements -------------------------------------------------- */

static gboolean
try_manual (SmScenario *s, const char *employee, const char *position,
            const char *reason, GError **error)
{
  return sm_scenario_add_manual_placement (s, employee, position, reason,
                                           error);
}

static void
test_manual_placements (void)
{
  g_autoptr (SmScenario) s = fixture ();
  GError *error = NULL;
  CU_ASSERT_TRUE (try_manual (s, "E2", "OM-DIR", "medical grounds", &error));
  SM_ASSERT_NO_ERROR (error);
  ASSERT_FAILS (s, try_manual (s, "NOPE", "OM-ADV", "r", &error_),
                SM_ERROR_UNKNOWN_ID);
  ASSERT_FAILS (s, try_manual (s, "E1", "NOPE", "r", &error_),
                SM_ERROR_UNKNOWN_ID);
  ASSERT_FAILS (s, try_manual (s, NULL, "OM-ADV", "r", &error_),
                SM_ERROR_INVALID_VALUE);
  ASSERT_FAILS (s, try_manual (s, "E1", "OM-ADV", NULL, &error_),
                SM_ERROR_INVALID_VALUE);
  ASSERT_FAILS (s, try_manual (s, "E1", "OM-ADV", "", &error_),
                SM_ERROR_INVALID_VALUE);
  ASSERT_FAILS (s, try_manual (s, "E1", "OM-ADV", " \t", &error_),
                SM_ERROR_INVALID_VALUE);
  /* One per employee; no more than the position's seats. */
  ASSERT_FAILS (s, try_manual (s, "E2", "OM-ADV", "r", &error_),
                SM_ERROR_INFEASIBLE);
  ASSERT_FAILS (s, try_manual (s, "E1", "OM-DIR", "r", &error_),
                SM_ERROR_INFEASIBLE);
  /* A manual placement at the default organisation is allowed. */
  CU_ASSERT_TRUE (try_manual (s, "E3", "HB-ADV", "r", &error));
  CU_ASSERT_TRUE (try_manual (s, "E1", "OM-ADV", "r", &error));
  SM_ASSERT_NO_ERROR (error);

  CU_ASSERT_EQUAL_FATAL (s->manual->len, 3);
  const SmManualPlacement *m = sm_scenario__manual_placement (s, 0);
  CU_ASSERT_EQUAL (m->employee, 1);
  CU_ASSERT_EQUAL (m->position, 1);
  CU_ASSERT_STRING_EQUAL (m->reason, "medical grounds");
  m = sm_scenario__manual_placement (s, 2);
  CU_ASSERT_EQUAL (m->employee, 0);
  CU_ASSERT_EQUAL (m->position, 2);
  CU_ASSERT_EQUAL (sm_scenario__employee (s, 0)->manual, 2);
  CU_ASSERT_EQUAL (sm_scenario__employee (s, 1)->manual, 0);
  CU_ASSERT_EQUAL (sm_scenario__employee (s, 2)->manual, 1);
  CU_ASSERT_EQUAL (sm_scenario__position (s, 1)->n_manual, 1);
  CU_ASSERT_EQUAL (sm_scenario__organisation (s, 1)->n_manual, 2);
}

/* Manual placements cannot push an organisation over its cap. */
static void
test_manual_placements_cap (void)
{
  g_autoptr (SmScenario) s = sm_scenario_new ();
  add_org (s, "HB", SM_ORGANISATION_KIND_DEFAULT, -1, -1);
  add_org (s, "SMALL", SM_ORGANISATION_KIND_RECEIVING, -1, 1);
  add_unit (s, "HB-U", "HB", NULL, 0);
  add_unit (s, "S-U", "SMALL", NULL, 0);
  SmPositionSpec p = position_spec ("S1", "S-U", "X", 8, 1, 0);
  add_position (s, &p);
  p = position_spec ("S2", "S-U", "X", 8, 1, 0);
  add_position (s, &p);
  SmEmployeeSpec e = employee_spec ("E1", "X", "HB-U");
  add_employee (s, &e);
  e = employee_spec ("E2", "X", "HB-U");
  add_employee (s, &e);
  GError *error = NULL;
  CU_ASSERT_TRUE (try_manual (s, "E1", "S1", "r", &error));
  SM_ASSERT_NO_ERROR (error);
  ASSERT_FAILS (s, try_manual (s, "E2", "S2", "r", &error_),
                SM_ERROR_INFEASIBLE);
}

/* ---- what the compiler reads -------------------------------------------- */

static void
test_resolved_indices (void)
{
  g_autoptr (SmScenario) s = fixture ();
  CU_ASSERT_EQUAL (s->default_organisation, 0);
  const SmUnitRecord *u = sm_scenario__unit (s, 0);
  CU_ASSERT_EQUAL (u->organisation, 0);
  CU_ASSERT_EQUAL (u->contract_client, 1);
  u = sm_scenario__unit (s, 2);
  CU_ASSERT_EQUAL (u->organisation, 1);
  CU_ASSERT_EQUAL (u->contract_client, -1);
  const SmPositionRecord *p = sm_scenario__position (s, 0);
  CU_ASSERT_EQUAL (p->unit, 1);
  CU_ASSERT_EQUAL (p->organisation, 0);
  CU_ASSERT_EQUAL (p->rule, -1);
  p = sm_scenario__position (s, 2);
  CU_ASSERT_EQUAL (p->unit, 2);
  CU_ASSERT_EQUAL (p->organisation, 1);
  CU_ASSERT_EQUAL (sm_scenario__employee (s, 0)->unit, 0);
  CU_ASSERT_EQUAL (sm_scenario__employee (s, 2)->unit, 1);
  CU_ASSERT_EQUAL (sm_scenario__employee (s, 2)->manual, -1);
}

/* ---- settings ----------------------------------------------------------- */

static void
test_settings (void)
{
  g_autoptr (SmScenario) s = sm_scenario_new ();
  sm_scenario_set_seed (s, UINT64_C (0xfedcba9876543210));
  CU_ASSERT_EQUAL (sm_scenario_get_seed (s), UINT64_C (0xfedcba9876543210));
  sm_scenario_set_tie_breaking (s, SM_TIE_BREAKING_PER_POSITION);
  CU_ASSERT_EQUAL (sm_scenario_get_tie_breaking (s),
                   SM_TIE_BREAKING_PER_POSITION);
  sm_scenario_set_reference_date (s, (SmDate){ 2018, 10, 1 });
  CU_ASSERT_EQUAL (sm_date_compare (sm_scenario_get_reference_date (s),
                                    (SmDate){ 2018, 10, 1 }),
                   0);
  sm_scenario_set_reduction (s, SM_REDUCTION_REFLECTION, 5);
  CU_ASSERT_EQUAL (s->reduction, SM_REDUCTION_REFLECTION);
  CU_ASSERT_EQUAL (s->age_band_years, 5);
  /* A band under one year is a programmer error and is ignored. */
  g_test_expect_message ("staffmatch", G_LOG_LEVEL_CRITICAL,
                         "*age_band_years >= 1*");
  sm_scenario_set_reduction (s, SM_REDUCTION_PRIORITY, 0);
  g_test_assert_expected_messages ();
  CU_ASSERT_EQUAL (s->reduction, SM_REDUCTION_REFLECTION);
  CU_ASSERT_EQUAL (s->age_band_years, 5);
  /* So is an impossible reference date. */
  g_test_expect_message ("staffmatch", G_LOG_LEVEL_CRITICAL,
                         "*sm_date_is_valid*");
  sm_scenario_set_reference_date (s, (SmDate){ 2018, 2, 29 });
  g_test_assert_expected_messages ();
  CU_ASSERT_EQUAL (sm_date_compare (sm_scenario_get_reference_date (s),
                                    (SmDate){ 2018, 10, 1 }),
                   0);
}

/* The public getters give back relations, rules, manual placements and
 * the reduction setting as they were added. */
static void
test_public_read_back (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = fixture ();
  CU_ASSERT_TRUE (sm_scenario_add_function_relation (s, "DIR", "ADV",
                                                     SM_FIT_SUITABLE, &error));
  CU_ASSERT_TRUE (sm_scenario_add_function_relation (s, "ADV", "DIR",
                                                     SM_FIT_REASONABLE,
                                                     &error));
  g_autoptr (SmPriorityRule) r = sm_priority_rule_new ("age-only");
  sm_priority_rule_add_criterion (r, SM_CRITERION_AGE, SM_DIRECTION_LOWER_FIRST,
                                  &error);
  CU_ASSERT_TRUE (sm_scenario_add_rule (s, r, &error));
  CU_ASSERT_TRUE (sm_scenario_add_manual_placement (s, "E2", "OM-DIR",
                                                    "medical reasons", &error));
  sm_scenario_set_reduction (s, SM_REDUCTION_REFLECTION, 5);
  SM_ASSERT_NO_ERROR (error);

  CU_ASSERT_EQUAL_FATAL (sm_scenario_get_n_function_relations (s), 2);
  const char *from, *to;
  SmFit fit;
  sm_scenario_get_function_relation (s, 1, &from, &to, &fit);
  CU_ASSERT_STRING_EQUAL (from, "ADV");
  CU_ASSERT_STRING_EQUAL (to, "DIR");
  CU_ASSERT_EQUAL (fit, SM_FIT_REASONABLE);
  sm_scenario_get_function_relation (s, 0, &from, &to, &fit);
  CU_ASSERT_STRING_EQUAL (from, "DIR");
  CU_ASSERT_EQUAL (fit, SM_FIT_SUITABLE);

  CU_ASSERT_EQUAL_FATAL (sm_scenario_get_n_rules (s), 1);
  CU_ASSERT_STRING_EQUAL (sm_priority_rule_get_id (sm_scenario_get_rule (s, 0)),
                          "age-only");
  CU_ASSERT_PTR_EQUAL (sm_scenario_get_default_rule (s),
                       sm_scenario_get_rule (s, 0));

  CU_ASSERT_EQUAL_FATAL (sm_scenario_get_n_manual_placements (s), 1);
  const char *emp, *pos, *reason;
  sm_scenario_get_manual_placement (s, 0, &emp, &pos, &reason);
  CU_ASSERT_STRING_EQUAL (emp, "E2");
  CU_ASSERT_STRING_EQUAL (pos, "OM-DIR");
  CU_ASSERT_STRING_EQUAL (reason, "medical reasons");

  SmReduction reduction;
  int32_t band;
  sm_scenario_get_reduction (s, &reduction, &band);
  CU_ASSERT_EQUAL (reduction, SM_REDUCTION_REFLECTION);
  CU_ASSERT_EQUAL (band, 5);
}

/* ---- identifiers that become file names ---------------------------------- */

/* Employee identifiers name the decision letters (letters/ID.txt), so an
 * identifier that is not a safe file name is refused when the employee is
 * added, with the rule it breaks and never the person's name. */
static void
test_file_name_ids (void)
{
  static const struct {
    const char *id;
    const char *rule;
  } bad[] = {
    { "../etc/passwd", "separate folders" },
    { "a/b", "separate folders" },
    { "a\\b", "separate folders" },
    { ".", "name folders" },
    { "..", "name folders" },
    { "E\t1", "control character" },
    { "E\n1", "control character" },
    { "E\x7f", "control character" },
    { "E:1", "Windows does not allow" },
    { "E*", "Windows does not allow" },
    { "E1.", "ends in a dot or a space" },
    { "E1 ", "ends in a dot or a space" },
    { "CON", "reserves for a device" },
    { "con.txt", "reserves for a device" },
    { "Nul", "reserves for a device" },
    { "PRN.tar.gz", "reserves for a device" },
    { "aux", "reserves for a device" },
    { "COM1", "reserves for a device" },
    { "lpt9.doc", "reserves for a device" },
    { "COM7 .txt", "reserves for a device" },
    { "E\xff\xfe", "not valid UTF-8" },
  };
  g_autoptr (SmScenario) s = fixture ();
  for (guint k = 0; k < G_N_ELEMENTS (bad); k++)
    {
      SmEmployeeSpec e = employee_spec (bad[k].id, "ADV", "HB-PUB");
      GError *error = NULL;
      Snapshot before = snapshot (s);
      CU_ASSERT_FALSE (sm_scenario_add_employee (s, &e, &error));
      CU_ASSERT_PTR_NOT_NULL_FATAL (error);
      if (strstr (error->message, bad[k].rule) == NULL)
        fprintf (stderr, "id %u: %s\n", k, error->message);
      CU_ASSERT_PTR_NOT_NULL (strstr (error->message, bad[k].rule));
      CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "file name"));
      CU_ASSERT_PTR_NULL (strstr (error->message, NAME_E1));
      CU_ASSERT_TRUE (g_utf8_validate (error->message, -1, NULL));
      SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
      assert_unchanged (s, &before);
    }
  /* 200 bytes is the most; the message quotes only the beginning. */
  char long_id[202];
  memset (long_id, 'x', 201);
  long_id[201] = '\0';
  SmEmployeeSpec e = employee_spec (long_id, "ADV", "HB-PUB");
  GError *error = NULL;
  CU_ASSERT_FALSE (sm_scenario_add_employee (s, &e, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NOT_NULL (strstr (error->message, "longer than 200 bytes"));
  CU_ASSERT_PTR_NULL (strstr (error->message, long_id + 100));
  SM_ASSERT_ERROR (error, SM_ERROR_INVALID_VALUE);
  long_id[200] = '\0';
  add_employee (s, &e);
  static const char *const good[] = {
    "E-1_x", "P10234",          "CONSOLE", "COM0", "com10",   "LPT",
    "e.1",   "M\xc3\xbcller-7", "NULL",    "a b",  ".hidden",
  };
  for (guint k = 0; k < G_N_ELEMENTS (good); k++)
    {
      e = employee_spec (good[k], "ADV", "HB-PUB");
      add_employee (s, &e);
    }
  CU_ASSERT_EQUAL (sm_scenario_get_n_employees (s),
                   3 + 1 + (int) G_N_ELEMENTS (good));
}

/* ---- getters: NULL outputs, indices out of range ------------------------- */

static SmScenario *
fixture_with_extras (void)
{
  GError *error = NULL;
  SmScenario *s = fixture ();
  CU_ASSERT_TRUE (sm_scenario_add_function_relation (s, "DIR", "ADV",
                                                     SM_FIT_SUITABLE, &error));
  CU_ASSERT_TRUE (sm_scenario_add_manual_placement (s, "E2", "OM-DIR",
                                                    "medical reasons", &error));
  SmApplicationSpec a = application_spec ("E1", "OM-ADV", 1);
  CU_ASSERT_TRUE (sm_scenario_add_application (s, &a, &error));
  SM_ASSERT_NO_ERROR (error);
  return s;
}

/* Every output of every getter may be NULL. */
static void
test_getters_accept_null (void)
{
  g_autoptr (SmScenario) s = fixture_with_extras ();
  CU_ASSERT_TRUE (sm_scenario_get_function_relation (s, 0, NULL, NULL, NULL));
  CU_ASSERT_TRUE (sm_scenario_get_manual_placement (s, 0, NULL, NULL, NULL));
  const char *to = NULL, *reason = NULL;
  CU_ASSERT_TRUE (sm_scenario_get_function_relation (s, 0, NULL, &to, NULL));
  CU_ASSERT_STRING_EQUAL (to, "ADV");
  CU_ASSERT_TRUE (sm_scenario_get_manual_placement (s, 0, NULL, NULL, &reason));
  CU_ASSERT_STRING_EQUAL (reason, "medical reasons");
  CU_ASSERT_TRUE (sm_scenario_get_organisation (s, 0, NULL));
  CU_ASSERT_TRUE (sm_scenario_get_unit (s, 0, NULL));
  CU_ASSERT_TRUE (sm_scenario_get_position (s, 0, NULL));
  CU_ASSERT_TRUE (sm_scenario_get_employee (s, 0, NULL));
  CU_ASSERT_TRUE (sm_scenario_get_application (s, 0, NULL));
  sm_scenario_get_reduction (s, NULL, NULL);
}

/* Out of range, a getter returns FALSE (or NULL) and leaves its outputs
 * as they were, so nothing zeroed reads as an item. */
static void
test_getters_out_of_range (void)
{
  g_autoptr (SmScenario) s = fixture_with_extras ();
  const int32_t bad[] = { -1, 1000, INT32_MIN };
  for (guint k = 0; k < G_N_ELEMENTS (bad); k++)
    {
      int32_t i = bad[k];
      union {
        SmOrganisationSpec o;
        SmUnitSpec u;
        SmPositionSpec p;
        SmEmployeeSpec e;
        SmApplicationSpec a;
      } out, mark;
      memset (&mark, 0xa5, sizeof mark);
      out = mark;
      CU_ASSERT_FALSE (sm_scenario_get_organisation (s, i, &out.o));
      CU_ASSERT_FALSE (sm_scenario_get_unit (s, i, &out.u));
      CU_ASSERT_FALSE (sm_scenario_get_position (s, i, &out.p));
      CU_ASSERT_FALSE (sm_scenario_get_employee (s, i, &out.e));
      CU_ASSERT_FALSE (sm_scenario_get_application (s, i, &out.a));
      CU_ASSERT_EQUAL (memcmp (&out, &mark, sizeof out), 0);
      const char *a = "untouched", *b = "untouched", *c = "untouched";
      SmFit fit = SM_FIT_NONE;
      CU_ASSERT_FALSE (sm_scenario_get_function_relation (s, i, &a, &b, &fit));
      CU_ASSERT_FALSE (sm_scenario_get_manual_placement (s, i, &a, &b, &c));
      CU_ASSERT_STRING_EQUAL (a, "untouched");
      CU_ASSERT_STRING_EQUAL (b, "untouched");
      CU_ASSERT_STRING_EQUAL (c, "untouched");
      CU_ASSERT_EQUAL (fit, SM_FIT_NONE);
      CU_ASSERT_PTR_NULL (sm_scenario_get_rule (s, i));
    }
  /* the first index past the end, for every kind */
  CU_ASSERT_FALSE (
      sm_scenario_get_organisation (s, sm_scenario_get_n_organisations (s),
                                    NULL));
  CU_ASSERT_FALSE (sm_scenario_get_unit (s, sm_scenario_get_n_units (s), NULL));
  CU_ASSERT_FALSE (
      sm_scenario_get_position (s, sm_scenario_get_n_positions (s), NULL));
  CU_ASSERT_FALSE (
      sm_scenario_get_employee (s, sm_scenario_get_n_employees (s), NULL));
  CU_ASSERT_FALSE (
      sm_scenario_get_application (s, sm_scenario_get_n_applications (s),
                                   NULL));
  CU_ASSERT_FALSE (
      sm_scenario_get_function_relation (s,
                                         sm_scenario_get_n_function_relations (
                                             s),
                                         NULL, NULL, NULL));
  CU_ASSERT_FALSE (
      sm_scenario_get_manual_placement (s,
                                        sm_scenario_get_n_manual_placements (s),
                                        NULL, NULL, NULL));
}

/* ---- lifetime: references and placements --------------------------------- */

/* The placement keeps the scenario alive: the caller may drop theirs
 * first (under AddressSanitizer, a use after free otherwise). */
static void
test_free_scenario_first (void)
{
  GError *error = NULL;
  SmScenario *s = fixture_with_extras ();
  SmPlacement *placement = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (placement);
  sm_scenario_free (s);
  const SmScenario *held = sm_placement_get_scenario (placement);
  CU_ASSERT_EQUAL (sm_scenario_get_n_employees (held), 3);
  const char *employee = NULL;
  CU_ASSERT_TRUE (
      sm_scenario_get_manual_placement (held, 0, &employee, NULL, NULL));
  CU_ASSERT_STRING_EQUAL (employee, "E2");
  SmEmployeeOutcome outcome;
  sm_placement_get_outcome (placement, 1, &outcome);
  CU_ASSERT_EQUAL (outcome.status, SM_STATUS_MANUAL);
  sm_placement_free (placement);
}

/* The other order, and references taken by the caller. */
static void
test_references (void)
{
  GError *error = NULL;
  SmScenario *s = fixture ();
  CU_ASSERT_PTR_EQUAL (sm_scenario_ref (s), s);
  sm_scenario_unref (s);
  SmPlacement *placement = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  sm_placement_free (placement);
  CU_ASSERT_EQUAL (s->ref_count, 1);
  CU_ASSERT_EQUAL (s->n_placements, 0);
  {
    g_autoptr (SmScenario) extra = sm_scenario_ref (s);
    CU_ASSERT_PTR_EQUAL (extra, s);
    CU_ASSERT_EQUAL (s->ref_count, 2);
  }
  CU_ASSERT_EQUAL (s->ref_count, 1);
  sm_scenario_unref (s);
  sm_scenario_unref (NULL);
  sm_scenario_free (NULL);
}

/* While a placement lives, nothing can be added (the placement's arrays
 * have the scenario's sizes of when it was made: adding an employee used
 * to make its getters read past them); freeing it allows adding again.
 * A failed placement holds nothing. */
static void
test_frozen_while_placed (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = fixture_with_extras ();
  SmPlacement *placement = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (placement);

  SmOrganisationSpec o = SM_ORGANISATION_SPEC_INIT;
  o.id = o.name = "NEW";
  ASSERT_FAILS (s, sm_scenario_add_organisation (s, &o, &error_),
                SM_ERROR_IN_USE);
  SmUnitSpec u = SM_UNIT_SPEC_INIT;
  u.id = u.name = "NEW-U";
  u.organisation_id = "HB";
  ASSERT_FAILS (s, sm_scenario_add_unit (s, &u, &error_), SM_ERROR_IN_USE);
  SmPositionSpec p = position_spec ("NEW-P", "HB-PUB", "ADV", 10, 1, -1);
  ASSERT_FAILS (s, sm_scenario_add_position (s, &p, &error_), SM_ERROR_IN_USE);
  SmEmployeeSpec e = employee_spec ("E9", "ADV", "HB-PUB");
  ASSERT_FAILS (s, sm_scenario_add_employee (s, &e, &error_), SM_ERROR_IN_USE);
  SmApplicationSpec a = application_spec ("E3", "OM-ADV", 1);
  ASSERT_FAILS (s, sm_scenario_add_application (s, &a, &error_),
                SM_ERROR_IN_USE);
  ASSERT_FAILS (s,
                sm_scenario_add_function_relation (s, "ADV", "DIR",
                                                   SM_FIT_SUITABLE, &error_),
                SM_ERROR_IN_USE);
  ASSERT_FAILS (s,
                sm_scenario_add_manual_placement (s, "E3", "OM-ADV", "why",
                                                  &error_),
                SM_ERROR_IN_USE);
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("R");
  ASSERT_FAILS (s, sm_scenario_add_rule (s, rule, &error_), SM_ERROR_IN_USE);
  ASSERT_FAILS (s, sm_scenario_set_default_rule (s, "R", &error_),
                SM_ERROR_IN_USE);

  /* the placement still reads the scenario as it was */
  SmEmployeeOutcome outcome;
  sm_placement_get_outcome (placement, 2, &outcome);
  CU_ASSERT_EQUAL (sm_scenario_get_n_employees (
                       sm_placement_get_scenario (placement)),
                   3);
  /* a second placement holds it too */
  SmPlacement *second = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  sm_placement_free (placement);
  ASSERT_FAILS (s, sm_scenario_add_employee (s, &e, &error_), SM_ERROR_IN_USE);
  sm_placement_free (second);
  add_employee (s, &e);

  /* a placement that fails leaves the scenario free to change */
  SmPlaceOptions options = SM_PLACE_OPTIONS_INIT;
  options.proposing = SM_SIDE_POSITIONS;
  sm_scenario_set_reduction (s, SM_REDUCTION_REFLECTION, 10);
  CU_ASSERT_PTR_NULL (sm_scenario_place_with (s, &options, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_INFEASIBLE);
  e = employee_spec ("E10", "ADV", "HB-PUB");
  add_employee (s, &e);
  CU_ASSERT_EQUAL (s->n_placements, 0);
  CU_ASSERT_EQUAL (s->ref_count, 1);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "empty scenario", test_empty_scenario },
    { "read back", test_read_back },
    { "strings copied", test_strings_copied },
    { "position qualifications", test_position_qualifications },
    { "organisation errors", test_organisation_errors },
    { "default organisation", test_default_organisation_rules },
    { "unit errors", test_unit_errors },
    { "position errors", test_position_errors },
    { "position cap", test_position_cap },
    { "employee errors", test_employee_errors },
    { "employee before default", test_employee_before_default },
    { "employee unit of the default", test_employee_unit_of_default },
    { "employee error privacy", test_employee_error_privacy },
    { "application errors", test_application_errors },
    { "application read back", test_application_read_back },
    { "applications sorted", test_applications_sorted },
    { "applications many", test_applications_many },
    { "function relations", test_function_relations },
    { "rules", test_rules },
    { "manual placements", test_manual_placements },
    { "manual placements cap", test_manual_placements_cap },
    { "resolved indices", test_resolved_indices },
    { "settings", test_settings },
    { "public read back", test_public_read_back },
    { "file name ids", test_file_name_ids },
    { "getters accept NULL", test_getters_accept_null },
    { "getters out of range", test_getters_out_of_range },
    { "free the scenario first", test_free_scenario_first },
    { "references", test_references },
    { "frozen while placed", test_frozen_while_placed },
    { NULL, NULL },
  };
  return sm_test_run_suite ("scenario", cases);
}
