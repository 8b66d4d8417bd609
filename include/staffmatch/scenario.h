/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the scenario, the domain model of a reorganisation.
 *
 * A scenario holds organisations (receiving ones and exactly one default,
 * which takes everyone not placed elsewhere), their units and positions,
 * the employees of the body being split, their applications to positions,
 * the table of function relations that says how well a function fits
 * another, priority rules, manual placements and the run's settings (seed,
 * tie-breaking, improvement cycles, reference date, how supernumeraries are
 * chosen).
 *
 * Everything has a stable string identifier. Adding an item with an
 * identifier that is already taken, or that refers to an identifier that
 * does not exist, fails with a GError naming both identifiers and leaves
 * the scenario unchanged. Items are kept in the order they were added,
 * and that order is part of the input: it decides nothing but the order of
 * outputs and, for extra seats under a headcount cap, the order in which
 * positions receive them.
 *
 * Personal data (names, birth dates) is stored but never written to error
 * messages: errors name employees by their identifier.
 *
 * Employee identifiers become file names (each employee's decision letter
 * is letters/ID.txt), so they must be safe as one on every system: not
 * "." or "..", no '/' or '\\', no control characters and none of
 * < > : " | ? *, at most 200 bytes of UTF-8, no trailing dot or space, and
 * not a name Windows reserves for a device (CON, PRN, AUX, NUL, COM1 to
 * COM9, LPT1 to LPT9, in any case, with or without an extension).
 *
 * Lifetime: a scenario is reference counted. sm_scenario_new() returns
 * one reference; sm_scenario_ref() takes another, sm_scenario_unref()
 * (or its synonym sm_scenario_free()) drops one, and the last one frees
 * the scenario. A placement (placement.h) holds a reference of its own
 * and reads the scenario for as long as it lives, so the caller may drop
 * theirs first. While a placement lives, the scenario's items are
 * frozen: every add function and sm_scenario_set_default_rule() fails
 * with SM_ERROR_IN_USE and changes nothing; free the placements to add
 * again. The run's settings (seed, tie-breaking, improvement cycles,
 * reference date, reduction) may still change, to place again with other
 * settings; a placement keeps the settings it was made with, and its
 * explanations, letters, reports and files state those (sm_placement_get_seed()
 * and the getters beside it, sm_placement_checksum()).
 *
 * Threads: a scenario that is no longer changed may be read, validated
 * and placed by several threads at once; references may be taken and
 * dropped from any thread.
 */
#pragma once

#include <math.h> /* NAN, for SM_APPLICATION_SPEC_INIT */
#include <stdint.h>
#include <glib.h>
#include <staffmatch/export.h>
#include <staffmatch/date.h>
#include <staffmatch/priority.h>

G_BEGIN_DECLS

typedef struct _SmScenario SmScenario;

typedef enum {
  SM_ORGANISATION_KIND_RECEIVING,
  SM_ORGANISATION_KIND_DEFAULT,
} SmOrganisationKind;

/**
 * SmReduction:
 * @SM_REDUCTION_PRIORITY: where a function at the default organisation has
 *   fewer seats than candidates, the position's priority rule decides who
 *   keeps a seat.
 * @SM_REDUCTION_REFLECTION: the reflection principle (afspiegeling): the
 *   candidates are grouped in age bands, the reduction is spread over the
 *   bands in proportion to their size, shortest service first within a
 *   band.
 */
typedef enum {
  SM_REDUCTION_PRIORITY,
  SM_REDUCTION_REFLECTION,
} SmReduction;

/**
 * SmOrganisationSpec:
 * @id: identifier, unique among organisations
 * @name: display name
 * @kind: receiving or default (exactly one default per scenario)
 * @min_headcount: the band's lower end, or -1 for none; a result below it
 *   is reported as vacancies, never forced
 * @max_headcount: the band's upper end (a cap on the people placed at the
 *   organisation's positions), or -1 for none
 */
typedef struct {
  const char *id;
  const char *name;
  SmOrganisationKind kind;
  int32_t min_headcount;
  int32_t max_headcount;
} SmOrganisationSpec;

/* clang-format off */
#define SM_ORGANISATION_SPEC_INIT \
  { NULL, NULL, SM_ORGANISATION_KIND_RECEIVING, -1, -1 }
/* clang-format on */

/**
 * SmUnitSpec:
 * @id: identifier, unique among units
 * @name: display name
 * @organisation_id: the organisation the unit belongs to
 * @contract_client_id: for a unit that works for another organisation
 *   under a service contract, that organisation; else NULL
 * @contract_end_year: the last year the contract runs (e.g. 2024), or 0
 */
typedef struct {
  const char *id;
  const char *name;
  const char *organisation_id;
  const char *contract_client_id;
  int32_t contract_end_year;
} SmUnitSpec;

/* clang-format off */
#define SM_UNIT_SPEC_INIT { NULL, NULL, NULL, NULL, 0 }
/* clang-format on */

/**
 * SmPositionSpec:
 * @id: identifier, unique among positions
 * @title: job title
 * @unit_id: the unit the position belongs to
 * @function_code: the function (used for fit and "mens volgt werk")
 * @grade: salary grade (schaal)
 * @fte: full-time equivalent of one seat, e.g. 1.0 or 0.8
 * @seats: the most people the position takes, 1 or more
 * @target_seats: under a headcount cap, the seats the position is sure
 *   of; seats beyond it are extra and handed out while the cap allows.
 *   -1 means all seats are target seats.
 * @qualifications: (array zero-terminated=1) (nullable): required
 *   qualifications, checked when the rule asks for it
 * @rule_id: the priority rule, or NULL for the scenario's default rule
 */
typedef struct {
  const char *id;
  const char *title;
  const char *unit_id;
  const char *function_code;
  int32_t grade;
  double fte;
  int32_t seats;
  int32_t target_seats;
  const char *const *qualifications;
  const char *rule_id;
} SmPositionSpec;

/* clang-format off */
#define SM_POSITION_SPEC_INIT \
  { NULL, NULL, NULL, NULL, 0, 1.0, 1, -1, NULL, NULL }
/* clang-format on */

/**
 * SmEmployeeSpec:
 * @id: personnel number, unique among employees
 * @name: the person's name (personal data: never in errors or logs)
 * @function_code: current function
 * @unit_id: the unit of the default organisation where their current work
 *   goes (where they are supernumerary if it comes to that)
 * @grade: salary grade
 * @fte: contracted hours as full-time equivalent
 * @service_start: start of service (for years of service)
 * @birth_date: date of birth (for age)
 * @qualifications: (array zero-terminated=1) (nullable): what they hold
 */
typedef struct {
  const char *id;
  const char *name;
  const char *function_code;
  const char *unit_id;
  int32_t grade;
  double fte;
  SmDate service_start;
  SmDate birth_date;
  const char *const *qualifications;
} SmEmployeeSpec;

/* clang-format off */
#define SM_EMPLOYEE_SPEC_INIT \
  { NULL, NULL, NULL, NULL, 0, 1.0, { 0, 0, 0 }, { 0, 0, 0 }, NULL }
/* clang-format on */

/**
 * SmApplicationSpec:
 * @employee_id: who applies
 * @position_id: to which position (of a receiving organisation)
 * @preference: 1 = most wanted; an employee's preferences are distinct
 * @committee_score: the placement committee's advice score, or NAN
 * @travel_km: travel distance to the position, or a negative number when
 *   not given
 */
typedef struct {
  const char *employee_id;
  const char *position_id;
  int32_t preference;
  double committee_score;
  double travel_km;
} SmApplicationSpec;

/* clang-format off */
#define SM_APPLICATION_SPEC_INIT { NULL, NULL, 0, NAN, -1.0 }
/* clang-format on */

/**
 * sm_scenario_new:
 *
 * Makes an empty scenario with the default settings: seed 0,
 * SM_TIE_BREAKING_SINGLE, reference date 2019-01-01, SM_REDUCTION_PRIORITY
 * with age bands of 10 years.
 *
 * Returns: (transfer full): the scenario, with one reference, the
 *   caller's; drop it with sm_scenario_unref().
 */
SM_API SmScenario *sm_scenario_new (void);

/**
 * sm_scenario_ref: (skip)
 * @scenario: a scenario
 *
 * Takes @scenario as const, as its getters give it (the reference count is
 * internal and not part of what const protects), so that a borrowed
 * scenario can be kept.
 * Takes a reference to the scenario.
 * Bindings take and drop references through the boxed type (types.h).
 *
 * Returns: (transfer full): @scenario, with one more reference, the
 *   caller's; drop it with sm_scenario_unref().
 */
SM_API SmScenario *sm_scenario_ref (const SmScenario *scenario);

/**
 * sm_scenario_unref: (skip)
 * @scenario: (nullable) (transfer full): a scenario, or NULL
 *
 * Drops the caller's reference; the last reference frees the scenario.
 * Placements keep their own, so this is safe while they live.
 * Bindings take and drop references through the boxed type (types.h).
 */
SM_API void sm_scenario_unref (SmScenario *scenario);

/**
 * sm_scenario_free: (skip)
 *
 * The same as sm_scenario_unref(): drops the caller's reference, which frees
 * the scenario only when nothing else (no placement, no other
 * sm_scenario_ref()) holds one. NULL is allowed.
 * Bindings free it through its boxed type (types.h).
 */
SM_API void sm_scenario_free (SmScenario *scenario);

/*
 * Adding items: sm_scenario_add_organisation(), _unit(), _position(),
 * _employee() and _application() each add one item, copying every string
 * of the spec (the caller keeps its own). They fail, leaving the scenario
 * unchanged, with SM_ERROR_DUPLICATE_ID for an identifier already taken,
 * SM_ERROR_UNKNOWN_ID for a reference to one that does not exist (both
 * named in the message), SM_ERROR_INVALID_VALUE for a field outside what
 * it allows (each function lists its own), SM_ERROR_INFEASIBLE for what
 * cannot be as a whole, SM_ERROR_TOO_LARGE when the items of the kind
 * would pass INT32_MAX - 1, and SM_ERROR_IN_USE while a placement of the
 * scenario lives.
 *
 * An employee's unit must belong to the default organisation; while the
 * scenario has none, that cannot be checked and employees are taken as
 * they come, but then the scenario cannot be placed until it has one,
 * which can no longer be added (sm_scenario_validate() and
 * sm_scenario_place() report it once).
 */

/**
 * sm_scenario_add_organisation:
 * @scenario: the scenario
 * @spec: the organisation; its strings are copied
 * @error: return location for an error
 *
 * Adds an organisation. Errors (see above): SM_ERROR_DUPLICATE_ID;
 * SM_ERROR_INVALID_VALUE for an empty identifier, a NULL name, a
 * headcount bound below -1, a band whose lower end is above its upper
 * end, or a maximum headcount on the default organisation;
 * SM_ERROR_INFEASIBLE for a second default organisation, or the default
 * organisation added after employees; SM_ERROR_TOO_LARGE;
 * SM_ERROR_IN_USE.
 */
SM_API gboolean sm_scenario_add_organisation (SmScenario *scenario,
                                              const SmOrganisationSpec *spec,
                                              GError **error);
/**
 * sm_scenario_add_unit:
 * @spec: the unit; its strings are copied
 *
 * Adds a unit to an organisation added before. Errors (see above):
 * SM_ERROR_DUPLICATE_ID; SM_ERROR_UNKNOWN_ID for the organisation or the
 * contract client; SM_ERROR_INVALID_VALUE for an empty identifier,
 * organisation or contract client (NULL for none), a NULL name, a contract
 * end year without a client or outside 1900 to 2200; SM_ERROR_INFEASIBLE for
 * a contract with the unit's own organisation; SM_ERROR_TOO_LARGE;
 * SM_ERROR_IN_USE.
 */
SM_API gboolean sm_scenario_add_unit (SmScenario *scenario,
                                      const SmUnitSpec *spec, GError **error);
/**
 * sm_scenario_add_position:
 * @spec: the position; its strings and qualifications are copied
 *
 * Adds a position to a unit added before. Errors (see above):
 * SM_ERROR_DUPLICATE_ID; SM_ERROR_UNKNOWN_ID for the unit or the rule;
 * SM_ERROR_INVALID_VALUE for an empty identifier, unit, rule (NULL for the
 * default rule) or function code, a NULL title, a negative grade, an FTE of 0
 * or less or above 2, seats below 1, target seats below -1 or above the
 * seats, an empty qualification; SM_ERROR_INFEASIBLE when the target seats of
 * the organisation's positions would pass its headcount maximum;
 * SM_ERROR_TOO_LARGE; SM_ERROR_IN_USE.
 */
SM_API gboolean sm_scenario_add_position (SmScenario *scenario,
                                          const SmPositionSpec *spec,
                                          GError **error);
/**
 * sm_scenario_add_employee:
 * @spec: the employee; their strings and qualifications are copied
 *
 * Adds an employee, whose unit (added before) is one of the default
 * organisation's. Errors (see above): SM_ERROR_DUPLICATE_ID;
 * SM_ERROR_UNKNOWN_ID for the unit; SM_ERROR_INVALID_VALUE for an empty
 * identifier or one that cannot be a file name (see the top of this header),
 * an empty unit or function code, a unit of a receiving organisation, a NULL
 * name, a negative grade, an FTE of 0 or less or above 2, a service start or
 * birth date that is set but not a real day from 1900 to 2200, an empty
 * qualification; SM_ERROR_TOO_LARGE; SM_ERROR_IN_USE.
 */
SM_API gboolean sm_scenario_add_employee (SmScenario *scenario,
                                          const SmEmployeeSpec *spec,
                                          GError **error);
/**
 * sm_scenario_add_application:
 * @spec: the application
 *
 * Adds an employee's application to a position, both added before.
 * Errors (see above): SM_ERROR_UNKNOWN_ID for the employee or the
 * position; SM_ERROR_INVALID_VALUE for an empty employee or position, a
 * position of the default organisation, a preference below 1 or one the
 * employee already gave, a second application to the same position, an
 * infinite committee score, a travel distance that is not a number;
 * SM_ERROR_TOO_LARGE; SM_ERROR_IN_USE.
 */
SM_API gboolean sm_scenario_add_application (SmScenario *scenario,
                                             const SmApplicationSpec *spec,
                                             GError **error);

/**
 * sm_scenario_add_function_relation:
 *
 * Says that an employee whose function is @from_code fits a position with
 * function @to_code at level @fit (both codes are copied). A function
 * always fits itself as SM_FIT_SAME; pairs not in the table do not fit
 * (SM_FIT_NONE). The table is directed: a relation from A to B says
 * nothing of B to A.
 *
 * Errors: SM_ERROR_INVALID_VALUE for a missing or empty code or a code
 * related to itself, SM_ERROR_DUPLICATE_ID for a pair given twice,
 * SM_ERROR_IN_USE.
 */
SM_API gboolean sm_scenario_add_function_relation (SmScenario *scenario,
                                                   const char *from_code,
                                                   const char *to_code,
                                                   SmFit fit, GError **error);

/**
 * sm_scenario_add_rule:
 *
 * Adds a priority rule (copied: the caller keeps @rule) under its
 * identifier. The first rule added is the default rule unless
 * sm_scenario_set_default_rule() says otherwise; with no rule at all,
 * sm_priority_rule_new_default() applies.
 *
 * Errors: SM_ERROR_INVALID_VALUE for an empty identifier,
 * SM_ERROR_DUPLICATE_ID for one already taken, SM_ERROR_TOO_LARGE,
 * SM_ERROR_IN_USE.
 */
SM_API gboolean sm_scenario_add_rule (SmScenario *scenario,
                                      const SmPriorityRule *rule,
                                      GError **error);
/**
 * sm_scenario_set_default_rule:
 * @rule_id: the identifier of a rule added before
 *
 * Makes that rule the rule of every position without its own.
 *
 * Errors: SM_ERROR_UNKNOWN_ID when no rule has that identifier,
 * SM_ERROR_IN_USE.
 */
SM_API gboolean sm_scenario_set_default_rule (SmScenario *scenario,
                                              const char *rule_id,
                                              GError **error);

/**
 * sm_scenario_add_manual_placement:
 *
 * The employer's hardship clause: fixes the employee to the position with
 * a written reason (not empty). The allocation places everyone else around
 * it. An employee can have one manual placement; a position cannot take
 * more manual placements than it has seats, nor an organisation more than
 * its headcount maximum. The strings are copied.
 *
 * Errors: SM_ERROR_UNKNOWN_ID for the employee or the position,
 * SM_ERROR_INVALID_VALUE for an empty identifier or a missing or blank
 * reason, SM_ERROR_INFEASIBLE when a limit above would be passed,
 * SM_ERROR_IN_USE.
 */
SM_API gboolean sm_scenario_add_manual_placement (SmScenario *scenario,
                                                  const char *employee_id,
                                                  const char *position_id,
                                                  const char *reason,
                                                  GError **error);

/*
 * The run's settings. They may change while placements of the scenario
 * live (see the top of this header). A value a setter does not allow is a
 * programmer error: it logs a critical and changes nothing.
 */

/**
 * sm_scenario_set_seed:
 *
 * Sets the seed of the lottery that breaks the ties left by the rules (0 in
 * a new scenario).
 */
SM_API void sm_scenario_set_seed (SmScenario *scenario, uint64_t seed);
/**
 * sm_scenario_get_seed:
 *
 * The seed of the lottery.
 */
SM_API uint64_t sm_scenario_get_seed (const SmScenario *scenario);
/**
 * sm_scenario_set_tie_breaking:
 *
 * One lottery draw per employee for all positions, or one per position
 * (SM_TIE_BREAKING_SINGLE in a new scenario).
 */
SM_API void sm_scenario_set_tie_breaking (SmScenario *scenario,
                                          SmTieBreaking tie_breaking);
/**
 * sm_scenario_get_tie_breaking:
 *
 * How ties are broken.
 */
SM_API SmTieBreaking sm_scenario_get_tie_breaking (const SmScenario *scenario);
/**
 * sm_scenario_set_improvement_cycles:
 * @scenario: the scenario
 * @improvement_cycles: whether stable improvement cycles follow the lot
 *
 * Chooses the mechanism together with the tie-breaking: FALSE (in a new
 * scenario) places by employee-proposing deferred acceptance with the
 * lottery alone; TRUE then carries out stable improvement cycles (Erdil
 * and Ergin 2008): tied candidates swap along cycles in which each
 * prefers the next one's position and is among its highest-priority
 * claimants under the rule's ties, until no such cycle is left. More
 * people get a position they prefer, nobody gets a worse one, and the
 * placement stays stable with respect to the rules; but the mechanism is
 * NOT strategy-proof: an employee may gain by misstating their
 * preferences. Headcount caps, manual placements and the reflection
 * principle hold as without cycles (placement.h). Files call the setting
 * improvement_cycles (yes or no in settings.csv, true or false in JSON).
 */
SM_API void sm_scenario_set_improvement_cycles (SmScenario *scenario,
                                                gboolean improvement_cycles);
/**
 * sm_scenario_get_improvement_cycles:
 * @scenario: the scenario
 *
 * Returns: whether stable improvement cycles follow the lot.
 */
SM_API gboolean sm_scenario_get_improvement_cycles (const SmScenario *scenario);
/**
 * sm_scenario_set_reference_date:
 *
 * Sets the date on which ages and years of service are counted, a valid date
 * (2019-01-01 in a new scenario).
 */
SM_API void sm_scenario_set_reference_date (SmScenario *scenario, SmDate date);
/**
 * sm_scenario_get_reference_date:
 *
 * The date on which ages and years of service are counted.
 */
SM_API SmDate sm_scenario_get_reference_date (const SmScenario *scenario);
/**
 * sm_scenario_set_reduction:
 *
 * How supernumeraries are chosen where a function at the default
 * organisation has fewer seats than candidates, and the width of the age
 * bands of the reflection principle, 1 year or more (SM_REDUCTION_PRIORITY
 * and 10 in a new scenario).
 */
SM_API void sm_scenario_set_reduction (SmScenario *scenario,
                                       SmReduction reduction,
                                       int32_t age_band_years);

/* ---- the letters' settings ---------------------------------------------- */

/**
 * SmRegime:
 * @SM_REGIME_PUBLIC_LAW: public law, as for Dutch civil servants before
 *   2020: a draft decision, a response (zienswijze) within two weeks, the
 *   decision, and an objection (bezwaar) within six weeks under the
 *   General Administrative Law Act (Algemene wet bestuursrecht, Awb)
 * @SM_REGIME_EMPLOYMENT_LAW: employment law, as for Dutch civil servants
 *   since 2020: a decision by the employer; disputes go to the
 *   subdistrict court (kantonrechter)
 *
 * The legal regime the decision letters are written under
 * (sm_regime_to_string() in letter.h names it).
 */
typedef enum {
  SM_REGIME_PUBLIC_LAW,
  SM_REGIME_EMPLOYMENT_LAW,
} SmRegime;

/**
 * SmLetterSettings:
 * @version: SM_LETTER_SETTINGS_VERSION; set by SM_LETTER_SETTINGS_INIT (a
 *   function given another version refuses with a critical)
 * @regime: the legal regime of the letters (employment law in a new
 *   scenario: a placement made today is one under employment law; a
 *   scenario of before 2020 says public law)
 * @effective_date: the date the placement takes effect, or { 0, 0, 0 }
 *   for the placement's reference date
 * @letter_date: the date the letters carry, from which the two weeks for
 *   a response count, or { 0, 0, 0 } for none: the letters then carry no
 *   date and count from the day they are received
 * @employer: (nullable): the employer's name, e.g. "Bestuursdienst
 *   Ommen-Hardenberg"
 * @deciding_body: (nullable): who decides, and with whom a response or an
 *   objection is lodged, e.g. "het bestuur van de Bestuursdienst
 *   Ommen-Hardenberg"; NULL for "the employer" in the letter's words
 * @signatory: (nullable): who signs on the deciding body's behalf, e.g.
 *   "J. Jansen, secretaris"
 * @contact: (nullable): whom the employee may ask about the letter, e.g.
 *   "A. de Vries (HR-adviseur), 0523 123 456"
 * @response_address: (nullable): where a response, an objection or (under
 *   employment law) a request to reconsider is sent, e.g. "Postbus 1,
 *   7770 AA Hardenberg" or an e-mail address
 *
 * The facts of the decision letters that are not in the placement: the
 * scenario's own (sm_scenario_set_letter_settings()), which the letters
 * use unless their options give others (letter.h). Each text is one line
 * of at most 200 bytes of UTF-8 without control characters, and not
 * blank; NULL leaves it out.
 */
typedef struct {
  unsigned int version;
  SmRegime regime;
  SmDate effective_date;
  SmDate letter_date;
  const char *employer;
  const char *deciding_body;
  const char *signatory;
  const char *contact;
  const char *response_address;
} SmLetterSettings;

#define SM_LETTER_SETTINGS_VERSION 1u
/* clang-format off */
#define SM_LETTER_SETTINGS_INIT \
  { SM_LETTER_SETTINGS_VERSION, SM_REGIME_EMPLOYMENT_LAW, { 0, 0, 0 }, \
    { 0, 0, 0 }, NULL, NULL, NULL, NULL, NULL }
/* clang-format on */

/**
 * sm_scenario_set_letter_settings:
 * @scenario: the scenario
 * @settings: the settings; their strings are copied
 * @error: return location for an error
 *
 * Sets the facts the decision letters take from the scenario (see
 * SmLetterSettings). Like the run's settings, they may change while
 * placements of the scenario live; the letters read them when they are
 * rendered. They decide nothing in the placement and are not part of
 * sm_scenario_checksum(); the scenario files hold them when they differ
 * from SM_LETTER_SETTINGS_INIT.
 *
 * Errors: SM_ERROR_INVALID_VALUE, changing nothing, for a regime outside
 * SmRegime, a date that is set but is not a real day from 1900 to 2200,
 * or a text that is blank, longer than 200 bytes, not UTF-8 or holds a
 * control character (a line break included).
 *
 * Returns: TRUE when set.
 */
SM_API gboolean sm_scenario_set_letter_settings (
    SmScenario *scenario, const SmLetterSettings *settings, GError **error);

/**
 * sm_scenario_get_letter_settings:
 * @scenario: the scenario
 * @settings_out: (out caller-allocates): filled with the settings, their
 *   strings borrowed from the scenario (valid as long as it lives)
 *
 * Reads the letters' settings back (SM_LETTER_SETTINGS_INIT in a new
 * scenario).
 */
SM_API void sm_scenario_get_letter_settings (const SmScenario *scenario,
                                             SmLetterSettings *settings_out);

/**
 * sm_letter_settings_check:
 * @settings: settings, e.g. made for one run of the letters
 * @error: return location for an error
 *
 * Checks @settings as sm_scenario_set_letter_settings() does, with the
 * same errors, without a scenario.
 *
 * Returns: TRUE when they are fit for a letter.
 */
SM_API gboolean sm_letter_settings_check (const SmLetterSettings *settings,
                                          GError **error);

/**
 * sm_letter_settings_is_default:
 * @settings: settings
 *
 * Returns: TRUE when @settings say nothing but SM_LETTER_SETTINGS_INIT
 *   does: the files leave such settings out.
 */
SM_API gboolean
sm_letter_settings_is_default (const SmLetterSettings *settings);

/* ---- reading the scenario back (all indices follow the order added) ---- */

/**
 * sm_scenario_get_n_organisations:
 *
 * The number of organisations.
 */
SM_API int32_t sm_scenario_get_n_organisations (const SmScenario *scenario);
/**
 * sm_scenario_get_n_units:
 *
 * The number of units.
 */
SM_API int32_t sm_scenario_get_n_units (const SmScenario *scenario);
/**
 * sm_scenario_get_n_positions:
 *
 * The number of positions.
 */
SM_API int32_t sm_scenario_get_n_positions (const SmScenario *scenario);
/**
 * sm_scenario_get_n_employees:
 *
 * The number of employees.
 */
SM_API int32_t sm_scenario_get_n_employees (const SmScenario *scenario);
/**
 * sm_scenario_get_n_applications:
 *
 * The number of applications.
 */
SM_API int32_t sm_scenario_get_n_applications (const SmScenario *scenario);

/*
 * The getters of one item by index (sm_scenario_get_organisation(),
 * _unit(), _position(), _employee(), _application()) fill @spec_out with
 * the item as added, with strings (and the qualifications list) borrowed
 * from the scenario: valid as long as the scenario lives, which a
 * placement's reference also ensures. They return FALSE, leaving
 * @spec_out untouched, when @index is out of range (which is not an
 * error: a loop may stop on it); @spec_out may be NULL to test an index.
 */

/**
 * sm_scenario_get_organisation:
 * @index: 0 .. n-1 in the order added
 * @spec_out: (out caller-allocates) (nullable): filled with borrowed
 *   strings (see above)
 *
 * Returns: TRUE; FALSE, leaving @spec_out untouched, when @index is out of
 *   range.
 */
SM_API gboolean sm_scenario_get_organisation (const SmScenario *scenario,
                                              int32_t index,
                                              SmOrganisationSpec *spec_out);
/**
 * sm_scenario_get_unit:
 * @spec_out: (out caller-allocates) (optional): filled in
 *
 * As sm_scenario_get_organisation(), for the @index-th unit.
 */
SM_API gboolean sm_scenario_get_unit (const SmScenario *scenario, int32_t index,
                                      SmUnitSpec *spec_out);
/**
 * sm_scenario_get_position:
 * @spec_out: (out caller-allocates) (optional): filled in
 *
 * As sm_scenario_get_organisation(), for the @index-th position.
 */
SM_API gboolean sm_scenario_get_position (const SmScenario *scenario,
                                          int32_t index,
                                          SmPositionSpec *spec_out);
/**
 * sm_scenario_get_employee:
 * @spec_out: (out caller-allocates) (optional): filled in
 *
 * As sm_scenario_get_organisation(), for the @index-th employee.
 */
SM_API gboolean sm_scenario_get_employee (const SmScenario *scenario,
                                          int32_t index,
                                          SmEmployeeSpec *spec_out);
/**
 * sm_scenario_get_application:
 * @spec_out: (out caller-allocates) (optional): filled in
 *
 * As sm_scenario_get_organisation(), for the @index-th application (in the
 * order added, not by preference).
 */
SM_API gboolean sm_scenario_get_application (const SmScenario *scenario,
                                             int32_t index,
                                             SmApplicationSpec *spec_out);

/**
 * sm_scenario_find_organisation:
 *
 * The index of the organisation with that identifier, or -1.
 */
SM_API int32_t sm_scenario_find_organisation (const SmScenario *scenario,
                                              const char *id);
/**
 * sm_scenario_find_unit:
 *
 * The index of the unit with that identifier, or -1.
 */
SM_API int32_t sm_scenario_find_unit (const SmScenario *scenario,
                                      const char *id);
/**
 * sm_scenario_find_position:
 *
 * The index of the position with that identifier, or -1.
 */
SM_API int32_t sm_scenario_find_position (const SmScenario *scenario,
                                          const char *id);
/**
 * sm_scenario_find_employee:
 *
 * The index of the employee with that identifier, or -1.
 */
SM_API int32_t sm_scenario_find_employee (const SmScenario *scenario,
                                          const char *id);
/**
 * sm_scenario_find_rule:
 *
 * The index of the rule with that identifier (for sm_scenario_get_rule()),
 * or -1; the built-in default rule, which is not added, is not found.
 */
SM_API int32_t sm_scenario_find_rule (const SmScenario *scenario,
                                      const char *id);

/**
 * sm_scenario_get_fit:
 *
 * The fit of an employee's function @from_code to the function @to_code
 * of a position: SM_FIT_SAME for equal codes, else the relation added, else
 * SM_FIT_NONE.
 */
SM_API SmFit sm_scenario_get_fit (const SmScenario *scenario,
                                  const char *from_code, const char *to_code);

/**
 * sm_scenario_get_reduction:
 * @reduction_out: (out) (optional): gets the value
 * @age_band_years_out: (out) (optional): gets the value
 *
 * How supernumeraries are chosen, and the width of the age bands; either
 * output may be NULL.
 */
SM_API void sm_scenario_get_reduction (const SmScenario *scenario,
                                       SmReduction *reduction_out,
                                       int32_t *age_band_years_out);

/**
 * sm_scenario_get_n_rules:
 *
 * The number of rules added (the built-in default rule, used when none is
 * added, is not counted).
 */
SM_API int32_t sm_scenario_get_n_rules (const SmScenario *scenario);
/**
 * sm_scenario_get_rule:
 * @index: 0 .. n_rules-1, in the order added
 *
 * Returns: (transfer none) (nullable): the @index-th rule, borrowed from
 *   the scenario: valid as long as the scenario lives. NULL when @index
 *   is out of range.
 */
SM_API const SmPriorityRule *sm_scenario_get_rule (const SmScenario *scenario,
                                                   int32_t index);
/**
 * sm_scenario_get_default_rule:
 *
 * Returns: (transfer none): the rule of positions without their own: the
 *   rule named by sm_scenario_set_default_rule(), else the first rule
 *   added, else the built-in sm_priority_rule_new_default(); borrowed
 *   from the scenario, valid as long as it lives. Never NULL.
 */
SM_API const SmPriorityRule *
sm_scenario_get_default_rule (const SmScenario *scenario);

/**
 * sm_scenario_get_n_function_relations:
 *
 * Returns: the number of function relations added.
 */
SM_API int32_t
sm_scenario_get_n_function_relations (const SmScenario *scenario);
/**
 * sm_scenario_get_function_relation:
 * @index: 0 .. n-1, in the order added
 * @from_code_out: (out) (optional) (transfer none): the employee's function
 * @to_code_out: (out) (optional) (transfer none): the position's function
 * @fit_out: (out) (optional): the fit
 *
 * Reads a relation back; the strings are borrowed from the scenario,
 * valid as long as it lives. Every output may be NULL.
 *
 * Returns: TRUE; FALSE, leaving the outputs untouched, when @index is out
 *   of range.
 */
SM_API gboolean sm_scenario_get_function_relation (const SmScenario *scenario,
                                                   int32_t index,
                                                   const char **from_code_out,
                                                   const char **to_code_out,
                                                   SmFit *fit_out);

/**
 * sm_scenario_get_n_manual_placements:
 *
 * Returns: the number of manual placements added.
 */
SM_API int32_t sm_scenario_get_n_manual_placements (const SmScenario *scenario);
/**
 * sm_scenario_get_manual_placement:
 * @index: 0 .. n-1, in the order added
 * @employee_id_out: (out) (optional) (transfer none): the employee
 * @position_id_out: (out) (optional) (transfer none): the position
 * @reason_out: (out) (optional) (transfer none): the reason given
 *
 * Reads a manual placement back; the strings are borrowed from the
 * scenario, valid as long as it lives. Every output may be NULL.
 *
 * Returns: TRUE; FALSE, leaving the outputs untouched, when @index is out
 *   of range.
 */
SM_API gboolean sm_scenario_get_manual_placement (const SmScenario *scenario,
                                                  int32_t index,
                                                  const char **employee_id_out,
                                                  const char **position_id_out,
                                                  const char **reason_out);

/**
 * sm_organisation_kind_to_string:
 *
 * Returns: (transfer none): the value's stable name in files, reports and
 *   the tool ("receiving", "default"), a static string; NULL (with a
 *   critical) for a value outside SmOrganisationKind.
 */
SM_API const char *sm_organisation_kind_to_string (SmOrganisationKind value);
/**
 * sm_organisation_kind_from_string:
 * @value_out: (out) (optional): gets the value
 *
 * Reads a name of sm_organisation_kind_to_string() back into @value_out
 * (which may be NULL); FALSE, leaving it untouched, for an unknown name.
 */
SM_API gboolean sm_organisation_kind_from_string (
    const char *text, SmOrganisationKind *value_out);

/**
 * sm_reduction_to_string:
 *
 * Returns: (transfer none): the value's stable name in files, reports and
 *   the tool ("priority", "reflection"), a static string; NULL (with a
 *   critical) for a value outside SmReduction.
 */
SM_API const char *sm_reduction_to_string (SmReduction value);
/**
 * sm_reduction_from_string:
 * @value_out: (out) (optional): gets the value
 *
 * Reads a name of sm_reduction_to_string() back into @value_out (which may
 * be NULL); FALSE, leaving it untouched, for an unknown name.
 */
SM_API gboolean sm_reduction_from_string (const char *text,
                                          SmReduction *value_out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmScenario, sm_scenario_unref)

G_END_DECLS
