/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: CSV tables of the generated Ommen-Hardenberg case,
 * mutated the way spreadsheets and people break them.
 *
 * The built-in case (examples/case/boh-case.c, about 470 employees) is saved
 * as CSV with either delimiter; then, for a few hundred seeded mutants,
 * one table (employees.csv mostly) gets one to three mutations: quotes
 * inserted, or opened in one row and closed a few rows further, or
 * removed from a quoted cell; a delimiter swapped for the other; names
 * given accents and re-encoded as Windows-1252, all of them or just one;
 * line ends changed to CR, CRLF or LF, mixed; two columns swapped (in
 * every row with the header, in the data rows only, or in one row); a
 * decimal written with a comma, split into two cells where the file is
 * comma-separated; blank lines added. For every mutant the folder either
 * fails to load with problems that all name their file and line, or
 * loads a scenario whose employees are exactly the data rows that a
 * strict reading of employees.csv of its own (fuzz/csv-strict.c) finds:
 * the same count, identifiers and names in the same order; and every row
 * that no mutation touched is there, unchanged, whatever the mutation did
 * to the rows around it. No message of any mutant holds a name, a first
 * name, a surname or a birth date of the case.
 *
 * The same strict reading backs the property of the scenario-csv fuzz
 * target (loading loses no row), which runs here on the fuzz corpus too.
 */
#include "test-util.h"

#include <string.h>
#include <glib/gstdio.h>

#include "boh-case.h"
#include "fuzz/csv-strict.h"
#include "fuzz/fuzz-checks.h"

#define N_MUTANTS 320
#define MUTATION_SEED 20181001

static const char *const table_files[] = {
  "organisations.csv", "units.csv",
  "positions.csv",     "employees.csv",
  "applications.csv",  "function-relations.csv",
  "rules.csv",         "manual-placements.csv",
  "settings.csv",
};

/* ---- the case and what must never be shown ------------------------------ */

typedef struct {
  SmScenario *scenario;
  char *dir[2];        /* saved with ';' and with ',' */
  GHashTable *text[2]; /* file name -> its text, per delimiter */
  GPtrArray *secrets;  /* names, their words, birth dates */
} Case;

static Case the_case;

/* Adds @name and its capitalised words of three letters or more. */
static void
add_name (GPtrArray *secrets, const char *name)
{
  g_ptr_array_add (secrets, g_strdup (name));
  g_auto (GStrv) words = g_strsplit (name, " ", -1);
  for (char **w = words; *w != NULL; w++)
    if (strlen (*w) >= 3 && g_ascii_isupper (**w))
      g_ptr_array_add (secrets, g_strdup (*w));
}

static void
collect_secrets (const SmScenario *s, GPtrArray *secrets)
{
  for (int32_t i = 0; i < sm_scenario_get_n_employees (s); i++)
    {
      SmEmployeeSpec e;
      sm_scenario_get_employee (s, i, &e);
      add_name (secrets, e.name);
      if (!sm_date_is_set (e.birth_date))
        continue;
      g_ptr_array_add (secrets, sm_date_to_iso (e.birth_date));
      g_ptr_array_add (secrets, g_strdup_printf ("%02d-%02d-%04d",
                                                 (int) e.birth_date.day,
                                                 (int) e.birth_date.month,
                                                 (int) e.birth_date.year));
    }
}

static void
setup_case (void)
{
  GError *error = NULL;
  the_case.scenario = boh_case_new (BOH_CASE_SEED, &error);
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_PTR_NOT_NULL_FATAL (the_case.scenario);
  the_case.secrets = g_ptr_array_new_with_free_func (g_free);
  collect_secrets (the_case.scenario, the_case.secrets);
  g_autofree char *tmp = sm_test_make_temp_dir ();
  for (int d = 0; d < 2; d++)
    {
      the_case.dir[d] = g_build_filename (tmp, d == 0 ? "semi" : "comma", NULL);
      CU_ASSERT_TRUE (sm_scenario_save_csv (the_case.scenario, the_case.dir[d],
                                            d == 0 ? SM_CSV_DELIMITER_SEMICOLON
                                                   : SM_CSV_DELIMITER_COMMA,
                                            &error));
      SM_ASSERT_NO_ERROR (error);
      the_case.text[d] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                g_free);
      for (size_t k = 0; k < G_N_ELEMENTS (table_files); k++)
        {
          g_autofree char *path = g_build_filename (the_case.dir[d],
                                                    table_files[k], NULL);
          char *text = NULL;
          CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &text, NULL, NULL));
          g_hash_table_insert (the_case.text[d], (char *) table_files[k], text);
        }
    }
}

static void
remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  for (const char *name; d != NULL && (name = g_dir_read_name (d)) != NULL;)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
teardown_case (void)
{
  for (int d = 0; d < 2; d++)
    {
      remove_tree (the_case.dir[d]);
      g_autofree char *parent = g_path_get_dirname (the_case.dir[d]);
      g_rmdir (parent);
      g_free (the_case.dir[d]);
      g_hash_table_unref (the_case.text[d]);
    }
  g_ptr_array_unref (the_case.secrets);
  sm_scenario_free (the_case.scenario);
}

/* ---- a mutant ----------------------------------------------------------- */

typedef struct {
  const char *file;
  char delimiter;
  GPtrArray *lines;         /* char *, without their line ends */
  GPtrArray *ends;          /* char *, what follows each line */
  GHashTable *touched;      /* indices + 1 of lines a mutation changed */
  gboolean all_touched;     /* the header changed, or every row */
  gboolean to_windows_1252; /* re-encode the whole text at the end */
  GPtrArray *secrets;       /* names that mutations made */
  GString *log;             /* what was done, for a failure report */
} Mutant;

static void
mutant_init (Mutant *m, const char *file, char delimiter, const char *text)
{
  m->file = file;
  m->delimiter = delimiter;
  m->lines = g_ptr_array_new_with_free_func (g_free);
  m->ends = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (char **l = lines; *l != NULL; l++)
    if (l[1] != NULL || **l != '\0')
      {
        g_ptr_array_add (m->lines, g_strdup (*l));
        g_ptr_array_add (m->ends, g_strdup ("\n"));
      }
  m->touched = g_hash_table_new (NULL, NULL);
  m->all_touched = FALSE;
  m->to_windows_1252 = FALSE;
  m->secrets = g_ptr_array_new_with_free_func (g_free);
  m->log = g_string_new (file);
}

static void
mutant_clear (Mutant *m)
{
  g_ptr_array_unref (m->lines);
  g_ptr_array_unref (m->ends);
  g_hash_table_unref (m->touched);
  g_ptr_array_unref (m->secrets);
  g_string_free (m->log, TRUE);
}

static guint
n_lines (const Mutant *m)
{
  return m->lines->len;
}

static char *
line (const Mutant *m, guint i)
{
  return m->lines->pdata[i];
}

static void
touch (Mutant *m, guint i)
{
  g_hash_table_add (m->touched, GUINT_TO_POINTER (i + 1));
  if (i == 0)
    m->all_touched = TRUE;
}

static void
set_line (Mutant *m, guint i, char *text)
{
  g_free (m->lines->pdata[i]);
  m->lines->pdata[i] = text;
}

/* The text of the mutant, as it is written (transfer full). */
static GBytes *
mutant_bytes (const Mutant *m)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; i < n_lines (m); i++)
    {
      g_string_append (out, line (m, i));
      g_string_append (out, m->ends->pdata[i]);
    }
  gsize n = 0;
  char *converted = !m->to_windows_1252
                        ? NULL
                        : g_convert (out->str, out->len, "WINDOWS-1252",
                                     "UTF-8", NULL, &n, NULL);
  if (converted == NULL) /* not asked, or a quote split a character */
    return g_string_free_to_bytes (out);
  g_string_free (out, TRUE);
  return g_bytes_new_take (converted, n);
}

/* The cells of a line as (start, end) byte offsets, a '"' at a cell's
 * start quoting it to the next lone '"' (transfer full). */
static GArray *
cells_of (const char *text, char delimiter)
{
  GArray *cells = g_array_new (FALSE, FALSE, sizeof (int) * 2);
  int start = 0;
  gboolean quoted = FALSE;
  for (int p = 0;; p++)
    {
      char c = text[p];
      if (c == '"' && !quoted && p == start)
        quoted = TRUE;
      else if (c == '"' && quoted && text[p + 1] == '"')
        p++; /* a doubled quote */
      else if (c == '"' && quoted)
        quoted = FALSE;
      else if (c == '\0' || (!quoted && c == delimiter))
        {
          int cell[2] = { start, p };
          g_array_append_val (cells, cell);
          start = p + 1;
          if (c == '\0')
            break;
        }
    }
  return cells;
}

static int
cell_start (GArray *cells, guint k)
{
  return g_array_index (cells, int, 2 * k);
}

static int
cell_end (GArray *cells, guint k)
{
  return g_array_index (cells, int, 2 * k + 1);
}

/* @text with @insert put in at @at (transfer full). */
static char *
spliced (const char *text, int at, int remove, const char *insert)
{
  GString *out = g_string_new_len (text, at);
  g_string_append (out, insert);
  g_string_append (out, text + at + remove);
  return g_string_free (out, FALSE);
}

/* The index of column @name in the header, or -1. */
static int
header_column (const Mutant *m, const char *name)
{
  g_auto (GStrv)
      cells = g_strsplit (line (m, 0), (char[]){ m->delimiter, 0 }, -1);
  for (int k = 0; cells[k] != NULL; k++)
    if (g_str_equal (cells[k], name))
      return k;
  return -1;
}

static guint
any_data_line (const Mutant *m, GRand *rand)
{
  return n_lines (m) < 2 ? 0 : g_rand_int_range (rand, 1, n_lines (m));
}

/* ---- the mutations ------------------------------------------------------ */

/* A quote opened at the start of a cell and closed at the end of a cell
 * one to three rows further: the rows in between are swallowed. */
static void
quote_span (Mutant *m, GRand *rand)
{
  guint i = any_data_line (m, rand);
  guint j = MIN (i + g_rand_int_range (rand, 1, 4), n_lines (m) - 1);
  g_autoptr (GArray) a = cells_of (line (m, i), m->delimiter);
  g_autoptr (GArray) b = cells_of (line (m, j), m->delimiter);
  guint k = g_rand_int_range (rand, 0, a->len);
  guint k2 = MIN (k + g_rand_int_range (rand, 0, 2), b->len - 1);
  set_line (m, j, spliced (line (m, j), cell_end (b, k2), 0, "\""));
  set_line (m, i, spliced (line (m, i), cell_start (a, k), 0, "\""));
  touch (m, i);
  touch (m, j);
  g_string_append_printf (m->log, " quote-span(%u:%u..%u:%u)", i, k, j, k2);
}

static void
quote_anywhere (Mutant *m, GRand *rand)
{
  guint i = g_rand_int_range (rand, 0, 8) == 0 ? 0 : any_data_line (m, rand);
  int at = g_rand_int_range (rand, 0, strlen (line (m, i)) + 1);
  set_line (m, i, spliced (line (m, i), at, 0, "\""));
  touch (m, i);
  g_string_append_printf (m->log, " quote(%u@%d)", i, at);
}

/* A cell put in quotes (which changes nothing), and then perhaps one of
 * the two quotes taken away again. */
static void
quote_cell (Mutant *m, GRand *rand)
{
  guint i = any_data_line (m, rand);
  g_autoptr (GArray) cells = cells_of (line (m, i), m->delimiter);
  guint k = g_rand_int_range (rand, 0, cells->len);
  int s = cell_start (cells, k), e = cell_end (cells, k);
  if (line (m, i)[s] == '"')
    return;
  int drop = g_rand_int_range (rand, 0, 3); /* 0: keep both */
  set_line (m, i, spliced (line (m, i), e, 0, drop == 2 ? "" : "\""));
  set_line (m, i, spliced (line (m, i), s, 0, drop == 1 ? "" : "\""));
  if (drop > 0)
    touch (m, i);
  g_string_append_printf (m->log, " quote-cell(%u:%u,drop %d)", i, k, drop);
}

/* One delimiter of a row, or all of them, written as the other one. */
static void
swap_delimiter (Mutant *m, GRand *rand)
{
  guint i = g_rand_int_range (rand, 0, 10) == 0 ? 0 : any_data_line (m, rand);
  char other = m->delimiter == ';' ? ',' : ';';
  char *text = line (m, i);
  int n = 0;
  for (char *p = text; *p != '\0'; p++)
    n += *p == m->delimiter;
  if (n == 0)
    return;
  gboolean all = g_rand_boolean (rand);
  int which = g_rand_int_range (rand, 0, n);
  for (char *p = text; *p != '\0'; p++)
    if (*p == m->delimiter && (all || which-- == 0))
      *p = other;
  touch (m, i);
  g_string_append_printf (m->log, " delimiter(%u,%s)", i, all ? "all" : "one");
}

/* Accents in two to four names (column 1), then the whole file in
 * Windows-1252, or just one of those names. */
static void
encode (Mutant *m, GRand *rand)
{
  if (n_lines (m) < 3)
    return;
  int n = g_rand_int_range (rand, 2, 5);
  gboolean one = g_rand_boolean (rand);
  for (int t = 0; t < n; t++)
    {
      guint i = any_data_line (m, rand);
      g_autoptr (GArray) cells = cells_of (line (m, i), m->delimiter);
      if (cells->len < 2)
        continue;
      int s = cell_start (cells, 1), e = cell_end (cells, 1);
      const char *vowel = memchr (line (m, i) + s, 'e', e - s);
      if (vowel == NULL)
        continue;
      gboolean raw = one && t == 0;
      int at = vowel - line (m, i);
      set_line (m, i, spliced (line (m, i), at, 1, raw ? "\xE9" : "\xC3\xA9"));
      g_autofree char *name = g_strndup (line (m, i) + s,
                                         e - s + (raw ? 0 : 1));
      if (!raw && g_str_equal (m->file, "employees.csv"))
        add_name (m->secrets, name);
      touch (m, i);
    }
  m->to_windows_1252 = !one;
  g_string_append_printf (m->log, " encode(%d,%s)", n, one ? "one" : "all");
}

static void
line_ends (Mutant *m, GRand *rand)
{
  static const char *const ends[] = { "\r", "\r\n", "\n" };
  gboolean all_cr = g_rand_boolean (rand);
  for (guint i = 0; i < n_lines (m); i++)
    if (all_cr || g_rand_int_range (rand, 0, 4) == 0)
      {
        g_free (m->ends->pdata[i]);
        m->ends->pdata[i] = g_strdup (
            ends[all_cr ? 0 : g_rand_int_range (rand, 0, 3)]);
      }
  g_string_append_printf (m->log, " line-ends(%s)", all_cr ? "CR" : "mixed");
}

static void
blank_lines (Mutant *m, GRand *rand)
{
  guint i = g_rand_int_range (rand, 0, n_lines (m));
  g_autofree char *row = g_strnfill (g_rand_int_range (rand, 0, 4),
                                     m->delimiter);
  char *end = g_strconcat ("\n", row, "\r\n", NULL);
  g_free (m->ends->pdata[i]);
  m->ends->pdata[i] = end;
  g_string_append_printf (m->log, " blank(%u)", i);
}

/* Line @i with cells @a and @b swapped (transfer full). */
static char *
with_cells_swapped (const char *text, char delimiter, guint a, guint b)
{
  g_autoptr (GArray) cells = cells_of (text, delimiter);
  GString *out = g_string_new (NULL);
  for (guint k = 0; k < cells->len; k++)
    {
      guint from = k == a && b < cells->len   ? b
                   : k == b && a < cells->len ? a
                                              : k;
      if (k > 0)
        g_string_append_c (out, delimiter);
      g_string_append_len (out, text + cell_start (cells, from),
                           cell_end (cells, from) - cell_start (cells, from));
    }
  return g_string_free (out, FALSE);
}

/* Two columns swapped: in every line (the same table), in every data row
 * (the values under the wrong header) or in one row. */
static void
swap_columns (Mutant *m, GRand *rand)
{
  g_autoptr (GArray) cells = cells_of (line (m, 0), m->delimiter);
  if (cells->len < 2)
    return;
  guint a = g_rand_int_range (rand, 0, cells->len);
  guint b = (a + g_rand_int_range (rand, 1, cells->len)) % cells->len;
  int mode = g_rand_int_range (rand, 0, 3);
  guint one = any_data_line (m, rand);
  for (guint i = 0; i < n_lines (m); i++)
    if (mode == 0 || (mode == 1 && i > 0) || (mode == 2 && i == one))
      set_line (m, i, with_cells_swapped (line (m, i), m->delimiter, a, b));
  if (mode == 1)
    m->all_touched = TRUE;
  if (mode == 2)
    touch (m, one);
  g_string_append_printf (m->log, " columns(%u<->%u,%s)", a, b,
                          mode == 0   ? "all"
                          : mode == 1 ? "data"
                                      : "one row");
}

/* A decimal with a comma in a number column: unquoted it splits the cell
 * in a comma-separated file; quoted, or in a ';' file, it is fine. */
static void
decimal_comma (Mutant *m, GRand *rand)
{
  static const char *const columns[] = { "fte", "travel_km",
                                         "committee_score" };
  static const char *const values[] = { "1,5", "0,8", "1,25" };
  int k = -1;
  for (size_t c = 0; c < G_N_ELEMENTS (columns) && k < 0; c++)
    k = header_column (m, columns[c]);
  if (k < 0 || n_lines (m) < 2)
    {
      quote_anywhere (m, rand);
      return;
    }
  guint i = any_data_line (m, rand);
  g_autoptr (GArray) cells = cells_of (line (m, i), m->delimiter);
  if ((guint) k >= cells->len)
    return;
  gboolean quoted = g_rand_int_range (rand, 0, 3) == 0;
  const char *value = values[g_rand_int_range (rand, 0, 3)];
  g_autofree char *cell = quoted ? g_strdup_printf ("\"%s\"", value)
                                 : g_strdup (value);
  int s = cell_start (cells, k), e = cell_end (cells, k);
  set_line (m, i, spliced (line (m, i), s, e - s, cell));
  if (!quoted && m->delimiter == ',')
    touch (m, i);
  g_string_append_printf (m->log, " decimal(%u,%s)", i, cell);
}

typedef void (*Mutation) (Mutant *, GRand *);

static const Mutation mutations[] = {
  quote_span, quote_anywhere, quote_cell,   swap_delimiter, encode,
  line_ends,  blank_lines,    swap_columns, decimal_comma,
};

/* ---- checking a mutant -------------------------------------------------- */

static gboolean
check_secrets (const char *messages, const GPtrArray *secrets, GString *why)
{
  for (guint k = 0; k < secrets->len; k++)
    if (sm_test_has_word (messages, secrets->pdata[k]))
      {
        g_string_append_printf (why, "a message quotes '%s'; ",
                                (char *) secrets->pdata[k]);
        return FALSE;
      }
  return TRUE;
}

/* Every problem names a table and a line. */
static gboolean
check_located (const SmProblemList *problems, GString *why)
{
  if (sm_problem_list_get_n (problems) == 0)
    {
      g_string_append (why, "refused without a problem; ");
      return FALSE;
    }
  for (int32_t k = 0; k < sm_problem_list_get_n (problems); k++)
    {
      SmProblem p;
      sm_problem_list_get (problems, k, &p);
      if (p.line <= 0 || !g_str_has_suffix (p.file, ".csv"))
        {
          g_string_append_printf (why, "problem %d is not located; ", k);
          return FALSE;
        }
    }
  return TRUE;
}

/* The identifiers and names of the data rows of employees.csv as the
 * strict reading finds them: a GPtrArray of id, name pairs (transfer
 * full), or NULL when it is no CSV or has no id and name columns. */
static GPtrArray *
strict_people (GBytes *bytes)
{
  gsize n = 0;
  const char *data = g_bytes_get_data (bytes, &n);
  g_autofree char *utf8 = NULL;
  if (!g_utf8_validate_len (data, n, NULL))
    {
      utf8 = g_convert (data, n, "UTF-8", "WINDOWS-1252", NULL, &n, NULL);
      if (utf8 == NULL)
        return NULL;
      data = utf8;
    }
  g_autoptr (GPtrArray) records = sm_strict_csv_read (data, n, NULL);
  if (records == NULL || records->len == 0)
    return NULL;
  char **header = records->pdata[0];
  int id = -1, name = -1;
  for (int k = 0; header[k] != NULL; k++)
    {
      g_autofree char *h = g_ascii_strdown (g_strstrip (header[k]), -1);
      id = g_str_equal (h, "id") ? k : id;
      name = g_str_equal (h, "name") ? k : name;
    }
  if (id < 0 || name < 0)
    return NULL;
  GPtrArray *people = g_ptr_array_new_with_free_func (g_free);
  for (guint r = 1; r < records->len; r++)
    {
      char **row = records->pdata[r];
      if (sm_strict_csv_is_blank (row))
        continue;
      guint width = g_strv_length (row);
      g_ptr_array_add (people, g_strdup ((guint) id < width ? row[id] : ""));
      g_ptr_array_add (people,
                       g_strdup ((guint) name < width ? row[name] : ""));
    }
  return people;
}

/* The loaded employees are exactly the strict reading's rows. */
static gboolean
check_people (const SmScenario *s, GBytes *employees, GString *why)
{
  g_autoptr (GPtrArray) people = strict_people (employees);
  if (people == NULL)
    {
      g_string_append (why, "loads, but the strict reading finds no "
                            "table; ");
      return FALSE;
    }
  int32_t n = sm_scenario_get_n_employees (s);
  if ((guint) n * 2 != people->len)
    {
      g_string_append_printf (why, "%d employees loaded, %u rows read; ",
                              (int) n, people->len / 2);
      return FALSE;
    }
  for (int32_t i = 0; i < n; i++)
    {
      SmEmployeeSpec e;
      sm_scenario_get_employee (s, i, &e);
      if (!g_str_equal (e.id, people->pdata[2 * i])
          || !g_str_equal (e.name, people->pdata[2 * i + 1]))
        {
          g_string_append_printf (why, "employee %d is not row %d; ", (int) i,
                                  (int) i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

/* Every employee whose row no mutation touched is there, unchanged. */
static gboolean
check_untouched (const SmScenario *s, const Mutant *m, GString *why)
{
  const SmScenario *original = the_case.scenario;
  gboolean employees = g_str_equal (m->file, "employees.csv");
  if (employees && m->all_touched)
    return TRUE;
  for (int32_t i = 0; i < sm_scenario_get_n_employees (original); i++)
    {
      if (employees
          && g_hash_table_contains (m->touched, GUINT_TO_POINTER (i + 2)))
        continue; /* line i + 1 holds employee i */
      SmEmployeeSpec e, back;
      sm_scenario_get_employee (original, i, &e);
      int32_t at = sm_scenario_find_employee (s, e.id);
      if (at >= 0)
        sm_scenario_get_employee (s, at, &back);
      if (at < 0 || !g_str_equal (back.name, e.name))
        {
          g_string_append_printf (why,
                                  "the untouched employee of line %d "
                                  "is %s; ",
                                  (int) i + 2, at < 0 ? "gone" : "changed");
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_applications (const SmScenario *s, const Mutant *m, GBytes *bytes,
                    GString *why)
{
  if (!g_str_equal (m->file, "applications.csv"))
    return TRUE;
  gsize n = 0;
  const char *data = g_bytes_get_data (bytes, &n);
  int rows = sm_strict_csv_count_rows (data, n);
  if (rows == sm_scenario_get_n_applications (s))
    return TRUE;
  g_string_append_printf (why, "%d applications loaded, %d rows read; ",
                          (int) sm_scenario_get_n_applications (s), rows);
  return FALSE;
}

/* ---- running the mutants ------------------------------------------------ */

typedef struct {
  int loaded;
  int refused;
  int broken;
} Tally;

static const char *
pick_table (GRand *rand)
{
  static const char *const weighted[] = {
    "employees.csv", "employees.csv", "employees.csv",    "employees.csv",
    "employees.csv", "employees.csv", "applications.csv", "applications.csv",
    "positions.csv", "units.csv",
  };
  return weighted[g_rand_int_range (rand, 0, G_N_ELEMENTS (weighted))];
}

static void
write_mutant (const char *dir, const char *file, GBytes *bytes)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  gsize n = 0;
  const char *data = g_bytes_get_data (bytes, &n);
  /* plain stdio, no fsync: hundreds of mutants would wait on the disk */
  FILE *f = g_fopen (path, "wb");
  CU_ASSERT_PTR_NOT_NULL_FATAL (f);
  CU_ASSERT_EQUAL (fwrite (data, 1, n, f), n);
  CU_ASSERT_EQUAL (fclose (f), 0);
}

/* The bytes of employees.csv in the mutant's folder (transfer full). */
static GBytes *
employees_bytes (const Mutant *m, GBytes *mutated, int d)
{
  if (g_str_equal (m->file, "employees.csv"))
    return g_bytes_ref (mutated);
  const char *text = g_hash_table_lookup (the_case.text[d], "employees.csv");
  return g_bytes_new (text, strlen (text));
}

static void
run_mutant (GRand *rand, const char *dir, int d, Tally *tally)
{
  Mutant m;
  const char *file = pick_table (rand);
  mutant_init (&m, file, d == 0 ? ';' : ',',
               g_hash_table_lookup (the_case.text[d], file));
  int n = g_rand_int_range (rand, 1, 4);
  for (int k = 0; k < n; k++)
    mutations[g_rand_int_range (rand, 0, G_N_ELEMENTS (mutations))](&m, rand);
  g_autoptr (GBytes) bytes = mutant_bytes (&m);
  write_mutant (dir, file, bytes);

  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  GError *error = NULL;
  g_autoptr (SmScenario) s = sm_scenario_load_csv (dir, problems, &error);
  g_autofree char *all = sm_problem_list_format (problems);
  g_autofree char *messages = g_strconcat (all,
                                           error != NULL ? error->message : "",
                                           NULL);
  g_autoptr (GString) why = g_string_new (NULL);
  gboolean ok = check_secrets (messages, the_case.secrets, why)
                && check_secrets (messages, m.secrets, why);
  if (s == NULL)
    ok = check_located (problems, why) && error != NULL
         && error->domain == SM_ERROR && ok;
  else
    {
      g_autoptr (GBytes) employees = employees_bytes (&m, bytes, d);
      ok = check_people (s, employees, why) && check_untouched (s, &m, why)
           && check_applications (s, &m, bytes, why) && ok;
    }
  if (!ok)
    fprintf (stderr, "mutant (%s, '%c'):%s: %s\n%s", s ? "loaded" : "refused",
             m.delimiter, m.log->str, why->str, all);
  CU_ASSERT_TRUE (ok);
  tally->broken += !ok;
  tally->loaded += s != NULL;
  tally->refused += s == NULL;
  g_clear_error (&error);
  const char *text = g_hash_table_lookup (the_case.text[d], file);
  g_autoptr (GBytes) original = g_bytes_new_static (text, strlen (text));
  write_mutant (dir, file, original);
  mutant_clear (&m);
}

static void
test_mutants (void)
{
  setup_case ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (MUTATION_SEED);
  Tally tally = { 0, 0, 0 };
  for (int k = 0; k < N_MUTANTS; k++)
    {
      int d = g_rand_int_range (rand, 0, 2);
      run_mutant (rand, the_case.dir[d], d, &tally);
    }
  /* The mutants are neither all harmless nor all fatal. */
  CU_ASSERT_TRUE (tally.loaded >= N_MUTANTS / 10);
  CU_ASSERT_TRUE (tally.refused >= N_MUTANTS / 10);
  if (tally.broken > 0 || tally.loaded < N_MUTANTS / 10
      || tally.refused < N_MUTANTS / 10)
    fprintf (stderr, "%d loaded, %d refused, %d broken\n", tally.loaded,
             tally.refused, tally.broken);
  teardown_case ();
}

/* ---- the strict reading itself ------------------------------------------ */

static void
assert_strict (const char *text, const char *want)
{
  g_autoptr (GPtrArray)
      records = sm_strict_csv_read (text, strlen (text), NULL);
  g_autoptr (GString) got = g_string_new (NULL);
  if (records == NULL)
    g_string_append (got, "(no CSV)");
  for (guint r = 0; records != NULL && r < records->len; r++)
    {
      g_autofree char *joined = g_strjoinv ("|", records->pdata[r]);
      g_string_append_printf (got, "[%s]", joined);
    }
  CU_ASSERT_STRING_EQUAL (got->str, want);
  if (strcmp (got->str, want) != 0)
    fprintf (stderr, "strict reading: want %s, got %s\n", want, got->str);
}

static void
test_strict_reading (void)
{
  assert_strict ("a;b\n1;2\n", "[a|b][1|2]");
  assert_strict ("a,b\r\n\r\n1, 2 \r3,\"x,\r\ny\"\r", "[a|b][1|2][3|x,\ny]");
  assert_strict ("\xEF\xBB\xBF"
                 "a;b,c\n\"q\"\"\" ;'=1\n",
                 "[a|b,c][q\"|=1]");
  assert_strict ("a;b\n1;24\" x\n;\n", "[a|b][1|24\" x][|]");
  assert_strict ("a;b\n1;\"x\"y\n", "(no CSV)");
  assert_strict ("a;b\n1;\"x\n", "(no CSV)");
  assert_strict ("\n\n", "");
  const char rows[] = "a\n1\n\n;\n\"\"\n2";
  CU_ASSERT_EQUAL (sm_strict_csv_count_rows (rows, sizeof rows - 1), 2);
  const char open[] = "a\n\"";
  CU_ASSERT_EQUAL (sm_strict_csv_count_rows (open, sizeof open - 1), -1);
}

/* The fuzz target's property, on its seed corpus and every regression. */
static void
test_fuzz_corpus_rows (void)
{
  static const char *const dirs[] = { "fuzz/corpus/scenario-csv",
                                      "data/fuzz-regressions/scenario-csv" };
  int run = 0;
  for (size_t d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr (GDir) listing = g_dir_open (dirs[d], 0, NULL);
      for (const char *name;
           listing != NULL && (name = g_dir_read_name (listing)) != NULL;)
        {
          g_autofree char *path = g_build_filename (dirs[d], name, NULL);
          g_autofree char *data = NULL;
          gsize n = 0;
          CU_ASSERT_TRUE_FATAL (g_file_get_contents (path, &data, &n, NULL));
          g_autofree char *broken = sm_fuzz_check_csv_rows ((guint8 *) data, n);
          if (broken != NULL)
            fprintf (stderr, "%s: %s\n", path, broken);
          CU_ASSERT_PTR_NULL (broken);
          run++;
        }
    }
  CU_ASSERT_TRUE (run > 0);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "the strict reading", test_strict_reading },
    { "fuzz corpus: loading loses no row", test_fuzz_corpus_rows },
    { "mutants: located problems, or exactly the rows read", test_mutants },
    { NULL, NULL },
  };
  return sm_test_run_suite ("csv-mutation", cases);
}
