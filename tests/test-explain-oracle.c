/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: explanations checked against an independent oracle.
 *
 * test-explain checks the explanations against the library's own market
 * and matching, which cannot catch an explanation that is untrue of the
 * scenario. This suite generates a few hundred small scenarios (seeded,
 * so every run sees the same ones) with what makes explanations hard:
 * eligibility filters, headcount caps that bind, target seats, manual
 * placements, the reflection principle, single and per-position
 * tie-breaking, missing dates and scores. Each is placed, and the oracle
 * of oracle-explain.c recomputes from the scenario alone what the
 * placement and every explanation must be. One test per check reports
 * the findings of its kind with the smallest scenario that shows it.
 *
 * The second half falsifies one fact of a real placement on purpose for
 * every check and asserts that exactly that check notices, so that no
 * check passes for want of being able to fail.
 *
 * Set SM_ORACLE_SEEDS=FIRST:LAST to run other seeds, and SM_ORACLE_DUMP
 * to a folder to save the smallest scenario of each finding as JSON
 * (seed-N.json), to replay it with `staffmatch explain`.
 */
#include "test-util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "oracle-explain.h"

#define FIRST_SEED 1
#define N_SEEDS 1000

/* ---- generating scenarios ------------------------------------------------ */

typedef struct {
  GRand *rand;
  SmScenario *s;
  GString *about; /* a one-line description */
  gboolean failed;
} Gen;

static int32_t
pick (Gen *g, int32_t low, int32_t high)
{
  return g_rand_int_range (g->rand, low, high + 1);
}

static gboolean
chance (Gen *g, double p)
{
  return g_rand_double (g->rand) < p;
}

/* Notes a refusal of the scenario API; @error is read only after the
 * call that set it has returned @ok. */
static void
check_added (Gen *g, gboolean ok, GError **error)
{
  if (!ok)
    {
      fprintf (stderr, "generator: %s\n",
               *error != NULL ? (*error)->message : "refused without an error");
      g->failed = TRUE;
    }
  g_clear_error (error);
}

static const char *const functions[] = { "F0", "F1", "F2", "F3", "F4" };
static const char *const qualifications[] = { "Q0", "Q1", "Q2" };

/* A random subset of the qualifications, each with probability @p
 * (transfer full; NULL-terminated). */
static char **
pick_qualifications (Gen *g, double p)
{
  GPtrArray *out = g_ptr_array_new ();
  for (size_t k = 0; k < G_N_ELEMENTS (qualifications); k++)
    if (chance (g, p))
      g_ptr_array_add (out, g_strdup (qualifications[k]));
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* A date from a few years (so that ties happen), or not given. */
static SmDate
pick_date (Gen *g, int32_t first_year, int32_t step, int32_t n_years)
{
  if (chance (g, 0.1))
    return (SmDate){ 0, 0, 0 };
  SmDate d = { first_year + step * pick (g, 0, n_years - 1), 1, 1 };
  if (chance (g, 0.5))
    {
      d.month = pick (g, 1, 12);
      d.day = pick (g, 1, 28);
    }
  return d;
}

static void
add_rules (Gen *g, int32_t n_rules)
{
  for (int32_t r = 0; r < n_rules; r++)
    {
      g_autofree char *id = g_strdup_printf ("r%d", (int) r);
      g_autoptr (SmPriorityRule) rule = sm_priority_rule_new (id);
      int32_t order[SM_N_CRITERIA];
      for (int32_t k = 0; k < SM_N_CRITERIA; k++)
        order[k] = k;
      for (int32_t k = SM_N_CRITERIA - 1; k > 0; k--)
        {
          int32_t x = pick (g, 0, k), t = order[k];
          order[k] = order[x];
          order[x] = t;
        }
      int32_t n_criteria = chance (g, 0.15) ? 0 : pick (g, 1, 4);
      for (int32_t k = 0; k < n_criteria; k++)
        sm_priority_rule_add_criterion (rule, (SmCriterion) order[k],
                                        chance (g, 0.75)
                                            ? SM_DIRECTION_HIGHER_FIRST
                                            : SM_DIRECTION_LOWER_FIRST,
                                        NULL);
      if (chance (g, 0.35))
        sm_priority_rule_set_max_grade_distance (rule, pick (g, 0, 3));
      if (chance (g, 0.3))
        sm_priority_rule_set_min_fit (rule, (SmFit) pick (g, 0, 3));
      if (chance (g, 0.4))
        sm_priority_rule_set_require_qualifications (rule, TRUE);
      /* Service and age counted in whole months or years too, so that
       * the oracle's own counting meets the library's, ties and all. */
      static const SmCriterion dated[] = { SM_CRITERION_SERVICE,
                                           SM_CRITERION_AGE };
      for (guint k = 0; k < G_N_ELEMENTS (dated); k++)
        if (chance (g, 0.4))
          sm_priority_rule_set_granularity (rule, dated[k],
                                            (SmGranularity) pick (g, 1, 2),
                                            NULL);
      GError *error = NULL;
      check_added (g, sm_scenario_add_rule (g->s, rule, &error), &error);
    }
  if (n_rules >= 2 && chance (g, 0.3))
    {
      g_autofree char *id = g_strdup_printf ("r%d",
                                             (int) pick (g, 0, n_rules - 1));
      GError *error = NULL;
      check_added (g, sm_scenario_set_default_rule (g->s, id, &error), &error);
    }
}

/* The positions' shape, drawn before the organisations so that a cap
 * can be set below their seats. */
typedef struct {
  int32_t organisation; /* 0 = R1, 1 = R2, 2 = default */
  int32_t seats;
  int32_t target;
} Shape;

static void
draw_caps (Gen *g, Shape *shape, int32_t n_pos, int32_t *max_out)
{
  for (int32_t org = 0; org < 2; org++)
    {
      int32_t seats = 0;
      max_out[org] = -1;
      for (int32_t j = 0; j < n_pos; j++)
        seats += shape[j].organisation == org ? shape[j].seats : 0;
      if (seats == 0 || !chance (g, org == 0 ? 0.6 : 0.25))
        continue;
      int32_t below = pick (g, 1, 3);
      int32_t max = MAX (1, seats - below);
      int32_t targets = 0;
      for (int32_t j = 0; j < n_pos; j++)
        if (shape[j].organisation == org)
          {
            shape[j].target = pick (g, 0, shape[j].seats);
            targets += shape[j].target;
          }
      for (int32_t j = 0; targets > max; j = (j + 1) % n_pos)
        if (shape[j].organisation == org && shape[j].target > 0)
          {
            shape[j].target--;
            targets--;
          }
      max_out[org] = max;
      g_string_append_printf (g->about, " cap R%d=%d/%d", (int) org + 1,
                              (int) max, (int) seats);
    }
}

static void
add_organisations (Gen *g, const int32_t *max)
{
  const char *ids[] = { "R1", "R2", "D" };
  gboolean default_first = chance (g, 0.5);
  for (int32_t k = 0; k < 3; k++)
    {
      int32_t org = default_first ? (k + 2) % 3 : k;
      SmOrganisationSpec o = SM_ORGANISATION_SPEC_INIT;
      o.id = o.name = ids[org];
      o.kind = org == 2 ? SM_ORGANISATION_KIND_DEFAULT
                        : SM_ORGANISATION_KIND_RECEIVING;
      o.max_headcount = org < 2 ? max[org] : -1;
      GError *error = NULL;
      check_added (g, sm_scenario_add_organisation (g->s, &o, &error), &error);
    }
  const char *units[][2] = {
    { "U-R1", "R1" }, { "U-R2", "R2" }, { "U-D0", "D" }, { "U-D1", "D" }
  };
  for (size_t k = 0; k < G_N_ELEMENTS (units); k++)
    {
      SmUnitSpec u = SM_UNIT_SPEC_INIT;
      u.id = u.name = units[k][0];
      u.organisation_id = units[k][1];
      GError *error = NULL;
      check_added (g, sm_scenario_add_unit (g->s, &u, &error), &error);
    }
}

static const char *
pick_rule (Gen *g, int32_t n_rules, char *buffer, size_t size)
{
  if (n_rules == 0 || chance (g, 0.35))
    return NULL;
  g_snprintf (buffer, size, "r%d", (int) pick (g, 0, n_rules - 1));
  return buffer;
}

static void
add_positions (Gen *g, const Shape *shape, int32_t n_pos, int32_t n_rules,
               int32_t n_functions)
{
  for (int32_t j = 0; j < n_pos; j++)
    {
      char id[16], rule[16];
      g_autofree char *unit = NULL;
      g_auto (GStrv) quals = pick_qualifications (g, 0.25);
      SmPositionSpec p = SM_POSITION_SPEC_INIT;
      if (shape[j].organisation == 2)
        {
          g_snprintf (id, sizeof id, "D%d", (int) j);
          unit = g_strdup_printf ("U-D%d", (int) pick (g, 0, 1));
        }
      else
        {
          g_snprintf (id, sizeof id, "P%d", (int) j);
          unit = g_strdup_printf ("U-R%d", (int) shape[j].organisation + 1);
        }
      p.id = p.title = id;
      p.unit_id = unit;
      p.function_code = functions[pick (g, 0, n_functions - 1)];
      p.grade = pick (g, 6, 11);
      p.seats = shape[j].seats;
      p.target_seats = shape[j].target;
      p.qualifications = (const char *const *) quals;
      p.rule_id = pick_rule (g, n_rules, rule, sizeof rule);
      GError *error = NULL;
      check_added (g, sm_scenario_add_position (g->s, &p, &error), &error);
    }
}

static void
add_employees (Gen *g, int32_t n, int32_t n_functions)
{
  for (int32_t i = 0; i < n; i++)
    {
      char id[16];
      g_snprintf (id, sizeof id, "E%02d", (int) i);
      g_auto (GStrv) quals = pick_qualifications (g, 0.5);
      g_autofree char *unit = g_strdup_printf ("U-D%d", (int) pick (g, 0, 1));
      SmEmployeeSpec e = SM_EMPLOYEE_SPEC_INIT;
      e.id = e.name = id;
      e.function_code = functions[pick (g, 0, n_functions - 1)];
      e.unit_id = unit;
      e.grade = pick (g, 5, 12);
      e.service_start = pick_date (g, 1985, 5, 6);
      e.birth_date = pick_date (g, 1955, 5, 10);
      e.qualifications = (const char *const *) quals;
      GError *error = NULL;
      check_added (g, sm_scenario_add_employee (g->s, &e, &error), &error);
    }
}

static void
add_applications (Gen *g, int32_t n, const Shape *shape, int32_t n_pos)
{
  g_autofree int32_t *receiving = g_new (int32_t, n_pos);
  int32_t n_recv = 0;
  for (int32_t j = 0; j < n_pos; j++)
    if (shape[j].organisation != 2)
      receiving[n_recv++] = j;
  for (int32_t i = 0; i < n; i++)
    {
      int32_t k_max = pick (g, 0, MIN (4, n_recv));
      gboolean gaps = chance (g, 0.2);
      for (int32_t k = 0; k < k_max; k++)
        {
          int32_t x = pick (g, k, n_recv - 1), t = receiving[k];
          receiving[k] = receiving[x];
          receiving[x] = t;
          char employee[16], position[16];
          g_snprintf (employee, sizeof employee, "E%02d", (int) i);
          g_snprintf (position, sizeof position, "P%d", (int) receiving[k]);
          SmApplicationSpec a = SM_APPLICATION_SPEC_INIT;
          a.employee_id = employee;
          a.position_id = position;
          a.preference = gaps ? 2 * k + 1 : k + 1;
          if (chance (g, 0.5))
            a.committee_score = pick (g, 6, 9);
          if (chance (g, 0.4))
            a.travel_km = (double[]){ 5, 12, 30 }[pick (g, 0, 2)];
          GError *error = NULL;
          check_added (g, sm_scenario_add_application (g->s, &a, &error),
                       &error);
        }
    }
}

/* Up to two manual placements, within the seats of their position and
 * the maximum of its organisation (@max, for R1 and R2). */
static void
add_manual_placements (Gen *g, int32_t n, const Shape *shape, int32_t n_pos,
                       const int32_t *max)
{
  int32_t count = chance (g, 0.5) ? 0 : pick (g, 1, 2);
  g_autofree int32_t *used = g_new0 (int32_t, n_pos);
  g_autofree gboolean *placed = g_new0 (gboolean, n);
  int32_t at_org[3] = { 0, 0, 0 };
  for (int32_t k = 0; k < count; k++)
    {
      int32_t i = pick (g, 0, n - 1), j = pick (g, 0, n_pos - 1);
      int32_t org = shape[j].organisation;
      if (placed[i] || used[j] >= shape[j].seats
          || (org < 2 && max[org] >= 0 && at_org[org] >= max[org]))
        continue;
      placed[i] = TRUE;
      used[j]++;
      at_org[org]++;
      char employee[16], position[16];
      g_snprintf (employee, sizeof employee, "E%02d", (int) i);
      g_snprintf (position, sizeof position, "%s%d",
                  shape[j].organisation == 2 ? "D" : "P", (int) j);
      GError *error = NULL;
      check_added (g,
                   sm_scenario_add_manual_placement (g->s, employee, position,
                                                     "hardship", &error),
                   &error);
      g_string_append_printf (g->about, " manual %s->%s", employee, position);
    }
}

static void
add_relations (Gen *g, int32_t n_functions)
{
  for (int32_t a = 0; a < n_functions; a++)
    for (int32_t b = 0; b < n_functions; b++)
      if (a != b && chance (g, 0.25))
        {
          GError *error = NULL;
          check_added (g,
                       sm_scenario_add_function_relation (g->s, functions[a],
                                                          functions[b],
                                                          (SmFit) pick (g, 1,
                                                                        3),
                                                          &error),
                       &error);
        }
}

static void
add_settings (Gen *g)
{
  sm_scenario_set_seed (g->s, ((uint64_t) g_rand_int (g->rand) << 32)
                                  | g_rand_int (g->rand));
  SmTieBreaking tb = chance (g, 0.5) ? SM_TIE_BREAKING_SINGLE
                                     : SM_TIE_BREAKING_PER_POSITION;
  sm_scenario_set_tie_breaking (g->s, tb);
  sm_scenario_set_reference_date (g->s, (SmDate){ 2018, 10, 1 });
  if (chance (g, 0.35))
    {
      int32_t years = chance (g, 0.5) ? 5 : 10;
      sm_scenario_set_reduction (g->s, SM_REDUCTION_REFLECTION, years);
      g_string_append_printf (g->about, " reflection/%d", (int) years);
    }
  g_string_append (g->about, tb == SM_TIE_BREAKING_SINGLE
                                 ? " single-lot"
                                 : " per-position-lot");
}

/* A scenario drawn from @seed (transfer full), or NULL when the
 * generator made one the scenario API refuses. */
static SmScenario *
generate (guint32 seed, GString *about)
{
  Gen g = { g_rand_new_with_seed (seed), sm_scenario_new (), about, FALSE };
  int32_t n = pick (&g, 5, 30), n_recv = pick (&g, 2, 8);
  int32_t n_def = pick (&g, 1, 4), n_pos = n_recv + n_def;
  int32_t n_functions = pick (&g, 3, 5), n_rules = pick (&g, 0, 3);
  g_string_append_printf (about, "%d employees, %d+%d positions, %d rules",
                          (int) n, (int) n_recv, (int) n_def, (int) n_rules);
  g_autofree Shape *shape = g_new (Shape, n_pos);
  for (int32_t j = 0; j < n_pos; j++)
    {
      shape[j].organisation = j < n_recv ? (chance (&g, 0.6) ? 0 : 1) : 2;
      shape[j].seats = chance (&g, 0.5) ? 1 : pick (&g, 2, 3);
      shape[j].target = -1;
    }
  int32_t max[2];
  draw_caps (&g, shape, n_pos, max);
  add_organisations (&g, max);
  add_rules (&g, n_rules);
  add_relations (&g, n_functions);
  add_positions (&g, shape, n_pos, n_rules, n_functions);
  add_employees (&g, n, n_functions);
  add_applications (&g, n, shape, n_pos);
  add_manual_placements (&g, n, shape, n_pos, max);
  add_settings (&g);
  g_rand_free (g.rand);
  if (g.failed)
    g_clear_pointer (&g.s, sm_scenario_free);
  return g.s;
}

/* ---- running the oracle on the generated scenarios ----------------------- */

/* The findings of one kind over all scenarios, and the smallest
 * scenario that shows one. */
typedef struct {
  int32_t count;
  int32_t scenarios;
  guint32 seed;
  int32_t size;
  char *message;
  char *about;
} KindSummary;

typedef struct {
  gboolean done;
  int32_t run;
  int32_t infeasible;
  int32_t broken; /* the generator or sm_scenario_place failed */
  KindSummary kind[SM_ORACLE_N_CHECKS];
  /* what the placements exercised */
  int32_t reasons[SM_REASON_REFLECTION + 2]; /* and a manual seat */
  int32_t binding_caps; /* scenarios whose cap decides who is placed */
  int32_t reflections;  /* positions where the reflection principle chose */
  int32_t manual;       /* scenarios with a manual placement */
  int32_t lot_refusals; /* refusals the lot decided */
  int32_t depends;      /* people whose outcome depended on the draw */
  /* the same scenarios placed again with improvement cycles */
  int32_t cycles_run;      /* placements with cycles */
  int32_t improved;        /* people the cycles moved */
  int32_t cycles_refusals; /* refusals the lot and the cycles decided */
  int32_t cycles_lots;     /* refusals with cycles the lot alone decided */
} Summary;

static Summary summary;

static void
dump_scenario (const SmScenario *s, guint32 seed)
{
  const char *dir = g_getenv ("SM_ORACLE_DUMP");
  if (dir == NULL)
    return;
  g_autofree char *name = g_strdup_printf ("seed-%u.json", seed);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GError *error = NULL;
  if (!sm_scenario_save_json (s, path, &error))
    {
      fprintf (stderr, "could not save %s: %s\n", path, error->message);
      g_clear_error (&error);
    }
}

static void
note_findings (const SmScenario *s, guint32 seed, const char *about,
               const GPtrArray *findings)
{
  int32_t size = sm_scenario_get_n_employees (s)
                 + sm_scenario_get_n_positions (s);
  gboolean seen[SM_ORACLE_N_CHECKS] = { FALSE };
  for (guint k = 0; k < findings->len; k++)
    {
      const SmOracleFinding *f = g_ptr_array_index (findings, k);
      KindSummary *ks = &summary.kind[f->check];
      if (g_getenv ("SM_ORACLE_VERBOSE") != NULL)
        printf ("  seed %u: %s: %s\n", seed, sm_oracle_check_name (f->check),
                f->message);
      ks->count++;
      if (!seen[f->check])
        ks->scenarios++;
      seen[f->check] = TRUE;
      if (ks->message != NULL && ks->size <= size)
        continue;
      g_free (ks->message);
      g_free (ks->about);
      ks->message = g_strdup (f->message);
      ks->about = g_strdup (about);
      ks->seed = seed;
      ks->size = size;
      dump_scenario (s, seed);
    }
}

static void
note_coverage (const SmPlacement *placement, const SmOracleObserved *ob)
{
  for (int32_t i = 0; i < ob->n_employees; i++)
    for (guint k = 0; k < ob->refusals[i]->len; k++)
      {
        SmReason reason = g_array_index (ob->refusals[i], SmRefusal, k).reason;
        if ((int) reason >= 0 && (int) reason <= SM_REASON_REFLECTION + 1)
          summary.reasons[reason]++;
      }
  for (int32_t i = 0; i < ob->n_employees; i++)
    {
      for (guint k = 0; k < ob->lots[i]->len; k++)
        summary.lot_refusals +=
            g_array_index (ob->lots[i], SmOracleLots, k).decided != FALSE;
      summary.depends += ob->depends[i] != FALSE;
    }
  for (int32_t j = 0; j < ob->n_positions; j++)
    summary.reflections += ob->results[j].reflection != FALSE;
  summary.binding_caps += sm_market_caps_bind (
      sm_placement_get_market (placement));
  summary.manual += sm_scenario_get_n_manual_placements (
                        sm_placement_get_scenario (placement))
                    > 0;
}

static void
note_cycles (const SmPlacement *placement, const SmOracleObserved *ob)
{
  summary.cycles_run++;
  summary.improved += sm_placement_get_n_improved (placement);
  for (int32_t i = 0; i < ob->n_employees; i++)
    for (guint k = 0; k < ob->refusals[i]->len; k++)
      {
        const SmRefusal *r = &g_array_index (ob->refusals[i], SmRefusal, k);
        summary.cycles_refusals += r->criterion == SM_DECIDED_BY_CYCLES;
        summary.cycles_lots += r->criterion == SM_DECIDED_BY_LOT;
      }
}

/* The scenario placed again with improvement cycles, checked against the
 * placement without them (@da) and the rules; the scenario is left as it
 * was. */
static void
run_cycles (SmScenario *s, guint32 seed, const char *about,
            const SmPlacement *da)
{
  GError *error = NULL;
  sm_scenario_set_improvement_cycles (s, TRUE);
  g_autoptr (SmPlacement) placement = sm_scenario_place (s, &error);
  sm_scenario_set_improvement_cycles (s, FALSE);
  if (placement == NULL)
    {
      fprintf (stderr, "seed %u with cycles: %s\n", seed, error->message);
      summary.broken++;
      g_clear_error (&error);
      return;
    }
  g_autoptr (SmOracleObserved) observed = sm_oracle_observe (placement);
  sm_oracle_observe_da (observed, da);
  note_cycles (placement, observed);
  g_autoptr (GPtrArray) findings = sm_oracle_check (s, observed);
  g_autofree char *with = g_strconcat (about, " improvement-cycles", NULL);
  note_findings (s, seed, with, findings);
}

static void
run_seed (guint32 seed)
{
  g_autoptr (GString) about = g_string_new ("");
  g_autoptr (SmScenario) s = generate (seed, about);
  if (s == NULL)
    {
      summary.broken++;
      return;
    }
  GError *error = NULL;
  g_autoptr (SmPlacement) placement = sm_scenario_place (s, &error);
  if (placement == NULL)
    {
      /* Manual placements can raise a capped organisation's target seats
       * above its maximum: a refusal the scenario deserves. */
      if (error->domain == SM_ERROR && error->code == SM_ERROR_INFEASIBLE)
        summary.infeasible++;
      else
        {
          fprintf (stderr, "seed %u: %s\n", seed, error->message);
          summary.broken++;
        }
      g_clear_error (&error);
      return;
    }
  summary.run++;
  g_autoptr (SmOracleObserved) observed = sm_oracle_observe (placement);
  note_coverage (placement, observed);
  g_autoptr (GPtrArray) findings = sm_oracle_check (s, observed);
  note_findings (s, seed, about->str, findings);
  run_cycles (s, seed, about->str, placement);
}

static void
seed_range (guint32 *first, guint32 *last)
{
  *first = FIRST_SEED;
  *last = FIRST_SEED + N_SEEDS - 1;
  const char *env = g_getenv ("SM_ORACLE_SEEDS");
  if (env != NULL)
    sscanf (env, "%u:%u", first, last);
}

static void
ensure_run (void)
{
  if (summary.done)
    return;
  summary.done = TRUE;
  guint32 first, last;
  seed_range (&first, &last);
  for (guint32 seed = first; seed <= last; seed++)
    run_seed (seed);
  printf ("\n  oracle: %d scenarios placed, %d refused as infeasible, "
          "%d broken (seeds %u to %u)\n",
          summary.run, summary.infeasible, summary.broken, first, last);
  printf ("  refusals: %d not eligible, %d full, %d cap, %d manual, %d "
          "reflection, %d manual seat; %d scenarios with a binding cap, %d "
          "with manual placements; %d reflected positions\n",
          summary.reasons[SM_REASON_NOT_ELIGIBLE],
          summary.reasons[SM_REASON_FULL], summary.reasons[SM_REASON_CAP],
          summary.reasons[SM_REASON_MANUAL],
          summary.reasons[SM_REASON_REFLECTION],
          summary.reasons[SM_REASON_REFLECTION + 1], summary.binding_caps,
          summary.manual, summary.reflections);
  printf ("  the lot: %d refusals decided by it, %d people whose outcome "
          "depended on the draw\n",
          summary.lot_refusals, summary.depends);
  printf ("  with improvement cycles: %d placements, %d people moved, %d "
          "refusals decided by the lot and the cycles, %d by the lot "
          "alone\n",
          summary.cycles_run, summary.improved, summary.cycles_refusals,
          summary.cycles_lots);
  for (int k = 0; k < SM_ORACLE_N_CHECKS; k++)
    if (summary.kind[k].count > 0)
      printf ("  %-15s %4d findings in %3d scenarios; smallest: seed %u "
              "(%s): %s\n",
              sm_oracle_check_name ((SmOracleCheck) k), summary.kind[k].count,
              summary.kind[k].scenarios, summary.kind[k].seed,
              summary.kind[k].about, summary.kind[k].message);
}

static void
assert_no_findings (SmOracleCheck check)
{
  ensure_run ();
  CU_ASSERT_EQUAL (summary.kind[check].count, 0);
}

static void
test_generated_scenarios (void)
{
  ensure_run ();
  /* Every draw is a scenario the API accepts, and nearly all can be
   * placed, so the checks below see a few hundred placements. */
  CU_ASSERT_EQUAL (summary.broken, 0);
  CU_ASSERT (summary.run >= 9 * (summary.run + summary.infeasible) / 10);
  /* ... and every kind of refusal, binding caps, manual placements and
   * the reflection principle many times over. */
  for (int r = 0; r <= SM_REASON_REFLECTION; r++)
    CU_ASSERT (summary.reasons[r] >= 20);
  CU_ASSERT (summary.binding_caps >= 100);
  CU_ASSERT (summary.manual >= 100);
  CU_ASSERT (summary.reflections >= 50);
  CU_ASSERT (summary.lot_refusals >= 20);
  CU_ASSERT (summary.depends >= 40);
}

/* The same scenarios with improvement cycles: all placed, people moved,
 * and ties the cycles decided as well as ties the lot alone decided, so
 * the checks above saw both kinds of explanation. */
static void
test_cycles_placed (void)
{
  ensure_run ();
  CU_ASSERT_EQUAL (summary.cycles_run, summary.run);
  CU_ASSERT (summary.improved > 0);
  CU_ASSERT (summary.cycles_refusals > 0);
  CU_ASSERT (summary.cycles_lots > 0);
}

static void
test_improvement (void)
{
  assert_no_findings (SM_ORACLE_IMPROVEMENT);
}

static void
test_lists (void)
{
  assert_no_findings (SM_ORACLE_LIST);
}
static void
test_orders (void)
{
  assert_no_findings (SM_ORACLE_ORDER);
}
static void
test_lottery (void)
{
  assert_no_findings (SM_ORACLE_LOTTERY);
}
static void
test_outcomes (void)
{
  assert_no_findings (SM_ORACLE_OUTCOME);
}
static void
test_stability (void)
{
  assert_no_findings (SM_ORACLE_STABILITY);
}
static void
test_reflection (void)
{
  assert_no_findings (SM_ORACLE_REFLECTION);
}
static void
test_refusals (void)
{
  assert_no_findings (SM_ORACLE_REFUSALS);
}
static void
test_reasons (void)
{
  assert_no_findings (SM_ORACLE_REASON);
}
static void
test_filters (void)
{
  assert_no_findings (SM_ORACLE_FILTER);
}
static void
test_ranks (void)
{
  assert_no_findings (SM_ORACLE_RANK);
}
static void
test_cutoffs (void)
{
  assert_no_findings (SM_ORACLE_CUTOFF);
}
static void
test_criteria (void)
{
  assert_no_findings (SM_ORACLE_CRITERION);
}
static void
test_position_results (void)
{
  assert_no_findings (SM_ORACLE_POSITION_RESULT);
}

/* ---- hand-made scenarios --------------------------------------------------
 * The smallest scenarios that show each kind of untrue explanation the
 * generated ones found, run through the same oracle: nothing here states
 * a result, the oracle works it out. */

static void
ok (gboolean done, GError **error)
{
  SM_ASSERT_NO_ERROR (*error);
  CU_ASSERT_TRUE (done);
}

/* Default organisation D with unit U-D; receiving organisation R (with
 * headcount maximum @max, -1 for none) with unit U-R. */
static SmScenario *
hand_scenario (int32_t max)
{
  GError *error = NULL;
  SmScenario *s = sm_scenario_new ();
  SmOrganisationSpec o = SM_ORGANISATION_SPEC_INIT;
  o.id = o.name = "D";
  o.kind = SM_ORGANISATION_KIND_DEFAULT;
  ok (sm_scenario_add_organisation (s, &o, &error), &error);
  o.id = o.name = "R";
  o.kind = SM_ORGANISATION_KIND_RECEIVING;
  o.max_headcount = max;
  ok (sm_scenario_add_organisation (s, &o, &error), &error);
  SmUnitSpec u = SM_UNIT_SPEC_INIT;
  u.id = u.name = "U-D";
  u.organisation_id = "D";
  ok (sm_scenario_add_unit (s, &u, &error), &error);
  u.id = u.name = "U-R";
  u.organisation_id = "R";
  ok (sm_scenario_add_unit (s, &u, &error), &error);
  sm_scenario_set_reference_date (s, (SmDate){ 2018, 10, 1 });
  return s;
}

static void
hand_position (SmScenario *s, const char *id, const char *unit, int32_t grade,
               int32_t seats, int32_t target, const char *rule)
{
  GError *error = NULL;
  SmPositionSpec p = SM_POSITION_SPEC_INIT;
  p.id = p.title = id;
  p.unit_id = unit;
  p.function_code = "ADM";
  p.grade = grade;
  p.seats = seats;
  p.target_seats = target;
  p.rule_id = rule;
  ok (sm_scenario_add_position (s, &p, &error), &error);
}

static void
hand_employee_since (SmScenario *s, const char *id, int32_t grade,
                     SmDate service_start)
{
  GError *error = NULL;
  SmEmployeeSpec e = SM_EMPLOYEE_SPEC_INIT;
  e.id = e.name = id;
  e.function_code = "ADM";
  e.unit_id = "U-D";
  e.grade = grade;
  e.service_start = service_start;
  e.birth_date = (SmDate){ 1970, 1, 1 };
  ok (sm_scenario_add_employee (s, &e, &error), &error);
}

static void
hand_employee (SmScenario *s, const char *id, int32_t grade,
               int32_t service_year)
{
  hand_employee_since (s, id, grade, (SmDate){ service_year, 1, 1 });
}

static void
hand_apply (SmScenario *s, const char *employee, const char *position)
{
  GError *error = NULL;
  SmApplicationSpec a = SM_APPLICATION_SPEC_INIT;
  a.employee_id = employee;
  a.position_id = position;
  a.preference = 1;
  ok (sm_scenario_add_application (s, &a, &error), &error);
}

/* Places @s and asserts that the oracle finds everything true, printing
 * what it does not. */
static void
assert_oracle_agrees (const SmScenario *s)
{
  GError *error = NULL;
  g_autoptr (SmPlacement) placement = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  g_autoptr (SmOracleObserved) ob = sm_oracle_observe (placement);
  g_autoptr (GPtrArray) findings = sm_oracle_check (s, ob);
  for (guint k = 0; k < findings->len; k++)
    {
      const SmOracleFinding *f = g_ptr_array_index (findings, k);
      printf ("\n    %s: %s", sm_oracle_check_name (f->check), f->message);
    }
  if (findings->len > 0)
    printf ("\n");
  CU_ASSERT_EQUAL (findings->len, 0);
}

/* D-ADM (1 seat, grade 10) ranks by a rule that also admits nobody more
 * than 0 grades away: the filter does not apply to the own-function
 * position, so X (grade 8) is ranked there, second behind Y by service.
 * X is supernumerary because the seat is full, not because X is not
 * eligible. */
static void
test_hand_own_function_filter (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = hand_scenario (-1);
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("strict");
  ok (sm_priority_rule_add_criterion (rule, SM_CRITERION_SERVICE,
                                      SM_DIRECTION_HIGHER_FIRST, &error),
      &error);
  sm_priority_rule_set_max_grade_distance (rule, 0);
  ok (sm_scenario_add_rule (s, rule, &error), &error);
  hand_position (s, "D-ADM", "U-D", 10, 1, -1, "strict");
  hand_employee (s, "X", 8, 2000);
  hand_employee (s, "Y", 10, 1990);
  assert_oracle_agrees (s);
}

/* R may hold 1 person; P has 2 seats of which 1 is a target seat. X and
 * Y apply; X (longer service) takes the target seat and the cap keeps
 * the second seat closed to Y. Y's refusal is the cap, with the cutoff
 * at X's place 1: someone was admitted. */
static void
test_hand_cap_cutoff (void)
{
  g_autoptr (SmScenario) s = hand_scenario (1);
  hand_position (s, "P", "U-R", 10, 2, 1, NULL);
  hand_employee (s, "X", 10, 1990);
  hand_employee (s, "Y", 10, 2000);
  hand_apply (s, "X", "P");
  hand_apply (s, "Y", "P");
  assert_oracle_agrees (s);
}

/* The reflection principle chooses who keeps the places of a function,
 * but D-ADM's one seat is taken by M's manual placement: nothing is left
 * to choose. X is supernumerary because a manual placement took the
 * seat; and Z, placed at P, keeps the place the rule gives Z in D-ADM's
 * order (ahead of X by service). */
static void
test_hand_reflection_manual (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = hand_scenario (-1);
  sm_scenario_set_reduction (s, SM_REDUCTION_REFLECTION, 10);
  hand_position (s, "D-ADM", "U-D", 10, 1, -1, NULL);
  hand_position (s, "P", "U-R", 10, 1, -1, NULL);
  hand_employee (s, "M", 10, 2010);
  hand_employee (s, "X", 10, 2000);
  hand_employee (s, "Z", 10, 1990);
  hand_apply (s, "Z", "P");
  ok (sm_scenario_add_manual_placement (s, "M", "D-ADM", "hardship", &error),
      &error);
  assert_oracle_agrees (s);
}

/* P has 2 seats; M is placed there by hand, X and Y apply and X has the
 * longer service. Y is refused, but only X was ahead of Y: the seat Y
 * would otherwise have had went to M. With SM_REASON_MANUAL_SEAT in
 * explain.h that is what Y must be told; without it, the position is
 * full and X's service put X ahead. */
static void
test_hand_manual_seat (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = hand_scenario (-1);
  hand_position (s, "P", "U-R", 10, 2, -1, NULL);
  hand_employee (s, "M", 10, 2010);
  hand_employee (s, "X", 10, 1990);
  hand_employee (s, "Y", 10, 2000);
  hand_apply (s, "X", "P");
  hand_apply (s, "Y", "P");
  ok (sm_scenario_add_manual_placement (s, "M", "P", "hardship", &error),
      &error);
  assert_oracle_agrees (s);
}

/* X has 8 years and 9 months of service on 1 October 2018, Y 8 years and
 * 4 months; both apply to P (1 seat), whose rule counts service in
 * @granularity. In whole years they are tied and the lot decides: the
 * one refused is told so, with both lottery numbers (theirs the higher),
 * and both outcomes depended on the draw. In months X is first by
 * service and nothing depended on the draw. */
static void
hand_lot (SmGranularity granularity)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = hand_scenario (-1);
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("service");
  ok (sm_priority_rule_add_criterion (rule, SM_CRITERION_SERVICE,
                                      SM_DIRECTION_HIGHER_FIRST, &error),
      &error);
  ok (sm_priority_rule_set_granularity (rule, SM_CRITERION_SERVICE, granularity,
                                        &error),
      &error);
  ok (sm_scenario_add_rule (s, rule, &error), &error);
  hand_position (s, "P", "U-R", 10, 1, -1, "service");
  hand_position (s, "D-ADM", "U-D", 10, 2, -1, NULL);
  hand_employee_since (s, "X", 10, (SmDate){ 2010, 1, 1 });
  hand_employee_since (s, "Y", 10, (SmDate){ 2010, 6, 1 });
  hand_apply (s, "X", "P");
  hand_apply (s, "Y", "P");
  assert_oracle_agrees (s);
  g_autoptr (SmPlacement) p = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (p);
  SmEmployeeOutcome out[2];
  sm_placement_get_outcome (p, 0, &out[0]);
  sm_placement_get_outcome (p, 1, &out[1]);
  int32_t loser = out[0].status == SM_STATUS_PLACED ? 1 : 0;
  CU_ASSERT_EQUAL (out[1 - loser].status, SM_STATUS_PLACED);
  CU_ASSERT_EQUAL (sm_placement_get_n_refusals (p, loser), 1);
  SmRefusal r;
  CU_ASSERT_TRUE_FATAL (sm_placement_get_refusal (p, loser, 0, &r));
  uint64_t own = 0, cutoff = 0;
  gboolean by_lot = sm_placement_get_refusal_lots (p, loser, 0, &own, &cutoff);
  CU_ASSERT_EQUAL (r.reason, SM_REASON_FULL);
  CU_ASSERT_EQUAL (r.rank, 2);
  CU_ASSERT_EQUAL (r.cutoff, 1);
  if (granularity == SM_GRANULARITY_YEARS)
    {
      CU_ASSERT_EQUAL (r.criterion, SM_DECIDED_BY_LOT);
      CU_ASSERT_TRUE (by_lot);
      CU_ASSERT_TRUE (own > cutoff);
      CU_ASSERT_TRUE (sm_placement_depends_on_lot (p, 0));
      CU_ASSERT_TRUE (sm_placement_depends_on_lot (p, 1));
    }
  else
    {
      CU_ASSERT_EQUAL (loser, 1);
      CU_ASSERT_EQUAL (r.criterion, 0);
      CU_ASSERT_FALSE (by_lot);
      CU_ASSERT_EQUAL (own, 0); /* left untouched */
      CU_ASSERT_FALSE (sm_placement_depends_on_lot (p, 0));
      CU_ASSERT_FALSE (sm_placement_depends_on_lot (p, 1));
    }
  /* Out of range: FALSE, nothing written. */
  CU_ASSERT_FALSE (sm_placement_get_refusal_lots (p, loser, 1, &own, NULL));
  CU_ASSERT_FALSE (sm_placement_get_refusal_lots (p, 7, 0, &own, NULL));
  CU_ASSERT_FALSE (sm_placement_depends_on_lot (p, -1));
}

static void
test_hand_lot_whole_years (void)
{
  hand_lot (SM_GRANULARITY_YEARS);
}

static void
test_hand_lot_months (void)
{
  hand_lot (SM_GRANULARITY_MONTHS);
}

/* ---- every check can fail ---------------------------------------------------
 * Each test below takes the first generated placement that the oracle
 * finds entirely true and to which the falsification applies, changes
 * one fact of what the library said, and asserts that the oracle names
 * that check. */

typedef gboolean (*Falsify) (const SmScenario *s, SmOracleObserved *ob);

static void
assert_caught (Falsify falsify, SmOracleCheck check)
{
  for (guint32 seed = FIRST_SEED; seed < FIRST_SEED + 2000; seed++)
    {
      g_autoptr (GString) about = g_string_new ("");
      g_autoptr (SmScenario) s = generate (seed, about);
      g_autoptr (SmPlacement)
          placement = s != NULL ? sm_scenario_place (s, NULL) : NULL;
      if (placement == NULL)
        continue;
      g_autoptr (SmOracleObserved) ob = sm_oracle_observe (placement);
      g_autoptr (GPtrArray) before = sm_oracle_check (s, ob);
      if (before->len != 0 || !falsify (s, ob))
        continue;
      g_autoptr (GPtrArray) after = sm_oracle_check (s, ob);
      CU_ASSERT_TRUE (sm_oracle_findings_have (after, check));
      return;
    }
  CU_FAIL ("no generated placement to falsify");
}

static gboolean
drop_list_entry (const SmScenario *s, SmOracleObserved *ob)
{
  (void) s;
  for (int32_t i = 0; i < ob->n_employees; i++)
    if (ob->lists[i]->len > 0)
      {
        g_array_set_size (ob->lists[i], ob->lists[i]->len - 1);
        return TRUE;
      }
  return FALSE;
}

static int32_t
default_organisation (const SmScenario *s)
{
  for (int32_t k = 0; k < sm_scenario_get_n_organisations (s); k++)
    {
      SmOrganisationSpec o;
      sm_scenario_get_organisation (s, k, &o);
      if (o.kind == SM_ORGANISATION_KIND_DEFAULT)
        return k;
    }
  return -1;
}

static gboolean
is_receiving (const SmScenario *s, int32_t j)
{
  SmPositionSpec p;
  SmUnitSpec u;
  sm_scenario_get_position (s, j, &p);
  sm_scenario_get_unit (s, sm_scenario_find_unit (s, p.unit_id), &u);
  return sm_scenario_find_organisation (s, u.organisation_id)
         != default_organisation (s);
}

static gboolean
is_manual (const SmScenario *s, int32_t i)
{
  SmEmployeeSpec e;
  sm_scenario_get_employee (s, i, &e);
  for (int32_t k = 0; k < sm_scenario_get_n_manual_placements (s); k++)
    {
      const char *employee, *position, *reason;
      sm_scenario_get_manual_placement (s, k, &employee, &position, &reason);
      if (g_str_equal (employee, e.id))
        return TRUE;
    }
  return FALSE;
}

/* Swaps two neighbours that the rule's criteria order. */
static gboolean
swap_ordered_pair (const SmScenario *s, SmOracleObserved *ob)
{
  for (int32_t j = 0; j < ob->n_positions; j++)
    for (guint k = 1; is_receiving (s, j) && k < ob->orders[j]->len; k++)
      {
        int32_t *a = &g_array_index (ob->orders[j], int32_t, k - 1);
        int32_t *b = a + 1;
        if (is_manual (s, *a) || is_manual (s, *b)
            || sm_oracle_rule_compare (s, j, *a, *b, NULL) >= 0)
          continue;
        int32_t t = *a;
        *a = *b;
        *b = t;
        return TRUE;
      }
  return FALSE;
}

/* Under single tie-breaking, reverses at one position a tie that another
 * position breaks the same way. */
static gboolean
reverse_a_tie (const SmScenario *s, SmOracleObserved *ob)
{
  if (sm_scenario_get_tie_breaking (s) != SM_TIE_BREAKING_SINGLE)
    return FALSE;
  int32_t n = ob->n_employees;
  g_autofree int32_t *seen_at = g_new (int32_t, n * n);
  for (int32_t k = 0; k < n * n; k++)
    seen_at[k] = -1;
  for (int32_t j = 0; j < ob->n_positions; j++)
    {
      GArray *order = ob->orders[j];
      for (guint k1 = 0; is_receiving (s, j) && k1 < order->len; k1++)
        for (guint k2 = k1 + 1; k2 < order->len; k2++)
          {
            int32_t a = g_array_index (order, int32_t, k1);
            int32_t b = g_array_index (order, int32_t, k2);
            if (is_manual (s, a) || is_manual (s, b)
                || sm_oracle_rule_compare (s, j, a, b, NULL) != 0)
              continue;
            if (seen_at[a * n + b] < 0)
              {
                seen_at[a * n + b] = j;
                continue;
              }
            g_array_index (order, int32_t, k1) = b;
            g_array_index (order, int32_t, k2) = a;
            return TRUE;
          }
    }
  return FALSE;
}

static gboolean
relabel_status (const SmScenario *s, SmOracleObserved *ob)
{
  (void) s;
  for (int32_t i = 0; i < ob->n_employees; i++)
    if (ob->outcomes[i].status == SM_STATUS_PLACED)
      {
        ob->outcomes[i].status = SM_STATUS_FOLLOWS_WORK;
        return TRUE;
      }
  return FALSE;
}

/* Makes the employee supernumerary, with every other fact of the
 * outcome consistent with that. */
static void
unplace (const SmScenario *s, SmOracleObserved *ob, int32_t i)
{
  SmEmployeeSpec e;
  sm_scenario_get_employee (s, i, &e);
  ob->outcomes[i] = (SmEmployeeOutcome){ SM_STATUS_SUPERNUMERARY,
                                         default_organisation (s),
                                         sm_scenario_find_unit (s, e.unit_id),
                                         -1, 0 };
}

/* Sends someone placed at a position they applied to home. */
static gboolean
unplace_applicant (const SmScenario *s, SmOracleObserved *ob)
{
  for (int32_t i = 0; i < ob->n_employees; i++)
    if (ob->outcomes[i].status == SM_STATUS_PLACED)
      {
        unplace (s, ob, i);
        return TRUE;
      }
  return FALSE;
}

/* Takes the place of someone the reflection principle kept. */
static gboolean
unplace_keeper (const SmScenario *s, SmOracleObserved *ob)
{
  for (int32_t j = 0; j < ob->n_positions; j++)
    for (int32_t i = 0; ob->results[j].reflection && i < ob->n_employees; i++)
      if (ob->outcomes[i].position == j
          && ob->outcomes[i].status == SM_STATUS_FOLLOWS_WORK)
        {
          unplace (s, ob, i);
          return TRUE;
        }
  return FALSE;
}

static gboolean
drop_refusal (const SmScenario *s, SmOracleObserved *ob)
{
  (void) s;
  for (int32_t i = 0; i < ob->n_employees; i++)
    if (ob->refusals[i]->len > 0)
      {
        g_array_set_size (ob->refusals[i], ob->refusals[i]->len - 1);
        return TRUE;
      }
  return FALSE;
}

/* The first refusal with @reason, or NULL. */
static SmRefusal *
find_refusal (SmOracleObserved *ob, SmReason reason)
{
  for (int32_t i = 0; i < ob->n_employees; i++)
    for (guint k = 0; k < ob->refusals[i]->len; k++)
      if (g_array_index (ob->refusals[i], SmRefusal, k).reason == reason)
        return &g_array_index (ob->refusals[i], SmRefusal, k);
  return NULL;
}

static gboolean
full_to_cap (const SmScenario *s, SmOracleObserved *ob)
{
  (void) s;
  SmRefusal *r = find_refusal (ob, SM_REASON_FULL);
  if (r != NULL)
    r->reason = SM_REASON_CAP;
  return r != NULL;
}

static gboolean
manual_seat_to_full (const SmScenario *s, SmOracleObserved *ob)
{
  (void) s;
  SmRefusal *r = find_refusal (ob, SM_REASON_MANUAL_SEAT);
  if (r != NULL)
    r->reason = SM_REASON_FULL;
  return r != NULL;
}

static void
test_catches_manual_seat (void)
{
  assert_caught (manual_seat_to_full, SM_ORACLE_REASON);
}

static gboolean
blank_filter (const SmScenario *s, SmOracleObserved *ob)
{
  (void) s;
  SmRefusal *r = find_refusal (ob, SM_REASON_NOT_ELIGIBLE);
  if (r != NULL)
    r->filter = SM_FILTER_NONE;
  return r != NULL;
}

static gboolean
shift_rank (const SmScenario *s, SmOracleObserved *ob)
{
  (void) s;
  SmRefusal *r = find_refusal (ob, SM_REASON_FULL);
  if (r != NULL)
    r->rank++;
  return r != NULL;
}

static gboolean
shift_cutoff (const SmScenario *s, SmOracleObserved *ob)
{
  (void) s;
  SmRefusal *r = find_refusal (ob, SM_REASON_FULL);
  if (r != NULL)
    r->cutoff++;
  return r != NULL;
}

static gboolean
change_criterion (const SmScenario *s, SmOracleObserved *ob)
{
  (void) s;
  SmRefusal *r = find_refusal (ob, SM_REASON_FULL);
  if (r != NULL)
    r->criterion = r->criterion == SM_DECIDED_BY_LOT ? SM_DECIDED_BY_NOTHING
                                                     : SM_DECIDED_BY_LOT;
  return r != NULL;
}

static gboolean
overfill_result (const SmScenario *s, SmOracleObserved *ob)
{
  (void) s;
  if (ob->n_positions == 0)
    return FALSE;
  ob->results[0].filled++;
  return TRUE;
}

static gboolean
raise_own_lot (const SmScenario *s, SmOracleObserved *ob)
{
  (void) s;
  for (int32_t i = 0; i < ob->n_employees; i++)
    for (guint k = 0; k < ob->lots[i]->len; k++)
      {
        SmOracleLots *l = &g_array_index (ob->lots[i], SmOracleLots, k);
        if (l->decided)
          {
            l->own++;
            return TRUE;
          }
      }
  return FALSE;
}

static gboolean
deny_lot (const SmScenario *s, SmOracleObserved *ob)
{
  (void) s;
  for (int32_t i = 0; i < ob->n_employees; i++)
    for (guint k = 0; k < ob->lots[i]->len; k++)
      {
        SmOracleLots *l = &g_array_index (ob->lots[i], SmOracleLots, k);
        if (l->decided)
          {
            l->decided = FALSE;
            return TRUE;
          }
      }
  return FALSE;
}

static gboolean
flip_depends (const SmScenario *s, SmOracleObserved *ob)
{
  (void) s;
  for (int32_t i = 0; i < ob->n_employees; i++)
    if (ob->depends[i])
      {
        ob->depends[i] = FALSE;
        return TRUE;
      }
  return FALSE;
}

static void
test_catches_lot_numbers (void)
{
  assert_caught (raise_own_lot, SM_ORACLE_LOT);
  assert_caught (deny_lot, SM_ORACLE_LOT);
}

static void
test_catches_draw (void)
{
  assert_caught (flip_depends, SM_ORACLE_DRAW);
}

static void
test_lots (void)
{
  assert_no_findings (SM_ORACLE_LOT);
}

static void
test_draws (void)
{
  assert_no_findings (SM_ORACLE_DRAW);
}

static void
test_catches_list (void)
{
  assert_caught (drop_list_entry, SM_ORACLE_LIST);
}
static void
test_catches_order (void)
{
  assert_caught (swap_ordered_pair, SM_ORACLE_ORDER);
}
static void
test_catches_lottery (void)
{
  assert_caught (reverse_a_tie, SM_ORACLE_LOTTERY);
}
static void
test_catches_outcome (void)
{
  assert_caught (relabel_status, SM_ORACLE_OUTCOME);
}
static void
test_catches_stability (void)
{
  assert_caught (unplace_applicant, SM_ORACLE_STABILITY);
}
static void
test_catches_reflection (void)
{
  assert_caught (unplace_keeper, SM_ORACLE_REFLECTION);
}
static void
test_catches_refusals (void)
{
  assert_caught (drop_refusal, SM_ORACLE_REFUSALS);
}
static void
test_catches_reason (void)
{
  assert_caught (full_to_cap, SM_ORACLE_REASON);
}
static void
test_catches_filter (void)
{
  assert_caught (blank_filter, SM_ORACLE_FILTER);
}
static void
test_catches_rank (void)
{
  assert_caught (shift_rank, SM_ORACLE_RANK);
}
static void
test_catches_cutoff (void)
{
  assert_caught (shift_cutoff, SM_ORACLE_CUTOFF);
}
static void
test_catches_criterion (void)
{
  assert_caught (change_criterion, SM_ORACLE_CRITERION);
}
static void
test_catches_position_result (void)
{
  assert_caught (overfill_result, SM_ORACLE_POSITION_RESULT);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "generated scenarios are placed", test_generated_scenarios },
    { "market lists follow the compile rules", test_lists },
    { "priority orders follow the rules", test_orders },
    { "single tie-breaking is one draw per person", test_lottery },
    { "outcomes follow the placement rules", test_outcomes },
    { "placements are stable from the scenario's view", test_stability },
    { "reflection keeps the documented people", test_reflection },
    { "the right positions are explained", test_refusals },
    { "every refusal gives the true reason", test_reasons },
    { "not eligible names a filter that refuses", test_filters },
    { "the rank is the place in the order", test_ranks },
    { "the cutoff is the last person admitted", test_cutoffs },
    { "the deciding criterion is the true one", test_criteria },
    { "position results are true", test_position_results },
    { "lottery numbers are drawn as published", test_lots },
    { "who depended on the draw is true", test_draws },
    { "the scenarios are placed with improvement cycles too",
      test_cycles_placed },
    { "improvement cycles improve, keep counts and leave none",
      test_improvement },
    { "hand-made: whole years tie, the lot decides",
      test_hand_lot_whole_years },
    { "hand-made: months separate, no lot", test_hand_lot_months },
    { "hand-made: a filter and the own-function position",
      test_hand_own_function_filter },
    { "hand-made: the cutoff of a cap refusal", test_hand_cap_cutoff },
    { "hand-made: reflection with every seat placed by hand",
      test_hand_reflection_manual },
    { "hand-made: a seat that went to a manual placement",
      test_hand_manual_seat },
    { "a wrong list is caught", test_catches_list },
    { "a wrong order is caught", test_catches_order },
    { "a tie broken two ways is caught", test_catches_lottery },
    { "a wrong status is caught", test_catches_outcome },
    { "a blocking pair is caught", test_catches_stability },
    { "a wrong reflection choice is caught", test_catches_reflection },
    { "a missing refusal is caught", test_catches_refusals },
    { "a wrong reason is caught", test_catches_reason },
    { "a seat lost to a manual placement told otherwise is caught",
      test_catches_manual_seat },
    { "a wrong filter is caught", test_catches_filter },
    { "a wrong rank is caught", test_catches_rank },
    { "a wrong cutoff is caught", test_catches_cutoff },
    { "a wrong criterion is caught", test_catches_criterion },
    { "a wrong position result is caught", test_catches_position_result },
    { "a wrong or missing lottery number is caught", test_catches_lot_numbers },
    { "a wrong dependence on the draw is caught", test_catches_draw },
    { NULL, NULL },
  };
  return sm_test_run_suite ("explain-oracle", cases);
}
