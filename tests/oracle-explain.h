/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: an independent oracle for placements and their
 * explanations.
 *
 * It recomputes, from the scenario alone and through the public getters
 * only, what the documented rules say the placement must be and what
 * each explanation must say, and compares that with what the library
 * reports. It shares no code with lib/scenario: eligibility, fit, the
 * criteria and their directions, the market lists, the capped groups and
 * the reflection principle are worked out again here from the headers
 * and the README. It takes the final priority orders from the compiled
 * market and checks that they agree with the rules wherever the rules
 * decide, and, under single tie-breaking, that every tie is broken the
 * same way at every position; then it draws the lottery numbers itself,
 * from the formula explain.h publishes, and checks that ties are in
 * their order and that explanations give the right numbers.
 *
 * What the library says is first copied into an SmOracleObserved, so the
 * suite can falsify one fact on purpose and see the right check fail.
 */
#pragma once

#include <glib.h>
#include <staffmatch/staffmatch.h>

/* The checks, each enforcing one documented rule (see oracle-explain.c). */
typedef enum {
  SM_ORACLE_LIST,            /* each market list as placement.h compiles it */
  SM_ORACLE_ORDER,           /* each priority order follows its rule */
  SM_ORACLE_LOTTERY,         /* single tie-breaking: one draw per person */
  SM_ORACLE_OUTCOME,         /* statuses, units and preferences */
  SM_ORACLE_STABILITY,       /* no blocking pair from the scenario's view */
  SM_ORACLE_REFLECTION,      /* the reflection principle's choice */
  SM_ORACLE_REFUSALS,        /* which positions get explained, in order */
  SM_ORACLE_REASON,          /* the reason of each refusal */
  SM_ORACLE_FILTER,          /* the filter of a not-eligible refusal */
  SM_ORACLE_RANK,            /* the employee's place at the position */
  SM_ORACLE_CUTOFF,          /* the place of the last person admitted */
  SM_ORACLE_CRITERION,       /* the criterion that decided */
  SM_ORACLE_POSITION_RESULT, /* per-position seats, cutoff, criterion */
  SM_ORACLE_LOT,             /* lottery numbers: the order of ties and the
                                numbers a refusal by lot gives */
  SM_ORACLE_DRAW,            /* whose outcome depended on the draw */
  SM_ORACLE_IMPROVEMENT,     /* improvement cycles: nobody worse off, the
                                same counts, none left */
  SM_ORACLE_N_CHECKS,
} SmOracleCheck;

/* What sm_placement_get_refusal_lots() says of one refusal. */
typedef struct {
  gboolean decided; /* its return value */
  uint64_t own;
  uint64_t cutoff;
} SmOracleLots;

/* What the library reports about one placement, copied out. */
typedef struct {
  int32_t n_employees;
  int32_t n_positions;
  GArray **lists;              /* per employee: market list (int32_t) */
  GArray **orders;             /* per position: priority order (int32_t) */
  SmEmployeeOutcome *outcomes; /* per employee */
  GArray **refusals;           /* per employee: SmRefusal, in order */
  SmPositionResult *results;   /* per position */
  GArray **lots;               /* per employee: SmOracleLots per refusal */
  gboolean *depends;           /* per employee: depends on the draw */
  gboolean cycles;             /* improvement cycles ran */
  int32_t *da_positions;       /* with cycles: per employee, the position
                                  (or -1) of the placement of the same
                                  scenario and seed without them; set by
                                  sm_oracle_observe_da() */
} SmOracleObserved;

/* One disagreement between the library and the recomputed truth. */
typedef struct {
  SmOracleCheck check;
  int32_t employee; /* scenario index, or -1 */
  int32_t position; /* scenario index, or -1 */
  char *message;    /* what the library says and what is true */
} SmOracleFinding;

/* (transfer full): everything the placement reports, copied. */
SmOracleObserved *sm_oracle_observe (const SmPlacement *placement);
void sm_oracle_observed_free (SmOracleObserved *observed);
/* Adds to @observed, a placement with improvement cycles, the outcomes of
 * @da, the same scenario and seed placed without them. */
void sm_oracle_observe_da (SmOracleObserved *observed, const SmPlacement *da);

/* Runs every check of @observed against @scenario. Returns (transfer
 * full) a GPtrArray of SmOracleFinding, empty when all is true. */
GPtrArray *sm_oracle_check (const SmScenario *scenario,
                            const SmOracleObserved *observed);

/* A short name of the check, for reports ("reason", "cutoff", ...). */
const char *sm_oracle_check_name (SmOracleCheck check);

/* Whether @findings holds one of @check. */
gboolean sm_oracle_findings_have (const GPtrArray *findings,
                                  SmOracleCheck check);

/* The filters that refuse the employee's application to the position,
 * as a bit set of (1 << SmFilter); 0 when eligible. Exposed so that the
 * suite can pick a refusal to falsify. */
guint sm_oracle_failing_filters (const SmScenario *scenario, int32_t employee,
                                 int32_t position);

/* How the position's rule orders two of its candidates by its criteria
 * alone: <0 when @a comes first, >0 when @b does, 0 when only the lot can
 * decide; *deciding_out (nullable) gets the criterion's index or
 * SM_DECIDED_BY_LOT. */
int sm_oracle_rule_compare (const SmScenario *scenario, int32_t position,
                            int32_t a, int32_t b, int32_t *deciding_out);

/* The same comparison for many pairs of one scenario: the rules and
 * facts are read once. (transfer full): free with sm_oracle_rules_free(). */
typedef struct _SmOracleRules SmOracleRules;
SmOracleRules *sm_oracle_rules_new (const SmScenario *scenario);
void sm_oracle_rules_free (SmOracleRules *rules);
int sm_oracle_rules_compare (const SmOracleRules *rules, int32_t position,
                             int32_t a, int32_t b, int32_t *deciding_out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmOracleObserved, sm_oracle_observed_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmOracleRules, sm_oracle_rules_free)
