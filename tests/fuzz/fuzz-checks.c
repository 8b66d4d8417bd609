/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch fuzzing: the checks shared by the fuzz targets and the
 * regression suite (see fuzz-checks.h for why they live together).
 *
 * Oracles, all from the public headers:
 *   - a reader either returns a result or NULL with a GError in SM_ERROR
 *     (instance and solution messages start with "line ");
 *   - a solver's matching passes sm_matching_check() as valid and stable,
 *     a second solve gives an equal matching, held lists are in priority
 *     order and cutoffs agree with them;
 *   - without binding caps both sides' solutions place the same number of
 *     people at every position (the rural hospitals theorem) and every
 *     employee does at least as well with employees proposing; with a
 *     binding cap positions may not propose (SM_ERROR_INFEASIBLE);
 *   - what is written and read back is the same (instance bytes, solution
 *     matching, scenario checksum).
 * A broken property comes back as a message; nothing here aborts, so the
 * CUnit suite can report it as a failed assertion.
 */
#include "fuzz-checks.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <staffmatch/staffmatch.h>

/* ---- helpers ------------------------------------------------------------ */

static char *fail (const char *format, ...) G_GNUC_PRINTF (1, 2);

static char *
fail (const char *format, ...)
{
  va_list args;
  va_start (args, format);
  char *message = g_strdup_vprintf (format, args);
  va_end (args);
  return message;
}

/* A call that returned NULL must have said why, in the library's domain;
 * with @line_prefix its message must start with "line ". */
static char *
check_rejection (const char *call, const GError *error, gboolean line_prefix)
{
  if (error == NULL)
    return fail ("%s returned NULL without an error", call);
  if (error->domain != SM_ERROR)
    return fail ("%s failed outside SM_ERROR: %s", call, error->message);
  if (error->message == NULL || error->message[0] == '\0')
    return fail ("%s failed with an empty message", call);
  if (line_prefix && error->code != SM_ERROR_NO_MEMORY
      && !g_str_has_prefix (error->message, "line "))
    return fail ("%s: message does not start with \"line \": %s", call,
                 error->message);
  return NULL;
}

/* The rank the employee gives their outcome: their choice, or INT32_MAX at
 * the default (worse than anything listed). */
static int32_t
outcome_rank (const SmMatching *matching, int32_t employee)
{
  int32_t choice = sm_matching_get_choice (matching, employee);
  return choice < 0 ? INT32_MAX : choice;
}

/* The position's rank of the employee (0 = best), or -1 if unranked. */
static int32_t
priority_rank (const SmMarket *market, int32_t position, int32_t employee)
{
  int32_t n;
  const SmEdge *edges = sm_market_get_position_edges (market, position, &n);
  for (int32_t k = 0; k < n; k++)
    if (edges[k].target == employee)
      return k;
  return -1;
}

/* ---- checks on a solved market ----------------------------------------- */

/* sm_matching_check() must call the matching valid and stable, and its
 * report must agree with itself. */
static char *
check_stable (const SmMarket *market, const SmMatching *matching,
              const char *what)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SmCheckReport)
      report = sm_matching_check (market, matching, &error);
  if (report == NULL)
    return fail ("%s: sm_matching_check failed: %s", what,
                 error != NULL ? error->message : "(no error)");
  int32_t n_violations, n_blocking;
  sm_check_report_get_violations (report, &n_violations);
  sm_check_report_get_blocking_pairs (report, &n_blocking);
  if (!sm_check_report_is_valid (report) || n_violations != 0)
    return fail ("%s: matching is not valid (%d violations)", what,
                 n_violations);
  if (!sm_check_report_is_stable (report) || n_blocking != 0)
    return fail ("%s: matching is not stable (%d blocking pairs)", what,
                 n_blocking);
  return NULL;
}

/* Held lists in priority order, within seats, cutoffs that agree with
 * them (checked without groups, where a full position is one whose seats
 * are all taken), choices that agree with the market. */
static char *
check_shape (const SmMarket *market, const SmMatching *matching,
             const char *what)
{
  int32_t m = sm_market_get_n_positions (market);
  gboolean groups = sm_market_get_n_groups (market) > 0;
  for (int32_t j = 0; j < m; j++)
    {
      int32_t n_held, last = -1;
      const int32_t *held = sm_matching_get_held (matching, j, &n_held);
      if (n_held > sm_market_get_seats (market, j))
        return fail ("%s: position %d holds %d > seats", what, j, n_held);
      for (int32_t k = 0; k < n_held; k++)
        {
          int32_t rank = priority_rank (market, j, held[k]);
          if (rank <= last)
            return fail ("%s: held list of %d not in priority order", what, j);
          last = rank;
        }
      int32_t cutoff = sm_matching_get_cutoff (matching, j);
      if (!groups && n_held < sm_market_get_seats (market, j)
          && cutoff != SM_CUTOFF_OPEN)
        return fail ("%s: position %d has a seat open but cutoff %d", what, j,
                     cutoff);
      if (!groups && n_held == sm_market_get_seats (market, j)
          && cutoff != last)
        return fail ("%s: position %d is full, cutoff %d, worst held %d", what,
                     j, cutoff, last);
    }
  int32_t n = sm_market_get_n_employees (market);
  for (int32_t i = 0; i < n; i++)
    {
      int32_t j = sm_matching_get_position (matching, i);
      int32_t choice = sm_matching_get_choice (matching, i);
      int32_t expected = j < 0 ? -1 : sm_market_find_choice (market, i, j);
      if (choice != expected)
        return fail ("%s: employee %d has choice %d, market says %d", what, i,
                     choice, expected);
    }
  return NULL;
}

/* One side's solve: succeeds, is stable, well formed and deterministic.
 * Returns (transfer full) the matching in *@out. */
static char *
solve_side (const SmMarket *market, SmSide side, SmMatching **out)
{
  const char *what = side == SM_SIDE_EMPLOYEES ? "employees proposing"
                                               : "positions proposing";
  g_autoptr (GError) error = NULL;
  g_autoptr (SmMatching) matching = sm_market_solve (market, side, &error);
  if (matching == NULL)
    return fail ("%s: solve failed: %s", what,
                 error != NULL ? error->message : "(no error)");
  char *broken = check_stable (market, matching, what);
  if (broken == NULL)
    broken = check_shape (market, matching, what);
  if (broken != NULL)
    return broken;
  g_autoptr (SmMatching) again = sm_market_solve (market, side, &error);
  if (again == NULL || !sm_matching_equal (matching, again))
    return fail ("%s: a second solve gives another matching", what);
  *out = g_steal_pointer (&matching);
  return NULL;
}

/* Both sides, and what relates them. */
static char *
check_solves (const SmMarket *market)
{
  g_autoptr (SmMatching) by_employees = NULL;
  char *broken = solve_side (market, SM_SIDE_EMPLOYEES, &by_employees);
  if (broken != NULL)
    return broken;

  if (sm_market_caps_bind (market))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (SmMatching)
          refused = sm_market_solve (market, SM_SIDE_POSITIONS, &error);
      if (refused != NULL || error == NULL
          || !g_error_matches (error, SM_ERROR, SM_ERROR_INFEASIBLE))
        return fail ("positions proposing under a binding cap must fail "
                     "with SM_ERROR_INFEASIBLE");
      return NULL;
    }

  g_autoptr (SmMatching) by_positions = NULL;
  broken = solve_side (market, SM_SIDE_POSITIONS, &by_positions);
  if (broken != NULL)
    return broken;
  int32_t m = sm_market_get_n_positions (market);
  for (int32_t j = 0; j < m; j++)
    {
      int32_t a, b;
      sm_matching_get_held (by_employees, j, &a);
      sm_matching_get_held (by_positions, j, &b);
      if (a != b)
        return fail ("rural hospitals: position %d holds %d and %d", j, a, b);
    }
  int32_t n = sm_market_get_n_employees (market);
  for (int32_t i = 0; i < n; i++)
    if (outcome_rank (by_employees, i) > outcome_rank (by_positions, i))
      return fail ("employee %d does better with positions proposing", i);
  return NULL;
}

/* ---- instance ----------------------------------------------------------- */

/* The market in the instance format, in a new buffer. */
static char *
write_instance (const SmMarket *market, char **text_out, size_t *length_out)
{
  g_autoptr (GError) error = NULL;
  char *text = NULL;
  size_t length = 0;
  FILE *stream = open_memstream (&text, &length);
  if (stream == NULL)
    return fail ("open_memstream failed");
  gboolean written = sm_instance_write (market, stream, &error);
  fclose (stream);
  if (!written)
    {
      free (text);
      return fail ("sm_instance_write failed: %s", error->message);
    }
  *text_out = text;
  *length_out = length;
  return NULL;
}

char *
sm_fuzz_check_instance (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SmMarket)
      market = sm_instance_read_data ((const char *) data, size, &error);
  if (market == NULL)
    return check_rejection ("sm_instance_read_data", error, TRUE);

  char *first = NULL, *second = NULL;
  size_t first_length = 0, second_length = 0;
  char *broken = write_instance (market, &first, &first_length);
  if (broken != NULL)
    return broken;
  g_autoptr (SmMarket)
      reread = sm_instance_read_data (first, first_length, &error);
  if (reread == NULL)
    broken = fail ("the written instance does not read back: %s",
                   error->message);
  if (broken == NULL)
    broken = write_instance (reread, &second, &second_length);
  if (broken == NULL
      && (first_length != second_length
          || memcmp (first, second, first_length) != 0))
    broken = fail ("writing the instance read back gives other bytes");
  free (first);
  free (second);
  if (broken == NULL)
    broken = check_solves (market);
  if (broken == NULL)
    broken = check_solves (reread);
  return broken;
}

/* ---- solution ----------------------------------------------------------- */

/* The market of tests/data/solution/market.txt; with @capped, positions 0
 * and 1 (3 seats) form a group capped at 2, one target seat each. */
static SmMarket *
solution_market (gboolean capped)
{
  static const int32_t seats[] = { 2, 1, 3 };
  static const int32_t e0[] = { 1, 0 }, e1[] = { 0 }, e3[] = { 0, 1 };
  static const int32_t p0[] = { 3, 0, 1 }, p1[] = { 0, 3 };
  static const int32_t group[] = { 0, 1 };
  g_autoptr (SmMarketBuilder) b = sm_market_builder_new (4, 3, NULL);
  for (int32_t j = 0; j < 3; j++)
    sm_market_builder_set_seats (b, j, seats[j], NULL);
  sm_market_builder_set_preferences (b, 0, e0, G_N_ELEMENTS (e0), NULL);
  sm_market_builder_set_preferences (b, 1, e1, G_N_ELEMENTS (e1), NULL);
  sm_market_builder_set_preferences (b, 2, NULL, 0, NULL);
  sm_market_builder_set_preferences (b, 3, e3, G_N_ELEMENTS (e3), NULL);
  sm_market_builder_set_priorities (b, 0, p0, G_N_ELEMENTS (p0), NULL);
  sm_market_builder_set_priorities (b, 1, p1, G_N_ELEMENTS (p1), NULL);
  sm_market_builder_set_priorities (b, 2, NULL, 0, NULL);
  if (capped)
    {
      sm_market_builder_add_group (b, group, G_N_ELEMENTS (group), 2, NULL);
      sm_market_builder_set_target_seats (b, 0, 1, NULL);
      sm_market_builder_set_target_seats (b, 1, 1, NULL);
    }
  return sm_market_builder_build (b, NULL);
}

/* The report agrees with itself; on the uncapped market a stable matching
 * is no better for any employee than the employee-optimal one. */
static char *
check_report (const SmMarket *market, const SmMatching *matching,
              gboolean capped)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SmCheckReport)
      report = sm_matching_check (market, matching, &error);
  if (report == NULL)
    return fail ("sm_matching_check failed: %s", error->message);
  int32_t n_violations, n_blocking, n_excused;
  sm_check_report_get_violations (report, &n_violations);
  sm_check_report_get_blocking_pairs (report, &n_blocking);
  sm_check_report_get_cap_excused_pairs (report, &n_excused);
  gboolean valid = sm_check_report_is_valid (report);
  gboolean stable = sm_check_report_is_stable (report);
  if (valid != (n_violations == 0) || stable != (valid && n_blocking == 0))
    return fail ("report: valid %d stable %d, %d violations, %d blocking",
                 valid, stable, n_violations, n_blocking);
  if (!capped && n_excused != 0)
    return fail ("report: %d pairs excused by a cap without caps", n_excused);
  if (capped || !stable)
    return NULL;
  g_autoptr (SmMatching)
      best = sm_market_solve (market, SM_SIDE_EMPLOYEES, NULL);
  for (int32_t i = 0; i < sm_market_get_n_employees (market); i++)
    if (outcome_rank (matching, i) < outcome_rank (best, i))
      return fail ("a stable matching is better for employee %d than the "
                   "employee-optimal one",
                   i);
  return NULL;
}

char *
sm_fuzz_check_solution (const uint8_t *data, size_t size)
{
  g_autoptr (SmMarket) plain = solution_market (FALSE);
  g_autoptr (SmMarket) capped = solution_market (TRUE);
  if (plain == NULL || capped == NULL)
    return fail ("the fixed markets do not build");
  g_autoptr (GError) error = NULL;
  g_autoptr (SmMatching)
      matching = sm_solution_read_data (plain, (const char *) data, size,
                                        &error);
  if (matching == NULL)
    return check_rejection ("sm_solution_read_data", error, TRUE);
  /* Reading checks only the form, so the capped market reads it too. */
  g_autoptr (SmMatching)
      on_capped = sm_solution_read_data (capped, (const char *) data, size,
                                         &error);
  if (on_capped == NULL || !sm_matching_equal (matching, on_capped))
    return fail ("the solution reads on one market but not the other");
  char *broken = check_report (plain, matching, FALSE);
  if (broken == NULL)
    broken = check_report (capped, on_capped, TRUE);
  if (broken != NULL)
    return broken;

  char *text = NULL;
  size_t length = 0;
  FILE *stream = open_memstream (&text, &length);
  if (stream == NULL)
    return fail ("open_memstream failed");
  gboolean written = sm_solution_write (matching, stream, &error);
  fclose (stream);
  g_autoptr (SmMatching) reread = NULL;
  if (written)
    reread = sm_solution_read_data (plain, text, length, &error);
  free (text);
  if (reread == NULL || !sm_matching_equal (matching, reread))
    return fail ("the written solution does not read back equal: %s",
                 error != NULL ? error->message : "different matching");
  return NULL;
}

/* ---- market: a byte code that drives the builder ----------------------- */

/* The input is read as:
 *   byte 0, 1        employees, positions: b % 41, or 0xff = -1,
 *                    0xfe = INT32_MAX, 0xfd = 2^40 (errors)
 *   then operations, one byte b each, op = b % 8, with operands:
 *   0 set_seats       POSITION COUNT
 *   1 set_preferences EMPLOYEE LENGTH POSITION...
 *   2 set_priorities  POSITION LENGTH EMPLOYEE...
 *   3 add_group       LENGTH POSITION... CAP
 *   4 set_target_seats POSITION COUNT
 *   5 priorities in a shuffled order of the position's real applicants:
 *                     POSITION KEY (mostly builds)
 *   6 reserve         COUNT (times 8)
 *   7 no operation
 * An index byte is b % size, or 0xff = -1, 0xfe = size (one past the
 * end), 0xfd = INT32_MAX, 0xfc = INT32_MIN. A count is b % 8 - 1 (-1..6),
 * or 0xff = INT32_MAX, 0xfe = INT32_MIN. A length is b % (size + 3), so
 * lists may be longer than the other side and repeat an entry. Reading
 * past the end gives zeros. When the program ends, every position whose
 * order was not set gets its applicants in the order of its index, and
 * the market is built. Invalid calls must fail cleanly and leave the
 * builder as it was, which the shadow below relies on. */

#define MARKET_MAX_SIDE 40
#define MARKET_MAX_LIST (MARKET_MAX_SIDE + 3)

typedef struct {
  const uint8_t *p;
  const uint8_t *end;
} ByteReader;

static uint8_t
next_byte (ByteReader *r)
{
  return r->p < r->end ? *r->p++ : 0;
}

static int32_t
read_index (ByteReader *r, int32_t size)
{
  uint8_t b = next_byte (r);
  switch (b)
    {
    case 0xff:
      return -1;
    case 0xfe:
      return size;
    case 0xfd:
      return INT32_MAX;
    case 0xfc:
      return INT32_MIN;
    default:
      return size > 0 ? b % size : 0;
    }
}

static int32_t
read_count (ByteReader *r)
{
  uint8_t b = next_byte (r);
  switch (b)
    {
    case 0xff:
      return INT32_MAX;
    case 0xfe:
      return INT32_MIN;
    default:
      return b % 8 - 1;
    }
}

static int64_t
read_side (ByteReader *r)
{
  uint8_t b = next_byte (r);
  switch (b)
    {
    case 0xff:
      return -1;
    case 0xfe:
      return INT32_MAX;
    case 0xfd:
      return INT64_C (1) << 40;
    default:
      return b % (MARKET_MAX_SIDE + 1);
    }
}

/* What the builder was told successfully, to derive valid orders from. */
typedef struct {
  SmMarketBuilder *builder;
  int32_t n;
  int32_t m;
  int32_t pref_len[MARKET_MAX_SIDE];
  int32_t prefs[MARKET_MAX_SIDE][MARKET_MAX_LIST];
  gboolean prefs_set[MARKET_MAX_SIDE];
  gboolean prios_set[MARKET_MAX_SIDE];
} MarketProgram;

static void
op_set_list (MarketProgram *mp, ByteReader *r, gboolean employee_side)
{
  int32_t own = employee_side ? mp->n : mp->m;
  int32_t other = employee_side ? mp->m : mp->n;
  int32_t who = read_index (r, own);
  int32_t length = next_byte (r) % (other + 3);
  int32_t list[MARKET_MAX_LIST];
  for (int32_t k = 0; k < length; k++)
    list[k] = read_index (r, other);
  g_autoptr (GError) error = NULL;
  gboolean ok = employee_side
                    ? sm_market_builder_set_preferences (mp->builder, who, list,
                                                         length, &error)
                    : sm_market_builder_set_priorities (mp->builder, who, list,
                                                        length, &error);
  if (!ok || who < 0 || who >= own)
    return;
  if (employee_side)
    {
      memcpy (mp->prefs[who], list, sizeof (int32_t) * length);
      mp->pref_len[who] = length;
      mp->prefs_set[who] = TRUE;
    }
  else
    mp->prios_set[who] = TRUE;
}

/* Sets the position's order to its applicants so far, shuffled by @key
 * (0 keeps the order of their indices). */
static void
set_applicant_order (MarketProgram *mp, int32_t position, uint32_t key)
{
  int32_t order[MARKET_MAX_SIDE];
  int32_t length = 0;
  for (int32_t i = 0; i < mp->n; i++)
    for (int32_t k = 0; k < mp->pref_len[i]; k++)
      if (mp->prefs[i][k] == position)
        order[length++] = i;
  uint32_t state = key * 2654435761u + 1;
  for (int32_t k = length - 1; key != 0 && k > 0; k--)
    {
      state = state * 1103515245u + 12345u;
      int32_t pick = (int32_t) ((state >> 16) % (uint32_t) (k + 1));
      int32_t swap = order[k];
      order[k] = order[pick];
      order[pick] = swap;
    }
  if (sm_market_builder_set_priorities (mp->builder, position, order, length,
                                        NULL))
    mp->prios_set[position] = TRUE;
}

static void
op_add_group (MarketProgram *mp, ByteReader *r)
{
  int32_t length = next_byte (r) % (mp->m + 3);
  int32_t list[MARKET_MAX_LIST];
  for (int32_t k = 0; k < length; k++)
    list[k] = read_index (r, mp->m);
  int32_t cap = read_count (r);
  g_autoptr (GError) error = NULL;
  int32_t group = sm_market_builder_add_group (mp->builder, list, length, cap,
                                               &error);
  (void) group;
}

static void
run_operation (MarketProgram *mp, ByteReader *r)
{
  switch (next_byte (r) % 8)
    {
    case 0:
      {
        int32_t position = read_index (r, mp->m);
        sm_market_builder_set_seats (mp->builder, position, read_count (r),
                                     NULL);
        break;
      }
    case 1:
      op_set_list (mp, r, TRUE);
      break;
    case 2:
      op_set_list (mp, r, FALSE);
      break;
    case 3:
      op_add_group (mp, r);
      break;
    case 4:
      {
        int32_t position = read_index (r, mp->m);
        sm_market_builder_set_target_seats (mp->builder, position,
                                            read_count (r), NULL);
        break;
      }
    case 5:
      {
        int32_t position = read_index (r, mp->m);
        uint8_t key = next_byte (r);
        if (position >= 0 && position < mp->m && !mp->prios_set[position])
          set_applicant_order (mp, position, key);
        break;
      }
    case 6:
      sm_market_builder_reserve (mp->builder, (int64_t) read_count (r) * 8,
                                 NULL);
      break;
    default:
      break;
    }
}

char *
sm_fuzz_check_market (const uint8_t *data, size_t size)
{
  ByteReader r = { data, data + size };
  int64_t n = read_side (&r), m = read_side (&r);
  g_autoptr (GError) error = NULL;
  g_autoptr (SmMarketBuilder) builder = sm_market_builder_new (n, m, &error);
  if (builder == NULL && n >= 0 && n <= MARKET_MAX_SIDE && m >= 0
      && m <= MARKET_MAX_SIDE)
    return fail ("sm_market_builder_new refused %d x %d: %s", (int) n, (int) m,
                 error != NULL ? error->message : "(no error)");
  if (builder == NULL)
    return check_rejection ("sm_market_builder_new", error, FALSE);
  if (n > MARKET_MAX_SIDE || m > MARKET_MAX_SIDE)
    return fail ("sm_market_builder_new accepted %" G_GINT64_FORMAT
                 " x %" G_GINT64_FORMAT,
                 n, m);

  g_autofree MarketProgram *mp = g_new0 (MarketProgram, 1);
  mp->builder = builder;
  mp->n = (int32_t) n;
  mp->m = (int32_t) m;
  while (r.p < r.end)
    run_operation (mp, &r);
  for (int32_t j = 0; j < mp->m; j++)
    if (!mp->prios_set[j])
      set_applicant_order (mp, j, 0);

  g_autoptr (SmMarket) market = sm_market_builder_build (builder, &error);
  if (market == NULL)
    return check_rejection ("sm_market_builder_build", error, FALSE);
  if (sm_market_get_n_employees (market) != mp->n
      || sm_market_get_n_positions (market) != mp->m)
    return fail ("the market has other sizes than the builder");
  return check_solves (market);
}

/* ---- scenarios ---------------------------------------------------------- */

/* Removes @dir and everything in it (at most one level of folders). */
static void
remove_dir (const char *dir)
{
  GDir *listing = g_dir_open (dir, 0, NULL);
  if (listing != NULL)
    {
      const char *name;
      while ((name = g_dir_read_name (listing)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, name, NULL);
          if (g_file_test (path, G_FILE_TEST_IS_DIR))
            remove_dir (path);
          else
            g_unlink (path);
        }
      g_dir_close (listing);
    }
  g_rmdir (dir);
}

/* A loader's two modes, with a problem list and without, must agree; a
 * load that succeeds lists warnings at most; on failure the list's first
 * error is the problem whose code the error carries. */
static char *
check_load_modes (const char *call, const SmScenario *with_list,
                  const SmProblemList *problems, const GError *list_error,
                  const SmScenario *without_list, const GError *error)
{
  if ((with_list == NULL) != (without_list == NULL))
    return fail ("%s: loads %s a problem list but %s one", call,
                 with_list != NULL ? "with" : "without",
                 with_list != NULL ? "not without" : "not with");
  if (with_list != NULL)
    {
      if (sm_problem_list_count (problems, SM_SEVERITY_ERROR) != 0)
        return fail ("%s: loaded, yet listed %d errors", call,
                     sm_problem_list_count (problems, SM_SEVERITY_ERROR));
      return NULL;
    }
  char *broken = check_rejection (call, list_error, FALSE);
  if (broken == NULL)
    broken = check_rejection (call, error, FALSE);
  if (broken != NULL)
    return broken;
  if (sm_problem_list_count (problems, SM_SEVERITY_ERROR) < 1)
    return fail ("%s: failed without listing an error", call);
  SmProblem first;
  int32_t k = 0;
  while (sm_problem_list_get_severity (problems, k) != SM_SEVERITY_ERROR)
    k++;
  sm_problem_list_get (problems, k, &first);
  g_autofree char *text = sm_problem_list_format (problems);
  if (text == NULL || first.message == NULL)
    return fail ("%s: a problem without a message", call);
  if ((int) first.code != list_error->code || error->code != list_error->code)
    return fail ("%s: error codes %d and %d, first problem %d", call,
                 list_error->code, error->code, first.code);
  return NULL;
}

/* Every employee has one outcome inside the scenario, headcounts add
 * up, and the matching of the compiled market is valid and stable. */
static char *
check_outcomes (const SmScenario *scenario, const SmPlacement *placement)
{
  const SmMarket *market = sm_placement_get_market (placement);
  const SmMatching *matching = sm_placement_get_matching (placement);
  int32_t n = sm_scenario_get_n_employees (scenario);
  if (sm_market_get_n_employees (market) != n
      || sm_matching_get_n_employees (matching) != n)
    return fail ("placement: sizes differ from the scenario's");
  char *broken = check_stable (market, matching, "placement");
  if (broken != NULL)
    return broken;
  int32_t n_orgs = sm_scenario_get_n_organisations (scenario);
  int32_t n_units = sm_scenario_get_n_units (scenario);
  int32_t n_positions = sm_scenario_get_n_positions (scenario);
  for (int32_t i = 0; i < n; i++)
    {
      SmEmployeeOutcome o;
      sm_placement_get_outcome (placement, i, &o);
      if (o.organisation < 0 || o.organisation >= n_orgs || o.unit < 0
          || o.unit >= n_units || o.position < -1 || o.position >= n_positions
          || (o.position == -1) != (o.status == SM_STATUS_SUPERNUMERARY))
        return fail ("placement: employee %d has outcome org %d unit %d "
                     "position %d status %d",
                     i, o.organisation, o.unit, o.position, o.status);
    }
  int64_t total = 0;
  for (int32_t k = 0; k < n_orgs; k++)
    total += sm_placement_get_headcount (placement, k);
  if (total != n)
    return fail ("placement: headcounts add up to %" G_GINT64_FORMAT ", not %d",
                 total, n);
  return NULL;
}

/* The placement's JSON document, saved into @dir as @name; NULL on
 * failure. */
static char *
placement_json (const SmPlacement *placement, const char *dir, const char *name,
                gsize *length_out)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;
  if (!sm_placement_save_json (placement, path, NULL)
      || !g_file_get_contents (path, &text, length_out, NULL))
    return NULL;
  return text;
}

/* The placement: if the scenario can be placed, its outcomes are sound,
 * and placing it again gives the same matching and the same bytes of
 * placement JSON (same input and seed, same output). */
static char *
check_placement (const SmScenario *scenario, const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (SmPlacement) placement = sm_scenario_place (scenario, &error);
  if (placement == NULL)
    return check_rejection ("sm_scenario_place", error, FALSE);
  char *broken = check_outcomes (scenario, placement);
  if (broken != NULL)
    return broken;
  g_autoptr (SmPlacement) again = sm_scenario_place (scenario, &error);
  if (again == NULL
      || !sm_matching_equal (sm_placement_get_matching (placement),
                             sm_placement_get_matching (again)))
    return fail ("placing the scenario again gives another matching");
  gsize first_length = 0, second_length = 0;
  g_autofree char *first = placement_json (placement, dir, "placement-1.json",
                                           &first_length);
  g_autofree char *second = placement_json (again, dir, "placement-2.json",
                                            &second_length);
  if (first == NULL || second == NULL)
    return fail ("sm_placement_save_json failed");
  if (first_length != second_length
      || memcmp (first, second, first_length) != 0)
    return fail ("placing the scenario again gives other placement JSON");
  return NULL;
}

/* Saving the scenario as JSON in @dir and loading that keeps the
 * checksum. */
static char *
check_json_round_trip (const SmScenario *scenario, const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "again.json", NULL);
  if (!sm_scenario_save_json (scenario, path, &error))
    return fail ("sm_scenario_save_json failed: %s", error->message);
  g_autoptr (SmScenario) again = sm_scenario_load_json (path, NULL, &error);
  if (again == NULL)
    return fail ("the saved JSON does not load: %s", error->message);
  g_autofree char *before = sm_scenario_checksum (scenario);
  g_autofree char *after = sm_scenario_checksum (again);
  if (g_strcmp0 (before, after) != 0)
    return fail ("JSON save and load change the checksum");
  return NULL;
}

char *
sm_fuzz_check_scenario_json (const uint8_t *data, size_t size)
{
  g_autoptr (GError) list_error = NULL, error = NULL;
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  g_autoptr (SmScenario)
      with_list = sm_scenario_load_json_data ((const char *) data, size,
                                              "fuzz.json", problems,
                                              &list_error);
  g_autoptr (SmScenario)
      scenario = sm_scenario_load_json_data ((const char *) data, size,
                                             "fuzz.json", NULL, &error);
  char *broken = check_load_modes ("sm_scenario_load_json_data", with_list,
                                   problems, list_error, scenario, error);
  if (broken != NULL || scenario == NULL)
    return broken;
  g_autofree char *dir = g_dir_make_tmp ("sm-fuzz-XXXXXX", NULL);
  if (dir == NULL)
    return fail ("cannot make a temporary folder");
  broken = check_placement (scenario, dir);
  if (broken == NULL)
    broken = check_json_round_trip (scenario, dir);
  remove_dir (dir);
  return broken;
}

const char *const sm_fuzz_csv_tables[] = { "organisations.csv",
                                           "units.csv",
                                           "positions.csv",
                                           "employees.csv",
                                           "applications.csv",
                                           "function-relations.csv",
                                           "rules.csv",
                                           "settings.csv",
                                           "manual-placements.csv",
                                           NULL };

/* Writes the input's tables into @dir: part k (split on the separator)
 * becomes table k; an empty part, or one past the input's end, is an
 * absent file. */
static char *
write_tables (const uint8_t *data, size_t size, const char *dir)
{
  const uint8_t *p = data, *end = data + size;
  for (int k = 0; sm_fuzz_csv_tables[k] != NULL && p <= end; k++)
    {
      const uint8_t *stop = memchr (p, SM_FUZZ_CSV_SEPARATOR, end - p);
      if (stop == NULL)
        stop = end;
      if (stop > p)
        {
          g_autofree char *path = g_build_filename (dir, sm_fuzz_csv_tables[k],
                                                    NULL);
          if (!g_file_set_contents (path, (const char *) p, stop - p, NULL))
            return fail ("cannot write %s", path);
        }
      p = stop + 1;
    }
  return NULL;
}

/* Saving the scenario as CSV and loading that keeps the checksum. */
static char *
check_csv_round_trip (const SmScenario *scenario, const char *dir,
                      SmCsvDelimiter delimiter)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *again_dir = g_build_filename (dir, "again", NULL);
  if (!sm_scenario_save_csv (scenario, again_dir, delimiter, &error))
    return fail ("sm_scenario_save_csv failed: %s", error->message);
  g_autoptr (SmScenario) again = sm_scenario_load_csv (again_dir, NULL, &error);
  if (again == NULL)
    return fail ("the saved CSV does not load: %s", error->message);
  g_autofree char *before = sm_scenario_checksum (scenario);
  g_autofree char *after = sm_scenario_checksum (again);
  if (g_strcmp0 (before, after) != 0)
    return fail ("CSV save and load change the checksum");
  return NULL;
}

static char *
check_csv_in (const uint8_t *data, size_t size, const char *dir)
{
  char *broken = write_tables (data, size, dir);
  if (broken != NULL)
    return broken;
  g_autoptr (GError) list_error = NULL, error = NULL;
  g_autoptr (SmProblemList) problems = sm_problem_list_new ();
  g_autoptr (SmScenario)
      with_list = sm_scenario_load_csv (dir, problems, &list_error);
  g_autoptr (SmScenario) scenario = sm_scenario_load_csv (dir, NULL, &error);
  broken = check_load_modes ("sm_scenario_load_csv", with_list, problems,
                             list_error, scenario, error);
  if (broken != NULL || scenario == NULL)
    return broken;
  broken = check_placement (scenario, dir);
  if (broken == NULL)
    broken = check_csv_round_trip (scenario, dir,
                                   size % 2 == 0 ? SM_CSV_DELIMITER_SEMICOLON
                                                 : SM_CSV_DELIMITER_COMMA);
  if (broken == NULL)
    broken = check_json_round_trip (scenario, dir);
  return broken;
}

char *
sm_fuzz_check_scenario_csv (const uint8_t *data, size_t size)
{
  g_autofree char *dir = g_dir_make_tmp ("sm-fuzz-XXXXXX", NULL);
  if (dir == NULL)
    return fail ("cannot make a temporary folder");
  char *broken = check_csv_in (data, size, dir);
  remove_dir (dir);
  return broken;
}

/* ---- the table of targets ---------------------------------------------- */

const SmFuzzTarget sm_fuzz_targets[] = {
  { "instance", sm_fuzz_check_instance },
  { "solution", sm_fuzz_check_solution },
  { "market", sm_fuzz_check_market },
  { "scenario-json", sm_fuzz_check_scenario_json },
  { "scenario-csv", sm_fuzz_check_scenario_csv },
  { NULL, NULL },
};

void
sm_fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}
