/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the GType of every public type (types.h), for GObject
 * Introspection.
 *
 * Enums are registered from their values' C names, written here in the
 * order of the enum, with nicks made as glib-mkenums makes them
 * ("SM_TIE_BREAKING_PER_POSITION" is "per-position"), so a binding
 * names a value as C does (StaffMatch.TieBreaking.PER_POSITION). The
 * names in files are another thing: sm_<enum>_to_string() gives them
 * ("en" for SM_LANGUAGE_ENGLISH). The arrays are built once, at the first
 * call, and live as long as the process, as every registered type does.
 *
 * Boxed types copy and free as types.h says. The single-owner types
 * (SmPlacement and the four others the C API never lends) get a "hold"
 * for a copy: a count of extra holders per object in one table under one
 * lock. A binding copies such a value only when it keeps one it did not
 * own, which the API gives no occasion for, so the table stays empty in
 * practice; it exists so that g_boxed_copy() is never wrong.
 */
#include <staffmatch/types.h>

#include <staffmatch/bindings.h>
#include <staffmatch/staffmatch.h>

#include <string.h>

/* ---- enums -------------------------------------------------------------- */

/* "SM_TIE_BREAKING_" for "SmTieBreaking": where the C names of the
 * type's values start. */
static char *
value_prefix (const char *type_name)
{
  GString *prefix = g_string_new (NULL);
  for (const char *c = type_name; *c != '\0'; c++)
    {
      if (g_ascii_isupper (*c) && c != type_name)
        g_string_append_c (prefix, '_');
      g_string_append_c (prefix, g_ascii_toupper (*c));
    }
  g_string_append_c (prefix, '_');
  return g_string_free (prefix, FALSE);
}

/* Registers @type_name with the values @first, @first + 1, ... named
 * @c_names (NULL-terminated), each nicked as glib-mkenums would: its C
 * name without the type's prefix, in lower case with '-' for '_'. */
static GType
register_enum (const char *type_name, int first, const char *const *c_names)
{
  g_autofree char *prefix = value_prefix (type_name);
  guint n = g_strv_length ((char **) c_names);
  GEnumValue *values = g_new0 (GEnumValue, n + 1);
  for (guint k = 0; k < n; k++)
    {
      g_assert (g_str_has_prefix (c_names[k], prefix));
      g_autofree char *nick = g_ascii_strdown (c_names[k] + strlen (prefix),
                                               -1);
      g_strdelimit (nick, "_", '-');
      values[k].value = first + (int) k;
      values[k].value_name = c_names[k];
      values[k].value_nick = g_intern_string (nick);
    }
  return g_enum_register_static (type_name, values);
}

/* Defines sm_<name>_get_type() for the values named, from @first on. */
#define SM_DEFINE_ENUM_TYPE(name, TypeName, first, ...)                        \
  GType sm_##name##_get_type (void)                                            \
  {                                                                            \
    static gsize type = 0;                                                     \
    if (g_once_init_enter (&type))                                             \
      {                                                                        \
        static const char *const c_names[] = { __VA_ARGS__, NULL };            \
        g_once_init_leave (&type, register_enum (#TypeName, first, c_names));  \
      }                                                                        \
    return type;                                                               \
  }

SM_DEFINE_ENUM_TYPE (violation_kind, SmViolationKind, 0,
                     "SM_VIOLATION_KIND_OVER_SEATS",
                     "SM_VIOLATION_KIND_NOT_ACCEPTABLE",
                     "SM_VIOLATION_KIND_OVER_CAP")
SM_DEFINE_ENUM_TYPE (reason, SmReason, 0, "SM_REASON_NOT_ELIGIBLE",
                     "SM_REASON_FULL", "SM_REASON_CAP", "SM_REASON_MANUAL",
                     "SM_REASON_REFLECTION", "SM_REASON_MANUAL_SEAT")
SM_DEFINE_ENUM_TYPE (filter, SmFilter, 0, "SM_FILTER_NONE", "SM_FILTER_GRADE",
                     "SM_FILTER_FIT", "SM_FILTER_QUALIFICATIONS")
SM_DEFINE_ENUM_TYPE (csv_delimiter, SmCsvDelimiter, 0,
                     "SM_CSV_DELIMITER_SEMICOLON", "SM_CSV_DELIMITER_COMMA")
SM_DEFINE_ENUM_TYPE (language, SmLanguage, 0, "SM_LANGUAGE_DUTCH",
                     "SM_LANGUAGE_ENGLISH")
SM_DEFINE_ENUM_TYPE (regime, SmRegime, 0, "SM_REGIME_PUBLIC_LAW",
                     "SM_REGIME_EMPLOYMENT_LAW")
SM_DEFINE_ENUM_TYPE (side, SmSide, 0, "SM_SIDE_EMPLOYEES", "SM_SIDE_POSITIONS")
SM_DEFINE_ENUM_TYPE (status, SmStatus, 0, "SM_STATUS_PLACED",
                     "SM_STATUS_FOLLOWS_WORK", "SM_STATUS_SUPERNUMERARY",
                     "SM_STATUS_MANUAL")
SM_DEFINE_ENUM_TYPE (fit, SmFit, 0, "SM_FIT_SAME", "SM_FIT_INTERCHANGEABLE",
                     "SM_FIT_SUITABLE", "SM_FIT_REASONABLE", "SM_FIT_NONE")
SM_DEFINE_ENUM_TYPE (criterion, SmCriterion, 0, "SM_CRITERION_FIT",
                     "SM_CRITERION_SAME_GRADE", "SM_CRITERION_COMMITTEE_SCORE",
                     "SM_CRITERION_SERVICE", "SM_CRITERION_AGE",
                     "SM_CRITERION_TRAVEL")
SM_DEFINE_ENUM_TYPE (direction, SmDirection, 0, "SM_DIRECTION_HIGHER_FIRST",
                     "SM_DIRECTION_LOWER_FIRST")
SM_DEFINE_ENUM_TYPE (tie_breaking, SmTieBreaking, 0, "SM_TIE_BREAKING_SINGLE",
                     "SM_TIE_BREAKING_PER_POSITION")
SM_DEFINE_ENUM_TYPE (organisation_kind, SmOrganisationKind, 0,
                     "SM_ORGANISATION_KIND_RECEIVING",
                     "SM_ORGANISATION_KIND_DEFAULT")
SM_DEFINE_ENUM_TYPE (reduction, SmReduction, 0, "SM_REDUCTION_PRIORITY",
                     "SM_REDUCTION_REFLECTION")
SM_DEFINE_ENUM_TYPE (severity, SmSeverity, 0, "SM_SEVERITY_WARNING",
                     "SM_SEVERITY_ERROR")
SM_DEFINE_ENUM_TYPE (granularity, SmGranularity, 0, "SM_GRANULARITY_DAYS",
                     "SM_GRANULARITY_MONTHS", "SM_GRANULARITY_YEARS")
SM_DEFINE_ENUM_TYPE (mechanism, SmMechanism, 0, "SM_MECHANISM_DA_SINGLE",
                     "SM_MECHANISM_DA_PER_POSITION", "SM_MECHANISM_DA_SIC")

SM_DEFINE_ENUM_TYPE (error, SmError, SM_ERROR_INVALID_SIZE,
                     "SM_ERROR_INVALID_SIZE", "SM_ERROR_TOO_LARGE",
                     "SM_ERROR_INDEX_OUT_OF_RANGE", "SM_ERROR_DUPLICATE",
                     "SM_ERROR_INVALID_SEATS", "SM_ERROR_PRIORITY_MISMATCH",
                     "SM_ERROR_PARSE", "SM_ERROR_IO", "SM_ERROR_NO_MEMORY",
                     "SM_ERROR_DUPLICATE_ID", "SM_ERROR_UNKNOWN_ID",
                     "SM_ERROR_INVALID_VALUE", "SM_ERROR_INFEASIBLE",
                     "SM_ERROR_IN_USE")

/* ---- holds on single-owner objects -------------------------------------- */

static GMutex holds_lock;
static GHashTable *holds; /* object -> extra holders (GINT_TO_POINTER) */

static gpointer
hold (gpointer object)
{
  g_mutex_lock (&holds_lock);
  if (holds == NULL)
    holds = g_hash_table_new (NULL, NULL);
  int extra = GPOINTER_TO_INT (g_hash_table_lookup (holds, object));
  g_hash_table_insert (holds, object, GINT_TO_POINTER (extra + 1));
  g_mutex_unlock (&holds_lock);
  return object;
}

/* Drops one holder of @object: TRUE when it was the last, which then
 * frees the object. */
static gboolean
release (gpointer object)
{
  g_mutex_lock (&holds_lock);
  int extra = holds != NULL
                  ? GPOINTER_TO_INT (g_hash_table_lookup (holds, object))
                  : 0;
  if (extra > 1)
    g_hash_table_insert (holds, object, GINT_TO_POINTER (extra - 1));
  else if (extra == 1)
    g_hash_table_remove (holds, object);
  g_mutex_unlock (&holds_lock);
  return extra == 0;
}

#define SM_DEFINE_HELD_TYPE(TypeName, type_name)                               \
  static TypeName *type_name##_hold (TypeName *object)                         \
  {                                                                            \
    return hold (object);                                                      \
  }                                                                            \
  static void type_name##_release (TypeName *object)                           \
  {                                                                            \
    if (release (object))                                                      \
      type_name##_free (object);                                               \
  }                                                                            \
  G_DEFINE_BOXED_TYPE (TypeName, type_name, type_name##_hold,                  \
                       type_name##_release)

SM_DEFINE_HELD_TYPE (SmPlacement, sm_placement)
SM_DEFINE_HELD_TYPE (SmCheckReport, sm_check_report)
SM_DEFINE_HELD_TYPE (SmIssueList, sm_issue_list)
SM_DEFINE_HELD_TYPE (SmProblemList, sm_problem_list)
SM_DEFINE_HELD_TYPE (SmMarketBuilder, sm_market_builder)

/* ---- shared and copied opaque types ------------------------------------- */

G_DEFINE_BOXED_TYPE (SmScenario, sm_scenario, sm_scenario_ref,
                     sm_scenario_unref)
G_DEFINE_BOXED_TYPE (SmMarket, sm_market, sm_market_ref, sm_market_unref)
G_DEFINE_BOXED_TYPE (SmSimulation, sm_simulation, sm_simulation_ref,
                     sm_simulation_unref)
G_DEFINE_BOXED_TYPE (SmMatching, sm_matching, sm_matching_copy,
                     sm_matching_free)
G_DEFINE_BOXED_TYPE (SmPriorityRule, sm_priority_rule, sm_priority_rule_copy,
                     sm_priority_rule_free)

/* ---- plain records ------------------------------------------------------ */

#define SM_DEFINE_PLAIN_TYPE(TypeName, type_name)                              \
  static TypeName *type_name##_dup (const TypeName *record)                    \
  {                                                                            \
    return g_memdup2 (record, sizeof *record);                                 \
  }                                                                            \
  G_DEFINE_BOXED_TYPE (TypeName, type_name, type_name##_dup, g_free)

SM_DEFINE_PLAIN_TYPE (SmDate, sm_date)
SM_DEFINE_PLAIN_TYPE (SmEdge, sm_edge)
SM_DEFINE_PLAIN_TYPE (SmViolation, sm_violation)
SM_DEFINE_PLAIN_TYPE (SmBlockingPair, sm_blocking_pair)
SM_DEFINE_PLAIN_TYPE (SmEmployeeOutcome, sm_employee_outcome)
SM_DEFINE_PLAIN_TYPE (SmRefusal, sm_refusal)
SM_DEFINE_PLAIN_TYPE (SmPositionResult, sm_position_result)
SM_DEFINE_PLAIN_TYPE (SmUnitResult, sm_unit_result)
SM_DEFINE_PLAIN_TYPE (SmPlaceOptions, sm_place_options)
SM_DEFINE_PLAIN_TYPE (SmSimulationOptions, sm_simulation_options)
SM_DEFINE_PLAIN_TYPE (SmSimulatedOutcome, sm_simulated_outcome)
SM_DEFINE_PLAIN_TYPE (SmSimulationSummary, sm_simulation_summary)
SM_DEFINE_PLAIN_TYPE (SmReportOptions, sm_report_options)

/* ---- records that own their strings (bindings.c) ------------------------ */

G_DEFINE_BOXED_TYPE (SmProblem, sm_problem, sm_problem_copy, sm_problem_free)
G_DEFINE_BOXED_TYPE (SmIssue, sm_issue, sm_issue_copy, sm_issue_free)
G_DEFINE_BOXED_TYPE (SmLetterOptions, sm_letter_options, sm_letter_options_copy,
                     sm_letter_options_free)
G_DEFINE_BOXED_TYPE (SmLetterSettings, sm_letter_settings,
                     sm_letter_settings_copy, sm_letter_settings_free)
G_DEFINE_BOXED_TYPE (SmOrganisationSpec, sm_organisation_spec,
                     sm_organisation_spec_copy, sm_organisation_spec_free)
G_DEFINE_BOXED_TYPE (SmUnitSpec, sm_unit_spec, sm_unit_spec_copy,
                     sm_unit_spec_free)
G_DEFINE_BOXED_TYPE (SmPositionSpec, sm_position_spec, sm_position_spec_copy,
                     sm_position_spec_free)
G_DEFINE_BOXED_TYPE (SmEmployeeSpec, sm_employee_spec, sm_employee_spec_copy,
                     sm_employee_spec_free)
G_DEFINE_BOXED_TYPE (SmApplicationSpec, sm_application_spec,
                     sm_application_spec_copy, sm_application_spec_free)
