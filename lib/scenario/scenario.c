/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the scenario, the domain model of a reorganisation.
 *
 * A scenario is filled item by item, typically by a file reader, and then
 * compiled into a market. Every add function first validates the whole
 * item against what is already there (identifiers unique per kind,
 * references to items that exist, values in range, the structural rules
 * of the model) and only then stores it, so a failed add leaves the
 * scenario exactly as it was. The order of validation is: the item's own
 * identifier, then the identifiers it refers to, then its values, then
 * what it would make impossible as a whole (SM_ERROR_INFEASIBLE).
 *
 * Storage (see scenario-private.h): one array of records per kind in the
 * order added, a hash table from identifier to index per kind, and all
 * strings interned once in a GStringChunk that lives as long as the
 * scenario, so getters can hand out borrowed pointers. Identifiers are
 * resolved to indices when an item is added; the compiler never looks a
 * string up.
 *
 * Ordering constraints that follow from the references: organisations
 * before their units, units before their positions and employees (and the
 * default organisation before the employees, whose units belong to it),
 * rules before the positions that name them, employees and positions
 * before applications and manual placements.
 *
 * Error messages name items by identifier (an employee by personnel
 * number), never by name, and never quote a date, which may be a birth
 * date.
 *
 * Lifetime: reference counted (atomically). A placement holds a reference
 * and, while it lives, freezes the scenario (n_placements > 0): it reads
 * the scenario's arrays with the sizes they had when it was made, so every
 * add is refused with SM_ERROR_IN_USE before it could grow them.
 */
#include "scenario/scenario-private.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <staffmatch/error.h>

#define SM_SCENARIO_MAX_ITEMS (INT32_MAX - 1)

/* The longest employee identifier, in bytes: it becomes a file name, and
 * file systems allow 255 bytes for one, with room left for ".txt" and a
 * temporary suffix. */
#define SM_SCENARIO_MAX_FILE_ID 200

static void position_record_clear (gpointer data);
static void employee_record_clear (gpointer data);

SmScenario *
sm_scenario_new (void)
{
  SmScenario *s = g_new0 (SmScenario, 1);
  s->ref_count = 1;
  s->strings = g_string_chunk_new (4096);
  s->organisations = g_array_new (FALSE, TRUE, sizeof (SmOrganisationRecord));
  s->units = g_array_new (FALSE, TRUE, sizeof (SmUnitRecord));
  s->positions = g_array_new (FALSE, TRUE, sizeof (SmPositionRecord));
  g_array_set_clear_func (s->positions, position_record_clear);
  s->employees = g_array_new (FALSE, TRUE, sizeof (SmEmployeeRecord));
  g_array_set_clear_func (s->employees, employee_record_clear);
  s->applications = g_array_new (FALSE, TRUE, sizeof (SmApplicationRecord));
  s->manual = g_array_new (FALSE, TRUE, sizeof (SmManualPlacement));
  s->organisation_index = g_hash_table_new (g_str_hash, g_str_equal);
  s->unit_index = g_hash_table_new (g_str_hash, g_str_equal);
  s->position_index = g_hash_table_new (g_str_hash, g_str_equal);
  s->employee_index = g_hash_table_new (g_str_hash, g_str_equal);
  s->rule_index = g_hash_table_new (g_str_hash, g_str_equal);
  s->default_organisation = -1;
  s->rules = g_ptr_array_new_with_free_func (
      (GDestroyNotify) sm_priority_rule_free);
  s->default_rule = -1;
  s->builtin_rule = sm_priority_rule_new_default ();
  s->fits = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify) g_hash_table_unref);
  s->relations = g_array_new (FALSE, FALSE, sizeof (SmFunctionRelation));
  s->seed = 0;
  s->tie_breaking = SM_TIE_BREAKING_SINGLE;
  s->improvement_cycles = FALSE;
  s->reference_date = (SmDate){ 2019, 1, 1 };
  s->reduction = SM_REDUCTION_PRIORITY;
  s->age_band_years = 10;
  s->letters = (SmLetterSettings) SM_LETTER_SETTINGS_INIT;
  return s;
}

static void
position_record_clear (gpointer data)
{
  SmPositionRecord *p = data;
  g_free ((gpointer) p->spec.qualifications);
}

static void
employee_record_clear (gpointer data)
{
  SmEmployeeRecord *e = data;
  g_free ((gpointer) e->spec.qualifications);
  g_free (e->apps);
}

SmScenario *
sm_scenario_ref (const SmScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  /* The count is the only part changed; a const scenario stays as it was. */
  SmScenario *self = (SmScenario *) scenario;
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
sm_scenario_free (SmScenario *scenario)
{
  sm_scenario_unref (scenario);
}

void
sm_scenario__hold (const SmScenario *scenario)
{
  SmScenario *s = (SmScenario *) scenario;
  g_return_if_fail (s != NULL);
  sm_scenario_ref (s);
  g_atomic_int_inc (&s->n_placements);
}

void
sm_scenario__release (const SmScenario *scenario)
{
  SmScenario *s = (SmScenario *) scenario;
  if (s == NULL)
    return;
  g_atomic_int_add (&s->n_placements, -1);
  sm_scenario_unref (s);
}

/* Refuses a change while a placement reads the scenario. */
static gboolean
check_not_in_use (const SmScenario *s, GError **error)
{
  if (g_atomic_int_get (&s->n_placements) == 0)
    return TRUE;
  g_set_error_literal (error, SM_ERROR, SM_ERROR_IN_USE,
                       "The scenario cannot change while a placement made "
                       "from it exists; free the placement first.");
  return FALSE;
}

void
sm_scenario_unref (SmScenario *scenario)
{
  if (scenario == NULL || !g_atomic_int_dec_and_test (&scenario->ref_count))
    return;
  g_array_unref (scenario->organisations);
  g_array_unref (scenario->units);
  g_array_unref (scenario->positions);
  g_array_unref (scenario->employees);
  g_array_unref (scenario->applications);
  g_array_unref (scenario->manual);
  g_hash_table_unref (scenario->organisation_index);
  g_hash_table_unref (scenario->unit_index);
  g_hash_table_unref (scenario->position_index);
  g_hash_table_unref (scenario->employee_index);
  g_hash_table_unref (scenario->rule_index);
  g_ptr_array_unref (scenario->rules);
  sm_priority_rule_free (scenario->builtin_rule);
  g_hash_table_unref (scenario->fits);
  g_array_unref (scenario->relations);
  g_string_chunk_free (scenario->strings);
  g_free (scenario);
}

/* ---- helpers: strings, identifiers, values ------------------------------ */

static const char *
intern (SmScenario *s, const char *text)
{
  return text == NULL ? NULL : g_string_chunk_insert_const (s->strings, text);
}

/* A NULL-terminated copy of @list with interned strings, or NULL. */
static const char *const *
intern_list (SmScenario *s, const char *const *list)
{
  if (list == NULL)
    return NULL;
  guint n = g_strv_length ((char **) list);
  const char **copy = g_new (const char *, n + 1);
  for (guint k = 0; k < n; k++)
    copy[k] = intern (s, list[k]);
  copy[n] = NULL;
  return copy;
}

/* The index of @id in @table, or -1. */
static int32_t
lookup (GHashTable *table, const char *id)
{
  if (id == NULL)
    return -1;
  return GPOINTER_TO_INT (g_hash_table_lookup (table, id)) - 1;
}

static void
insert_index (GHashTable *table, const char *interned_id, guint index)
{
  g_hash_table_insert (table, (gpointer) interned_id,
                       GINT_TO_POINTER ((int) index + 1));
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* An item's own identifier: given, not blank, not taken, and room left. */
static gboolean
check_new_id (GHashTable *table, const char *kind, const char *id,
              GError **error)
{
  if (id == NULL || is_blank (id))
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
                   "A %s has no identifier; give every %s a unique, "
                   "non-empty identifier.",
                   kind, kind);
      return FALSE;
    }
  if (lookup (table, id) >= 0)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_DUPLICATE_ID,
                   "The %s identifier '%s' is already taken; identifiers "
                   "of %ss must be unique.",
                   kind, id, kind);
      return FALSE;
    }
  if (g_hash_table_size (table) >= SM_SCENARIO_MAX_ITEMS)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_TOO_LARGE,
                   "Adding %s '%s' makes more %ss than the %d that 32-bit "
                   "indices allow.",
                   kind, id, kind, SM_SCENARIO_MAX_ITEMS);
      return FALSE;
    }
  return TRUE;
}

/* A reference from item @kind @id to a @target_kind: given and known.
 * @hint says what to do when it is unknown. */
static gboolean
resolve (GHashTable *table, const char *kind, const char *id,
         const char *target_kind, const char *target_id, const char *hint,
         int32_t *index_out, GError **error)
{
  if (target_id == NULL || is_blank (target_id))
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
                   "%c%s '%s' names no %s; give the identifier of its %s.",
                   g_ascii_toupper (kind[0]), kind + 1, id, target_kind,
                   target_kind);
      return FALSE;
    }
  *index_out = lookup (table, target_id);
  if (*index_out >= 0)
    return TRUE;
  g_set_error (error, SM_ERROR, SM_ERROR_UNKNOWN_ID,
               "%c%s '%s' names %s '%s', which does not exist; %s.",
               g_ascii_toupper (kind[0]), kind + 1, id, target_kind, target_id,
               hint);
  return FALSE;
}

/* An optional reference: NULL means none (-1). */
static gboolean
resolve_optional (GHashTable *table, const char *kind, const char *id,
                  const char *target_kind, const char *target_id,
                  const char *hint, int32_t *index_out, GError **error)
{
  *index_out = -1;
  if (target_id == NULL)
    return TRUE;
  return resolve (table, kind, id, target_kind, target_id, hint, index_out,
                  error);
}

static gboolean invalid (GError **error, const char *kind, const char *id,
                         const char *format, ...) G_GNUC_PRINTF (4, 5);

/* Sets SM_ERROR_INVALID_VALUE with "Kind 'id' " before the message. */
static gboolean
invalid (GError **error, const char *kind, const char *id, const char *format,
         ...)
{
  va_list args;
  va_start (args, format);
  g_autofree char *what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE, "%c%s '%s' %s",
               g_ascii_toupper (kind[0]), kind + 1, id, what);
  return FALSE;
}

static gboolean
check_required_text (const char *kind, const char *id, const char *field,
                     const char *text, gboolean may_be_empty, GError **error)
{
  if (text != NULL && (may_be_empty || !is_blank (text)))
    return TRUE;
  return invalid (error, kind, id, "has no %s; give one.", field);
}

static gboolean
check_fte (const char *kind, const char *id, double fte, GError **error)
{
  if (fte > 0.0 && fte <= 2.0)
    return TRUE;
  return invalid (error, kind, id,
                  "has an FTE of %g; an FTE must be more "
                  "than 0 and at most 2.",
                  fte);
}

static gboolean
check_grade (const char *kind, const char *id, int32_t grade, GError **error)
{
  if (grade >= 0)
    return TRUE;
  return invalid (error, kind, id,
                  "has grade %d; a salary grade cannot be "
                  "negative.",
                  (int) grade);
}

static gboolean
check_qualifications (const char *kind, const char *id, const char *const *list,
                      GError **error)
{
  for (; list != NULL && *list != NULL; list++)
    if (is_blank (*list))
      return invalid (error, kind, id,
                      "lists an empty qualification; "
                      "leave it out.");
  return TRUE;
}

/* Appends a zeroed element to @array and returns it with its index. */
static gpointer
append_record (GArray *array, guint *index_out)
{
  *index_out = array->len;
  g_array_set_size (array, array->len + 1);
  return array->data + (gsize) *index_out * g_array_get_element_size (array);
}

/* ---- organisations ------------------------------------------------------ */

static gboolean
check_headcount (const SmOrganisationSpec *spec, GError **error)
{
  const char *kind = "organisation";
  if (spec->min_headcount < -1 || spec->max_headcount < -1)
    return invalid (error, kind, spec->id,
                    "has a negative headcount "
                    "bound; give 0 or more, or -1 for none.");
  if (spec->min_headcount >= 0 && spec->max_headcount >= 0
      && spec->min_headcount > spec->max_headcount)
    return invalid (error, kind, spec->id,
                    "has a headcount band from %d "
                    "to %d; the lower end cannot be above the upper end.",
                    (int) spec->min_headcount, (int) spec->max_headcount);
  if (spec->kind == SM_ORGANISATION_KIND_DEFAULT && spec->max_headcount >= 0)
    return invalid (error, kind, spec->id,
                    "is the default organisation, "
                    "which takes everyone, so it cannot have a maximum "
                    "headcount; give -1.");
  return TRUE;
}

static gboolean
check_organisation (const SmScenario *s, const SmOrganisationSpec *spec,
                    GError **error)
{
  if (!check_new_id (s->organisation_index, "organisation", spec->id, error)
      || !check_required_text ("organisation", spec->id, "name", spec->name,
                               TRUE, error)
      || !check_headcount (spec, error))
    return FALSE;
  if (spec->kind == SM_ORGANISATION_KIND_DEFAULT && s->employees->len > 0)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INFEASIBLE,
                   "Organisation '%s' would be the default organisation, but "
                   "employees are already added, and their units cannot be "
                   "its units; add the default organisation and its units "
                   "before the employees.",
                   spec->id);
      return FALSE;
    }
  if (spec->kind == SM_ORGANISATION_KIND_DEFAULT
      && s->default_organisation >= 0)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INFEASIBLE,
                   "Organisation '%s' would be a second default "
                   "organisation, but '%s' already is; a scenario has "
                   "exactly one.",
                   spec->id,
                   sm_scenario__organisation (s, s->default_organisation)
                       ->spec.id);
      return FALSE;
    }
  return TRUE;
}

gboolean
sm_scenario_add_organisation (SmScenario *scenario,
                              const SmOrganisationSpec *spec, GError **error)
{
  g_return_val_if_fail (scenario != NULL && spec != NULL, FALSE);
  g_return_val_if_fail (spec->kind == SM_ORGANISATION_KIND_RECEIVING
                            || spec->kind == SM_ORGANISATION_KIND_DEFAULT,
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!check_not_in_use (scenario, error))
    return FALSE;
  if (!check_organisation (scenario, spec, error))
    return FALSE;
  guint index;
  SmOrganisationRecord *r = append_record (scenario->organisations, &index);
  r->spec = *spec;
  r->spec.id = intern (scenario, spec->id);
  r->spec.name = intern (scenario, spec->name);
  insert_index (scenario->organisation_index, r->spec.id, index);
  if (spec->kind == SM_ORGANISATION_KIND_DEFAULT)
    scenario->default_organisation = (int32_t) index;
  return TRUE;
}

/* ---- units -------------------------------------------------------------- */

static gboolean
check_contract (const SmUnitSpec *spec, int32_t organisation, int32_t client,
                GError **error)
{
  const char *kind = "unit";
  if (client >= 0 && client == organisation)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INFEASIBLE,
                   "Unit '%s' works under contract for its own organisation "
                   "'%s'; a contract client must be another organisation.",
                   spec->id, spec->organisation_id);
      return FALSE;
    }
  if (spec->contract_end_year != 0 && client < 0)
    return invalid (error, kind, spec->id,
                    "has a contract end year but no "
                    "contract client; give the client or 0 as the year.");
  if (spec->contract_end_year != 0
      && (spec->contract_end_year < 1900 || spec->contract_end_year > 2200))
    return invalid (error, kind, spec->id,
                    "has contract end year %d; give "
                    "a year from 1900 to 2200, or 0 for none.",
                    (int) spec->contract_end_year);
  return TRUE;
}

gboolean
sm_scenario_add_unit (SmScenario *scenario, const SmUnitSpec *spec,
                      GError **error)
{
  g_return_val_if_fail (scenario != NULL && spec != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!check_not_in_use (scenario, error))
    return FALSE;
  SmScenario *s = scenario;
  int32_t organisation, client;
  if (!check_new_id (s->unit_index, "unit", spec->id, error)
      || !resolve (s->organisation_index, "unit", spec->id, "organisation",
                   spec->organisation_id, "add the organisation first",
                   &organisation, error)
      || !resolve_optional (s->organisation_index, "unit", spec->id,
                            "contract client organisation",
                            spec->contract_client_id,
                            "add the organisation first", &client, error)
      || !check_required_text ("unit", spec->id, "name", spec->name, TRUE,
                               error)
      || !check_contract (spec, organisation, client, error))
    return FALSE;
  guint index;
  SmUnitRecord *r = append_record (s->units, &index);
  r->spec = *spec;
  r->spec.id = intern (s, spec->id);
  r->spec.name = intern (s, spec->name);
  r->spec.organisation_id = intern (s, spec->organisation_id);
  r->spec.contract_client_id = intern (s, spec->contract_client_id);
  r->organisation = organisation;
  r->contract_client = client;
  insert_index (s->unit_index, r->spec.id, index);
  return TRUE;
}

/* ---- positions ---------------------------------------------------------- */

static gboolean
check_seats (const SmPositionSpec *spec, GError **error)
{
  const char *kind = "position";
  if (spec->seats < 1)
    return invalid (error, kind, spec->id,
                    "has %d seats; a position needs "
                    "at least one.",
                    (int) spec->seats);
  if (spec->target_seats < -1 || spec->target_seats > spec->seats)
    return invalid (error, kind, spec->id,
                    "has %d target seats of %d "
                    "seats; give 0 to %d, or -1 for all.",
                    (int) spec->target_seats, (int) spec->seats,
                    (int) spec->seats);
  return TRUE;
}

static int32_t
target_seats (const SmPositionSpec *spec)
{
  return spec->target_seats < 0 ? spec->seats : spec->target_seats;
}

/* The target seats of an organisation's positions must fit its cap. */
static gboolean
check_cap (const SmScenario *s, const SmPositionSpec *spec,
           int32_t organisation, GError **error)
{
  const SmOrganisationRecord *o = sm_scenario__organisation (s, organisation);
  int64_t total = o->n_target_seats + target_seats (spec);
  if (o->spec.max_headcount < 0 || total <= o->spec.max_headcount)
    return TRUE;
  g_set_error (error, SM_ERROR, SM_ERROR_INFEASIBLE,
               "Position '%s' brings the target seats of organisation '%s' "
               "to %" G_GINT64_FORMAT ", above its maximum headcount of %d; "
               "make some of its seats extra seats (target seats) or raise "
               "the maximum.",
               spec->id, o->spec.id, total, (int) o->spec.max_headcount);
  return FALSE;
}

static gboolean
check_position (const SmScenario *s, const SmPositionSpec *spec, int32_t *unit,
                int32_t *rule, GError **error)
{
  const char *kind = "position";
  if (!check_new_id (s->position_index, kind, spec->id, error)
      || !resolve (s->unit_index, kind, spec->id, "unit", spec->unit_id,
                   "add the unit first", unit, error)
      || !resolve_optional (s->rule_index, kind, spec->id, "rule",
                            spec->rule_id, "add the rule first", rule, error)
      || !check_required_text (kind, spec->id, "title", spec->title, TRUE,
                               error)
      || !check_required_text (kind, spec->id, "function code",
                               spec->function_code, FALSE, error)
      || !check_grade (kind, spec->id, spec->grade, error)
      || !check_fte (kind, spec->id, spec->fte, error)
      || !check_seats (spec, error)
      || !check_qualifications (kind, spec->id, spec->qualifications, error))
    return FALSE;
  return check_cap (s, spec, sm_scenario__unit (s, *unit)->organisation, error);
}

gboolean
sm_scenario_add_position (SmScenario *scenario, const SmPositionSpec *spec,
                          GError **error)
{
  g_return_val_if_fail (scenario != NULL && spec != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!check_not_in_use (scenario, error))
    return FALSE;
  SmScenario *s = scenario;
  int32_t unit, rule;
  if (!check_position (s, spec, &unit, &rule, error))
    return FALSE;
  guint index;
  SmPositionRecord *r = append_record (s->positions, &index);
  r->spec = *spec;
  r->spec.id = intern (s, spec->id);
  r->spec.title = intern (s, spec->title);
  r->spec.unit_id = intern (s, spec->unit_id);
  r->spec.function_code = intern (s, spec->function_code);
  r->spec.qualifications = intern_list (s, spec->qualifications);
  r->spec.rule_id = intern (s, spec->rule_id);
  r->unit = unit;
  r->organisation = sm_scenario__unit (s, unit)->organisation;
  r->rule = rule;
  SmOrganisationRecord *o = &g_array_index (s->organisations,
                                            SmOrganisationRecord,
                                            r->organisation);
  o->n_target_seats += target_seats (spec);
  insert_index (s->position_index, r->spec.id, index);
  return TRUE;
}

/* ---- employees ---------------------------------------------------------- */

static gboolean
check_employee_unit (const SmScenario *s, const SmEmployeeSpec *spec,
                     int32_t *unit, GError **error)
{
  if (!resolve (s->unit_index, "employee", spec->id, "unit", spec->unit_id,
                "add the default organisation and its units before the "
                "employees",
                unit, error))
    return FALSE;
  int32_t organisation = sm_scenario__unit (s, *unit)->organisation;
  /* Without a default organisation there is nothing to check against;
   * placing refuses such a scenario once, instead of once per employee
   * here, and the default can no longer be added after employees. */
  if (organisation == s->default_organisation || s->default_organisation < 0)
    return TRUE;
  return invalid (error, "employee", spec->id,
                  "names unit '%s' of "
                  "receiving organisation '%s'; an employee's unit is the "
                  "unit of the default organisation where their current "
                  "work goes.",
                  spec->unit_id,
                  sm_scenario__organisation (s, organisation)->spec.id);
}

/* A date may be missing (all zero) but not impossible. The message does
 * not quote it: it may be a birth date. */
static gboolean
check_date (const char *id, const char *field, SmDate date, GError **error)
{
  if (!sm_date_is_set (date) || sm_date_is_valid (date))
    return TRUE;
  return invalid (error, "employee", id,
                  "has a %s that is not a real day "
                  "between 1900 and 2200; correct it, or leave it out.",
                  field);
}

/* Whether @name, up to the first dot and without trailing spaces, is a
 * device name that Windows reserves in every folder. */
static gboolean
is_reserved_device_name (const char *name)
{
  static const char *const devices[] = { "CON", "PRN", "AUX", "NUL" };
  size_t n = strcspn (name, ".");
  while (n > 0 && name[n - 1] == ' ')
    n--;
  for (guint k = 0; k < G_N_ELEMENTS (devices); k++)
    if (n == 3 && g_ascii_strncasecmp (name, devices[k], 3) == 0)
      return TRUE;
  return n == 4
         && (g_ascii_strncasecmp (name, "COM", 3) == 0
             || g_ascii_strncasecmp (name, "LPT", 3) == 0)
         && name[3] >= '1' && name[3] <= '9';
}

/* Why @id cannot be used as a file name, or NULL when it can. */
static const char *
file_name_rule_broken (const char *id)
{
  size_t n = strlen (id);
  if (n > SM_SCENARIO_MAX_FILE_ID)
    return "it is longer than 200 bytes";
  if (!g_utf8_validate (id, (gssize) n, NULL))
    return "it is not valid UTF-8 text";
  if (strcmp (id, ".") == 0 || strcmp (id, "..") == 0)
    return "'.' and '..' name folders";
  for (const char *p = id; *p != '\0'; p++)
    {
      if ((unsigned char) *p < 0x20 || *p == 0x7f)
        return "it holds a control character (such as a tab or a line "
               "break)";
      if (*p == '/' || *p == '\\')
        return "it holds a '/' or a '\\', which separate folders";
      if (strchr ("<>:\"|?*", *p) != NULL)
        return "it holds one of < > : \" | ? *, which Windows does not "
               "allow in file names";
    }
  if (id[n - 1] == '.' || id[n - 1] == ' ')
    return "it ends in a dot or a space, which Windows drops from file "
           "names";
  if (is_reserved_device_name (id))
    return "it is a name that Windows reserves for a device (CON, PRN, "
           "AUX, NUL, COM1 to COM9, LPT1 to LPT9, with or without an "
           "extension)";
  return NULL;
}

/* The identifier as a message may quote it: control characters and bytes
 * that are not UTF-8 escaped, a long one cut short. */
static char *
quotable_id (const char *id)
{
  gboolean plain = g_utf8_validate (id, -1, NULL);
  for (const char *p = id; plain && *p != '\0'; p++)
    plain = (unsigned char) *p >= 0x20 && *p != 0x7f;
  if (!plain)
    {
      g_autofree char *head = g_strndup (id, 40);
      return g_strescape (head, NULL);
    }
  if (g_utf8_strlen (id, -1) <= 40)
    return g_strdup (id);
  g_autofree char *head = g_utf8_substring (id, 0, 40);
  return g_strconcat (head, "...", NULL);
}

/* An employee's identifier names their decision letter (letters/ID.txt),
 * so it must be a safe file name on every system the outputs may be
 * copied to; the check is made here, when the employee is added, so that
 * every loader reports it on the employee's row, before anything is
 * written. */
static gboolean
check_file_name_id (const char *id, GError **error)
{
  const char *broken = file_name_rule_broken (id);
  if (broken == NULL)
    return TRUE;
  g_autofree char *shown = quotable_id (id);
  g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
               "Employee identifier '%s' cannot be used as a file name "
               "(each decision letter is written to letters/ID.txt): %s; "
               "give the employee an identifier of letters, digits, '-' "
               "and '_'.",
               shown, broken);
  return FALSE;
}

static gboolean
check_employee (const SmScenario *s, const SmEmployeeSpec *spec, int32_t *unit,
                GError **error)
{
  const char *kind = "employee";
  return check_new_id (s->employee_index, kind, spec->id, error)
         && check_file_name_id (spec->id, error)
         && check_employee_unit (s, spec, unit, error)
         && check_required_text (kind, spec->id, "name", spec->name, TRUE,
                                 error)
         && check_required_text (kind, spec->id, "function code",
                                 spec->function_code, FALSE, error)
         && check_grade (kind, spec->id, spec->grade, error)
         && check_fte (kind, spec->id, spec->fte, error)
         && check_date (spec->id, "service start date", spec->service_start,
                        error)
         && check_date (spec->id, "birth date", spec->birth_date, error)
         && check_qualifications (kind, spec->id, spec->qualifications, error);
}

gboolean
sm_scenario_add_employee (SmScenario *scenario, const SmEmployeeSpec *spec,
                          GError **error)
{
  g_return_val_if_fail (scenario != NULL && spec != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!check_not_in_use (scenario, error))
    return FALSE;
  SmScenario *s = scenario;
  int32_t unit;
  if (!check_employee (s, spec, &unit, error))
    return FALSE;
  guint index;
  SmEmployeeRecord *r = append_record (s->employees, &index);
  r->spec = *spec;
  r->spec.id = intern (s, spec->id);
  r->spec.name = intern (s, spec->name);
  r->spec.function_code = intern (s, spec->function_code);
  r->spec.unit_id = intern (s, spec->unit_id);
  r->spec.qualifications = intern_list (s, spec->qualifications);
  r->unit = unit;
  r->manual = -1;
  insert_index (s->employee_index, r->spec.id, index);
  return TRUE;
}

/* ---- applications ------------------------------------------------------- */

static gboolean
check_application_values (const SmScenario *s, const SmApplicationSpec *spec,
                          int32_t position, GError **error)
{
  const char *kind = "application of employee";
  const char *id = spec->employee_id;
  const SmPositionRecord *p = sm_scenario__position (s, position);
  if (p->organisation == s->default_organisation)
    return invalid (error, kind, id,
                    "to position '%s' is to the default "
                    "organisation, which takes no applications; only "
                    "positions of receiving organisations do.",
                    spec->position_id);
  if (spec->preference < 1)
    return invalid (error, kind, id,
                    "to position '%s' has preference %d; "
                    "1 is the most wanted.",
                    spec->position_id, (int) spec->preference);
  if (isinf (spec->committee_score))
    return invalid (error, kind, id,
                    "to position '%s' has an infinite "
                    "committee score.",
                    spec->position_id);
  if (isnan (spec->travel_km) || isinf (spec->travel_km))
    return invalid (error, kind, id,
                    "to position '%s' has no number as "
                    "travel distance; give a negative number for none.",
                    spec->position_id);
  return TRUE;
}

static gboolean
check_application_clash (const SmScenario *s, const SmApplicationSpec *spec,
                         int32_t employee, int32_t position, GError **error)
{
  const char *kind = "employee";
  const SmEmployeeRecord *e = sm_scenario__employee (s, employee);
  for (int32_t k = 0; k < e->n_apps; k++)
    {
      const SmApplicationRecord *a = sm_scenario__application (s, e->apps[k]);
      if (a->position == position)
        return invalid (error, kind, spec->employee_id,
                        "applies to "
                        "position '%s' twice; one application per position.",
                        spec->position_id);
      if (a->spec.preference == spec->preference)
        return invalid (error, kind, spec->employee_id,
                        "gives preference "
                        "%d to both position '%s' and position '%s'; "
                        "preferences must be distinct.",
                        (int) spec->preference, a->spec.position_id,
                        spec->position_id);
    }
  return TRUE;
}

static gboolean
check_application (const SmScenario *s, const SmApplicationSpec *spec,
                   int32_t *employee, int32_t *position, GError **error)
{
  const char *kind = "application";
  const char *id = spec->employee_id != NULL ? spec->employee_id : "";
  if (!resolve (s->employee_index, kind, id, "employee", spec->employee_id,
                "add the employee first", employee, error)
      || !resolve (s->position_index, "application of employee", id, "position",
                   spec->position_id, "add the position first", position, error)
      || !check_application_values (s, spec, *position, error)
      || !check_application_clash (s, spec, *employee, *position, error))
    return FALSE;
  if (s->applications->len >= SM_SCENARIO_MAX_ITEMS)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_TOO_LARGE,
                   "Adding an application of employee '%s' makes more than "
                   "the %d applications that 32-bit indices allow.",
                   id, SM_SCENARIO_MAX_ITEMS);
      return FALSE;
    }
  return TRUE;
}

/* Inserts application @app into the employee's list, keeping it sorted by
 * preference. */
static void
employee_insert_application (SmScenario *s, SmEmployeeRecord *e, int32_t app)
{
  if (e->n_apps == e->apps_capacity)
    {
      e->apps_capacity = MAX (4, 2 * e->apps_capacity);
      e->apps = g_renew (int32_t, e->apps, e->apps_capacity);
    }
  int32_t preference = sm_scenario__application (s, app)->spec.preference;
  int32_t k = e->n_apps;
  while (k > 0
         && sm_scenario__application (s, e->apps[k - 1])->spec.preference
                > preference)
    {
      e->apps[k] = e->apps[k - 1];
      k--;
    }
  e->apps[k] = app;
  e->n_apps++;
}

gboolean
sm_scenario_add_application (SmScenario *scenario,
                             const SmApplicationSpec *spec, GError **error)
{
  g_return_val_if_fail (scenario != NULL && spec != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!check_not_in_use (scenario, error))
    return FALSE;
  SmScenario *s = scenario;
  int32_t employee, position;
  if (!check_application (s, spec, &employee, &position, error))
    return FALSE;
  guint index;
  SmApplicationRecord *r = append_record (s->applications, &index);
  r->spec = *spec;
  r->spec.employee_id = sm_scenario__employee (s, employee)->spec.id;
  r->spec.position_id = sm_scenario__position (s, position)->spec.id;
  r->employee = employee;
  r->position = position;
  employee_insert_application (s,
                               &g_array_index (s->employees, SmEmployeeRecord,
                                               employee),
                               (int32_t) index);
  return TRUE;
}

void
sm_scenario__applications_of (const SmScenario *scenario, int32_t employee,
                              const int32_t **apps_out, int32_t *n_out)
{
  g_return_if_fail (scenario != NULL && apps_out != NULL && n_out != NULL);
  g_return_if_fail (employee >= 0
                    && (guint) employee < scenario->employees->len);
  const SmEmployeeRecord *e = sm_scenario__employee (scenario, employee);
  *apps_out = e->n_apps > 0 ? e->apps : NULL;
  *n_out = e->n_apps;
}

/* ---- function relations ------------------------------------------------- */

static gboolean
check_relation (const SmScenario *s, const char *from_code, const char *to_code,
                GError **error)
{
  if (from_code == NULL || to_code == NULL || is_blank (from_code)
      || is_blank (to_code))
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
                   "A function relation lacks a function code; give both.");
      return FALSE;
    }
  if (g_str_equal (from_code, to_code))
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
                   "A function relation relates function '%s' to itself; a "
                   "function always fits itself as 'same', leave it out.",
                   from_code);
      return FALSE;
    }
  GHashTable *targets = g_hash_table_lookup (s->fits, from_code);
  if (targets != NULL && g_hash_table_contains (targets, to_code))
    {
      g_set_error (error, SM_ERROR, SM_ERROR_DUPLICATE_ID,
                   "The relation from function '%s' to function '%s' is "
                   "given twice; give it once.",
                   from_code, to_code);
      return FALSE;
    }
  return TRUE;
}

gboolean
sm_scenario_add_function_relation (SmScenario *scenario, const char *from_code,
                                   const char *to_code, SmFit fit,
                                   GError **error)
{
  g_return_val_if_fail (scenario != NULL, FALSE);
  g_return_val_if_fail ((int) fit >= SM_FIT_SAME && fit <= SM_FIT_NONE, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!check_not_in_use (scenario, error))
    return FALSE;
  if (!check_relation (scenario, from_code, to_code, error))
    return FALSE;
  const char *from = intern (scenario, from_code);
  GHashTable *targets = g_hash_table_lookup (scenario->fits, from);
  if (targets == NULL)
    {
      targets = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (scenario->fits, (gpointer) from, targets);
    }
  const char *to = intern (scenario, to_code);
  g_hash_table_insert (targets, (gpointer) to, GINT_TO_POINTER ((int) fit + 1));
  SmFunctionRelation relation = { from, to, fit };
  g_array_append_val (scenario->relations, relation);
  return TRUE;
}

SmFit
sm_scenario_get_fit (const SmScenario *scenario, const char *from_code,
                     const char *to_code)
{
  g_return_val_if_fail (scenario != NULL, SM_FIT_NONE);
  g_return_val_if_fail (from_code != NULL && to_code != NULL, SM_FIT_NONE);
  if (g_str_equal (from_code, to_code))
    return SM_FIT_SAME;
  GHashTable *targets = g_hash_table_lookup (scenario->fits, from_code);
  if (targets == NULL)
    return SM_FIT_NONE;
  int found = GPOINTER_TO_INT (g_hash_table_lookup (targets, to_code));
  return found == 0 ? SM_FIT_NONE : (SmFit) (found - 1);
}

/* ---- rules -------------------------------------------------------------- */

gboolean
sm_scenario_add_rule (SmScenario *scenario, const SmPriorityRule *rule,
                      GError **error)
{
  g_return_val_if_fail (scenario != NULL && rule != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!check_not_in_use (scenario, error))
    return FALSE;
  const char *id = sm_priority_rule_get_id (rule);
  if (!check_new_id (scenario->rule_index, "rule", id, error))
    return FALSE;
  SmPriorityRule *copy = sm_priority_rule_copy (rule);
  g_ptr_array_add (scenario->rules, copy);
  insert_index (scenario->rule_index, intern (scenario, id),
                scenario->rules->len - 1);
  return TRUE;
}

gboolean
sm_scenario_set_default_rule (SmScenario *scenario, const char *rule_id,
                              GError **error)
{
  g_return_val_if_fail (scenario != NULL && rule_id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!check_not_in_use (scenario, error))
    return FALSE;
  int32_t index = lookup (scenario->rule_index, rule_id);
  if (index < 0)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_UNKNOWN_ID,
                   "There is no rule '%s' to make the default; add the rule "
                   "first.",
                   rule_id);
      return FALSE;
    }
  scenario->default_rule = index;
  return TRUE;
}

const SmPriorityRule *
sm_scenario__default_rule (const SmScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  if (scenario->default_rule >= 0)
    return g_ptr_array_index (scenario->rules, scenario->default_rule);
  if (scenario->rules->len > 0)
    return g_ptr_array_index (scenario->rules, 0);
  return scenario->builtin_rule;
}

const SmPriorityRule *
sm_scenario__rule_of (const SmScenario *scenario, int32_t position)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (position >= 0
                            && (guint) position < scenario->positions->len,
                        NULL);
  int32_t rule = sm_scenario__position (scenario, position)->rule;
  if (rule >= 0)
    return g_ptr_array_index (scenario->rules, rule);
  return sm_scenario__default_rule (scenario);
}

/* ---- manual placements -------------------------------------------------- */

static gboolean
check_manual_room (const SmScenario *s, int32_t employee, int32_t position,
                   GError **error)
{
  const SmEmployeeRecord *e = sm_scenario__employee (s, employee);
  const SmPositionRecord *p = sm_scenario__position (s, position);
  const SmOrganisationRecord *o = sm_scenario__organisation (s,
                                                             p->organisation);
  const char *why = NULL;
  if (e->manual >= 0)
    why = "the employee already has a manual placement; an employee can "
          "have one";
  else if (p->n_manual >= p->spec.seats)
    why = "every seat of the position is already taken by a manual "
          "placement";
  else if (o->spec.max_headcount >= 0 && o->n_manual >= o->spec.max_headcount)
    why = "the manual placements at the organisation already reach its "
          "maximum headcount";
  if (why == NULL)
    return TRUE;
  g_set_error (error, SM_ERROR, SM_ERROR_INFEASIBLE,
               "Employee '%s' cannot be placed by hand at position '%s': %s.",
               e->spec.id, p->spec.id, why);
  return FALSE;
}

static gboolean
check_manual (const SmScenario *s, const char *employee_id,
              const char *position_id, const char *reason, int32_t *employee,
              int32_t *position, GError **error)
{
  const char *kind = "manual placement of employee";
  const char *id = employee_id != NULL ? employee_id : "";
  if (!resolve (s->employee_index, "manual placement", id, "employee",
                employee_id, "add the employee first", employee, error)
      || !resolve (s->position_index, kind, id, "position", position_id,
                   "add the position first", position, error))
    return FALSE;
  if (reason == NULL || is_blank (reason))
    return invalid (error, kind, id,
                    "at position '%s' gives no reason; the "
                    "hardship clause needs a written reason.",
                    position_id);
  return check_manual_room (s, *employee, *position, error);
}

gboolean
sm_scenario_add_manual_placement (SmScenario *scenario, const char *employee_id,
                                  const char *position_id, const char *reason,
                                  GError **error)
{
  g_return_val_if_fail (scenario != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!check_not_in_use (scenario, error))
    return FALSE;
  SmScenario *s = scenario;
  int32_t employee, position;
  if (!check_manual (s, employee_id, position_id, reason, &employee, &position,
                     error))
    return FALSE;
  guint index;
  SmManualPlacement *m = append_record (s->manual, &index);
  m->employee = employee;
  m->position = position;
  m->reason = intern (s, reason);
  g_array_index (s->employees, SmEmployeeRecord, employee).manual = (int32_t)
      index;
  SmPositionRecord *p = &g_array_index (s->positions, SmPositionRecord,
                                        position);
  p->n_manual++;
  g_array_index (s->organisations, SmOrganisationRecord, p->organisation)
      .n_manual++;
  return TRUE;
}

/* ---- settings ----------------------------------------------------------- */

void
sm_scenario_set_seed (SmScenario *scenario, uint64_t seed)
{
  g_return_if_fail (scenario != NULL);
  scenario->seed = seed;
}

uint64_t
sm_scenario_get_seed (const SmScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, 0);
  return scenario->seed;
}

void
sm_scenario_set_tie_breaking (SmScenario *scenario, SmTieBreaking tie_breaking)
{
  g_return_if_fail (scenario != NULL);
  g_return_if_fail (tie_breaking == SM_TIE_BREAKING_SINGLE
                    || tie_breaking == SM_TIE_BREAKING_PER_POSITION);
  scenario->tie_breaking = tie_breaking;
}

SmTieBreaking
sm_scenario_get_tie_breaking (const SmScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, SM_TIE_BREAKING_SINGLE);
  return scenario->tie_breaking;
}

void
sm_scenario_set_improvement_cycles (SmScenario *scenario,
                                    gboolean improvement_cycles)
{
  g_return_if_fail (scenario != NULL);
  scenario->improvement_cycles = improvement_cycles != FALSE;
}

gboolean
sm_scenario_get_improvement_cycles (const SmScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, FALSE);
  return scenario->improvement_cycles;
}

void
sm_scenario_set_reference_date (SmScenario *scenario, SmDate date)
{
  g_return_if_fail (scenario != NULL);
  g_return_if_fail (sm_date_is_valid (date));
  scenario->reference_date = date;
}

SmDate
sm_scenario_get_reference_date (const SmScenario *scenario)
{
  static const SmDate none = { 0, 0, 0 };
  g_return_val_if_fail (scenario != NULL, none);
  return scenario->reference_date;
}

void
sm_scenario_set_reduction (SmScenario *scenario, SmReduction reduction,
                           int32_t age_band_years)
{
  g_return_if_fail (scenario != NULL);
  g_return_if_fail (reduction == SM_REDUCTION_PRIORITY
                    || reduction == SM_REDUCTION_REFLECTION);
  g_return_if_fail (age_band_years >= 1);
  scenario->reduction = reduction;
  scenario->age_band_years = age_band_years;
}

/* ---- reading back ------------------------------------------------------- */

int32_t
sm_scenario_get_n_organisations (const SmScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, 0);
  return (int32_t) scenario->organisations->len;
}

int32_t
sm_scenario_get_n_units (const SmScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, 0);
  return (int32_t) scenario->units->len;
}

int32_t
sm_scenario_get_n_positions (const SmScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, 0);
  return (int32_t) scenario->positions->len;
}

int32_t
sm_scenario_get_n_employees (const SmScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, 0);
  return (int32_t) scenario->employees->len;
}

int32_t
sm_scenario_get_n_applications (const SmScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, 0);
  return (int32_t) scenario->applications->len;
}

/* Whether @index is one of @array's; out of range is no error for the
 * getters, which then return FALSE and leave their outputs untouched. */
static gboolean
in_range (const GArray *array, int32_t index)
{
  return index >= 0 && (guint) index < array->len;
}

gboolean
sm_scenario_get_organisation (const SmScenario *scenario, int32_t index,
                              SmOrganisationSpec *spec_out)
{
  g_return_val_if_fail (scenario != NULL, FALSE);
  if (!in_range (scenario->organisations, index))
    return FALSE;
  if (spec_out != NULL)
    *spec_out = sm_scenario__organisation (scenario, index)->spec;
  return TRUE;
}

gboolean
sm_scenario_get_unit (const SmScenario *scenario, int32_t index,
                      SmUnitSpec *spec_out)
{
  g_return_val_if_fail (scenario != NULL, FALSE);
  if (!in_range (scenario->units, index))
    return FALSE;
  if (spec_out != NULL)
    *spec_out = sm_scenario__unit (scenario, index)->spec;
  return TRUE;
}

gboolean
sm_scenario_get_position (const SmScenario *scenario, int32_t index,
                          SmPositionSpec *spec_out)
{
  g_return_val_if_fail (scenario != NULL, FALSE);
  if (!in_range (scenario->positions, index))
    return FALSE;
  if (spec_out != NULL)
    *spec_out = sm_scenario__position (scenario, index)->spec;
  return TRUE;
}

gboolean
sm_scenario_get_employee (const SmScenario *scenario, int32_t index,
                          SmEmployeeSpec *spec_out)
{
  g_return_val_if_fail (scenario != NULL, FALSE);
  if (!in_range (scenario->employees, index))
    return FALSE;
  if (spec_out != NULL)
    *spec_out = sm_scenario__employee (scenario, index)->spec;
  return TRUE;
}

gboolean
sm_scenario_get_application (const SmScenario *scenario, int32_t index,
                             SmApplicationSpec *spec_out)
{
  g_return_val_if_fail (scenario != NULL, FALSE);
  if (!in_range (scenario->applications, index))
    return FALSE;
  if (spec_out != NULL)
    *spec_out = sm_scenario__application (scenario, index)->spec;
  return TRUE;
}

int32_t
sm_scenario_find_organisation (const SmScenario *scenario, const char *id)
{
  g_return_val_if_fail (scenario != NULL && id != NULL, -1);
  return lookup (scenario->organisation_index, id);
}

int32_t
sm_scenario_find_unit (const SmScenario *scenario, const char *id)
{
  g_return_val_if_fail (scenario != NULL && id != NULL, -1);
  return lookup (scenario->unit_index, id);
}

int32_t
sm_scenario_find_position (const SmScenario *scenario, const char *id)
{
  g_return_val_if_fail (scenario != NULL && id != NULL, -1);
  return lookup (scenario->position_index, id);
}

int32_t
sm_scenario_find_employee (const SmScenario *scenario, const char *id)
{
  g_return_val_if_fail (scenario != NULL && id != NULL, -1);
  return lookup (scenario->employee_index, id);
}

int32_t
sm_scenario_find_rule (const SmScenario *scenario, const char *id)
{
  g_return_val_if_fail (scenario != NULL && id != NULL, -1);
  return lookup (scenario->rule_index, id);
}

/* ---- reading back the rest ------------------------------------------------
 */

void
sm_scenario_get_reduction (const SmScenario *scenario,
                           SmReduction *reduction_out,
                           int32_t *age_band_years_out)
{
  g_return_if_fail (scenario != NULL);
  if (reduction_out != NULL)
    *reduction_out = scenario->reduction;
  if (age_band_years_out != NULL)
    *age_band_years_out = scenario->age_band_years;
}

int32_t
sm_scenario_get_n_rules (const SmScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, 0);
  return (int32_t) scenario->rules->len;
}

const SmPriorityRule *
sm_scenario_get_rule (const SmScenario *scenario, int32_t index)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  if (index < 0 || index >= (int32_t) scenario->rules->len)
    return NULL;
  return g_ptr_array_index (scenario->rules, index);
}

const SmPriorityRule *
sm_scenario_get_default_rule (const SmScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, NULL);
  return sm_scenario__default_rule (scenario);
}

int32_t
sm_scenario_get_n_function_relations (const SmScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, 0);
  return (int32_t) scenario->relations->len;
}

gboolean
sm_scenario_get_function_relation (const SmScenario *scenario, int32_t index,
                                   const char **from_code_out,
                                   const char **to_code_out, SmFit *fit_out)
{
  g_return_val_if_fail (scenario != NULL, FALSE);
  if (!in_range (scenario->relations, index))
    return FALSE;
  const SmFunctionRelation *r = &g_array_index (scenario->relations,
                                                SmFunctionRelation, index);
  if (from_code_out != NULL)
    *from_code_out = r->from_code;
  if (to_code_out != NULL)
    *to_code_out = r->to_code;
  if (fit_out != NULL)
    *fit_out = r->fit;
  return TRUE;
}

int32_t
sm_scenario_get_n_manual_placements (const SmScenario *scenario)
{
  g_return_val_if_fail (scenario != NULL, 0);
  return (int32_t) scenario->manual->len;
}

gboolean
sm_scenario_get_manual_placement (const SmScenario *scenario, int32_t index,
                                  const char **employee_id_out,
                                  const char **position_id_out,
                                  const char **reason_out)
{
  g_return_val_if_fail (scenario != NULL, FALSE);
  if (!in_range (scenario->manual, index))
    return FALSE;
  const SmManualPlacement *mp = sm_scenario__manual_placement (scenario, index);
  if (employee_id_out != NULL)
    *employee_id_out = sm_scenario__employee (scenario, mp->employee)->spec.id;
  if (position_id_out != NULL)
    *position_id_out = sm_scenario__position (scenario, mp->position)->spec.id;
  if (reason_out != NULL)
    *reason_out = mp->reason;
  return TRUE;
}
