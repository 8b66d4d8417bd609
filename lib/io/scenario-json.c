/* staffmatch: scenarios and placements as JSON documents.
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
 *       "default_rule": "R1"             a rule id, or null
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
 *                 "require_qualifications": false }],
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
 * Reading: "format", "version", "organisations", "units", "positions" and
 * "employees" are required; "settings", "rules", "applications",
 * "function_relations" and "manual_placements" may be left out (defaults,
 * empty). Within an item, ids, names, titles, references, "kind", "grade",
 * "preference", "fit", "reason", "criteria", "criterion" and "prefer" are
 * required; "fte" (1.0), "seats" (1), "qualifications" ([]),
 * "require_qualifications" (false) and every settings member may be left
 * out; a member shown with "| null" may be null or left out, which means
 * "not given" (a given headcount or distance is 0 or more, a year 1 or
 * more, a travel distance not negative; "age_band_years" is 1 to 200). A
 * number where a double is wanted may be written as an integer. Any other
 * member is a problem. The text is UTF-8, with or without a byte order
 * mark. A version other than 1 is refused (SM_ERROR_INVALID_VALUE); a
 * wrong format name, a missing member, an unknown one or a wrong JSON type
 * is SM_ERROR_PARSE, a number out of range or an unknown name of a value
 * SM_ERROR_INVALID_VALUE, a date that is not one SM_ERROR_PARSE (as
 * sm_date_parse()); and every item goes through the public
 * sm_scenario_add_* calls, whose errors (with their codes) become
 * problems. Loading collects every problem and returns the scenario only
 * when there is none.
 *
 * Positions in problems: json-glib 1.6 keeps no positions in its nodes, so
 * when the first problem is found the text is scanned once more by a small
 * locator (below) that records the line and column (in characters) where
 * each value starts, under its path, such as "employees[17].grade"; the
 * path is the problem's field. A syntax error carries json-glib's own line
 * and column. An item that could not be added is remembered, so that items
 * referring to it do not each report it again as an unknown identifier.
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
 * their own function; "reason" "not-eligible", "full", "cap", "manual" or
 * "reflection"; "filter" "grade", "fit", "qualifications" or null; "rank"
 * and "cutoff" from 1, 0 when none; "criterion" the name of the position's
 * rule's criterion that decided, "lot", "manual", or null.
 *
 * Personal data: names and birth dates are written to the files but never
 * to a problem. Messages quote identifiers, and member names and values
 * of choices only when they look like one (lowercase ASCII letters,
 * digits, '-', '_'), never another text member's value or a date; and
 * json-glib's syntax messages lose the tokens and strings they quote.
 */
#include "problems-private.h"
#include "text-scanner.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <json-glib/json-glib.h>
#include <staffmatch/error.h>
#include <staffmatch/explain.h>
#include <staffmatch/version.h>

#define SCENARIO_FORMAT "staffmatch-scenario"
#define PLACEMENT_FORMAT "staffmatch-placement"
#define FORMAT_VERSION 1

/* ==== writing ============================================================ */

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
out_double_or_null (JsonOut *o, const char *key, double value,
                    gboolean given)
{
  out_start (o, key);
  if (given)
    append_json_double (o->text, value);
  else
    g_string_append (o->text, "null");
}

static void
out_bool (JsonOut *o, const char *key, gboolean value)
{
  out_start (o, key);
  g_string_append (o->text, value ? "true" : "false");
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

static const char *const tie_breaking_names[] = {
  "single", "per-position", NULL
};
static const char *const reduction_names[] = { "priority", "reflection", NULL };
static const char *const organisation_kind_names[] = {
  "receiving", "default", NULL
};
static const char *const direction_names[] = { "high", "low", NULL };

static void
write_settings (JsonOut *o, const SmScenario *s)
{
  SmReduction reduction;
  int32_t age_band_years;
  sm_scenario_get_reduction (s, &reduction, &age_band_years);
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                           sm_scenario_get_seed (s));
  g_autofree char *date = sm_date_to_iso (sm_scenario_get_reference_date (s));
  const char *default_rule = NULL;
  if (sm_scenario_get_n_rules (s) > 0)
    default_rule = sm_priority_rule_get_id (sm_scenario_get_default_rule (s));

  out_open (o, "settings", '{');
  out_string (o, "seed", seed);
  out_string (o, "tie_breaking",
              tie_breaking_names[sm_scenario_get_tie_breaking (s)]);
  out_string (o, "reference_date", date);
  out_string (o, "reduction", reduction_names[reduction]);
  out_int (o, "age_band_years", age_band_years);
  out_string (o, "default_rule", default_rule);
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
      out_string (o, "kind", organisation_kind_names[spec.kind]);
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

/* The criteria on one line: [{"criterion": "fit", "prefer": "high"}]. */
static void
write_criteria (JsonOut *o, const SmPriorityRule *rule)
{
  out_start (o, "criteria");
  g_string_append_c (o->text, '[');
  for (int32_t k = 0; k < sm_priority_rule_get_n_criteria (rule); k++)
    {
      SmCriterion criterion;
      SmDirection direction;
      sm_priority_rule_get_criterion (rule, k, &criterion, &direction);
      g_string_append (o->text, k > 0 ? ", {" : "{");
      g_string_append (o->text, "\"criterion\": ");
      append_json_string (o->text, sm_criterion_to_string (criterion));
      g_string_append (o->text, ", \"prefer\": ");
      append_json_string (o->text, direction_names[direction]);
      g_string_append_c (o->text, '}');
    }
  g_string_append_c (o->text, ']');
}

static void
write_rules (JsonOut *o, const SmScenario *s)
{
  out_open (o, "rules", '[');
  for (int32_t k = 0; k < sm_scenario_get_n_rules (s); k++)
    {
      const SmPriorityRule *rule = sm_scenario_get_rule (s, k);
      int32_t distance = sm_priority_rule_get_max_grade_distance (rule);
      SmFit min_fit = sm_priority_rule_get_min_fit (rule);
      out_open (o, NULL, '{');
      out_string (o, "id", sm_priority_rule_get_id (rule));
      write_criteria (o, rule);
      out_int_or_null (o, "max_grade_distance", distance, distance >= 0);
      out_string (o, "min_fit", min_fit == SM_FIT_NONE
                  ? NULL : sm_fit_to_string (min_fit));
      out_bool (o, "require_qualifications",
                sm_priority_rule_get_require_qualifications (rule));
      out_close (o, '}');
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
  g_autofree char *text = sm_date_is_set (date) ? sm_date_to_iso (date)
                                                : NULL;
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

/* (transfer full): the scenario's JSON text, ending in a line break. */
static GString *
scenario_to_json (const SmScenario *s)
{
  JsonOut o = { g_string_sized_new (4096), 0, 0 };
  out_open (&o, NULL, '{');
  out_string (&o, "format", SCENARIO_FORMAT);
  out_int (&o, "version", FORMAT_VERSION);
  write_settings (&o, s);
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

static const char *
status_name (SmStatus status)
{
  switch (status)
    {
    case SM_STATUS_APPLIED:
      return "placed";
    case SM_STATUS_FOLLOWS_WORK:
      return "follows-work";
    case SM_STATUS_SUPERNUMERARY:
      return "supernumerary";
    case SM_STATUS_MANUAL:
      return "manual";
    default:
      g_assert_not_reached ();
    }
}

static const char *const reason_names[] = {
  "not-eligible", "full", "cap", "manual", "reflection"
};
static const char *const filter_names[] = {
  NULL, "grade", "fit", "qualifications"
};

/* What decided a refusal: the name of the criterion of the position's
 * rule, "lot", "manual", or NULL. */
static const char *
decided_by_name (const SmScenario *s, int32_t position, int32_t criterion)
{
  if (criterion == SM_DECIDED_BY_LOT)
    return "lot";
  if (criterion == SM_DECIDED_BY_MANUAL)
    return "manual";
  if (criterion < 0)
    return NULL;
  SmPositionSpec spec;
  sm_scenario_get_position (s, position, &spec);
  const SmPriorityRule *rule = sm_scenario_get_default_rule (s);
  for (int32_t k = 0; spec.rule_id != NULL && k < sm_scenario_get_n_rules (s);
       k++)
    if (strcmp (sm_priority_rule_get_id (sm_scenario_get_rule (s, k)),
                spec.rule_id) == 0)
      rule = sm_scenario_get_rule (s, k);
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
      g_string_append_printf (o->text, ", \"preference\": %d, "
                              "\"reason\": \"%s\", \"filter\": ",
                              r.preference, reason_names[r.reason]);
      if (filter_names[r.filter] != NULL)
        append_json_string (o->text, filter_names[r.filter]);
      else
        g_string_append (o->text, "null");
      g_string_append_printf (o->text, ", \"rank\": %d, \"cutoff\": %d, "
                              "\"criterion\": ", r.rank, r.cutoff);
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
      out_string (o, "status", status_name (outcome.status));
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
  const SmScenario *s = sm_placement_get_scenario (placement);
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                           sm_scenario_get_seed (s));
  g_autofree char *checksum = sm_scenario_checksum (s);
  JsonOut o = { g_string_sized_new (4096), 0, 0 };
  out_open (&o, NULL, '{');
  out_string (&o, "format", PLACEMENT_FORMAT);
  out_int (&o, "version", FORMAT_VERSION);
  out_string (&o, "library", sm_version ());
  out_string (&o, "seed", seed);
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
  g_autoptr (GString) text = scenario_to_json (scenario);
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

char *
sm_scenario_checksum (const SmScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  g_autoptr (GString) text = scenario_to_json (scenario);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                      (const guchar *) text->str, text->len);
}

/* ==== locating values in the text ======================================== */

/* Where a value starts: 1-based line and column (in characters). */
typedef struct {
  int32_t line;
  int32_t column;
} Where;

/* Scans JSON text that json-glib accepted (so it is well formed, but may
 * hold block comments and single-quoted strings, which json-glib allows) and
 * records where each value down to LOCATE_DEPTH starts, under its path. */
typedef struct {
  const char *p;
  const char *end;
  Where at;
  GString *path;
  GHashTable *where;     /* path -> Where */
} Locator;

#define LOCATE_DEPTH 5

static void
locator_step (Locator *l)
{
  if (*l->p == '\n')
    {
      l->at.line++;
      l->at.column = 1;
    }
  else if ((*l->p & 0xC0) != 0x80)
    l->at.column++;
  l->p++;
}

static gboolean
locator_looking_at (const Locator *l, const char *text)
{
  size_t n = strlen (text);
  return (size_t) (l->end - l->p) >= n && memcmp (l->p, text, n) == 0;
}

/* Steps over blanks and comments. */
static void
locator_skip_blank (Locator *l)
{
  while (l->p < l->end)
    {
      if (g_ascii_isspace (*l->p))
        locator_step (l);
      else if (locator_looking_at (l, "//"))
        while (l->p < l->end && *l->p != '\n')
          locator_step (l);
      else if (locator_looking_at (l, "/*"))
        {
          locator_step (l);
          locator_step (l);
          while (l->p < l->end && !locator_looking_at (l, "*/"))
            locator_step (l);
          for (int k = 0; k < 2 && l->p < l->end; k++)
            locator_step (l);
        }
      else
        return;
    }
}

/* Steps over a quoted string; appends its raw text to @into if given. */
static gboolean
locator_skip_string (Locator *l, GString *into)
{
  char quote = *l->p;
  locator_step (l);
  while (l->p < l->end && *l->p != quote)
    {
      if (*l->p == '\\' && l->p + 1 < l->end)
        {
          if (into != NULL)
            g_string_append_c (into, *l->p);
          locator_step (l);
        }
      if (into != NULL)
        g_string_append_c (into, *l->p);
      locator_step (l);
    }
  if (l->p >= l->end)
    return FALSE;
  locator_step (l);
  return TRUE;
}

static gboolean locator_value (Locator *l, int depth);

/* One member or element of a container: its key or index, then its
 * value. */
static gboolean
locator_item (Locator *l, int depth, gboolean object, guint index)
{
  gsize base = l->path->len;
  if (object)
    {
      if (*l->p != '"' && *l->p != '\'')
        return FALSE;
      if (base > 0)
        g_string_append_c (l->path, '.');
      if (!locator_skip_string (l, l->path))
        return FALSE;
      locator_skip_blank (l);
      if (l->p >= l->end || *l->p != ':')
        return FALSE;
      locator_step (l);
    }
  else
    g_string_append_printf (l->path, "[%u]", index);
  gboolean ok = locator_value (l, depth + 1);
  g_string_truncate (l->path, base);
  return ok;
}

static gboolean
locator_container (Locator *l, int depth)
{
  gboolean object = *l->p == '{';
  char close = object ? '}' : ']';
  locator_step (l);
  for (guint index = 0;; index++)
    {
      locator_skip_blank (l);
      if (l->p >= l->end)
        return FALSE;
      if (*l->p == close)
        {
          locator_step (l);
          return TRUE;
        }
      if (!locator_item (l, depth, object, index))
        return FALSE;
      locator_skip_blank (l);
      if (l->p < l->end && *l->p == ',')
        locator_step (l);
      else if (l->p >= l->end || *l->p != close)
        return FALSE;
    }
}

static gboolean
locator_value (Locator *l, int depth)
{
  locator_skip_blank (l);
  if (l->p >= l->end)
    return FALSE;
  if (depth <= LOCATE_DEPTH && !g_hash_table_contains (l->where,
                                                       l->path->str))
    g_hash_table_insert (l->where, g_strdup (l->path->str),
                         g_memdup2 (&l->at, sizeof l->at));
  if (*l->p == '{' || *l->p == '[')
    return locator_container (l, depth);
  if (*l->p == '"' || *l->p == '\'')
    return locator_skip_string (l, NULL);
  const char *start = l->p;
  while (l->p < l->end && !g_ascii_isspace (*l->p)
         && strchr (",:]}", *l->p) == NULL)
    locator_step (l);
  return l->p > start;
}

/* (transfer full): path -> Where for the values of @text. */
static GHashTable *
locate_values (const char *text, gsize length)
{
  Locator l = { text, text + length, { 1, 1 }, g_string_new (NULL),
                g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       g_free) };
  locator_value (&l, 0);
  g_string_free (l.path, TRUE);
  return l.where;
}

/* ==== loading ============================================================ */

typedef struct {
  const char *name;            /* the file, for problems */
  const char *text;            /* the JSON text, for the locator */
  gsize length;
  SmProblemList *problems;
  GHashTable *where;           /* built on the first located problem */
  GHashTable *broken;          /* "kind\x1fid" of items that failed, and
                                  "kind" when any item of it may be lost */
  SmScenario *scenario;
  const char *default_rule;    /* settings.default_rule, borrowed */
} Loader;

/* An object being read: @what names it in messages ("an employee"). */
typedef struct {
  Loader *ld;
  JsonObject *object;
  const char *path;
  const char *what;
  gboolean ok;                 /* no member made it unusable */
} Item;

typedef enum {
  NEED_REQUIRED,               /* present and not null */
  NEED_OPTIONAL,               /* may be left out, not null */
  NEED_NULLABLE,               /* may be null or left out */
} Need;

/* Where the value at @path starts, else where the nearest enclosing value
 * does; 0, 0 when unknown. */
static Where
locate (Loader *ld, const char *path)
{
  static const Where unknown = { 0, 0 };
  if (ld->where == NULL)
    ld->where = locate_values (ld->text, ld->length);
  g_autofree char *key = g_strdup (path != NULL ? path : "");
  for (;;)
    {
      const Where *w = g_hash_table_lookup (ld->where, key);
      if (w != NULL)
        return *w;
      char *cut = strrchr (key, '.');
      char *bracket = strrchr (key, '[');
      if (cut == NULL || (bracket != NULL && bracket > cut))
        cut = bracket;
      if (cut == NULL && key[0] == '\0')
        return unknown;
      if (cut == NULL)
        cut = key;
      *cut = '\0';
    }
}

static void report_valist (Loader *ld, const char *where, const char *field,
                           int code, const char *format, va_list args)
  G_GNUC_PRINTF (5, 0);
static void report (Loader *ld, const char *path, int code,
                    const char *format, ...) G_GNUC_PRINTF (4, 5);
static void report_hidden (Loader *ld, const char *where, const char *field,
                           int code, const char *format, ...)
  G_GNUC_PRINTF (5, 6);

/* Adds a problem at the value of the path @where, naming @field. */
static void
report_valist (Loader *ld, const char *where, const char *field, int code,
               const char *format, va_list args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  Where w = locate (ld, where);
  sm_problem_list__add (ld->problems, ld->name, w.line, w.column,
                        field != NULL && field[0] != '\0' ? field : NULL,
                        code, "%s", message);
}

/* Adds a problem at the value of @path, which is also its field. */
static void
report (Loader *ld, const char *path, int code, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  report_valist (ld, path, path, code, format, args);
  va_end (args);
}

/* As report(), for a path that must not be shown: the problem is placed
 * at @where but names @field. */
static void
report_hidden (Loader *ld, const char *where, const char *field, int code,
               const char *format, ...)
{
  va_list args;
  va_start (args, format);
  report_valist (ld, where, field, code, format, args);
  va_end (args);
}

/* Whether @text looks like the name of a member or of a value (lowercase
 * ASCII letters, digits, '-' and '_'; at most 40): only such text is
 * repeated in messages, since anything else may be personal data written
 * in the wrong place. */
static gboolean
is_plain_word (const char *text)
{
  size_t n = strlen (text);
  gboolean plain = n > 0 && n <= 40;
  for (size_t k = 0; plain && k < n; k++)
    plain = g_ascii_islower (text[k]) || g_ascii_isdigit (text[k])
            || text[k] == '-' || text[k] == '_';
  return plain;
}

/* (transfer full): " 'TEXT'" when @text is a plain word, else "". */
static char *
quote_if_plain (const char *text)
{
  return is_plain_word (text) ? g_strdup_printf (" '%s'", text)
                              : g_strdup ("");
}

/* (transfer full): "PATH.MEMBER", or "MEMBER" at the top. */
static char *
member_path (const Item *it, const char *member)
{
  if (it->path[0] == '\0')
    return g_strdup (member);
  return g_strconcat (it->path, ".", member, NULL);
}

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "a list";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      break;
    }
  GType type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return "text";
  if (type == G_TYPE_INT64)
    return "a whole number";
  if (type == G_TYPE_DOUBLE)
    return "a number with a fraction";
  return "true or false";
}

/* Reports that @member holds the wrong kind of value. */
static void
type_problem (Item *it, const char *member, JsonNode *node,
              const char *expected)
{
  g_autofree char *path = member_path (it, member);
  report (it->ld, path, SM_ERROR_PARSE, "'%s' must be %s, not %s.", member,
          expected, describe_node (node));
  it->ok = FALSE;
}

/* The member's value; NULL when it is left out (reported if required)
 * or null where null is allowed. */
static JsonNode *
find_member (Item *it, const char *member, Need need)
{
  JsonNode *node = json_object_get_member (it->object, member);
  if (node == NULL && need == NEED_REQUIRED)
    {
      g_autofree char *path = member_path (it, member);
      report (it->ld, path, SM_ERROR_PARSE, "The member '%s' is missing; "
              "%s needs one.", member, it->what);
      it->ok = FALSE;
    }
  if (node != NULL && need == NEED_NULLABLE && JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

static gboolean
holds_type (JsonNode *node, GType type)
{
  return JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == type;
}

/* Reads a text member into *@out (borrowed from the document). Returns
 * TRUE when a value was read. */
static gboolean
get_string (Item *it, const char *member, Need need, const char **out)
{
  JsonNode *node = find_member (it, member, need);
  if (node == NULL)
    return FALSE;
  if (!holds_type (node, G_TYPE_STRING))
    {
      type_problem (it, member, node, "text");
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_int (Item *it, const char *member, Need need, int32_t min, int32_t max,
         int32_t *out)
{
  JsonNode *node = find_member (it, member, need);
  if (node == NULL)
    return FALSE;
  if (!holds_type (node, G_TYPE_INT64))
    {
      type_problem (it, member, node, "a whole number");
      return FALSE;
    }
  gint64 value = json_node_get_int (node);
  if (value < min || value > max)
    {
      g_autofree char *path = member_path (it, member);
      report (it->ld, path, SM_ERROR_INVALID_VALUE, "'%s' is %"
              G_GINT64_FORMAT "; give a whole number from %d to %d.",
              member, value, (int) min, (int) max);
      it->ok = FALSE;
      return FALSE;
    }
  *out = (int32_t) value;
  return TRUE;
}

static gboolean
get_double (Item *it, const char *member, Need need, double *out)
{
  JsonNode *node = find_member (it, member, need);
  if (node == NULL)
    return FALSE;
  double value;
  if (holds_type (node, G_TYPE_INT64))
    value = (double) json_node_get_int (node);
  else if (holds_type (node, G_TYPE_DOUBLE))
    value = json_node_get_double (node);
  else
    {
      type_problem (it, member, node, "a number");
      return FALSE;
    }
  if (!isfinite (value))
    {
      g_autofree char *path = member_path (it, member);
      report (it->ld, path, SM_ERROR_INVALID_VALUE, "'%s' is too large a "
              "number; give an ordinary number.", member);
      it->ok = FALSE;
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static gboolean
get_bool (Item *it, const char *member, Need need, gboolean *out)
{
  JsonNode *node = find_member (it, member, need);
  if (node == NULL)
    return FALSE;
  if (!holds_type (node, G_TYPE_BOOLEAN))
    {
      type_problem (it, member, node, "true or false");
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  return TRUE;
}

/* Reads a text member that must be one of @names (NULL-terminated) and
 * sets *@out to its index; @what names the value ("organisation kind"). */
static gboolean
get_choice (Item *it, const char *member, Need need,
            const char *const *names, const char *what, int *out)
{
  const char *text;
  if (!get_string (it, member, need, &text))
    return FALSE;
  for (int k = 0; names[k] != NULL; k++)
    if (g_str_equal (text, names[k]))
      {
        *out = k;
        return TRUE;
      }
  g_autofree char *shown = quote_if_plain (text);
  g_autofree char *known = g_strjoinv ("\", \"", (char **) names);
  g_autofree char *path = member_path (it, member);
  report (it->ld, path, SM_ERROR_INVALID_VALUE, "The value%s is not a known "
          "%s; use one of \"%s\".", shown, what, known);
  it->ok = FALSE;
  return FALSE;
}

static gboolean
get_fit (Item *it, const char *member, Need need, SmFit *out)
{
  static const char *const names[] = {
    "same", "interchangeable", "suitable", "reasonable", "none", NULL
  };
  int index;
  if (!get_choice (it, member, need, names, "fit", &index))
    return FALSE;
  return sm_fit_from_string (names[index], out);
}

/* Reads a date; the message never quotes it (it may be a birth date). */
static gboolean
get_date (Item *it, const char *member, Need need, SmDate *out)
{
  const char *text;
  GError *error = NULL;
  if (!get_string (it, member, need, &text))
    return FALSE;
  if (!sm_date_parse (text, out, &error))
    {
      g_autofree char *path = member_path (it, member);
      report (it->ld, path, error->code, "%s", error->message);
      g_error_free (error);
      it->ok = FALSE;
      return FALSE;
    }
  return TRUE;
}

/* Reads a list of texts into *@out (transfer container: a NULL-terminated
 * array of strings borrowed from the document). */
static gboolean
get_string_list (Item *it, const char *member, Need need, GPtrArray **out)
{
  JsonNode *node = find_member (it, member, need);
  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      type_problem (it, member, node, "a list of texts");
      return FALSE;
    }
  JsonArray *array = json_node_get_array (node);
  g_autoptr (GPtrArray) list = g_ptr_array_new ();
  for (guint k = 0; k < json_array_get_length (array); k++)
    {
      JsonNode *element = json_array_get_element (array, k);
      g_autofree char *name = g_strdup_printf ("%s[%u]", member, k);
      if (holds_type (element, G_TYPE_STRING))
        g_ptr_array_add (list, (gpointer) json_node_get_string (element));
      else
        type_problem (it, name, element, "text");
    }
  g_ptr_array_add (list, NULL);
  *out = g_steal_pointer (&list);
  return TRUE;
}

/* Reports every member not in @known (NULL-terminated). The item stays
 * usable: an unknown member is a problem, but not a reason to report
 * everything that refers to the item. */
static void
check_members (Item *it, const char *const *known)
{
  g_autoptr (GList) members = json_object_get_members (it->object);
  for (GList *m = members; m != NULL; m = m->next)
    {
      const char *member = m->data;
      if (g_strv_contains (known, member))
        continue;
      g_autofree char *shown = quote_if_plain (member);
      g_autofree char *list = g_strjoinv (", ", (char **) known);
      g_autofree char *path = member_path (it, member);
      report_hidden (it->ld, path, is_plain_word (member) ? path : it->path,
                     SM_ERROR_PARSE, "Unknown member%s; correct its name or "
                     "leave it out (the members of %s: %s).", shown,
                     it->what, list);
    }
}

/* ---- items that failed -------------------------------------------------- */

static char *
broken_key (const char *kind, const char *id)
{
  return g_strconcat (kind, "\x1f", id, NULL);
}

/* Whether the item @kind @id was not added, or items of @kind may be
 * missing because their list or one of its elements was unusable. */
static gboolean
is_broken (const Loader *ld, const char *kind, const char *id)
{
  if (id == NULL)
    return FALSE;
  g_autofree char *key = broken_key (kind, id);
  return g_hash_table_contains (ld->broken, key)
         || g_hash_table_contains (ld->broken, kind);
}

/* A reference of an item, for finish_item(). */
typedef struct {
  const char *kind;
  const char *id;
} Ref;

/* Ends an item: when it was not added (a member problem, or @error from
 * the add call, which is taken), its id is remembered as broken, and
 * @error becomes a problem unless it is an unknown identifier caused by
 * one of @refs that is itself broken. */
static void
finish_item (Item *it, const char *kind, const char *id, GError *error,
             const Ref *refs, size_t n_refs)
{
  if (it->ok && error == NULL)
    return;
  if (kind != NULL && id != NULL)
    g_hash_table_add (it->ld->broken, broken_key (kind, id));
  if (error == NULL)
    return;
  gboolean caused = FALSE;
  for (size_t k = 0; k < n_refs && error->code == SM_ERROR_UNKNOWN_ID; k++)
    caused = caused || is_broken (it->ld, refs[k].kind, refs[k].id);
  if (!caused)
    report (it->ld, it->path, error->code, "%s", error->message);
  g_error_free (error);
}

/* ---- settings ----------------------------------------------------------- */

static void
load_seed (Item *it)
{
  const char *text;
  guint64 seed;
  if (!get_string (it, "seed", NEED_OPTIONAL, &text))
    return;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, &seed, NULL))
    {
      report (it->ld, "settings.seed", SM_ERROR_INVALID_VALUE, "The seed "
              "must be a whole number from 0 to %" G_GUINT64_FORMAT
              ", written in quotes, such as \"2019\".", G_MAXUINT64);
      return;
    }
  sm_scenario_set_seed (it->ld->scenario, seed);
}

static void
load_settings (Loader *ld, JsonObject *root)
{
  static const char *const members[] = {
    "seed", "tie_breaking", "reference_date", "reduction", "age_band_years",
    "default_rule", NULL
  };
  JsonNode *node = json_object_get_member (root, "settings");
  Item top = { ld, root, "", "the document", TRUE };
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      if (node != NULL)
        type_problem (&top, "settings", node, "an object");
      return;
    }
  Item it = { ld, json_node_get_object (node), "settings", "the settings",
              TRUE };
  int choice;
  SmDate date;
  SmReduction reduction;
  int32_t years;
  check_members (&it, members);
  load_seed (&it);
  if (get_choice (&it, "tie_breaking", NEED_OPTIONAL, tie_breaking_names,
                  "tie-breaking", &choice))
    sm_scenario_set_tie_breaking (ld->scenario, (SmTieBreaking) choice);
  if (get_date (&it, "reference_date", NEED_OPTIONAL, &date))
    sm_scenario_set_reference_date (ld->scenario, date);
  sm_scenario_get_reduction (ld->scenario, &reduction, &years);
  if (get_choice (&it, "reduction", NEED_OPTIONAL, reduction_names,
                  "reduction", &choice))
    reduction = (SmReduction) choice;
  get_int (&it, "age_band_years", NEED_OPTIONAL, 1, 200, &years);
  sm_scenario_set_reduction (ld->scenario, reduction, years);
  get_string (&it, "default_rule", NEED_NULLABLE, &ld->default_rule);
}

static void
apply_default_rule (Loader *ld)
{
  GError *error = NULL;
  if (ld->default_rule == NULL || is_broken (ld, "rule", ld->default_rule))
    return;
  if (!sm_scenario_set_default_rule (ld->scenario, ld->default_rule, &error))
    {
      report (ld, "settings.default_rule", error->code, "%s",
              error->message);
      g_error_free (error);
    }
}

/* ---- items -------------------------------------------------------------- */

static void
load_organisation (Item *it)
{
  static const char *const members[] = {
    "id", "name", "kind", "min_headcount", "max_headcount", NULL
  };
  SmOrganisationSpec spec = SM_ORGANISATION_SPEC_INIT;
  int kind = SM_ORGANISATION_RECEIVING;
  GError *error = NULL;
  check_members (it, members);
  get_string (it, "id", NEED_REQUIRED, &spec.id);
  get_string (it, "name", NEED_REQUIRED, &spec.name);
  get_choice (it, "kind", NEED_REQUIRED, organisation_kind_names,
              "organisation kind", &kind);
  get_int (it, "min_headcount", NEED_NULLABLE, 0, INT32_MAX,
           &spec.min_headcount);
  get_int (it, "max_headcount", NEED_NULLABLE, 0, INT32_MAX,
           &spec.max_headcount);
  spec.kind = (SmOrganisationKind) kind;
  if (it->ok)
    sm_scenario_add_organisation (it->ld->scenario, &spec, &error);
  finish_item (it, "organisation", spec.id, error, NULL, 0);
}

static void
load_unit (Item *it)
{
  static const char *const members[] = {
    "id", "name", "organisation", "contract_client", "contract_end_year",
    NULL
  };
  SmUnitSpec spec = SM_UNIT_SPEC_INIT;
  GError *error = NULL;
  check_members (it, members);
  get_string (it, "id", NEED_REQUIRED, &spec.id);
  get_string (it, "name", NEED_REQUIRED, &spec.name);
  get_string (it, "organisation", NEED_REQUIRED, &spec.organisation_id);
  get_string (it, "contract_client", NEED_NULLABLE,
              &spec.contract_client_id);
  get_int (it, "contract_end_year", NEED_NULLABLE, 1, INT32_MAX,
           &spec.contract_end_year);
  if (it->ok)
    sm_scenario_add_unit (it->ld->scenario, &spec, &error);
  const Ref refs[] = {
    { "organisation", spec.organisation_id },
    { "organisation", spec.contract_client_id },
  };
  finish_item (it, "unit", spec.id, error, refs, G_N_ELEMENTS (refs));
}

static void
load_criterion (Item *it, SmPriorityRule *rule)
{
  static const char *const members[] = { "criterion", "prefer", NULL };
  static const char *const names[] = {
    "fit", "same-grade", "committee-score", "service", "age", "travel", NULL
  };
  int criterion = 0, direction = 0;
  GError *error = NULL;
  check_members (it, members);
  get_choice (it, "criterion", NEED_REQUIRED, names, "criterion",
              &criterion);
  get_choice (it, "prefer", NEED_REQUIRED, direction_names, "direction",
              &direction);
  if (it->ok
      && !sm_priority_rule_add_criterion (rule, (SmCriterion) criterion,
                                          (SmDirection) direction, &error))
    {
      it->ok = FALSE;
      report (it->ld, it->path, error->code, "%s", error->message);
      g_error_free (error);
    }
}

/* Reads the rule's criteria; FALSE when one of them has a problem. */
static gboolean
load_criteria (Item *it, SmPriorityRule *rule)
{
  JsonNode *node = find_member (it, "criteria", NEED_REQUIRED);
  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      type_problem (it, "criteria", node, "a list");
      return FALSE;
    }
  JsonArray *array = json_node_get_array (node);
  gboolean ok = TRUE;
  for (guint k = 0; k < json_array_get_length (array); k++)
    {
      JsonNode *element = json_array_get_element (array, k);
      g_autofree char *name = g_strdup_printf ("criteria[%u]", k);
      g_autofree char *path = member_path (it, name);
      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          type_problem (it, name, element, "an object");
          ok = FALSE;
          continue;
        }
      Item sub = { it->ld, json_node_get_object (element), path,
                   "a criterion", TRUE };
      load_criterion (&sub, rule);
      ok = ok && sub.ok;
    }
  return ok;
}

static void
load_rule (Item *it)
{
  static const char *const members[] = {
    "id", "criteria", "max_grade_distance", "min_fit",
    "require_qualifications", NULL
  };
  const char *id = NULL;
  int32_t distance = -1;
  SmFit min_fit = SM_FIT_NONE;
  gboolean require = FALSE;
  GError *error = NULL;
  check_members (it, members);
  get_string (it, "id", NEED_REQUIRED, &id);
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new (id != NULL ? id
                                                                     : "");
  if (!load_criteria (it, rule))
    it->ok = FALSE;
  get_int (it, "max_grade_distance", NEED_NULLABLE, 0, INT32_MAX, &distance);
  get_fit (it, "min_fit", NEED_NULLABLE, &min_fit);
  get_bool (it, "require_qualifications", NEED_OPTIONAL, &require);
  sm_priority_rule_set_max_grade_distance (rule, distance);
  sm_priority_rule_set_min_fit (rule, min_fit);
  sm_priority_rule_set_require_qualifications (rule, require);
  if (it->ok)
    sm_scenario_add_rule (it->ld->scenario, rule, &error);
  finish_item (it, "rule", id, error, NULL, 0);
}

/* Reads "qualifications" into @list and points *@out at it. */
static void
load_qualifications (Item *it, GPtrArray **list, const char *const **out)
{
  if (get_string_list (it, "qualifications", NEED_OPTIONAL, list))
    *out = (const char *const *) (*list)->pdata;
}

static void
load_position (Item *it)
{
  static const char *const members[] = {
    "id", "title", "unit", "function", "grade", "fte", "seats",
    "target_seats", "qualifications", "rule", NULL
  };
  SmPositionSpec spec = SM_POSITION_SPEC_INIT;
  g_autoptr (GPtrArray) qualifications = NULL;
  GError *error = NULL;
  check_members (it, members);
  get_string (it, "id", NEED_REQUIRED, &spec.id);
  get_string (it, "title", NEED_REQUIRED, &spec.title);
  get_string (it, "unit", NEED_REQUIRED, &spec.unit_id);
  get_string (it, "function", NEED_REQUIRED, &spec.function_code);
  get_int (it, "grade", NEED_REQUIRED, INT32_MIN, INT32_MAX, &spec.grade);
  get_double (it, "fte", NEED_OPTIONAL, &spec.fte);
  get_int (it, "seats", NEED_OPTIONAL, INT32_MIN, INT32_MAX, &spec.seats);
  get_int (it, "target_seats", NEED_NULLABLE, 0, INT32_MAX,
           &spec.target_seats);
  load_qualifications (it, &qualifications, &spec.qualifications);
  get_string (it, "rule", NEED_NULLABLE, &spec.rule_id);
  if (it->ok)
    sm_scenario_add_position (it->ld->scenario, &spec, &error);
  const Ref refs[] = { { "unit", spec.unit_id }, { "rule", spec.rule_id } };
  finish_item (it, "position", spec.id, error, refs, G_N_ELEMENTS (refs));
}

static void
load_employee (Item *it)
{
  static const char *const members[] = {
    "id", "name", "function", "unit", "grade", "fte", "service_start",
    "birth_date", "qualifications", NULL
  };
  SmEmployeeSpec spec = SM_EMPLOYEE_SPEC_INIT;
  g_autoptr (GPtrArray) qualifications = NULL;
  GError *error = NULL;
  check_members (it, members);
  get_string (it, "id", NEED_REQUIRED, &spec.id);
  get_string (it, "name", NEED_REQUIRED, &spec.name);
  get_string (it, "function", NEED_REQUIRED, &spec.function_code);
  get_string (it, "unit", NEED_REQUIRED, &spec.unit_id);
  get_int (it, "grade", NEED_REQUIRED, INT32_MIN, INT32_MAX, &spec.grade);
  get_double (it, "fte", NEED_OPTIONAL, &spec.fte);
  get_date (it, "service_start", NEED_NULLABLE, &spec.service_start);
  get_date (it, "birth_date", NEED_NULLABLE, &spec.birth_date);
  load_qualifications (it, &qualifications, &spec.qualifications);
  if (it->ok)
    sm_scenario_add_employee (it->ld->scenario, &spec, &error);
  const Ref refs[] = { { "unit", spec.unit_id } };
  finish_item (it, "employee", spec.id, error, refs, G_N_ELEMENTS (refs));
}

static void
load_application (Item *it)
{
  static const char *const members[] = {
    "employee", "position", "preference", "committee_score", "travel_km",
    NULL
  };
  SmApplicationSpec spec = SM_APPLICATION_SPEC_INIT;
  GError *error = NULL;
  check_members (it, members);
  get_string (it, "employee", NEED_REQUIRED, &spec.employee_id);
  get_string (it, "position", NEED_REQUIRED, &spec.position_id);
  get_int (it, "preference", NEED_REQUIRED, INT32_MIN, INT32_MAX,
           &spec.preference);
  get_double (it, "committee_score", NEED_NULLABLE, &spec.committee_score);
  if (get_double (it, "travel_km", NEED_NULLABLE, &spec.travel_km)
      && spec.travel_km < 0.0)
    {
      g_autofree char *path = member_path (it, "travel_km");
      report (it->ld, path, SM_ERROR_INVALID_VALUE, "'travel_km' is "
              "negative; give the distance, or null when it is not known.");
      it->ok = FALSE;
    }
  if (it->ok)
    sm_scenario_add_application (it->ld->scenario, &spec, &error);
  const Ref refs[] = {
    { "employee", spec.employee_id }, { "position", spec.position_id },
  };
  finish_item (it, NULL, NULL, error, refs, G_N_ELEMENTS (refs));
}

static void
load_relation (Item *it)
{
  static const char *const members[] = { "from", "to", "fit", NULL };
  const char *from = NULL, *to = NULL;
  SmFit fit = SM_FIT_NONE;
  GError *error = NULL;
  check_members (it, members);
  get_string (it, "from", NEED_REQUIRED, &from);
  get_string (it, "to", NEED_REQUIRED, &to);
  get_fit (it, "fit", NEED_REQUIRED, &fit);
  if (it->ok)
    sm_scenario_add_function_relation (it->ld->scenario, from, to, fit,
                                       &error);
  finish_item (it, NULL, NULL, error, NULL, 0);
}

static void
load_manual_placement (Item *it)
{
  static const char *const members[] = {
    "employee", "position", "reason", NULL
  };
  const char *employee = NULL, *position = NULL, *reason = NULL;
  GError *error = NULL;
  check_members (it, members);
  get_string (it, "employee", NEED_REQUIRED, &employee);
  get_string (it, "position", NEED_REQUIRED, &position);
  get_string (it, "reason", NEED_REQUIRED, &reason);
  if (it->ok)
    sm_scenario_add_manual_placement (it->ld->scenario, employee, position,
                                      reason, &error);
  const Ref refs[] = {
    { "employee", employee }, { "position", position },
  };
  finish_item (it, NULL, NULL, error, refs, G_N_ELEMENTS (refs));
}

/* ---- the document ------------------------------------------------------- */

typedef void (*LoadItemFunc) (Item *it);

/* Loads each object of the list @member of the document with @func;
 * @kind names the items for finish_item(), @what names one in messages
 * ("an employee"). */
static void
load_list (Loader *ld, JsonObject *root, const char *member, Need need,
           const char *kind, const char *what, LoadItemFunc func)
{
  Item top = { ld, root, "", "the document", TRUE };
  JsonNode *node = find_member (&top, member, need);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      if (node != NULL)
        type_problem (&top, member, node, "a list");
      if (!top.ok)
        g_hash_table_add (ld->broken, g_strdup (kind));
      return;
    }
  JsonArray *array = json_node_get_array (node);
  for (guint k = 0; k < json_array_get_length (array); k++)
    {
      JsonNode *element = json_array_get_element (array, k);
      g_autofree char *name = g_strdup_printf ("%s[%u]", member, k);
      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          type_problem (&top, name, element, "an object");
          g_hash_table_add (ld->broken, g_strdup (kind));
          continue;
        }
      Item it = { ld, json_node_get_object (element), name, what, TRUE };
      func (&it);
    }
}

/* Checks "format" and "version"; FALSE when the document is not one this
 * library reads (then nothing else is worth reporting). */
static gboolean
check_header (Loader *ld, JsonObject *root)
{
  Item top = { ld, root, "", "the document", TRUE };
  const char *format;
  int32_t version;
  if (!get_string (&top, "format", NEED_REQUIRED, &format))
    return FALSE;
  if (!g_str_equal (format, SCENARIO_FORMAT))
    {
      g_autofree char *shown = quote_if_plain (format);
      report (ld, "format", SM_ERROR_PARSE, "This is not a staffmatch "
              "scenario: its format%s is not '" SCENARIO_FORMAT "'%s.",
              shown, g_str_equal (format, PLACEMENT_FORMAT)
              ? " (it is a placement, which is an output)" : "");
      return FALSE;
    }
  if (!get_int (&top, "version", NEED_REQUIRED, INT32_MIN, INT32_MAX,
                &version))
    return FALSE;
  if (version != FORMAT_VERSION)
    {
      report (ld, "version", SM_ERROR_INVALID_VALUE, "This document is "
              "version %d of the scenario format; this library (staffmatch "
              "%s) reads version %d%s.", (int) version, sm_version (),
              FORMAT_VERSION, version > FORMAT_VERSION
              ? ": load it with a newer staffmatch" : "");
      return FALSE;
    }
  return TRUE;
}

static void
load_root (Loader *ld, JsonNode *root)
{
  static const char *const members[] = {
    "format", "version", "settings", "organisations", "units", "rules",
    "positions", "employees", "applications", "function_relations",
    "manual_placements", NULL
  };
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      report (ld, NULL, SM_ERROR_PARSE, "The document is %s; a scenario is "
              "a JSON object with \"format\": \"" SCENARIO_FORMAT "\".",
              root == NULL ? "empty" : describe_node (root));
      return;
    }
  JsonObject *object = json_node_get_object (root);
  Item top = { ld, object, "", "the document", TRUE };
  if (!check_header (ld, object))
    return;
  check_members (&top, members);
  load_settings (ld, object);
  load_list (ld, object, "organisations", NEED_REQUIRED, "organisation",
             "an organisation", load_organisation);
  load_list (ld, object, "units", NEED_REQUIRED, "unit", "a unit",
             load_unit);
  load_list (ld, object, "rules", NEED_OPTIONAL, "rule", "a rule",
             load_rule);
  load_list (ld, object, "positions", NEED_REQUIRED, "position",
             "a position", load_position);
  load_list (ld, object, "employees", NEED_REQUIRED, "employee",
             "an employee", load_employee);
  load_list (ld, object, "applications", NEED_OPTIONAL, "application",
             "an application", load_application);
  load_list (ld, object, "function_relations", NEED_OPTIONAL, "relation",
             "a function relation", load_relation);
  load_list (ld, object, "manual_placements", NEED_OPTIONAL, "manual",
             "a manual placement", load_manual_placement);
  apply_default_rule (ld);
}

/* ---- text that is not JSON ---------------------------------------------- */

/* Drops what json-glib quotes from the text: a token as `token' (unless
 * it is one character, such as `,'), a string as "string" (up to the last
 * '"', as the string may hold quotes): either may be personal data. */
static char *
drop_quoted_tokens (const char *text)
{
  GString *out = g_string_new (NULL);
  const char *last_quote = strrchr (text, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      const char *close = NULL;
      if (*p == '`')
        close = strchr (p + 1, '\'');
      else if (*p == '"')
        close = last_quote;
      if (close != NULL && (close - p > 2 || *p == '"'))
        {
          while (out->len > 0 && out->str[out->len - 1] == ' ')
            g_string_truncate (out, out->len - 1);
          p = close;
          continue;
        }
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* json-glib 1.6 writes "<data>:LINE:COLUMN: Parse error: WHAT". */
static void
report_syntax (Loader *ld, const GError *error)
{
  static const char prefix[] = "Parse error: ";
  int line = 0, column = 0, consumed = 0;
  const char *text = error->message;
  if (sscanf (text, "<data>:%d:%d: %n", &line, &column, &consumed) == 2
      && consumed > 0)
    text += consumed;
  else
    line = column = 0;
  if (g_str_has_prefix (text, prefix))
    text += strlen (prefix);
  g_autofree char *clean = drop_quoted_tokens (text);
  sm_problem_list__add (ld->problems, ld->name, line, column, NULL,
                        SM_ERROR_PARSE, "This is not valid JSON: %s; "
                        "correct the text at this place.", clean);
}

/* The text must be UTF-8 (json-glib says so without a place). */
static gboolean
check_utf8 (Loader *ld)
{
  const char *bad;
  if (g_utf8_validate_len (ld->text, ld->length, &bad))
    return TRUE;
  Locator l = { ld->text, bad, { 1, 1 }, NULL, NULL };
  while (l.p < l.end)
    locator_step (&l);
  sm_problem_list__add (ld->problems, ld->name, l.at.line, l.at.column, NULL,
                        SM_ERROR_PARSE, "The text is not UTF-8 (or holds a "
                        "NUL byte) from here on; save the file as UTF-8.");
  return FALSE;
}

static void
parse_and_load (Loader *ld)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  GError *error = NULL;
  if (!check_utf8 (ld))
    return;
  if (!json_parser_load_from_data (parser, ld->text, (gssize) ld->length,
                                   &error))
    {
      report_syntax (ld, error);
      g_error_free (error);
      return;
    }
  if (json_parser_has_assignment (parser, NULL))
    {
      report (ld, NULL, SM_ERROR_PARSE, "The document is a JavaScript "
              "assignment ('var x = ...'); a scenario is plain JSON: "
              "remove the assignment.");
      return;
    }
  load_root (ld, json_parser_get_root (parser));
}

/* (transfer full): the scenario as far as it could be read; the problems
 * go to @problems. */
static SmScenario *
load_text (const char *data, gsize length, const char *name,
           SmProblemList *problems)
{
  static const char bom[] = "\xEF\xBB\xBF";
  Loader ld = { name, data, length, problems, NULL,
                g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       NULL),
                sm_scenario_new (), NULL };
  if (length >= 3 && memcmp (data, bom, 3) == 0)
    {
      ld.text += 3;
      ld.length -= 3;
    }
  parse_and_load (&ld);
  g_clear_pointer (&ld.where, g_hash_table_unref);
  g_hash_table_unref (ld.broken);
  return ld.scenario;
}

/* Copies the problems @found to @problems (when given) and returns
 * @scenario, or, when there is a problem, frees it, sets @error from the
 * first and returns NULL. */
static SmScenario *
finish_load (SmScenario *scenario, const SmProblemList *found,
             SmProblemList *problems, GError **error)
{
  int32_t n = sm_problem_list_get_n (found);
  for (int32_t k = 0; problems != NULL && k < n; k++)
    {
      SmProblem p;
      sm_problem_list_get (found, k, &p);
      sm_problem_list__add (problems, p.file, p.line, p.column, p.field,
                            p.code, "%s", p.message);
    }
  if (n == 0)
    return scenario;
  sm_scenario_free (scenario);
  sm_problem_list__to_error (found, error);
  return NULL;
}

SmScenario *
sm_scenario_load_json_data (const char *data, gsize length, const char *name,
                            SmProblemList *problems, GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autoptr (SmProblemList) found = sm_problem_list_new ();
  SmScenario *scenario = load_text (data != NULL ? data : "", length,
                                    name != NULL ? name : "JSON text",
                                    found);
  return finish_load (scenario, found, problems, error);
}

SmScenario *
sm_scenario_load_json (const char *path, SmProblemList *problems,
                       GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autofree char *name = g_filename_display_name (path);
  GError *io_error = NULL;
  g_autoptr (GBytes) bytes = sm_text_file__load (path, &io_error);
  if (bytes == NULL)
    {
      g_autoptr (SmProblemList) found = sm_problem_list_new ();
      sm_problem_list__add (found, name, 0, 0, NULL, io_error->code, "%s",
                            io_error->message);
      g_error_free (io_error);
      return finish_load (NULL, found, problems, error);
    }
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  return sm_scenario_load_json_data (data, length, name, problems, error);
}
