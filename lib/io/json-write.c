/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: writing scenarios and placements as JSON documents (io.h).
 *
 * A scenario is one JSON object (format "staffmatch-scenario", version 1).
 * Its members, in the order sm_scenario_save_json() writes them:
 *
 *   {
 *     "format": "staffmatch-scenario",
 *     "version": 1,
 *     "settings": {
 *       "seed": "2019",                  64-bit, a decimal string (JSON
 *                                        numbers lose digits above 2^53)
 *       "tie_breaking": "single",        or "per-position"
 *       "reference_date": "2019-01-01",
 *       "reduction": "priority",         or "reflection"
 *       "age_band_years": 10,
 *       "default_rule": "R1",            a rule id, or null
 *       "improvement_cycles": true       only when on (the default is
 *                                        false: deferred acceptance alone)
 *     },
 *     "letters": {                       only when not the defaults
 *       "regime": "public",              or "employment"
 *       "effective_date": "2019-01-01",  or null: the reference date
 *       "letter_date": "2018-10-01",     or null: none
 *       "employer", "deciding_body", "signatory", "contact",
 *       "response_address": text or null
 *     },
 *     "organisations": [{ "id", "name", "kind": "receiving" | "default",
 *                         "min_headcount": n | null,
 *                         "max_headcount": n | null }],
 *     "units": [{ "id", "name", "organisation",
 *                 "contract_client": id | null,
 *                 "contract_end_year": n | null }],
 *     "rules": [{ "id",
 *                 "criteria": [{ "criterion": "fit", "prefer": "high" }],
 *                 "max_grade_distance": n | null,
 *                 "min_fit": "suitable" | null,
 *                 "require_qualifications": false,
 *                 "granularity": { "service": "years" } }],
 *                 (granularity written only when a date criterion is
 *                 counted in months or years)
 *     "positions": [{ "id", "title", "unit", "function", "grade", "fte",
 *                     "seats", "target_seats": n | null,
 *                     "qualifications": ["..."], "rule": id | null }],
 *     "employees": [{ "id", "name", "function", "unit", "grade", "fte",
 *                     "service_start": "yyyy-mm-dd" | null,
 *                     "birth_date": "yyyy-mm-dd" | null,
 *                     "qualifications": ["..."] }],
 *     "applications": [{ "employee", "position", "preference",
 *                        "committee_score": x | null,
 *                        "travel_km": x | null }],
 *     "function_relations": [{ "from", "to", "fit" }],
 *     "manual_placements": [{ "employee", "position", "reason" }]
 *   }
 *
 * Names of values: criteria and fits as sm_criterion_to_string() and
 * sm_fit_to_string() write them ("fit", "same-grade", "committee-score",
 * "service", "age", "travel"; "same", "interchangeable", "suitable",
 * "reasonable", "none"), "prefer" is "high" or "low".
 *
 * Writing: the members in the order above, two spaces of indentation, one
 * member per line, lists of strings and rule criteria on one line, text as
 * UTF-8 (invalid bytes replaced), numbers formatted here rather than by
 * json-glib so that the bytes never depend on its version: integers as
 * integers, FTEs, scores and distances in the shortest form ("%.15g" to
 * "%.17g") that reads back as the same double, always with a '.' or an
 * exponent. So a scenario saved, loaded and saved again gives the same
 * bytes, and sm_scenario_checksum() (SHA-256 of those bytes) identifies a
 * scenario however it was loaded.
 *
 * A placement (format "staffmatch-placement", version 1):
 *
 *   { "format", "version", "library": sm_version(), "seed": "2019",
 *     "improvement_cycles": true,   only when the placement ran them
 *     "scenario_sha256": "...",
 *     "employees": [{ "id", "organisation", "unit", "position": id | null,
 *                     "preference": n | null,
 *                     "status": "placed" | "follows-work" |
 *                               "supernumerary" | "manual",
 *                     "refusals": [{ "position", "preference",
 *                                    "reason", "filter", "rank",
 *                                    "cutoff", "criterion" }] }],
 *     "positions": [{ "id", "seats", "filled" }],
 *     "organisations": [{ "id", "headcount", "vacancies" }] }
 *
 * An employee's "refusals" are sm_placement_get_refusal()'s, best
 * preference first, each on one line: "preference" 0 for the position of
 * their own function; "reason" "not-eligible", "full", "cap", "manual",
 * "reflection" or "manual-seat"; "filter" "grade", "fit", "qualifications" or
 * null; "rank" and "cutoff" from 1, 0 when none; "criterion" the name of the
 * position's rule's criterion that decided, "lot", "lot-and-cycles" (the
 * lot and improvement cycles together, SM_DECIDED_BY_CYCLES), "manual", or
 * null.
 *
 * Reading a scenario back, with its rules and problems, is json-read.c's;
 * it takes the names of values defined here (json-private.h).
 */
#include "io/file-private.h"
#include "io/json-private.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <staffmatch/error.h>
#include <staffmatch/explain.h>
#include <staffmatch/io.h>
#include <staffmatch/version.h>

#include "core/enum-names-private.h"

/* A pretty-printing JSON writer onto a GString. Bit d of @has_members
 * says whether the container open at depth d has a member yet. */
typedef struct {
  GString *text;
  int depth;
  guint64 has_members;
} JsonOut;

static void
append_json_string (GString *text, const char *value)
{
  g_autofree char *valid = NULL;
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  g_string_append_c (text, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      unsigned char c = (unsigned char) *p;
      if (c == '"' || c == '\\')
        {
          g_string_append_c (text, '\\');
          g_string_append_c (text, (char) c);
        }
      else if (c == '\n')
        g_string_append (text, "\\n");
      else if (c == '\r')
        g_string_append (text, "\\r");
      else if (c == '\t')
        g_string_append (text, "\\t");
      else if (c < 0x20)
        g_string_append_printf (text, "\\u%04x", c);
      else
        g_string_append_c (text, (char) c);
    }
  g_string_append_c (text, '"');
}

/* The shortest of %.15g, %.16g, %.17g that reads back as @value (finite),
 * with ".0" added where it would look like an integer. */
static void
append_json_double (GString *text, double value)
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  for (size_t k = 0; k < G_N_ELEMENTS (formats); k++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[k], value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (text, buffer);
  if (strpbrk (buffer, ".eE") == NULL)
    g_string_append (text, ".0");
}

static void
out_newline (JsonOut *o)
{
  g_string_append_c (o->text, '\n');
  for (int k = 0; k < o->depth; k++)
    g_string_append (o->text, "  ");
}

/* Starts a value inside the open container: the comma after the previous
 * member, a new line, and the key when @key is given. */
static void
out_start (JsonOut *o, const char *key)
{
  guint64 bit = G_GUINT64_CONSTANT (1) << o->depth;
  if (o->depth > 0)
    {
      if (o->has_members & bit)
        g_string_append_c (o->text, ',');
      o->has_members |= bit;
      out_newline (o);
    }
  if (key != NULL)
    {
      append_json_string (o->text, key);
      g_string_append (o->text, ": ");
    }
}

static void
out_open (JsonOut *o, const char *key, char bracket)
{
  out_start (o, key);
  g_string_append_c (o->text, bracket);
  o->depth++;
  g_assert (o->depth < 64);
  o->has_members &= ~(G_GUINT64_CONSTANT (1) << o->depth);
}

/* Closes the container; an empty one stays on its line ("[]"). */
static void
out_close (JsonOut *o, char bracket)
{
  gboolean any = (o->has_members >> o->depth) & 1;
  o->depth--;
  if (any)
    out_newline (o);
  g_string_append_c (o->text, bracket);
}

static void
out_string (JsonOut *o, const char *key, const char *value)
{
  out_start (o, key);
  if (value == NULL)
    g_string_append (o->text, "null");
  else
    append_json_string (o->text, value);
}

static void
out_int (JsonOut *o, const char *key, int64_t value)
{
  out_start (o, key);
  g_string_append_printf (o->text, "%" G_GINT64_FORMAT, value);
}

/* An integer, or null when @given is FALSE. */
static void
out_int_or_null (JsonOut *o, const char *key, int64_t value, gboolean given)
{
  if (given)
    out_int (o, key, value);
  else
    out_string (o, key, NULL);
}

/* A double, or null when @given is FALSE. */
static void
out_double_or_null (JsonOut *o, const char *key, double value, gboolean given)
{
  out_start (o, key);
  if (given)
    append_json_double (o->text, value);
  else
    g_string_append (o->text, "null");
}

/* A list of strings on one line. */
static void
out_string_list (JsonOut *o, const char *key, const char *const *list)
{
  out_start (o, key);
  g_string_append_c (o->text, '[');
  for (size_t k = 0; list != NULL && list[k] != NULL; k++)
    {
      if (k > 0)
        g_string_append (o->text, ", ");
      append_json_string (o->text, list[k]);
    }
  g_string_append_c (o->text, ']');
}

/* ---- the scenario ------------------------------------------------------- */

/* The run's settings: the scenario's own, or those a placement was made
 * with (they may have changed since; placement.h). */
typedef struct {
  uint64_t seed;
  SmTieBreaking tie_breaking;
  SmDate reference_date;
  SmReduction reduction;
  int32_t age_band_years;
  gboolean with_letters; /* write the letters' settings (files, not the
                            checksum: they decide nothing in a placement) */
  gboolean improvement_cycles;
} RunSettings;

static RunSettings
settings_of_scenario (const SmScenario *s)
{
  RunSettings r = { sm_scenario_get_seed (s),
                    sm_scenario_get_tie_breaking (s),
                    sm_scenario_get_reference_date (s),
                    0,
                    0,
                    FALSE,
                    FALSE };
  sm_scenario_get_reduction (s, &r.reduction, &r.age_band_years);
  r.improvement_cycles = sm_scenario_get_improvement_cycles (s);
  return r;
}

static RunSettings
settings_of_placement (const SmPlacement *p)
{
  RunSettings r = { sm_placement_get_seed (p),
                    sm_placement_get_tie_breaking (p),
                    sm_placement_get_reference_date (p),
                    0,
                    0,
                    FALSE,
                    FALSE };
  sm_placement_get_reduction (p, &r.reduction, &r.age_band_years);
  r.improvement_cycles = sm_placement_get_improvement_cycles (p);
  return r;
}

static void
write_settings (JsonOut *o, const SmScenario *s, const RunSettings *run)
{
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, run->seed);
  g_autofree char *date = sm_date_to_iso (run->reference_date);
  const char *default_rule = NULL;
  if (sm_scenario_get_n_rules (s) > 0)
    default_rule = sm_priority_rule_get_id (sm_scenario_get_default_rule (s));

  out_open (o, "settings", '{');
  out_string (o, "seed", seed);
  out_string (o, "tie_breaking", sm_tie_breaking_to_string (run->tie_breaking));
  out_string (o, "reference_date", date);
  out_string (o, "reduction", sm_reduction_to_string (run->reduction));
  out_int (o, "age_band_years", run->age_band_years);
  out_string (o, "default_rule", default_rule);
  /* Only when on: a scenario without cycles writes, and so checksums, as
   * it did before the setting existed. */
  if (run->improvement_cycles)
    {
      out_start (o, "improvement_cycles");
      g_string_append (o->text, "true");
    }
  out_close (o, '}');
}

static void
write_organisations (JsonOut *o, const SmScenario *s)
{
  out_open (o, "organisations", '[');
  for (int32_t k = 0; k < sm_scenario_get_n_organisations (s); k++)
    {
      SmOrganisationSpec spec;
      sm_scenario_get_organisation (s, k, &spec);
      out_open (o, NULL, '{');
      out_string (o, "id", spec.id);
      out_string (o, "name", spec.name);
      out_string (o, "kind", sm_organisation_kind_to_string (spec.kind));
      out_int_or_null (o, "min_headcount", spec.min_headcount,
                       spec.min_headcount >= 0);
      out_int_or_null (o, "max_headcount", spec.max_headcount,
                       spec.max_headcount >= 0);
      out_close (o, '}');
    }
  out_close (o, ']');
}

static void
write_units (JsonOut *o, const SmScenario *s)
{
  out_open (o, "units", '[');
  for (int32_t k = 0; k < sm_scenario_get_n_units (s); k++)
    {
      SmUnitSpec spec;
      sm_scenario_get_unit (s, k, &spec);
      out_open (o, NULL, '{');
      out_string (o, "id", spec.id);
      out_string (o, "name", spec.name);
      out_string (o, "organisation", spec.organisation_id);
      out_string (o, "contract_client", spec.contract_client_id);
      out_int_or_null (o, "contract_end_year", spec.contract_end_year,
                       spec.contract_end_year != 0);
      out_close (o, '}');
    }
  out_close (o, ']');
}

static void
write_rules (JsonOut *o, const SmScenario *s)
{
  out_open (o, "rules", '[');
  for (int32_t k = 0; k < sm_scenario_get_n_rules (s); k++)
    {
      const SmPriorityRule *r = sm_scenario_get_rule (s, k);
      g_autofree char *rule = sm_priority_rule_to_json (r);
      out_start (o, NULL);
      g_string_append (o->text, rule);
    }
  out_close (o, ']');
}

static void
write_positions (JsonOut *o, const SmScenario *s)
{
  out_open (o, "positions", '[');
  for (int32_t k = 0; k < sm_scenario_get_n_positions (s); k++)
    {
      SmPositionSpec spec;
      sm_scenario_get_position (s, k, &spec);
      out_open (o, NULL, '{');
      out_string (o, "id", spec.id);
      out_string (o, "title", spec.title);
      out_string (o, "unit", spec.unit_id);
      out_string (o, "function", spec.function_code);
      out_int (o, "grade", spec.grade);
      out_double_or_null (o, "fte", spec.fte, TRUE);
      out_int (o, "seats", spec.seats);
      out_int_or_null (o, "target_seats", spec.target_seats,
                       spec.target_seats >= 0);
      out_string_list (o, "qualifications", spec.qualifications);
      out_string (o, "rule", spec.rule_id);
      out_close (o, '}');
    }
  out_close (o, ']');
}

static void
out_date (JsonOut *o, const char *key, SmDate date)
{
  g_autofree char *text = sm_date_is_set (date) ? sm_date_to_iso (date) : NULL;
  out_string (o, key, text);
}

static void
write_employees (JsonOut *o, const SmScenario *s)
{
  out_open (o, "employees", '[');
  for (int32_t k = 0; k < sm_scenario_get_n_employees (s); k++)
    {
      SmEmployeeSpec spec;
      sm_scenario_get_employee (s, k, &spec);
      out_open (o, NULL, '{');
      out_string (o, "id", spec.id);
      out_string (o, "name", spec.name);
      out_string (o, "function", spec.function_code);
      out_string (o, "unit", spec.unit_id);
      out_int (o, "grade", spec.grade);
      out_double_or_null (o, "fte", spec.fte, TRUE);
      out_date (o, "service_start", spec.service_start);
      out_date (o, "birth_date", spec.birth_date);
      out_string_list (o, "qualifications", spec.qualifications);
      out_close (o, '}');
    }
  out_close (o, ']');
}

static void
write_applications (JsonOut *o, const SmScenario *s)
{
  out_open (o, "applications", '[');
  for (int32_t k = 0; k < sm_scenario_get_n_applications (s); k++)
    {
      SmApplicationSpec spec;
      sm_scenario_get_application (s, k, &spec);
      out_open (o, NULL, '{');
      out_string (o, "employee", spec.employee_id);
      out_string (o, "position", spec.position_id);
      out_int (o, "preference", spec.preference);
      out_double_or_null (o, "committee_score", spec.committee_score,
                          !isnan (spec.committee_score));
      out_double_or_null (o, "travel_km", spec.travel_km,
                          spec.travel_km >= 0.0);
      out_close (o, '}');
    }
  out_close (o, ']');
}

static void
write_relations_and_manual (JsonOut *o, const SmScenario *s)
{
  out_open (o, "function_relations", '[');
  for (int32_t k = 0; k < sm_scenario_get_n_function_relations (s); k++)
    {
      const char *from, *to;
      SmFit fit;
      sm_scenario_get_function_relation (s, k, &from, &to, &fit);
      out_open (o, NULL, '{');
      out_string (o, "from", from);
      out_string (o, "to", to);
      out_string (o, "fit", sm_fit_to_string (fit));
      out_close (o, '}');
    }
  out_close (o, ']');
  out_open (o, "manual_placements", '[');
  for (int32_t k = 0; k < sm_scenario_get_n_manual_placements (s); k++)
    {
      const char *employee, *position, *reason;
      sm_scenario_get_manual_placement (s, k, &employee, &position, &reason);
      out_open (o, NULL, '{');
      out_string (o, "employee", employee);
      out_string (o, "position", position);
      out_string (o, "reason", reason);
      out_close (o, '}');
    }
  out_close (o, ']');
}

/* The letters' settings (scenario.h), only when they are not the
 * defaults, so that a scenario without them is written as before. */
static void
write_letters (JsonOut *o, const SmScenario *s)
{
  SmLetterSettings l;
  sm_scenario_get_letter_settings (s, &l);
  if (sm_letter_settings_is_default (&l))
    return;
  g_autofree char *effective = sm_date_is_set (l.effective_date)
                                   ? sm_date_to_iso (l.effective_date)
                                   : NULL;
  g_autofree char *letter = sm_date_is_set (l.letter_date)
                                ? sm_date_to_iso (l.letter_date)
                                : NULL;
  out_open (o, "letters", '{');
  out_string (o, "regime", sm_enum__regime_names[l.regime]);
  out_string (o, "effective_date", effective);
  out_string (o, "letter_date", letter);
  out_string (o, "employer", l.employer);
  out_string (o, "deciding_body", l.deciding_body);
  out_string (o, "signatory", l.signatory);
  out_string (o, "contact", l.contact);
  out_string (o, "response_address", l.response_address);
  out_close (o, '}');
}

/* (transfer full): the scenario's JSON text with the given settings,
 * ending in a line break. */
static GString *
scenario_to_json (const SmScenario *s, const RunSettings *run)
{
  JsonOut o = { g_string_sized_new (4096), 0, 0 };
  out_open (&o, NULL, '{');
  out_string (&o, "format", SM_JSON__SCENARIO_FORMAT);
  out_int (&o, "version", SM_JSON__FORMAT_VERSION);
  write_settings (&o, s, run);
  if (run->with_letters)
    write_letters (&o, s);
  write_organisations (&o, s);
  write_units (&o, s);
  write_rules (&o, s);
  write_positions (&o, s);
  write_employees (&o, s);
  write_applications (&o, s);
  write_relations_and_manual (&o, s);
  out_close (&o, '}');
  g_string_append_c (o.text, '\n');
  return o.text;
}

/* ---- the placement ------------------------------------------------------ */

/* What decided a refusal: the name of the criterion of the position's
 * rule, "lot", "manual", or NULL. */
static const char *
decided_by_name (const SmScenario *s, int32_t position, int32_t criterion)
{
  if (criterion == SM_DECIDED_BY_LOT)
    return "lot";
  if (criterion == SM_DECIDED_BY_MANUAL)
    return "manual";
  if (criterion == SM_DECIDED_BY_CYCLES)
    return "lot-and-cycles";
  if (criterion < 0)
    return NULL;
  SmPositionSpec spec;
  sm_scenario_get_position (s, position, &spec);
  const SmPriorityRule *rule =
      spec.rule_id == NULL
          ? NULL
          : sm_scenario_get_rule (s, sm_scenario_find_rule (s, spec.rule_id));
  if (rule == NULL)
    rule = sm_scenario_get_default_rule (s);
  g_assert (criterion < sm_priority_rule_get_n_criteria (rule));
  SmCriterion c;
  SmDirection direction;
  sm_priority_rule_get_criterion (rule, criterion, &c, &direction);
  return sm_criterion_to_string (c);
}

/* An employee's refusals, one object per line. */
static void
write_refusals (JsonOut *o, const SmPlacement *placement, int32_t employee)
{
  const SmScenario *s = sm_placement_get_scenario (placement);
  out_open (o, "refusals", '[');
  for (int32_t k = 0; k < sm_placement_get_n_refusals (placement, employee);
       k++)
    {
      SmRefusal r;
      SmPositionSpec position;
      sm_placement_get_refusal (placement, employee, k, &r);
      sm_scenario_get_position (s, r.position, &position);
      const char *decided_by = decided_by_name (s, r.position, r.criterion);
      out_start (o, NULL);
      g_string_append (o->text, "{\"position\": ");
      append_json_string (o->text, position.id);
      g_string_append_printf (o->text,
                              ", \"preference\": %d, "
                              "\"reason\": \"%s\", \"filter\": ",
                              r.preference, sm_reason_to_string (r.reason));
      if (r.filter != SM_FILTER_NONE)
        append_json_string (o->text, sm_filter_to_string (r.filter));
      else
        g_string_append (o->text, "null");
      g_string_append_printf (o->text,
                              ", \"rank\": %d, \"cutoff\": %d, "
                              "\"criterion\": ",
                              r.rank, r.cutoff);
      if (decided_by != NULL)
        append_json_string (o->text, decided_by);
      else
        g_string_append (o->text, "null");
      g_string_append_c (o->text, '}');
    }
  out_close (o, ']');
}

static void
write_outcomes (JsonOut *o, const SmPlacement *placement)
{
  const SmScenario *s = sm_placement_get_scenario (placement);
  out_open (o, "employees", '[');
  for (int32_t k = 0; k < sm_scenario_get_n_employees (s); k++)
    {
      SmEmployeeSpec employee;
      SmOrganisationSpec organisation;
      SmUnitSpec unit;
      SmPositionSpec position = SM_POSITION_SPEC_INIT;
      SmEmployeeOutcome outcome;
      sm_placement_get_outcome (placement, k, &outcome);
      sm_scenario_get_employee (s, k, &employee);
      sm_scenario_get_organisation (s, outcome.organisation, &organisation);
      sm_scenario_get_unit (s, outcome.unit, &unit);
      if (outcome.position >= 0)
        sm_scenario_get_position (s, outcome.position, &position);
      out_open (o, NULL, '{');
      out_string (o, "id", employee.id);
      out_string (o, "organisation", organisation.id);
      out_string (o, "unit", unit.id);
      out_string (o, "position", position.id);
      out_int_or_null (o, "preference", outcome.preference,
                       outcome.preference > 0);
      out_string (o, "status", sm_status_to_string (outcome.status));
      write_refusals (o, placement, k);
      out_close (o, '}');
    }
  out_close (o, ']');
}

static void
write_fill (JsonOut *o, const SmPlacement *placement)
{
  const SmScenario *s = sm_placement_get_scenario (placement);
  out_open (o, "positions", '[');
  for (int32_t k = 0; k < sm_scenario_get_n_positions (s); k++)
    {
      SmPositionSpec spec;
      sm_scenario_get_position (s, k, &spec);
      out_open (o, NULL, '{');
      out_string (o, "id", spec.id);
      out_int (o, "seats", spec.seats);
      out_int (o, "filled", sm_placement_get_n_placed_at (placement, k));
      out_close (o, '}');
    }
  out_close (o, ']');
  out_open (o, "organisations", '[');
  for (int32_t k = 0; k < sm_scenario_get_n_organisations (s); k++)
    {
      SmOrganisationSpec spec;
      sm_scenario_get_organisation (s, k, &spec);
      out_open (o, NULL, '{');
      out_string (o, "id", spec.id);
      out_int (o, "headcount", sm_placement_get_headcount (placement, k));
      out_int (o, "vacancies", sm_placement_get_vacancies (placement, k));
      out_close (o, '}');
    }
  out_close (o, ']');
}

static GString *
placement_to_json (const SmPlacement *placement)
{
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                           sm_placement_get_seed (placement));
  g_autofree char *checksum = sm_placement_checksum (placement);
  JsonOut o = { g_string_sized_new (4096), 0, 0 };
  out_open (&o, NULL, '{');
  out_string (&o, "format", SM_JSON__PLACEMENT_FORMAT);
  out_int (&o, "version", SM_JSON__FORMAT_VERSION);
  out_string (&o, "library", sm_version ());
  out_string (&o, "seed", seed);
  /* Only with cycles, as in the scenario's settings: a placement without
   * them writes as it did before they existed. */
  if (sm_placement_get_improvement_cycles (placement))
    {
      out_start (&o, "improvement_cycles");
      g_string_append (o.text, "true");
    }
  out_string (&o, "scenario_sha256", checksum);
  write_outcomes (&o, placement);
  write_fill (&o, placement);
  out_close (&o, '}');
  g_string_append_c (o.text, '\n');
  return o.text;
}

/* ---- saving ------------------------------------------------------------- */

/* An SmTextWriteFunc for a GString. */
static gboolean
write_text (gconstpointer object, FILE *stream, GError **error)
{
  const GString *text = object;
  if (fwrite (text->str, 1, text->len, stream) == text->len)
    return TRUE;
  g_set_error (error, SM_ERROR, SM_ERROR_IO,
               "Cannot write the JSON document: the disk may be full.");
  return FALSE;
}

gboolean
sm_scenario_save_json (const SmScenario *scenario, const char *path,
                       GError **error)
{
  g_return_val_if_fail (scenario != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  RunSettings run = settings_of_scenario (scenario);
  run.with_letters = TRUE;
  g_autoptr (GString) text = scenario_to_json (scenario, &run);
  return sm_text_file__replace (path, write_text, text, error);
}

gboolean
sm_placement_save_json (const SmPlacement *placement, const char *path,
                        GError **error)
{
  g_return_val_if_fail (placement != NULL && path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_autoptr (GString) text = placement_to_json (placement);
  return sm_text_file__replace (path, write_text, text, error);
}

static char *
checksum_of (const SmScenario *s, const RunSettings *run)
{
  g_autoptr (GString) text = scenario_to_json (s, run);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                      (const guchar *) text->str, text->len);
}

char *
sm_scenario_checksum (const SmScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  RunSettings run = settings_of_scenario (scenario);
  return checksum_of (scenario, &run);
}

char *
sm_placement_checksum (const SmPlacement *placement)
{
  g_return_val_if_fail (placement != NULL, NULL);
  RunSettings run = settings_of_placement (placement);
  return checksum_of (sm_placement_get_scenario (placement), &run);
}
