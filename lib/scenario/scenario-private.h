/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the scenario's insides, for the files of the scenario
 * layer (lib/scenario/): the scenario itself, the compiler that turns it
 * into a market (compile.c), the placement, its explanations and the
 * checks of validate.c. The readers and writers of scenario files use the
 * public API only. Not installed.
 *
 * Every record keeps the public spec it was added with, with its strings
 * interned in the scenario (they live as long as the scenario), beside the
 * identifiers it names resolved to indices. Records are stored in the
 * order they were added; an index is a position in that order. Everything
 * here was validated when it was added, so the compiler need not check it
 * again: indices are in range, the unit of an employee belongs to the
 * default organisation, an application's position to a receiving one.
 */
#pragma once

#include <staffmatch/matching.h>
#include <staffmatch/scenario.h>

#include "scenario/report-private.h"

typedef struct {
  SmOrganisationSpec spec;
  int64_t n_target_seats; /* target seats of its positions, summed */
  int32_t n_manual;       /* manual placements at its positions */
} SmOrganisationRecord;

typedef struct {
  SmUnitSpec spec;
  int32_t organisation;    /* index of spec.organisation_id */
  int32_t contract_client; /* index of spec.contract_client_id, or -1 */
} SmUnitRecord;

typedef struct {
  SmPositionSpec spec;  /* qualifications: owned NULL-terminated
                           array of interned strings, or NULL */
  int32_t unit;         /* index of spec.unit_id */
  int32_t organisation; /* the unit's organisation */
  int32_t rule;         /* index in rules of spec.rule_id, or -1 for
                           the scenario's default rule: use
                           sm_scenario__rule_of() */
  int32_t n_manual;     /* manual placements at this position */
} SmPositionRecord;

typedef struct {
  SmEmployeeSpec spec; /* qualifications as for positions */
  int32_t unit;        /* index of spec.unit_id (a unit of the
                          default organisation) */
  int32_t manual;      /* index in manual of their manual
                          placement, or -1 */
  int32_t *apps;       /* indices in applications, by preference
                          (1 first); see sm_scenario__applications_of */
  int32_t n_apps;
  int32_t apps_capacity;
} SmEmployeeRecord;

typedef struct {
  SmApplicationSpec spec;
  int32_t employee; /* index of spec.employee_id */
  int32_t position; /* index of spec.position_id (a position of a
                       receiving organisation) */
} SmApplicationRecord;

typedef struct {
  int32_t employee;
  int32_t position;
  const char *reason; /* interned, not empty */
} SmManualPlacement;

typedef struct {
  const char *from_code; /* interned */
  const char *to_code;   /* interned */
  SmFit fit;
} SmFunctionRelation;

struct _SmScenario {
  gint ref_count;        /* atomic; the last unref frees */
  gint n_placements;     /* atomic; live placements, which freeze
                            the scenario (see sm_scenario__hold) */
  GStringChunk *strings; /* every string of the scenario, once */

  GArray *organisations; /* SmOrganisationRecord */
  GArray *units;         /* SmUnitRecord */
  GArray *positions;     /* SmPositionRecord */
  GArray *employees;     /* SmEmployeeRecord */
  GArray *applications;  /* SmApplicationRecord */
  GArray *manual;        /* SmManualPlacement, in the order added */

  /* identifier -> index + 1 (GINT_TO_POINTER), keys interned */
  GHashTable *organisation_index;
  GHashTable *unit_index;
  GHashTable *position_index;
  GHashTable *employee_index;
  GHashTable *rule_index;

  int32_t default_organisation; /* index, or -1 while none is added */

  GPtrArray *rules;             /* SmPriorityRule, owned copies */
  int32_t default_rule;         /* index set by sm_scenario_set_default_rule,
                                   or -1: the first rule, else builtin_rule */
  SmPriorityRule *builtin_rule; /* sm_priority_rule_new_default() */

  /* from_code -> (to_code -> SmFit + 1), both interned; pairs of equal
   * codes are never stored (a function fits itself as SM_FIT_SAME) */
  GHashTable *fits;
  GArray *relations; /* SmFunctionRelation, in the order added */

  uint64_t seed;
  SmTieBreaking tie_breaking;
  gboolean improvement_cycles; /* stable improvement cycles after the lot */
  SmDate reference_date;
  SmReduction reduction;
  int32_t age_band_years; /* >= 1 */

  SmLetterSettings letters; /* strings interned (letter-settings.c) */
};

static inline const SmOrganisationRecord *
sm_scenario__organisation (const SmScenario *s, int32_t index)
{
  return &g_array_index (s->organisations, SmOrganisationRecord, index);
}

static inline const SmUnitRecord *
sm_scenario__unit (const SmScenario *s, int32_t index)
{
  return &g_array_index (s->units, SmUnitRecord, index);
}

static inline const SmPositionRecord *
sm_scenario__position (const SmScenario *s, int32_t index)
{
  return &g_array_index (s->positions, SmPositionRecord, index);
}

static inline const SmEmployeeRecord *
sm_scenario__employee (const SmScenario *s, int32_t index)
{
  return &g_array_index (s->employees, SmEmployeeRecord, index);
}

static inline const SmApplicationRecord *
sm_scenario__application (const SmScenario *s, int32_t index)
{
  return &g_array_index (s->applications, SmApplicationRecord, index);
}

static inline const SmManualPlacement *
sm_scenario__manual_placement (const SmScenario *s, int32_t index)
{
  return &g_array_index (s->manual, SmManualPlacement, index);
}

/* sm_scenario__applications_of() and sm_scenario__rule_of(), which the
 * reports use too, are in report-private.h. */

/* The scenario's default rule, as above. (transfer none). */
const SmPriorityRule *sm_scenario__default_rule (const SmScenario *scenario);

/* The fit lookup is the public sm_scenario_get_fit(): two hash lookups. */

/* ---- placements hold the scenario ---------------------------------------
 *
 * A placement reads its scenario for as long as it lives (its outcomes
 * are indexed by the scenario's employees, explanations recompute the
 * scenario's rules and lots), so it takes a reference and freezes the
 * scenario: while any placement holds it, the add functions fail with
 * SM_ERROR_IN_USE. Both counts are atomic, so placements of one scenario
 * may be made and freed on several threads. The const is cast away: the
 * counts are bookkeeping, not content. */
void sm_scenario__hold (const SmScenario *scenario);
/* Undoes sm_scenario__hold(); may free the scenario. NULL is allowed. */
void sm_scenario__release (const SmScenario *scenario);

/* ---- the checks that placing makes, shared with sm_scenario_validate ---- */

/* A position's target seats under a cap: its own (all seats for -1),
 * raised to its manual placements, which always hold target seats. */
static inline int32_t
sm_scenario__position_target (const SmPositionRecord *p)
{
  int32_t target = p->spec.target_seats < 0 ? p->spec.seats
                                            : p->spec.target_seats;
  return MAX (target, p->n_manual);
}

/* SM_ERROR_INFEASIBLE when the scenario has no default organisation. */
gboolean sm_scenario__check_default_organisation (const SmScenario *scenario,
                                                  GError **error);

/* SM_ERROR_INFEASIBLE when the target seats of the organisation's
 * positions (sm_scenario__position_target) add up to more than its
 * maximum headcount; TRUE for organisations without a maximum. */
gboolean sm_scenario__check_cap (const SmScenario *scenario,
                                 int32_t organisation, GError **error);

/* SM_ERROR_INFEASIBLE when @side cannot propose in this scenario (the
 * reflection principle's final stage is defined for employees only). */
gboolean sm_scenario__check_side (const SmScenario *scenario, SmSide side,
                                  GError **error);

/* SM_ERROR_INFEASIBLE when @side is the positions and improvement cycles
 * are on: the cycles start from the placement employees propose. */
gboolean sm_scenario__check_cycles_side (const SmScenario *scenario,
                                         SmSide side, GError **error);
