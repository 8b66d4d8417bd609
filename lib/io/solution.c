/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: reading and writing the plain solution format
 * (docs/instance-format.md).
 *
 * A solution is "hr-solution 1" followed by one line "i j" per employee,
 * i ascending from 0, j the position or -1 for the default organisation.
 * Because the employee-optimal stable matching is unique, solvers compare
 * their answers by comparing these files, so the writer prints exactly one
 * form and the reader accepts only the file's form: every employee once,
 * in order, every position in range. Whether the matching is valid and
 * stable is sm_matching_check()'s question, not the reader's. As in the
 * instance format, blank lines and '#' comment lines may appear anywhere,
 * and every error names its line. */
#include <staffmatch/solution.h>

#include <inttypes.h>

#include "io/file-private.h"
#include "io/text-scanner-private.h"

/* Reads the N lines "i j" into @assignment and checks that nothing but
 * comments follows them. */
static gboolean
read_assignment (SmTextScanner *s, int32_t n, int32_t m, int32_t *assignment,
                 GError **error)
{
  const char *word = NULL;
  size_t length = 0;

  for (int32_t i = 0; i < n; i++)
    {
      int32_t employee;
      if (!sm_text_scanner__next_line (s))
        {
          sm_text_scanner__set_error (s, sm_text_scanner__get_last_line (s),
                                      error, SM_ERROR_PARSE,
                                      "the file ends after %" PRId32
                                      " of the %" PRId32 " employees",
                                      i, n);
          return FALSE;
        }
      if (!sm_text_scanner__read_index (s, 0, n, "employee", &employee, error))
        return FALSE;
      if (employee != i)
        {
          sm_text_scanner__set_error (s, s->line, error, SM_ERROR_PARSE,
                                      "expected the line of employee %" PRId32
                                      ", found employee %" PRId32
                                      ": every employee needs one line, in "
                                      "order",
                                      i, employee);
          return FALSE;
        }
      if (!sm_text_scanner__read_index (s, -1, m, "position", &assignment[i],
                                        error)
          || !sm_text_scanner__end_line (s, error))
        return FALSE;
    }
  if (sm_text_scanner__next_line (s))
    {
      sm_text_scanner__read_word (s, &word, &length);
      g_autofree char *token = sm_text_scanner__describe (word, length);
      sm_text_scanner__set_error (s, s->line, error, SM_ERROR_PARSE,
                                  "unexpected '%s' after the line of the "
                                  "last employee",
                                  token);
      return FALSE;
    }
  return TRUE;
}

/* Reads a solution; @origin (or NULL) names it in messages. */
static SmMatching *
read_solution (const SmMarket *market, const char *data, size_t length,
               const char *origin, GError **error)
{
  SmTextScanner s;
  int32_t n = sm_market_get_n_employees (market);
  int32_t m = sm_market_get_n_positions (market);

  sm_text_scanner__init (&s, data, length, origin);
  if (!sm_text_scanner__read_header (&s, "hr-solution", 1, error))
    return NULL;
  g_autofree int32_t *assignment = g_new (int32_t, MAX (n, 1));
  if (!read_assignment (&s, n, m, assignment, error))
    return NULL;
  SmMatching *matching = sm_matching_new_from_assignment (market, assignment, n,
                                                          error);
  if (matching == NULL)
    sm_text_scanner__prefix_error (&s, sm_text_scanner__get_last_line (&s),
                                   error);
  return matching;
}

SmMatching *
sm_solution_read_data (const SmMarket *market, const char *data, size_t length,
                       GError **error)
{
  g_return_val_if_fail (market != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_solution (market, data, length, NULL, error);
}

SmMatching *
sm_solution_read_file (const SmMarket *market, const char *path, GError **error)
{
  g_return_val_if_fail (market != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr (GBytes) bytes = sm_text_file__load (path, error);
  if (bytes == NULL)
    return NULL;
  g_autofree char *name = g_filename_display_name (path);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  return read_solution (market, data, length, name, error);
}

gboolean
sm_solution_write (const SmMatching *matching, FILE *stream, GError **error)
{
  SmTextWriter w;

  g_return_val_if_fail (matching != NULL, FALSE);
  g_return_val_if_fail (stream != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  int32_t n = sm_matching_get_n_employees (matching);
  const int32_t *assignment = sm_matching_get_assignment (matching);
  sm_text_writer__init (&w, stream);
  sm_text_writer__put_string (&w, "hr-solution 1\n");
  for (int32_t i = 0; i < n; i++)
    {
      sm_text_writer__put_int (&w, i);
      sm_text_writer__put_char (&w, ' ');
      sm_text_writer__put_int (&w, assignment[i]);
      sm_text_writer__put_char (&w, '\n');
    }
  return sm_text_writer__finish (&w, "solution", error);
}

static gboolean
write_solution_func (gconstpointer object, FILE *stream, GError **error)
{
  return sm_solution_write (object, stream, error);
}

gboolean
sm_solution_write_file (const SmMatching *matching, const char *path,
                        GError **error)
{
  g_return_val_if_fail (matching != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return sm_text_file__replace (path, write_solution_func, matching, error);
}
