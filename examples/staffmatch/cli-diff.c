/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch command-line tool: `diff`.
 *
 *     staffmatch diff PLACEMENT-A PLACEMENT-B
 *
 * Compares two placements (each a placements.json, or a folder holding
 * one) employee by employee, by id: everyone placed differently, old ->
 * new (status, preference, position, organisation and unit), and why,
 * from the refusals each file records (sm_placement_save_json()): when
 * the new outcome was refused in A, A's reason; when the old one was
 * refused in B, B's reason. Someone at the same position whose number
 * for it on their list changed is told apart: the applications changed,
 * not the placement. Then the employees found in one file only,
 * and the counts. A report, not a test: the status is 0 whether the
 * placements differ or not, 1 when a file cannot be read.
 *
 * The placement files are read with json-glib; only what the comparison
 * needs is checked (format name, and an "employees" array of objects with
 * an "id"). Placement files carry identifiers, never names, and so does
 * this report.
 */
#include "cli-common.h"

#include <stdio.h>
#include <string.h>
#include <json-glib/json-glib.h>

#define PLACEMENT_FORMAT "staffmatch-placement"
#define PLACEMENT_FILE "placements.json"

/* One placement file: the parsed document and its employees by id. */
typedef struct {
  char *path;
  JsonParser *parser;
  JsonObject *root;  /* borrowed from the parser */
  GPtrArray *order;  /* JsonObject *, in file order */
  GHashTable *by_id; /* id -> JsonObject * */
} Placement;

static void
placement_clear (Placement *p)
{
  g_clear_pointer (&p->path, g_free);
  g_clear_object (&p->parser);
  g_clear_pointer (&p->order, g_ptr_array_unref);
  g_clear_pointer (&p->by_id, g_hash_table_unref);
}

/* A string member, or NULL when missing, null or not a string. */
static const char *
get_string (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* An integer member, or 0 when missing, null or not an integer. */
static int64_t
get_int (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

static JsonArray *
get_array (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node)
             ? json_node_get_array (node)
             : NULL;
}

/* Indexes the employees of a parsed document. */
static gboolean
index_employees (Placement *p, GError **error)
{
  const char *format = get_string (p->root, "format");
  JsonArray *employees = get_array (p->root, "employees");
  if (format == NULL || strcmp (format, PLACEMENT_FORMAT) != 0
      || employees == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s: not a staffmatch placement (format \"%s\" with "
                   "\"employees\")",
                   p->path, PLACEMENT_FORMAT);
      return FALSE;
    }
  for (guint k = 0; k < json_array_get_length (employees); k++)
    {
      JsonNode *node = json_array_get_element (employees, k);
      JsonObject *e = JSON_NODE_HOLDS_OBJECT (node)
                          ? json_node_get_object (node)
                          : NULL;
      const char *id = e != NULL ? get_string (e, "id") : NULL;
      if (id == NULL || g_hash_table_contains (p->by_id, id))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       "%s: employee %u has no id, or one seen before", p->path,
                       k + 1);
          return FALSE;
        }
      g_ptr_array_add (p->order, e);
      g_hash_table_insert (p->by_id, (gpointer) id, e);
    }
  return TRUE;
}

static gboolean
placement_load (Placement *p, const char *argument, GError **error)
{
  p->path = g_file_test (argument, G_FILE_TEST_IS_DIR)
                ? g_build_filename (argument, PLACEMENT_FILE, NULL)
                : g_strdup (argument);
  p->parser = json_parser_new ();
  p->order = g_ptr_array_new ();
  p->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) local = NULL;
  if (!json_parser_load_from_file (p->parser, p->path, &local))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: %s", p->path,
                   local->message);
      return FALSE;
    }
  JsonNode *root = json_parser_get_root (p->parser);
  p->root = root != NULL && JSON_NODE_HOLDS_OBJECT (root)
                ? json_node_get_object (root)
                : NULL;
  if (p->root == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s: not a JSON object", p->path);
      return FALSE;
    }
  return index_employees (p, error);
}

/* ---- words --------------------------------------------------------------- */

static const char *
or_unknown (const char *text)
{
  return text != NULL ? text : "?";
}

/* "1st", "2nd", "3rd", "4th", ..., "11th", "21st". */
static char *
ordinal (int64_t n)
{
  const char *suffix = "th";
  if (n % 100 < 11 || n % 100 > 13)
    suffix = n % 10 == 1   ? "st"
             : n % 10 == 2 ? "nd"
             : n % 10 == 3 ? "rd"
                           : "th";
  return g_strdup_printf ("%" G_GINT64_FORMAT "%s", n, suffix);
}

/* A position as wanted: "2nd choice om-beleid" or "own function hb-x". */
static char *
describe_wish (int64_t preference, const char *position)
{
  if (preference <= 0)
    return g_strdup_printf ("own-function position %s", position);
  g_autofree char *nth = ordinal (preference);
  return g_strdup_printf ("%s choice %s", nth, position);
}

/* An outcome: "2nd choice om-beleid at ommen/om-beleid". */
static char *
describe_outcome (JsonObject *e)
{
  const char *status = get_string (e, "status");
  const char *position = get_string (e, "position");
  g_autofree char *where =
      g_strdup_printf ("%s/%s", or_unknown (get_string (e, "organisation")),
                       or_unknown (get_string (e, "unit")));
  SmStatus status_value = SM_STATUS_PLACED;
  if (status != NULL)
    sm_status_from_string (status, &status_value);
  if (position == NULL || status_value == SM_STATUS_SUPERNUMERARY)
    return g_strdup_printf ("supernumerary at %s", where);
  if (status_value == SM_STATUS_FOLLOWS_WORK)
    return g_strdup_printf ("follows work: %s at %s", position, where);
  if (status_value == SM_STATUS_MANUAL)
    return g_strdup_printf ("manual placement: %s at %s", position, where);
  g_autofree char *wish = describe_wish (get_int (e, "preference"), position);
  return g_strdup_printf ("%s at %s", wish, where);
}

/* " (rank 3, cutoff 2, decided by service)", or "" when nothing known;
 * without the criterion unless @with_criterion. */
static char *
describe_ranking (JsonObject *r, gboolean with_criterion)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *criterion = with_criterion ? get_string (r, "criterion") : NULL;
  if (get_int (r, "rank") > 0)
    g_ptr_array_add (parts, g_strdup_printf ("rank %" G_GINT64_FORMAT,
                                             get_int (r, "rank")));
  if (get_int (r, "cutoff") > 0)
    g_ptr_array_add (parts, g_strdup_printf ("cutoff %" G_GINT64_FORMAT,
                                             get_int (r, "cutoff")));
  if (g_strcmp0 (criterion, "manual") == 0)
    g_ptr_array_add (parts, g_strdup ("the last seat went to a manual "
                                      "placement"));
  else if (criterion != NULL)
    g_ptr_array_add (parts, g_strdup_printf ("decided by %s", criterion));
  if (parts->len == 0)
    return g_strdup ("");
  g_ptr_array_add (parts, NULL);
  g_autofree char *joined = g_strjoinv (", ", (char **) parts->pdata);
  return g_strdup_printf (" (%s)", joined);
}

/* Why a refusal: "the position was full (rank 3, cutoff 2, ...)". */
static char *
describe_reason (JsonObject *r)
{
  const char *reason = get_string (r, "reason");
  const char *filter = get_string (r, "filter");
  g_autofree char *ranking = describe_ranking (r, TRUE);
  g_autofree char *places = describe_ranking (r, FALSE);
  SmReason value;
  if (reason == NULL || !sm_reason_from_string (reason, &value))
    return g_strdup_printf ("%s%s", reason ? reason : "refused", ranking);
  switch (value)
    {
    case SM_REASON_NOT_ELIGIBLE:
      return g_strdup_printf ("not eligible%s%s%s", filter ? " (" : "",
                              filter ? filter : "", filter ? " filter)" : "");
    case SM_REASON_FULL:
      return g_strdup_printf ("the position was full%s", ranking);
    case SM_REASON_CAP:
      return g_strdup_printf ("a seat was open, but the organisation's "
                              "headcount maximum was reached%s",
                              places);
    case SM_REASON_MANUAL_SEAT:
      return g_strdup_printf ("a seat the employee would otherwise have had "
                              "went to a manual placement%s",
                              places);
    case SM_REASON_MANUAL:
      return g_strdup ("the employee was placed by a manual decision");
    case SM_REASON_REFLECTION:
      return g_strdup_printf ("the places went to others by the reflection "
                              "principle%s",
                              ranking);
    }
  return g_strdup_printf ("%s%s", reason ? reason : "refused", ranking);
}

/* ---- the comparison ------------------------------------------------------ */

/* Whether @a and @b have the same place: organisation, unit, position
 * and status. */
static gboolean
same_place (JsonObject *a, JsonObject *b)
{
  static const char *const members[] = { "organisation", "unit", "position",
                                         "status" };
  for (size_t k = 0; k < G_N_ELEMENTS (members); k++)
    if (g_strcmp0 (get_string (a, members[k]), get_string (b, members[k])))
      return FALSE;
  return TRUE;
}

static gboolean
same_outcome (JsonObject *a, JsonObject *b)
{
  return same_place (a, b)
         && get_int (a, "preference") == get_int (b, "preference");
}

/* The same position, but under another number on the employee's list:
 * the applications changed, not the placement. */
static void
print_renumbered (JsonObject *a, JsonObject *b)
{
  g_autofree char *was = ordinal (get_int (a, "preference"));
  g_autofree char *now = ordinal (get_int (b, "preference"));
  printf ("%s: the same position, %s at %s/%s; it was the %s choice on "
          "the employee's list in A and is the %s in B (the applications "
          "differ, the placement does not)\n",
          get_string (a, "id"), or_unknown (get_string (a, "position")),
          or_unknown (get_string (a, "organisation")),
          or_unknown (get_string (a, "unit")), was, now);
}

/* The refusal of @position in @e's refusals, or NULL. */
static JsonObject *
find_refusal (JsonObject *e, const char *position)
{
  JsonArray *refusals = get_array (e, "refusals");
  if (refusals == NULL || position == NULL)
    return NULL;
  for (guint k = 0; k < json_array_get_length (refusals); k++)
    {
      JsonNode *node = json_array_get_element (refusals, k);
      JsonObject *r = JSON_NODE_HOLDS_OBJECT (node)
                          ? json_node_get_object (node)
                          : NULL;
      if (r != NULL && g_strcmp0 (get_string (r, "position"), position) == 0)
        return r;
    }
  return NULL;
}

/* "  in A, the 1st choice om-x was refused: ..." when @e (in @side) was
 * refused @position; returns whether it was. */
static gboolean
print_refusal (const char *side, JsonObject *e, const char *position)
{
  JsonObject *r = find_refusal (e, position);
  if (r == NULL)
    return FALSE;
  g_autofree char *wish = describe_wish (get_int (r, "preference"), position);
  g_autofree char *why = describe_reason (r);
  printf ("  in %s, the %s was refused: %s\n", side, wish, why);
  return TRUE;
}

static void
print_change (JsonObject *a, JsonObject *b)
{
  g_autofree char *was = describe_outcome (a);
  g_autofree char *now = describe_outcome (b);
  printf ("%s: was %s, now %s\n", get_string (a, "id"), was, now);
  gboolean told = print_refusal ("A", a, get_string (b, "position"));
  told = print_refusal ("B", b, get_string (a, "position")) || told;
  if (told)
    return;
  if (get_array (a, "refusals") == NULL || get_array (b, "refusals") == NULL)
    printf ("  (no reasons: a placement file holds no refusals)\n");
  else
    printf ("  (neither outcome was refused in the other run: the "
            "scenarios or the rules differ)\n");
}

/* Prints the ids of @from's employees missing in @other; their count. */
static guint
print_only_in (const char *side, const Placement *from, const Placement *other)
{
  guint n = 0;
  for (guint k = 0; k < from->order->len; k++)
    {
      const char *id = get_string (from->order->pdata[k], "id");
      if (g_hash_table_contains (other->by_id, id))
        continue;
      if (n++ == 0)
        printf ("Only in %s: %s", side, id);
      else
        printf (", %s", id);
    }
  if (n > 0)
    printf ("\n");
  return n;
}

static void
print_header (const char *side, const Placement *p)
{
  const char *checksum = get_string (p->root, "scenario_sha256");
  printf ("%s: %s (seed %s, scenario %.12s, library %s)\n", side, p->path,
          or_unknown (get_string (p->root, "seed")), or_unknown (checksum),
          or_unknown (get_string (p->root, "library")));
}

static void
compare (const Placement *a, const Placement *b)
{
  guint changed = 0, same = 0, renumbered = 0;
  print_header ("A", a);
  print_header ("B", b);
  gboolean same_seed = g_strcmp0 (get_string (a->root, "seed"),
                                  get_string (b->root, "seed"))
                       == 0;
  if (g_strcmp0 (get_string (a->root, "scenario_sha256"),
                 get_string (b->root, "scenario_sha256"))
      != 0)
    printf ("%s\n", same_seed ? "The scenarios differ."
                              : "The seeds differ (and so do the scenario "
                                "checksums, which include the seed).");
  printf ("\n");
  for (guint k = 0; k < a->order->len; k++)
    {
      JsonObject *ea = a->order->pdata[k];
      JsonObject *eb = g_hash_table_lookup (b->by_id, get_string (ea, "id"));
      if (eb == NULL)
        continue;
      if (same_outcome (ea, eb))
        same++;
      else if (same_place (ea, eb))
        {
          print_renumbered (ea, eb);
          renumbered++;
        }
      else
        {
          print_change (ea, eb);
          changed++;
        }
    }
  guint only_a = print_only_in ("A", a, b);
  guint only_b = print_only_in ("B", b, a);
  if (changed + renumbered + only_a + only_b == 0)
    printf ("No differences: the %u employees are placed the same.\n", same);
  else
    printf ("%s%u employees in both: %u placed differently, %u at the same "
            "position under another preference number, %u the same; %u "
            "only in A, %u only in B.\n",
            changed + renumbered > 0 ? "\n" : "", changed + renumbered + same,
            changed, renumbered, same, only_a, only_b);
}

int
cli_diff (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = cli_context_new (
      "diff", "PLACEMENT-A PLACEMENT-B",
      "Compares two placements (placements.json files, or output folders\n"
      "holding one): who is placed differently, and why.",
      NULL);
  if (!cli_parse (context, "diff", &argc, &argv))
    return CLI_EXIT_USAGE;
  if (argc != 3)
    return cli_usage_error ("diff", "give two placements");
  Placement a = { 0 }, b = { 0 };
  g_autoptr (GError) error = NULL;
  int status = CLI_EXIT_OK;
  if (!placement_load (&a, argv[1], &error)
      || !placement_load (&b, argv[2], &error))
    status = cli_fail ("diff", "%s", error->message);
  else
    compare (&a, &b);
  placement_clear (&a);
  placement_clear (&b);
  return status;
}
