/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: a small text template engine for the decision letters.
 *
 * Why our own: letters need placeholders, repeated sections and inverted
 * sections, nothing more, and users edit the templates, so every mistake
 * must be reported with its line. A Mustache library would bring HTML
 * escaping (wrong for plain text), lambdas and partials, and a dependency.
 *
 * Parsing turns the text into a flat array of nodes: text (a slice of the
 * template's own copy), a value, or a section whose body is the nodes up
 * to its "end" index. Rendering walks that array with a stack of records,
 * looking names up from the innermost record out. The syntax is told in
 * template-private.h.
 */
#include "report/template-private.h"

#include <string.h>
#include <staffmatch/error.h>

/* ---- the data ------------------------------------------------------------ */

typedef enum {
  VALUE_STRING,
  VALUE_BOOLEAN,
  VALUE_LIST,
} ValueKind;

typedef struct {
  ValueKind kind;
  char *string;     /* VALUE_STRING, owned */
  gboolean boolean; /* VALUE_BOOLEAN */
  GPtrArray *items; /* VALUE_LIST: SmTemplateRecord, owned */
} Value;

struct _SmTemplateRecord {
  GHashTable *values; /* owned name -> Value */
};

static void
value_free (gpointer data)
{
  Value *v = data;
  g_free (v->string);
  if (v->items != NULL)
    g_ptr_array_unref (v->items);
  g_free (v);
}

SmTemplateRecord *
sm_template_record__new (void)
{
  SmTemplateRecord *r = g_new0 (SmTemplateRecord, 1);
  r->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     value_free);
  return r;
}

void
sm_template_record__free (SmTemplateRecord *record)
{
  if (record == NULL)
    return;
  g_hash_table_unref (record->values);
  g_free (record);
}

static Value *
put_value (SmTemplateRecord *record, const char *name, ValueKind kind)
{
  g_return_val_if_fail (record != NULL && name != NULL, NULL);
  Value *v = g_new0 (Value, 1);
  v->kind = kind;
  g_hash_table_replace (record->values, g_strdup (name), v);
  return v;
}

void
sm_template_record__take_string (SmTemplateRecord *record, const char *name,
                                 char *value)
{
  Value *v = put_value (record, name, VALUE_STRING);
  if (v == NULL)
    {
      g_free (value);
      return;
    }
  v->string = value != NULL ? value : g_strdup ("");
}

void
sm_template_record__set_string (SmTemplateRecord *record, const char *name,
                                const char *value)
{
  sm_template_record__take_string (record, name, g_strdup (value));
}

void
sm_template_record__set_int (SmTemplateRecord *record, const char *name,
                             int64_t value)
{
  sm_template_record__take_string (record, name,
                                   g_strdup_printf ("%" G_GINT64_FORMAT,
                                                    (gint64) value));
}

void
sm_template_record__set_boolean (SmTemplateRecord *record, const char *name,
                                 gboolean value)
{
  Value *v = put_value (record, name, VALUE_BOOLEAN);
  if (v != NULL)
    v->boolean = value;
}

void
sm_template_record__set_list (SmTemplateRecord *record, const char *name)
{
  Value *v = put_value (record, name, VALUE_LIST);
  if (v != NULL)
    v->items = g_ptr_array_new_with_free_func (
        (GDestroyNotify) sm_template_record__free);
}

SmTemplateRecord *
sm_template_record__append (SmTemplateRecord *record, const char *name)
{
  g_return_val_if_fail (record != NULL && name != NULL, NULL);
  Value *v = g_hash_table_lookup (record->values, name);
  if (v == NULL || v->kind != VALUE_LIST)
    {
      sm_template_record__set_list (record, name);
      v = g_hash_table_lookup (record->values, name);
    }
  SmTemplateRecord *item = sm_template_record__new ();
  g_ptr_array_add (v->items, item);
  return item;
}

/* ---- parsing ------------------------------------------------------------- */

typedef enum {
  NODE_TEXT,
  NODE_VALUE,
  NODE_SECTION,
  NODE_INVERTED,
} NodeKind;

typedef struct {
  NodeKind kind;
  size_t start; /* NODE_TEXT: a slice of the template's text */
  size_t length;
  char *name;   /* the other kinds, owned */
  guint end;    /* sections: the first node after the body */
  int64_t line; /* where the tag is, for messages */
} Node;

struct _SmTemplate {
  char *text;    /* owned copy of the template */
  GArray *nodes; /* Node */
};

/* One tag as read: its sigil ('#', '^', '/', '!' or 0) and name. */
typedef struct {
  char sigil;
  char *name;        /* owned; NULL for a comment */
  const char *open;  /* the "{{" */
  const char *after; /* just past the "}}" */
  int64_t line;
} Tag;

typedef struct {
  SmTemplate *tmpl;
  const char *const *names;
  const char *p; /* the next byte to read */
  int64_t line;  /* the line of p, from 1 */
  GArray *open;  /* guint: indices of the open sections' nodes */
} Parser;

static void
clear_node (gpointer data)
{
  g_free (((Node *) data)->name);
}

void
sm_template__free (SmTemplate *tmpl)
{
  if (tmpl == NULL)
    return;
  g_free (tmpl->text);
  if (tmpl->nodes != NULL)
    g_array_unref (tmpl->nodes);
  g_free (tmpl);
}

static int64_t
count_newlines (const char *from, const char *to)
{
  int64_t n = 0;
  for (const char *q = from; q < to; q++)
    n += *q == '\n';
  return n;
}

/* A printable copy of a tag's text for messages: at most 40 bytes, bytes
 * other than printable ASCII as '?'. */
static char *
describe (const char *from, const char *to)
{
  size_t n = MIN ((size_t) (to - from), 40);
  char *copy = g_strndup (from, n);
  for (char *q = copy; *q != '\0'; q++)
    if (!g_ascii_isprint (*q))
      *q = '?';
  return copy;
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.';
}

static gboolean
read_name (Tag *tag, const char *from, const char *to, GError **error)
{
  while (from < to && (*from == ' ' || *from == '\t'))
    from++;
  while (to > from && (to[-1] == ' ' || to[-1] == '\t'))
    to--;
  gboolean ok = from < to;
  for (const char *q = from; q < to; q++)
    ok = ok && is_name_char (*q);
  if (!ok)
    {
      g_autofree char *text = describe (tag->open, tag->after);
      g_set_error (error, SM_ERROR, SM_ERROR_PARSE,
                   "line %" G_GINT64_FORMAT ": “%s” is not a placeholder: a "
                   "name is made of letters, digits, '_', '-' and '.'.",
                   tag->line, text);
      return FALSE;
    }
  tag->name = g_strndup (from, (size_t) (to - from));
  return TRUE;
}

/* Reads the tag that starts at @open. */
static gboolean
read_tag (const Parser *ps, const char *open, Tag *tag, GError **error)
{
  *tag = (Tag){ 0, NULL, open, NULL, ps->line + count_newlines (ps->p, open) };
  const char *close = strstr (open + 2, "}}");
  if (close == NULL)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_PARSE,
                   "line %" G_GINT64_FORMAT ": “{{” is not closed by “}}”.",
                   tag->line);
      return FALSE;
    }
  tag->after = close + 2;
  const char *a = open + 2;
  while (*a == ' ' || *a == '\t')
    a++;
  if (*a == '#' || *a == '^' || *a == '/' || *a == '!')
    tag->sigil = *a++;
  if (tag->sigil == '!')
    return TRUE;
  return read_name (tag, a, close, error);
}

/* Whether the tag is alone on its line; if so, moves *@text_end back to
 * the line's start and *@next past the line's end. */
static gboolean
standalone (const Parser *ps, const Tag *tag, const char **text_end,
            const char **next)
{
  const char *start = tag->open;
  while (start > ps->p && (start[-1] == ' ' || start[-1] == '\t'))
    start--;
  if (start > ps->tmpl->text && start[-1] != '\n')
    return FALSE;
  const char *q = tag->after;
  while (*q == ' ' || *q == '\t')
    q++;
  if (q[0] == '\r' && q[1] == '\n')
    q += 2;
  else if (*q == '\n')
    q++;
  else if (*q != '\0')
    return FALSE;
  *text_end = start;
  *next = q;
  return TRUE;
}

static Node *
add_node (Parser *ps, NodeKind kind, int64_t line)
{
  Node node = { kind, 0, 0, NULL, 0, line };
  g_array_append_val (ps->tmpl->nodes, node);
  return &g_array_index (ps->tmpl->nodes, Node, ps->tmpl->nodes->len - 1);
}

static void
add_text (Parser *ps, const char *from, const char *to)
{
  if (to <= from)
    return;
  Node *n = add_node (ps, NODE_TEXT, ps->line);
  n->start = (size_t) (from - ps->tmpl->text);
  n->length = (size_t) (to - from);
}

static gboolean
check_known (const Parser *ps, const Tag *tag, GError **error)
{
  if (ps->names == NULL || g_strv_contains (ps->names, tag->name))
    return TRUE;
  g_set_error (error, SM_ERROR, SM_ERROR_PARSE,
               "line %" G_GINT64_FORMAT ": unknown placeholder “%s”; the "
               "built-in templates list the placeholders there are.",
               tag->line, tag->name);
  return FALSE;
}

static gboolean
close_section (Parser *ps, const Tag *tag, GError **error)
{
  if (ps->open->len == 0)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_PARSE,
                   "line %" G_GINT64_FORMAT ": “{{/%s}}” closes no open "
                   "section.",
                   tag->line, tag->name);
      return FALSE;
    }
  guint index = g_array_index (ps->open, guint, ps->open->len - 1);
  Node *n = &g_array_index (ps->tmpl->nodes, Node, index);
  if (strcmp (n->name, tag->name) != 0)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_PARSE,
                   "line %" G_GINT64_FORMAT ": “{{/%s}}” does not match the "
                   "section “%s” opened on line %" G_GINT64_FORMAT "; close "
                   "it with “{{/%s}}” first.",
                   tag->line, tag->name, n->name, n->line, n->name);
      return FALSE;
    }
  n->end = ps->tmpl->nodes->len;
  g_array_set_size (ps->open, ps->open->len - 1);
  return TRUE;
}

static gboolean
handle_tag (Parser *ps, Tag *tag, GError **error)
{
  if (tag->sigil == '!')
    return TRUE;
  if (!check_known (ps, tag, error))
    return FALSE;
  if (tag->sigil == '/')
    return close_section (ps, tag, error);
  NodeKind kind = tag->sigil == '#'   ? NODE_SECTION
                  : tag->sigil == '^' ? NODE_INVERTED
                                      : NODE_VALUE;
  Node *n = add_node (ps, kind, tag->line);
  n->name = g_steal_pointer (&tag->name);
  if (kind != NODE_VALUE)
    {
      guint index = ps->tmpl->nodes->len - 1;
      g_array_append_val (ps->open, index);
    }
  return TRUE;
}

/* Reads the text up to the next tag and the tag itself. */
static gboolean
parse_step (Parser *ps, GError **error)
{
  const char *open = strstr (ps->p, "{{");
  if (open == NULL)
    {
      add_text (ps, ps->p, ps->p + strlen (ps->p));
      ps->p += strlen (ps->p);
      return TRUE;
    }
  Tag tag;
  if (!read_tag (ps, open, &tag, error))
    return FALSE;
  const char *text_end = open, *next = tag.after;
  if (tag.sigil != 0)
    standalone (ps, &tag, &text_end, &next);
  add_text (ps, ps->p, text_end);
  ps->line += count_newlines (ps->p, next);
  ps->p = next;
  gboolean ok = handle_tag (ps, &tag, error);
  g_free (tag.name);
  return ok;
}

SmTemplate *
sm_template__parse (const char *text, const char *const *names, GError **error)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autoptr (SmTemplate) tmpl = g_new0 (SmTemplate, 1);
  tmpl->text = g_strdup (text);
  tmpl->nodes = g_array_new (FALSE, FALSE, sizeof (Node));
  g_array_set_clear_func (tmpl->nodes, clear_node);
  Parser ps = { tmpl, names, tmpl->text, 1,
                g_array_new (FALSE, FALSE, sizeof (guint)) };
  gboolean ok = TRUE;
  while (ok && *ps.p != '\0')
    ok = parse_step (&ps, error);
  if (ok && ps.open->len > 0)
    {
      guint index = g_array_index (ps.open, guint, ps.open->len - 1);
      const Node *n = &g_array_index (tmpl->nodes, Node, index);
      g_set_error (error, SM_ERROR, SM_ERROR_PARSE,
                   "line %" G_GINT64_FORMAT ": the section “%s” is not "
                   "closed; end it with “{{/%s}}”.",
                   n->line, n->name, n->name);
      ok = FALSE;
    }
  g_array_unref (ps.open);
  return ok ? g_steal_pointer (&tmpl) : NULL;
}

/* ---- rendering ----------------------------------------------------------- */

/* The value of @name in the innermost record that has it, or NULL. */
static const Value *
lookup (GPtrArray *stack, const char *name)
{
  for (guint k = stack->len; k > 0; k--)
    {
      const SmTemplateRecord *r = g_ptr_array_index (stack, k - 1);
      const Value *v = g_hash_table_lookup (r->values, name);
      if (v != NULL)
        return v;
    }
  return NULL;
}

static gboolean
is_true (const Value *v)
{
  if (v == NULL)
    return FALSE;
  switch (v->kind)
    {
    case VALUE_STRING:
      return v->string[0] != '\0';
    case VALUE_BOOLEAN:
      return v->boolean;
    case VALUE_LIST:
      return v->items->len > 0;
    }
  return FALSE;
}

static void render_range (const SmTemplate *tmpl, guint from, guint to,
                          GPtrArray *stack, GString *out);

static void
render_section (const SmTemplate *tmpl, guint index, GPtrArray *stack,
                GString *out)
{
  const Node *n = &g_array_index (tmpl->nodes, Node, index);
  const Value *v = lookup (stack, n->name);
  if (n->kind == NODE_INVERTED)
    {
      if (!is_true (v))
        render_range (tmpl, index + 1, n->end, stack, out);
      return;
    }
  if (v == NULL || v->kind != VALUE_LIST)
    {
      if (is_true (v))
        render_range (tmpl, index + 1, n->end, stack, out);
      return;
    }
  for (guint k = 0; k < v->items->len; k++)
    {
      g_ptr_array_add (stack, g_ptr_array_index (v->items, k));
      render_range (tmpl, index + 1, n->end, stack, out);
      g_ptr_array_set_size (stack, (gint) stack->len - 1);
    }
}

static void
render_range (const SmTemplate *tmpl, guint from, guint to, GPtrArray *stack,
              GString *out)
{
  guint i = from;
  while (i < to)
    {
      const Node *n = &g_array_index (tmpl->nodes, Node, i);
      const Value *v;
      switch (n->kind)
        {
        case NODE_TEXT:
          g_string_append_len (out, tmpl->text + n->start, (gssize) n->length);
          i++;
          break;
        case NODE_VALUE:
          v = lookup (stack, n->name);
          if (v != NULL && v->kind == VALUE_STRING)
            g_string_append (out, v->string);
          i++;
          break;
        case NODE_SECTION:
        case NODE_INVERTED:
          render_section (tmpl, i, stack, out);
          i = n->end;
          break;
        }
    }
}

char *
sm_template__render (const SmTemplate *tmpl, const SmTemplateRecord *data)
{
  g_return_val_if_fail (tmpl != NULL && data != NULL, NULL);
  GString *out = g_string_new (NULL);
  g_autoptr (GPtrArray) stack = g_ptr_array_new ();
  g_ptr_array_add (stack, (gpointer) data);
  render_range (tmpl, 0, tmpl->nodes->len, stack, out);
  return g_string_free (out, FALSE);
}
