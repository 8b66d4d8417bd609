/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: reading scenarios from JSON documents (io.h).
 *
 * The layout of a scenario document, the names of its values and the
 * way it is written are described in json-write.c.
 *
 * Reading: "format", "version", "organisations", "units", "positions" and
 * "employees" are required; "settings", "letters", "rules", "applications",
 * "function_relations" and "manual_placements" may be left out (defaults,
 * empty). Within an item, ids, names, titles, references, "kind", "grade",
 * "preference", "fit", "reason", "criteria", "criterion" and "prefer" are
 * required; "fte" (1.0), "seats" (1), "qualifications" ([]),
 * "require_qualifications" (false), a rule's "granularity" (every
 * criterion in days; an object whose members are criteria and whose
 * values are "days", "months" or "years", only service and age other
 * than days) and every settings member may be left out; a member shown with "|
 * null" may be null or left out, which means "not given" (a given headcount or
 * distance is 0 or more, a year 1 or more, a travel distance not negative;
 * "age_band_years" is 1 to 200). A number where a double is wanted may be
 * written as an integer. Any other member is a problem. The text is UTF-8, with
 * or without a byte order mark. A version other than 1 is refused
 * (SM_ERROR_INVALID_VALUE); a wrong format name, a missing member, an unknown
 * one or a wrong JSON type is SM_ERROR_PARSE, a number out of range or an
 * unknown name of a value SM_ERROR_INVALID_VALUE, a date that is not one
 * SM_ERROR_PARSE (as sm_date_parse()); and every item goes through the public
 * sm_scenario_add_* calls, whose errors (with their codes) become
 * problems. Loading collects every problem and returns the scenario only
 * when there is none.
 *
 * Before json-glib: a document larger than SM_SCENARIO_JSON_MAX_SIZE is
 * refused unread (a file by its size, a pipe or device once that much has
 * come), since json-glib's tree takes about ten times the text. Then the
 * text must be UTF-8 and pass the check of json-check.c, which refuses in
 * one pass, without recursion, everything json-glib would read as
 * something else or not at all (a member twice, a second document, a
 * number it would wrap or round, an escape it would drop, nesting deep
 * enough to overflow its recursion), and reports that first problem
 * alone, placed. json-glib still builds the tree: on checked text it only
 * does what the check vouches for, and writing a second parser of the
 * tree would bring nothing but a second place for bugs.
 *
 * Positions in problems: json-glib 1.6 keeps no positions in its nodes, so
 * when the first problem is found the text is scanned once more by a small
 * locator (json-locate.c) that records the line and column (in characters)
 * where each value starts, under its path, such as "employees[17].grade";
 * the path is the problem's field. A syntax error that json-glib would
 * still find carries its own line and column. An item that could not be
 * added is remembered, so that items referring to it do not each report
 * it again as an unknown identifier.
 *
 * Personal data: names and birth dates are written to the files but never
 * to a problem. Messages quote identifiers (through the sm_scenario_add_*
 * errors) and the format's member names, but never the value of a text
 * member, a choice or a date: a value in the wrong place may be a name or
 * a birth date. An unknown member is named only when it is a near miss of
 * a known one (a typing error); any other name might be a person's, so the
 * problem names the item and is placed at the member. json-glib's syntax
 * messages lose the tokens and strings they quote.
 */
#include "core/enum-names-private.h"
#include "io/file-private.h"
#include "io/json-check-private.h"
#include "io/json-private.h"
#include "io/problems-private.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <staffmatch/error.h>
#include <staffmatch/version.h>

typedef struct {
  const char *name; /* the file, for problems */
  const char *text; /* the JSON text, for the locator */
  gsize length;
  SmProblemList *problems;
  GHashTable *where;  /* built on the first located problem */
  GHashTable *broken; /* "kind\x1fid" of items that failed, and
                         "kind" when any item of it may be lost */
  SmScenario *scenario;
  const char *default_rule; /* settings.default_rule, borrowed */
} Loader;

/* An object being read: @what names it in messages ("an employee"). */
typedef struct {
  Loader *ld;
  JsonObject *object;
  const char *path;
  const char *what;
  gboolean ok; /* no member made it unusable */
} Item;

typedef enum {
  NEED_REQUIRED, /* present and not null */
  NEED_OPTIONAL, /* may be left out, not null */
  NEED_NULLABLE, /* may be null or left out */
} Need;

/* Where the value at @path starts, else where the nearest enclosing value
 * does; 0, 0 when unknown. The text is scanned on the first call. */
static SmJsonWhere
locate (Loader *ld, const char *path)
{
  if (ld->where == NULL)
    ld->where = sm_json__locate_values (ld->text, ld->length);
  return sm_json__lookup (ld->where, path);
}

static void report_valist (Loader *ld, const char *where, const char *field,
                           int code, const char *format, va_list args)
    G_GNUC_PRINTF (5, 0);
static void report (Loader *ld, const char *path, int code, const char *format,
                    ...) G_GNUC_PRINTF (4, 5);
static void report_hidden (Loader *ld, const char *where, const char *field,
                           int code, const char *format, ...)
    G_GNUC_PRINTF (5, 6);

/* Adds a problem at the value of the path @where, naming @field. */
static void
report_valist (Loader *ld, const char *where, const char *field, int code,
               const char *format, va_list args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  SmJsonWhere w = locate (ld, where);
  sm_problem_list__add (ld->problems, ld->name, w.line, w.column,
                        field != NULL && field[0] != '\0' ? field : NULL, code,
                        "%s", message);
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
      report (it->ld, path, SM_ERROR_PARSE,
              "The member '%s' is missing; "
              "%s needs one.",
              member, it->what);
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
      report (it->ld, path, SM_ERROR_INVALID_VALUE,
              "'%s' is %" G_GINT64_FORMAT
              "; give a whole number from %d to %d.",
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
      report (it->ld, path, SM_ERROR_INVALID_VALUE,
              "'%s' is too large a "
              "number; give an ordinary number.",
              member);
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
get_choice (Item *it, const char *member, Need need, const char *const *names,
            const char *what, int *out)
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
  g_autofree char *known = g_strjoinv ("\", \"", (char **) names);
  g_autofree char *path = member_path (it, member);
  report (it->ld, path, SM_ERROR_INVALID_VALUE,
          "The value of '%s' is not "
          "a known %s; use one of \"%s\".",
          member, what, known);
  it->ok = FALSE;
  return FALSE;
}

static gboolean
get_fit (Item *it, const char *member, Need need, SmFit *out)
{
  int index;
  if (!get_choice (it, member, need, sm_enum__fit_names, "fit", &index))
    return FALSE;
  *out = (SmFit) index;
  return TRUE;
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

/* The edit distance between @a and @b (insertions, deletions and
 * changes of bytes), counted up to 3. */
static int
edit_distance (const char *a, const char *b)
{
  enum { MOST = 3, LONGEST = 40 };
  size_t na = strlen (a), nb = strlen (b);
  int row[LONGEST + 1];
  if (na > LONGEST || nb > LONGEST || (na > nb ? na - nb : nb - na) > MOST)
    return MOST;
  for (size_t j = 0; j <= nb; j++)
    row[j] = (int) j;
  for (size_t i = 1; i <= na; i++)
    {
      int diagonal = row[0];
      row[0] = (int) i;
      for (size_t j = 1; j <= nb; j++)
        {
          int above = row[j];
          int change = diagonal + (a[i - 1] != b[j - 1]);
          row[j] = MIN (MIN (above, row[j - 1]) + 1, change);
          diagonal = above;
        }
    }
  return MIN (row[nb], (int) MOST);
}

/* Whether the unknown member @member may be named in a message: only
 * when it is a near miss of one of @known (a typing error), since a
 * member name can be anything, a person's name included. */
static gboolean
is_near_miss (const char *member, const char *const *known)
{
  for (size_t k = 0; known[k] != NULL; k++)
    if (edit_distance (member, known[k]) <= 2)
      return TRUE;
  return FALSE;
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
      gboolean shown = is_near_miss (member, known);
      g_autofree char *list = g_strjoinv (", ", (char **) known);
      g_autofree char *path = member_path (it, member);
      report_hidden (it->ld, path, shown ? path : it->path, SM_ERROR_PARSE,
                     "Unknown member%s%s%s; correct its name "
                     "or leave it out (the members of %s: %s).",
                     shown ? " '" : "", shown ? member : "", shown ? "'" : "",
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
      report (it->ld, "settings.seed", SM_ERROR_INVALID_VALUE,
              "The seed "
              "must be a whole number from 0 to %" G_GUINT64_FORMAT
              ", written in quotes, such as \"2019\".",
              G_MAXUINT64);
      return;
    }
  sm_scenario_set_seed (it->ld->scenario, seed);
}

static void
load_settings (Loader *ld, JsonObject *root)
{
  static const char *const members[] = {
    "seed",           "tie_breaking", "reference_date",     "reduction",
    "age_band_years", "default_rule", "improvement_cycles", NULL
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
  if (get_choice (&it, "tie_breaking", NEED_OPTIONAL,
                  sm_enum__tie_breaking_names, "tie-breaking", &choice))
    sm_scenario_set_tie_breaking (ld->scenario, (SmTieBreaking) choice);
  if (get_date (&it, "reference_date", NEED_OPTIONAL, &date))
    sm_scenario_set_reference_date (ld->scenario, date);
  sm_scenario_get_reduction (ld->scenario, &reduction, &years);
  if (get_choice (&it, "reduction", NEED_OPTIONAL, sm_enum__reduction_names,
                  "reduction", &choice))
    reduction = (SmReduction) choice;
  get_int (&it, "age_band_years", NEED_OPTIONAL, 1, 200, &years);
  sm_scenario_set_reduction (ld->scenario, reduction, years);
  get_string (&it, "default_rule", NEED_NULLABLE, &ld->default_rule);
  gboolean cycles;
  if (get_bool (&it, "improvement_cycles", NEED_OPTIONAL, &cycles))
    sm_scenario_set_improvement_cycles (ld->scenario, cycles);
}

/* ---- the letters' settings ------------------------------------------------
 */

/* Puts @candidate in @settings when it passes the scenario's checks; else
 * reports why at letters.@member. */
static void
take_letter_setting (Item *it, const char *member,
                     const SmLetterSettings *candidate,
                     SmLetterSettings *settings)
{
  GError *error = NULL;
  if (sm_letter_settings_check (candidate, &error))
    {
      *settings = *candidate;
      return;
    }
  g_autofree char *path = member_path (it, member);
  report (it->ld, path, error->code, "%s", error->message);
  g_error_free (error);
}

static void
get_letter_date (Item *it, const char *member, SmLetterSettings *settings)
{
  SmLetterSettings next = *settings;
  SmDate *date = g_str_equal (member, "letter_date") ? &next.letter_date
                                                     : &next.effective_date;
  if (get_date (it, member, NEED_NULLABLE, date))
    take_letter_setting (it, member, &next, settings);
}

/* The text member at @offset of SmLetterSettings. */
static void
get_letter_text (Item *it, const char *member, glong offset,
                 SmLetterSettings *settings)
{
  SmLetterSettings next = *settings;
  const char **target = G_STRUCT_MEMBER_P (&next, offset);
  if (get_string (it, member, NEED_NULLABLE, target))
    take_letter_setting (it, member, &next, settings);
}

/* The optional "letters" member (scenario.h, SmLetterSettings). */
static void
load_letters (Loader *ld, JsonObject *root)
{
  static const char *const members[] = {
    "regime",   "effective_date",   "letter_date",
    "employer", "deciding_body",    "signatory",
    "contact",  "response_address", NULL
  };
  JsonNode *node = json_object_get_member (root, "letters");
  Item top = { ld, root, "", "the document", TRUE };
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      if (node != NULL)
        type_problem (&top, "letters", node, "an object");
      return;
    }
  Item it = { ld, json_node_get_object (node), "letters",
              "the letters' settings", TRUE };
  SmLetterSettings l = SM_LETTER_SETTINGS_INIT;
  int choice;
  check_members (&it, members);
  if (get_choice (&it, "regime", NEED_OPTIONAL, sm_enum__regime_names, "regime",
                  &choice))
    l.regime = (SmRegime) choice;
  get_letter_date (&it, "effective_date", &l);
  get_letter_date (&it, "letter_date", &l);
  get_letter_text (&it, "employer",
                   G_STRUCT_OFFSET (SmLetterSettings, employer), &l);
  get_letter_text (&it, "deciding_body",
                   G_STRUCT_OFFSET (SmLetterSettings, deciding_body), &l);
  get_letter_text (&it, "signatory",
                   G_STRUCT_OFFSET (SmLetterSettings, signatory), &l);
  get_letter_text (&it, "contact", G_STRUCT_OFFSET (SmLetterSettings, contact),
                   &l);
  get_letter_text (&it, "response_address",
                   G_STRUCT_OFFSET (SmLetterSettings, response_address), &l);
  /* Each value was checked as it was read. */
  sm_scenario_set_letter_settings (ld->scenario, &l, NULL);
}

static void
apply_default_rule (Loader *ld)
{
  GError *error = NULL;
  if (ld->default_rule == NULL || is_broken (ld, "rule", ld->default_rule))
    return;
  if (!sm_scenario_set_default_rule (ld->scenario, ld->default_rule, &error))
    {
      report (ld, "settings.default_rule", error->code, "%s", error->message);
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
  int kind = SM_ORGANISATION_KIND_RECEIVING;
  GError *error = NULL;
  check_members (it, members);
  get_string (it, "id", NEED_REQUIRED, &spec.id);
  get_string (it, "name", NEED_REQUIRED, &spec.name);
  get_choice (it, "kind", NEED_REQUIRED, sm_enum__organisation_kind_names,
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
    "id", "name", "organisation", "contract_client", "contract_end_year", NULL
  };
  SmUnitSpec spec = SM_UNIT_SPEC_INIT;
  GError *error = NULL;
  check_members (it, members);
  get_string (it, "id", NEED_REQUIRED, &spec.id);
  get_string (it, "name", NEED_REQUIRED, &spec.name);
  get_string (it, "organisation", NEED_REQUIRED, &spec.organisation_id);
  get_string (it, "contract_client", NEED_NULLABLE, &spec.contract_client_id);
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
  int criterion = 0, direction = 0;
  GError *error = NULL;
  check_members (it, members);
  get_choice (it, "criterion", NEED_REQUIRED, sm_enum__criterion_names,
              "criterion", &criterion);
  get_choice (it, "prefer", NEED_REQUIRED, sm_enum__direction_names,
              "direction", &direction);
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
      Item sub = { it->ld, json_node_get_object (element), path, "a criterion",
                   TRUE };
      load_criterion (&sub, rule);
      ok = ok && sub.ok;
    }
  return ok;
}

/* Reads the rule's optional "granularity": {"service": "years", ...}. */
static void
load_granularity (Item *it, SmPriorityRule *rule)
{
  JsonNode *node = find_member (it, "granularity", NEED_OPTIONAL);
  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      type_problem (it, "granularity", node, "an object");
      return;
    }
  g_autofree char *path = member_path (it, "granularity");
  Item sub = { it->ld, json_node_get_object (node), path,
               "a rule's granularity", TRUE };
  check_members (&sub, sm_enum__criterion_names);
  for (int k = 0; k < SM_N_CRITERIA; k++)
    {
      const char *name = sm_enum__criterion_names[k];
      int granularity = SM_GRANULARITY_DAYS;
      GError *error = NULL;
      if (!get_choice (&sub, name, NEED_OPTIONAL, sm_enum__granularity_names,
                       "granularity", &granularity)
          || sm_priority_rule_set_granularity (rule, (SmCriterion) k,
                                               (SmGranularity) granularity,
                                               &error))
        continue;
      g_autofree char *at = member_path (&sub, name);
      report (it->ld, at, error->code, "%s", error->message);
      g_error_free (error);
      sub.ok = FALSE;
    }
  it->ok = it->ok && sub.ok;
}

static void
load_rule (Item *it)
{
  static const char *const members[] = { "id",
                                         "criteria",
                                         "max_grade_distance",
                                         "min_fit",
                                         "require_qualifications",
                                         "granularity",
                                         NULL };
  const char *id = NULL;
  int32_t distance = -1;
  SmFit min_fit = SM_FIT_NONE;
  gboolean require = FALSE;
  GError *error = NULL;
  check_members (it, members);
  get_string (it, "id", NEED_REQUIRED, &id);
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new (id != NULL ? id : "");
  if (!load_criteria (it, rule))
    it->ok = FALSE;
  get_int (it, "max_grade_distance", NEED_NULLABLE, 0, INT32_MAX, &distance);
  get_fit (it, "min_fit", NEED_NULLABLE, &min_fit);
  get_bool (it, "require_qualifications", NEED_OPTIONAL, &require);
  load_granularity (it, rule);
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
    "id",    "title",        "unit",           "function", "grade", "fte",
    "seats", "target_seats", "qualifications", "rule",     NULL
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
  get_int (it, "target_seats", NEED_NULLABLE, 0, INT32_MAX, &spec.target_seats);
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
    "id",  "name",          "function",   "unit",           "grade",
    "fte", "service_start", "birth_date", "qualifications", NULL
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
  static const char *const members[] = { "employee",   "position",
                                         "preference", "committee_score",
                                         "travel_km",  NULL };
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
      report (it->ld, path, SM_ERROR_INVALID_VALUE,
              "'travel_km' is "
              "negative; give the distance, or null when it is not known.");
      it->ok = FALSE;
    }
  if (it->ok)
    sm_scenario_add_application (it->ld->scenario, &spec, &error);
  const Ref refs[] = {
    { "employee", spec.employee_id },
    { "position", spec.position_id },
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
    sm_scenario_add_function_relation (it->ld->scenario, from, to, fit, &error);
  finish_item (it, NULL, NULL, error, NULL, 0);
}

static void
load_manual_placement (Item *it)
{
  static const char *const members[] = { "employee", "position", "reason",
                                         NULL };
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
    { "employee", employee },
    { "position", position },
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
  if (!g_str_equal (format, SM_JSON__SCENARIO_FORMAT))
    {
      report (ld, "format", SM_ERROR_PARSE,
              "This is not a staffmatch "
              "scenario: its format is not '" SM_JSON__SCENARIO_FORMAT "'%s.",
              g_str_equal (format, SM_JSON__PLACEMENT_FORMAT)
                  ? " (it is a placement, which is an output)"
                  : "");
      return FALSE;
    }
  if (!get_int (&top, "version", NEED_REQUIRED, INT32_MIN, INT32_MAX, &version))
    return FALSE;
  if (version != SM_JSON__FORMAT_VERSION)
    {
      report (ld, "version", SM_ERROR_INVALID_VALUE,
              "This document is "
              "version %d of the scenario format; this library (staffmatch "
              "%s) reads version %d%s.",
              (int) version, sm_version (), SM_JSON__FORMAT_VERSION,
              version > SM_JSON__FORMAT_VERSION
                  ? ": load it with a newer staffmatch"
                  : "");
      return FALSE;
    }
  return TRUE;
}

static void
load_root (Loader *ld, JsonNode *root)
{
  static const char *const members[] = { "format",
                                         "version",
                                         "settings",
                                         "letters",
                                         "organisations",
                                         "units",
                                         "rules",
                                         "positions",
                                         "employees",
                                         "applications",
                                         "function_relations",
                                         "manual_placements",
                                         NULL };
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      report (ld, NULL, SM_ERROR_PARSE,
              "The document is %s; a scenario is "
              "a JSON object with \"format\": \"" SM_JSON__SCENARIO_FORMAT
              "\".",
              root == NULL ? "empty" : describe_node (root));
      return;
    }
  JsonObject *object = json_node_get_object (root);
  Item top = { ld, object, "", "the document", TRUE };
  if (!check_header (ld, object))
    return;
  check_members (&top, members);
  load_settings (ld, object);
  load_letters (ld, object);
  load_list (ld, object, "organisations", NEED_REQUIRED, "organisation",
             "an organisation", load_organisation);
  load_list (ld, object, "units", NEED_REQUIRED, "unit", "a unit", load_unit);
  load_list (ld, object, "rules", NEED_OPTIONAL, "rule", "a rule", load_rule);
  load_list (ld, object, "positions", NEED_REQUIRED, "position", "a position",
             load_position);
  load_list (ld, object, "employees", NEED_REQUIRED, "employee", "an employee",
             load_employee);
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
                        SM_ERROR_PARSE,
                        "This is not valid JSON: %s; "
                        "correct the text at this place.",
                        clean);
}

/* The text must be UTF-8 (json-glib says so without a place). */
static gboolean
check_utf8 (Loader *ld)
{
  const char *bad;
  if (g_utf8_validate_len (ld->text, ld->length, &bad))
    return TRUE;
  SmJsonWhere at = sm_json__where_at (ld->text, bad);
  sm_problem_list__add (ld->problems, ld->name, at.line, at.column, NULL,
                        SM_ERROR_PARSE,
                        "The text is not UTF-8 (or holds a "
                        "NUL byte) from here on; save the file as UTF-8.");
  return FALSE;
}

/* Every member name of the scenario format: the names that the text
 * check may show. */
static const char *const member_names[] = { "format",
                                            "version",
                                            "settings",
                                            "letters",
                                            "regime",
                                            "effective_date",
                                            "letter_date",
                                            "employer",
                                            "deciding_body",
                                            "signatory",
                                            "contact",
                                            "response_address",
                                            "organisations",
                                            "units",
                                            "rules",
                                            "positions",
                                            "employees",
                                            "applications",
                                            "function_relations",
                                            "manual_placements",
                                            "seed",
                                            "tie_breaking",
                                            "reference_date",
                                            "reduction",
                                            "age_band_years",
                                            "default_rule",
                                            "improvement_cycles",
                                            "id",
                                            "name",
                                            "kind",
                                            "min_headcount",
                                            "max_headcount",
                                            "organisation",
                                            "contract_client",
                                            "contract_end_year",
                                            "criteria",
                                            "criterion",
                                            "prefer",
                                            "max_grade_distance",
                                            "min_fit",
                                            "require_qualifications",
                                            "granularity",
                                            "same-grade",
                                            "committee-score",
                                            "service",
                                            "age",
                                            "travel",
                                            "title",
                                            "unit",
                                            "function",
                                            "grade",
                                            "fte",
                                            "seats",
                                            "target_seats",
                                            "qualifications",
                                            "rule",
                                            "service_start",
                                            "birth_date",
                                            "employee",
                                            "position",
                                            "preference",
                                            "committee_score",
                                            "travel_km",
                                            "from",
                                            "to",
                                            "fit",
                                            "reason",
                                            NULL };

static void
parse_and_load (Loader *ld)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  GError *error = NULL;
  if (!check_utf8 (ld)
      || !sm_json__check_text (ld->text, ld->length, member_names, ld->name,
                               ld->problems))
    return;
  if (!json_parser_load_from_data (parser, ld->text, (gssize) ld->length,
                                   &error))
    {
      report_syntax (ld, error);
      g_error_free (error);
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
  Loader ld = { name,
                data,
                length,
                problems,
                NULL,
                g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                sm_scenario_new (),
                NULL };
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
      sm_problem_list__add (problems, p.file, p.line, p.column, p.field, p.code,
                            "%s", p.message);
    }
  if (n == 0)
    return scenario;
  sm_scenario_free (scenario);
  sm_problem_list__to_error (found, error);
  return NULL;
}

/* Adds the problem of a document larger than the limit; @size is its
 * size in bytes, or 0 when only "more than the limit" is known. */
static void
report_too_large (SmProblemList *problems, const char *name, gsize size)
{
  g_autofree char *measured = size > 0 ? g_strdup_printf ("%" G_GSIZE_FORMAT
                                                          " bytes",
                                                          size)
                                       : g_strdup ("more than that");
  sm_problem_list__add (problems, name, 0, 0, NULL, SM_ERROR_TOO_LARGE,
                        "A scenario document may be at most %d MiB "
                        "(%" G_GSIZE_FORMAT
                        " bytes), and this one is %s; check "
                        "that this is the right file (a scenario of 100,000 "
                        "employees takes some 30 to 60 MiB).",
                        (int) (SM_SCENARIO_JSON_MAX_SIZE >> 20),
                        (gsize) SM_SCENARIO_JSON_MAX_SIZE, measured);
}

SmScenario *
sm_scenario_load_json_data (const char *data, gsize length, const char *name,
                            SmProblemList *problems, GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autoptr (SmProblemList) found = sm_problem_list_new ();
  if (length == (gsize) -1)
    length = strlen (data);
  name = name != NULL ? name : "JSON text";
  if (length > SM_SCENARIO_JSON_MAX_SIZE)
    {
      report_too_large (found, name, length);
      return finish_load (NULL, found, problems, error);
    }
  SmScenario *scenario = load_text (data != NULL ? data : "", length, name,
                                    found);
  return finish_load (scenario, found, problems, error);
}

/* Sets @error to SM_ERROR_IO for @name, with the reason @errsv. */
static void
set_io_error (GError **error, const char *name, const char *what, int errsv)
{
  g_set_error (error, SM_ERROR, SM_ERROR_IO, "Cannot %s %s: %s.", what, name,
               g_strerror (errsv));
}

/* Reads from @fd to its end, or until more than the limit has come (then
 * *@too_large is set and the bytes are dropped). The buffer grows by
 * doubling but never past the limit and one byte. Returns: (transfer
 * full): the bytes, NULL with *@errsv set on a read error or when too
 * large. */
static GBytes *
read_fd_bounded (int fd, gboolean *too_large, int *errsv)
{
  const gsize most = SM_SCENARIO_JSON_MAX_SIZE + 1;
  gsize length = 0, capacity = 65536;
  g_autofree char *buffer = g_malloc (capacity);
  for (;;)
    {
      if (length == capacity && capacity < most)
        {
          capacity = MIN (capacity * 2, most);
          buffer = g_realloc (buffer, capacity);
        }
      if (length == capacity)
        break;
      gssize n = read (fd, buffer + length, capacity - length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          *errsv = errno;
          return NULL;
        }
      if (n == 0)
        break;
      length += (gsize) n;
    }
  *too_large = length > SM_SCENARIO_JSON_MAX_SIZE;
  if (*too_large)
    return NULL;
  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

/* (transfer full): the bytes of the file @path that is not a regular
 * file (a pipe, a device), which may have no end: reading stops past the
 * limit (then NULL with *@too_large set). NULL on error. */
static GBytes *
read_bounded (const char *path, const char *name, gboolean *too_large,
              GError **error)
{
  int errsv = 0;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_io_error (error, name, "open", errno);
      return NULL;
    }
  GBytes *bytes = read_fd_bounded (fd, too_large, &errsv);
  close (fd);
  if (bytes == NULL && !*too_large)
    set_io_error (error, name, "read", errsv);
  return bytes;
}

/* (transfer full): the bytes of the file @path; a regular file larger
 * than the limit is refused before it is mapped, any other (a pipe, a
 * device such as /dev/zero) is read no further than just past the limit.
 * NULL with @error set (SM_ERROR_IO) or, when too large, with *@too_large
 * set and *@size the file's size (0 when not known). */
static GBytes *
load_file (const char *path, const char *name, gboolean *too_large, gsize *size,
           GError **error)
{
  GStatBuf st;
  gboolean known = g_stat (path, &st) == 0;
  *size = 0;
  *too_large = known && S_ISREG (st.st_mode)
               && (guint64) st.st_size > SM_SCENARIO_JSON_MAX_SIZE;
  if (*too_large)
    {
      *size = (guint64) st.st_size > G_MAXSIZE ? G_MAXSIZE : (gsize) st.st_size;
      return NULL;
    }
  if (known && !S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode))
    return read_bounded (path, name, too_large, error);
  return sm_text_file__load (path, error);
}

SmScenario *
sm_scenario_load_json (const char *path, SmProblemList *problems,
                       GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autofree char *name = g_filename_display_name (path);
  GError *io_error = NULL;
  gboolean too_large;
  gsize size;
  g_autoptr (GBytes)
      bytes = load_file (path, name, &too_large, &size, &io_error);
  if (bytes == NULL)
    {
      g_autoptr (SmProblemList) found = sm_problem_list_new ();
      if (too_large)
        report_too_large (found, name, size);
      else
        {
          sm_problem_list__add (found, name, 0, 0, NULL, io_error->code, "%s",
                                io_error->message);
          g_error_free (io_error);
        }
      return finish_load (NULL, found, problems, error);
    }
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  return sm_scenario_load_json_data (data != NULL ? data : "", length, name,
                                     problems, error);
}
