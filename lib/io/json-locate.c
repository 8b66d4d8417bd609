/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: where the values of a JSON document start, for problems.
 *
 * json-glib 1.6 keeps no positions in its nodes, so when the reader
 * (json-read.c) finds the first problem in a document, the text is scanned
 * once more here: a small locator records the line and column (in
 * characters) where each value starts, under its path, such as
 * "employees[17].grade", and a problem at a path that has no value of its
 * own (a missing member) is placed at the nearest enclosing value.
 *
 * A scan is one pass over the text, and the table it builds holds one
 * entry per value down to LOCATE_DEPTH (the members of the items of the
 * document's lists, and their elements). sm_json__where_at() counts the
 * same lines and columns up to a given byte, for text that is not UTF-8.
 */
#include "io/json-private.h"

#include <string.h>

/* Scans JSON text that the check of json-check.c and json-glib accepted
 * (so it is well formed, may hold block comments, and nests at most
 * SM_JSON__MAX_DEPTH deep, which bounds the recursion below) and records
 * where each value down to LOCATE_DEPTH starts, under its path. Single
 * quotes are still stepped over, though the check refuses them. */
typedef struct {
  const char *p;
  const char *end;
  SmJsonWhere at;
  GString *path;
  GHashTable *where; /* path -> SmJsonWhere */
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
  if (depth <= LOCATE_DEPTH && !g_hash_table_contains (l->where, l->path->str))
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

GHashTable *
sm_json__locate_values (const char *text, gsize length)
{
  Locator l = { text,
                text + length,
                { 1, 1 },
                g_string_new (NULL),
                g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       g_free) };
  locator_value (&l, 0);
  g_string_free (l.path, TRUE);
  return l.where;
}

SmJsonWhere
sm_json__lookup (GHashTable *where, const char *path)
{
  static const SmJsonWhere unknown = { 0, 0 };
  g_autofree char *key = g_strdup (path != NULL ? path : "");
  for (;;)
    {
      const SmJsonWhere *w = g_hash_table_lookup (where, key);
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

SmJsonWhere
sm_json__where_at (const char *text, const char *at)
{
  Locator l = { text, at, { 1, 1 }, NULL, NULL };
  while (l.p < l.end)
    locator_step (&l);
  return l.at;
}
