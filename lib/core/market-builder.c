/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: building a market (market.h).
 *
 * The builder collects each employee's preference list and each position's
 * priority order, owners in any order, into two list stores
 * (list-store.c), and beside them every position's seats and target seats,
 * the groups of positions under a headcount cap, and a memory budget. Each
 * call checks what it is given (indices in range, at least one seat, a
 * position in one group at most, a list naming each target once); what
 * needs the whole market (that a priority order ranks exactly the
 * applicants, that the targets of a group fit under its cap) is checked
 * when build() freezes it (market.c).
 *
 * A priority order may state ties (set_tied_priorities()): its classes
 * are kept beside the list store, position by position, only once some
 * order has them, and become the market's tie classes at build; a market
 * without ties carries nothing for them.
 *
 * Counts are checked against INT32_MAX when the builder starts and as
 * lists are added, so that the frozen arrays can use int32_t offsets; a
 * budget, when given, refuses a market that would take more memory to
 * build and solve than sm_market_estimate_bytes() says it may.
 */
#include "core/market-private.h"

#include <string.h>
#include <staffmatch/error.h>

#define SM_MAX_COUNT (INT32_MAX - 1)

static gboolean
check_count (int64_t count, const char *what, GError **error)
{
  if (count < 0)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_SIZE,
                   "The number of %s is negative (%" G_GINT64_FORMAT ").", what,
                   count);
      return FALSE;
    }
  if (count > SM_MAX_COUNT)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_TOO_LARGE,
                   "%" G_GINT64_FORMAT " %s are more than the %d that "
                   "32-bit indices allow.",
                   count, what, SM_MAX_COUNT);
      return FALSE;
    }
  return TRUE;
}

void
sm_market__set_no_memory (GError **error, const char *doing)
{
  g_set_error (error, SM_ERROR, SM_ERROR_NO_MEMORY, "Out of memory while %s.",
               doing);
}

/* The bytes per item that building and solving take at their peak: list
 * entries as edges on both sides (16, held from the first list on and
 * ranked in place by build) plus a bit of the solver, with room for lists
 * grown without a reserve (list-store.c) and for the transpose that only
 * a build that fails on a priority order makes (4); per employee and per
 * position the builder's, market's, solver's and matching's arrays (see
 * market-builder.c, market.c, list-store.c, deferred-acceptance.c and
 * matching.c). */
#define BYTES_PER_ENTRY 21
#define BYTES_PER_EMPLOYEE 40
#define BYTES_PER_POSITION 64

int64_t
sm_market_estimate_bytes (int64_t n_employees, int64_t n_positions,
                          int64_t n_entries)
{
  g_return_val_if_fail (n_employees >= 0 && n_positions >= 0 && n_entries >= 0,
                        0);
  return 4096 + n_employees * BYTES_PER_EMPLOYEE
         + n_positions * BYTES_PER_POSITION + n_entries * BYTES_PER_ENTRY;
}

/* Refuses a market that would need more than the budget. */
static gboolean
check_budget (const SmMarketBuilder *b, int64_t n_entries, const char *doing,
              GError **error)
{
  if (b->budget <= 0)
    return TRUE;
  int64_t need = sm_market_estimate_bytes (b->n_employees, b->n_positions,
                                           n_entries);
  if (need <= b->budget)
    return TRUE;
  g_set_error (error, SM_ERROR, SM_ERROR_TOO_LARGE,
               "%s needs about %" G_GINT64_FORMAT " MiB to build and solve "
               "a market of %d employees, %d positions and %" G_GINT64_FORMAT
               " list entries, more than the budget of %" G_GINT64_FORMAT
               " MiB; raise the budget or split the market.",
               doing, (need + 1048575) / 1048576, b->n_employees,
               b->n_positions, n_entries, (b->budget + 1048575) / 1048576);
  return FALSE;
}

/* The most list entries on either side once @more are added to @side. */
static int64_t
entries_after (const SmMarketBuilder *b, const SmListStore *side, size_t more)
{
  int64_t other = (int64_t) (side == &b->employees ? b->positions.n_entries
                                                   : b->employees.n_entries);
  return MAX ((int64_t) (side->n_entries + more), other);
}

SmMarketBuilder *
sm_market_builder_new (int64_t n_employees, int64_t n_positions, GError **error)
{
  return sm_market_builder_new_with_budget (n_employees, n_positions, 0, error);
}

SmMarketBuilder *
sm_market_builder_new_with_budget (int64_t n_employees, int64_t n_positions,
                                   int64_t budget_bytes, GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (!check_count (n_employees, "employees", error)
      || !check_count (n_positions, "positions", error))
    return NULL;
  SmMarketBuilder probe;
  memset (&probe, 0, sizeof probe);
  probe.n_employees = (int32_t) n_employees;
  probe.n_positions = (int32_t) n_positions;
  probe.budget = budget_bytes;
  if (!check_budget (&probe, 0, "Starting the market", error))
    return NULL;
  SmMarketBuilder *b = g_try_new0 (SmMarketBuilder, 1);
  if (b == NULL)
    {
      sm_market__set_no_memory (error, "starting a market");
      return NULL;
    }
  b->n_employees = (int32_t) n_employees;
  b->n_positions = (int32_t) n_positions;
  b->seats = g_try_new (int32_t, (size_t) n_positions + 1);
  b->target = g_try_new (int32_t, (size_t) n_positions + 1);
  b->group_of = g_try_new (int32_t, (size_t) n_positions + 1);
  b->group_caps = g_array_new (FALSE, FALSE, sizeof (int32_t));
  b->group_off = g_array_new (FALSE, TRUE, sizeof (int32_t));
  b->group_pos = g_array_new (FALSE, FALSE, sizeof (int32_t));
  g_array_set_size (b->group_off, 1);
  gboolean ok = b->seats != NULL && b->target != NULL && b->group_of != NULL
                && sm_list_store_init (&b->employees, b->n_employees,
                                       b->n_positions)
                && sm_list_store_init (&b->positions, b->n_positions,
                                       b->n_employees);
  if (!ok)
    {
      sm_market_builder_free (b);
      sm_market__set_no_memory (error, "starting a market");
      return NULL;
    }
  for (int32_t j = 0; j < b->n_positions; j++)
    {
      b->seats[j] = 1;
      b->target[j] = -1;
      b->group_of[j] = -1;
    }
  b->budget = budget_bytes;
  b->n_threads = 1;
  return b;
}

void
sm_market_builder_free (SmMarketBuilder *builder)
{
  if (builder == NULL)
    return;
  g_free (builder->seats);
  g_free (builder->target);
  g_free (builder->group_of);
  g_clear_pointer (&builder->group_caps, g_array_unref);
  g_clear_pointer (&builder->group_off, g_array_unref);
  g_clear_pointer (&builder->group_pos, g_array_unref);
  sm_list_store_clear (&builder->employees);
  sm_list_store_clear (&builder->positions);
  g_free (builder->tie_start);
  g_clear_pointer (&builder->tie_classes, g_array_unref);
  g_free (builder);
}

void
sm_market_builder_set_n_threads (SmMarketBuilder *builder, int n_threads)
{
  g_return_if_fail (builder != NULL && !builder->spent);
  g_return_if_fail (n_threads >= 0);
  if (n_threads == 0)
    n_threads = (int) g_get_num_processors ();
  builder->n_threads = CLAMP (n_threads, 1, SM_MAX_BUILD_THREADS);
  /* A second thread may as well bring in the lists' memory meanwhile. */
  sm_market_builder__set_populate_ahead (builder, builder->n_threads > 1);
}

void
sm_market_builder__set_scatter (SmMarketBuilder *builder, SmScatterWay way)
{
  builder->scatter = way;
}

void
sm_market_builder__set_populate_ahead (SmMarketBuilder *builder, gboolean on)
{
  sm_list_store_set_populate_ahead (&builder->employees, on);
  sm_list_store_set_populate_ahead (&builder->positions, on);
}

gboolean
sm_market_builder_reserve (SmMarketBuilder *builder, int64_t n_entries,
                           GError **error)
{
  g_return_val_if_fail (builder != NULL && !builder->spent, FALSE);
  if (n_entries > INT32_MAX)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_TOO_LARGE,
                   "%" G_GINT64_FORMAT " list entries are more than the %d "
                   "that 32-bit indices allow.",
                   n_entries, INT32_MAX);
      return FALSE;
    }
  if (n_entries <= 0)
    return TRUE;
  if (!check_budget (builder, n_entries, "Reserving the lists", error))
    return FALSE;
  if (!sm_list_store_reserve (&builder->employees, (size_t) n_entries)
      || !sm_list_store_reserve (&builder->positions, (size_t) n_entries))
    {
      sm_market__set_no_memory (error, "reserving room for the lists");
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_index (int32_t index, int32_t count, const char *what, GError **error)
{
  if (index >= 0 && index < count)
    return TRUE;
  g_set_error (error, SM_ERROR, SM_ERROR_INDEX_OUT_OF_RANGE,
               "There is no %s %d: %s are numbered 0 to %d.", what, index, what,
               count - 1);
  return FALSE;
}

gboolean
sm_market_builder_set_seats (SmMarketBuilder *builder, int32_t position,
                             int32_t seats, GError **error)
{
  g_return_val_if_fail (builder != NULL && !builder->spent, FALSE);
  if (!check_index (position, builder->n_positions, "position", error))
    return FALSE;
  if (seats < 1)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_SEATS,
                   "Position %d has %d seats; a position needs at least one.",
                   position, seats);
      return FALSE;
    }
  builder->seats[position] = seats;
  return TRUE;
}

static gboolean
check_group_member (const SmMarketBuilder *b, int32_t position, int32_t group,
                    GError **error)
{
  if (!check_index (position, b->n_positions, "position", error))
    return FALSE;
  if (b->group_of[position] < 0)
    return TRUE;
  if (b->group_of[position] == group)
    g_set_error (error, SM_ERROR, SM_ERROR_DUPLICATE,
                 "Position %d is named twice in group %d.", position, group);
  else
    g_set_error (error, SM_ERROR, SM_ERROR_DUPLICATE,
                 "Position %d is already in group %d; a position belongs to "
                 "one group at most.",
                 position, b->group_of[position]);
  return FALSE;
}

/* Undoes the membership marks of a group that failed half way. */
static void
unmark_group (SmMarketBuilder *b, const int32_t *positions, size_t n,
              int32_t group)
{
  for (size_t k = 0; k < n; k++)
    if (positions[k] >= 0 && positions[k] < b->n_positions
        && b->group_of[positions[k]] == group)
      b->group_of[positions[k]] = -1;
}

int32_t
sm_market_builder_add_group (SmMarketBuilder *builder, const int32_t *positions,
                             size_t n_positions, int32_t cap, GError **error)
{
  g_return_val_if_fail (builder != NULL && !builder->spent, -1);
  g_return_val_if_fail (positions != NULL || n_positions == 0, -1);
  int32_t group = (int32_t) builder->group_caps->len;
  if (n_positions == 0)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_SIZE,
                   "Group %d has no positions.", group);
      return -1;
    }
  if (cap < 0)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_SEATS,
                   "Group %d has a cap of %d; a cap cannot be negative.", group,
                   cap);
      return -1;
    }
  for (size_t k = 0; k < n_positions; k++)
    {
      if (!check_group_member (builder, positions[k], group, error))
        {
          unmark_group (builder, positions, k, group);
          return -1;
        }
      builder->group_of[positions[k]] = group;
    }
  g_array_append_vals (builder->group_pos, positions, (guint) n_positions);
  int32_t end = (int32_t) builder->group_pos->len;
  g_array_append_val (builder->group_off, end);
  g_array_append_val (builder->group_caps, cap);
  return group;
}

gboolean
sm_market_builder_set_target_seats (SmMarketBuilder *builder, int32_t position,
                                    int32_t target_seats, GError **error)
{
  g_return_val_if_fail (builder != NULL && !builder->spent, FALSE);
  if (!check_index (position, builder->n_positions, "position", error))
    return FALSE;
  if (target_seats < 0)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_SEATS,
                   "Position %d has %d target seats; targets cannot be "
                   "negative.",
                   position, target_seats);
      return FALSE;
    }
  builder->target[position] = target_seats;
  return TRUE;
}

/* Turns a list store's complaint into an error that names the list's
 * owner and the offending entry. */
static gboolean
report_list_status (SmListStatus status, const char *owner_kind, int32_t owner,
                    const char *target_kind, int32_t target,
                    const char *list_name, int32_t n_targets, GError **error)
{
  switch (status)
    {
    case SM_LIST_OK:
      return TRUE;
    case SM_LIST_ALREADY_SET:
      g_set_error (error, SM_ERROR, SM_ERROR_DUPLICATE,
                   "The %s of %s %d is given twice; give it once.", list_name,
                   owner_kind, owner);
      break;
    case SM_LIST_TARGET_OUT_OF_RANGE:
      g_set_error (error, SM_ERROR, SM_ERROR_INDEX_OUT_OF_RANGE,
                   "The %s of %s %d names %s %d, but %ss are numbered "
                   "0 to %d.",
                   list_name, owner_kind, owner, target_kind, target,
                   target_kind, n_targets - 1);
      break;
    case SM_LIST_TARGET_TWICE:
      g_set_error (error, SM_ERROR, SM_ERROR_DUPLICATE,
                   "The %s of %s %d names %s %d twice.", list_name, owner_kind,
                   owner, target_kind, target);
      break;
    case SM_LIST_TOO_MANY_ENTRIES:
      g_set_error (error, SM_ERROR, SM_ERROR_TOO_LARGE,
                   "Adding the %s of %s %d makes more than %d list entries, "
                   "the most that 32-bit indices allow.",
                   list_name, owner_kind, owner, INT32_MAX);
      break;
    case SM_LIST_NO_MEMORY:
      sm_market__set_no_memory (error, "storing a list");
      break;
    }
  return FALSE;
}

static gboolean
append_list (const SmMarketBuilder *b, SmListStore *store, int32_t owner,
             const int32_t *list, size_t n, const char *owner_kind,
             const char *target_kind, const char *list_name, GError **error)
{
  if (!check_index (owner, store->n_owners, owner_kind, error))
    return FALSE;
  /* Only with a budget: entries_after() looks at the other side's store,
   * which the instance reader fills on another thread meanwhile. */
  if (n <= (size_t) INT32_MAX && b->budget > 0
      && !check_budget (b, entries_after (b, store, n), "The market", error))
    return FALSE;
  g_return_val_if_fail (list != NULL || n == 0, FALSE);
  size_t bad = (size_t) -1;
  SmListStatus status = sm_list_store_append (store, owner, list, n, &bad);
  int32_t target = bad == (size_t) -1 ? -1 : list[bad];
  return report_list_status (status, owner_kind, owner, target_kind, target,
                             list_name, store->n_targets, error);
}

gboolean
sm_market_builder_set_preferences (SmMarketBuilder *builder, int32_t employee,
                                   const int32_t *positions, size_t n_positions,
                                   GError **error)
{
  g_return_val_if_fail (builder != NULL && !builder->spent, FALSE);
  return append_list (builder, &builder->employees, employee, positions,
                      n_positions, "employee", "position", "preference list",
                      error);
}

gboolean
sm_market_builder_set_priorities (SmMarketBuilder *builder, int32_t position,
                                  const int32_t *employees, size_t n_employees,
                                  GError **error)
{
  g_return_val_if_fail (builder != NULL && !builder->spent, FALSE);
  return append_list (builder, &builder->positions, position, employees,
                      n_employees, "position", "employee", "priority order",
                      error);
}

/* Checks that @classes start at 0 or more and never go down, and that
 * the order states a tie (two equal classes in a row). */
static gboolean
check_classes (int32_t position, const int32_t *classes, size_t n,
               gboolean *tied, GError **error)
{
  *tied = FALSE;
  for (size_t k = 0; k < n; k++)
    {
      if (classes[k] < 0 || (k > 0 && classes[k] < classes[k - 1]))
        {
          g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
                       "The tie classes of position %d are not in priority "
                       "order: entry %zu has class %d%s; give classes of 0 "
                       "or more that never decrease.",
                       position, k, classes[k],
                       classes[k] < 0 ? "" : ", below the one before it");
          return FALSE;
        }
      if (k > 0 && classes[k] == classes[k - 1])
        *tied = TRUE;
    }
  return TRUE;
}

/* Makes room to keep tie classes, on the first tied order. */
static gboolean
start_ties (SmMarketBuilder *b)
{
  if (b->tie_start != NULL)
    return TRUE;
  b->tie_start = g_try_new (int32_t, (size_t) b->n_positions + 1);
  if (b->tie_start == NULL)
    return FALSE;
  memset (b->tie_start, 0xff, ((size_t) b->n_positions + 1) * sizeof (int32_t));
  b->tie_classes = g_array_new (FALSE, FALSE, sizeof (int32_t));
  return TRUE;
}

/* Keeps position j's classes, renumbered 0, 1, 2, ... in order. */
static void
keep_classes (SmMarketBuilder *b, int32_t j, const int32_t *classes, size_t n)
{
  b->tie_start[j] = (int32_t) b->tie_classes->len;
  int32_t dense = 0;
  for (size_t k = 0; k < n; k++)
    {
      dense += k > 0 && classes[k] != classes[k - 1];
      g_array_append_val (b->tie_classes, dense);
    }
}

gboolean
sm_market_builder_set_tied_priorities (SmMarketBuilder *builder,
                                       int32_t position,
                                       const int32_t *employees,
                                       const int32_t *classes,
                                       size_t n_employees, GError **error)
{
  g_return_val_if_fail (builder != NULL && !builder->spent, FALSE);
  g_return_val_if_fail (classes != NULL || n_employees == 0, FALSE);
  gboolean tied = FALSE;
  if (!check_index (position, builder->n_positions, "position", error)
      || !check_classes (position, classes, n_employees, &tied, error))
    return FALSE;
  /* An order without a tie is kept as a strict one: a market stated
   * with classes but without ties is the strict market. */
  if (tied && !start_ties (builder))
    {
      sm_market__set_no_memory (error, "storing tie classes");
      return FALSE;
    }
  if (!sm_market_builder_set_priorities (builder, position, employees,
                                         n_employees, error))
    return FALSE;
  if (tied)
    keep_classes (builder, position, classes, n_employees);
  return TRUE;
}
