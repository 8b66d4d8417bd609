/* staffmatch: building and reading a market.
 *
 * The builder collects each employee's preference list and each position's
 * priority order (list-store.c), then build() freezes them into the CSR
 * form of market-private.h and writes beside every entry the rank the other
 * side gives it ("pre-ranked edges"):
 *
 *   employee edge (j, r): position j ranks this employee r-th (0 = best);
 *   position edge (i, c): employee i lists this position c-th.
 *
 * Filling the ranks takes one pass over each position's applicants. The
 * applicants of position j are found by a transpose of the employee lists
 * (one int32 per entry, freed at the end of build), and while it runs the
 * rank field of an employee edge holds the edge's owner, so that no extra
 * owner array is needed. Peak memory of build: the two edge arrays (8 bytes
 * per entry each, made in place from the builder's lists) plus the
 * transpose (4 bytes per entry) plus O(n + m).
 */
#include "market-private.h"

#include <string.h>
#include <staffmatch/error.h>

#include "list-store.h"

struct _SmMarketBuilder {
  int32_t n_employees;
  int32_t n_positions;
  int32_t *seats;
  int32_t *target;         /* -1: all seats */
  int32_t *group_of;       /* -1: in no group */
  GArray *group_caps;      /* int32_t */
  GArray *group_off;       /* int32_t, starts with 0 */
  GArray *group_pos;       /* int32_t */
  int64_t budget;          /* bytes a build and solve may take, 0: any */
  SmListStore employees;   /* preference lists: targets are positions */
  SmListStore positions;   /* priority orders: targets are employees */
  gboolean spent;
};

#define SM_MAX_COUNT (INT32_MAX - 1)

static gboolean
check_count (int64_t count, const char *what, GError **error)
{
  if (count < 0)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_SIZE,
                   "The number of %s is negative (%" G_GINT64_FORMAT ").",
                   what, count);
      return FALSE;
    }
  if (count > SM_MAX_COUNT)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_TOO_LARGE,
                   "%" G_GINT64_FORMAT " %s are more than the %d that "
                   "32-bit indices allow.", count, what, SM_MAX_COUNT);
      return FALSE;
    }
  return TRUE;
}

static void
set_no_memory (GError **error, const char *doing)
{
  g_set_error (error, SM_ERROR, SM_ERROR_NO_MEMORY,
               "Out of memory while %s.", doing);
}

/* The bytes per item that building and solving take at their peak: list
 * entries as edges on both sides (16) plus the transpose of build (4) plus
 * a bit of the solver; per employee and per position the builder's,
 * market's, solver's and matching's arrays (see market.c, list-store.c,
 * deferred-acceptance.c and matching.c). */
#define BYTES_PER_ENTRY 21
#define BYTES_PER_EMPLOYEE 40
#define BYTES_PER_POSITION 64

int64_t
sm_market_estimate_bytes (int64_t n_employees, int64_t n_positions,
                          int64_t n_entries)
{
  g_return_val_if_fail (n_employees >= 0 && n_positions >= 0
                        && n_entries >= 0, 0);
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
entries_after (const SmMarketBuilder *b, const SmListStore *side,
               size_t more)
{
  int64_t other = (int64_t) (side == &b->employees ? b->positions.n_entries
                                                   : b->employees.n_entries);
  return MAX ((int64_t) (side->n_entries + more), other);
}

SmMarketBuilder *
sm_market_builder_new (int64_t n_employees, int64_t n_positions,
                       GError **error)
{
  return sm_market_builder_new_with_budget (n_employees, n_positions, 0,
                                            error);
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
      set_no_memory (error, "starting a market");
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
    && sm_list_store_init (&b->employees, b->n_employees, b->n_positions)
    && sm_list_store_init (&b->positions, b->n_positions, b->n_employees);
  if (!ok)
    {
      sm_market_builder_free (b);
      set_no_memory (error, "starting a market");
      return NULL;
    }
  for (int32_t j = 0; j < b->n_positions; j++)
    {
      b->seats[j] = 1;
      b->target[j] = -1;
      b->group_of[j] = -1;
    }
  b->budget = budget_bytes;
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
  g_free (builder);
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
                   "that 32-bit indices allow.", n_entries, INT32_MAX);
      return FALSE;
    }
  if (n_entries <= 0)
    return TRUE;
  if (!check_budget (builder, n_entries, "Reserving the lists", error))
    return FALSE;
  if (!sm_list_store_reserve (&builder->employees, (size_t) n_entries)
      || !sm_list_store_reserve (&builder->positions, (size_t) n_entries))
    {
      set_no_memory (error, "reserving room for the lists");
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
               "There is no %s %d: %s are numbered 0 to %d.",
               what, index, what, count - 1);
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
check_group_member (const SmMarketBuilder *b, int32_t position,
                    int32_t group, GError **error)
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
                 "one group at most.", position, b->group_of[position]);
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
sm_market_builder_add_group (SmMarketBuilder *builder,
                             const int32_t *positions, size_t n_positions,
                             int32_t cap, GError **error)
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
                   "Group %d has a cap of %d; a cap cannot be negative.",
                   group, cap);
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
sm_market_builder_set_target_seats (SmMarketBuilder *builder,
                                    int32_t position, int32_t target_seats,
                                    GError **error)
{
  g_return_val_if_fail (builder != NULL && !builder->spent, FALSE);
  if (!check_index (position, builder->n_positions, "position", error))
    return FALSE;
  if (target_seats < 0)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_SEATS,
                   "Position %d has %d target seats; targets cannot be "
                   "negative.", position, target_seats);
      return FALSE;
    }
  builder->target[position] = target_seats;
  return TRUE;
}

/* Turns a list store's complaint into an error that names the list's
 * owner and the offending entry. */
static gboolean
report_list_status (SmListStatus status, const char *owner_kind,
                    int32_t owner, const char *target_kind, int32_t target,
                    const char *list_name, int32_t n_targets, GError **error)
{
  switch (status)
    {
    case SM_LIST_OK:
      return TRUE;
    case SM_LIST_ALREADY_SET:
      g_set_error (error, SM_ERROR, SM_ERROR_DUPLICATE,
                   "The %s of %s %d is given twice; give it once.",
                   list_name, owner_kind, owner);
      break;
    case SM_LIST_TARGET_OUT_OF_RANGE:
      g_set_error (error, SM_ERROR, SM_ERROR_INDEX_OUT_OF_RANGE,
                   "The %s of %s %d names %s %d, but %ss are numbered "
                   "0 to %d.", list_name, owner_kind, owner, target_kind,
                   target, target_kind, n_targets - 1);
      break;
    case SM_LIST_TARGET_TWICE:
      g_set_error (error, SM_ERROR, SM_ERROR_DUPLICATE,
                   "The %s of %s %d names %s %d twice.",
                   list_name, owner_kind, owner, target_kind, target);
      break;
    case SM_LIST_TOO_MANY_ENTRIES:
      g_set_error (error, SM_ERROR, SM_ERROR_TOO_LARGE,
                   "Adding the %s of %s %d makes more than %d list entries, "
                   "the most that 32-bit indices allow.",
                   list_name, owner_kind, owner, INT32_MAX);
      break;
    case SM_LIST_NO_MEMORY:
      set_no_memory (error, "storing a list");
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
  if (n <= (size_t) INT32_MAX
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
                                   const int32_t *positions,
                                   size_t n_positions, GError **error)
{
  g_return_val_if_fail (builder != NULL && !builder->spent, FALSE);
  return append_list (builder, &builder->employees, employee, positions, n_positions,
                      "employee", "position", "preference list", error);
}

gboolean
sm_market_builder_set_priorities (SmMarketBuilder *builder, int32_t position,
                                  const int32_t *employees,
                                  size_t n_employees, GError **error)
{
  g_return_val_if_fail (builder != NULL && !builder->spent, FALSE);
  return append_list (builder, &builder->positions, position, employees, n_employees,
                      "position", "employee", "priority order", error);
}

/* ---- freezing ---------------------------------------------------------- */

/* The applicants of every position: for position j, the employee-edge
 * slots that name j, in ascending slot order. */
typedef struct {
  int32_t *off;     /* m + 1 */
  int32_t *slots;   /* entries */
} Transpose;

static gboolean
transpose_new (const SmMarket *mk, Transpose *t)
{
  int32_t n_entries = mk->emp_off[mk->n_employees];
  t->off = g_try_new0 (int32_t, (size_t) mk->n_positions + 1);
  t->slots = g_try_new (int32_t, MAX ((size_t) n_entries, (size_t) 1));
  if (t->off == NULL || t->slots == NULL)
    return FALSE;
  for (int32_t s = 0; s < n_entries; s++)
    t->off[mk->emp_edges[s].target + 1]++;
  for (int32_t j = 0; j < mk->n_positions; j++)
    t->off[j + 1] += t->off[j];
  /* off[j] serves as the write cursor, then is shifted back. */
  for (int32_t s = 0; s < n_entries; s++)
    t->slots[t->off[mk->emp_edges[s].target]++] = s;
  for (int32_t j = mk->n_positions; j > 0; j--)
    t->off[j] = t->off[j - 1];
  t->off[0] = 0;
  return TRUE;
}

static void
transpose_clear (Transpose *t)
{
  g_clear_pointer (&t->off, g_free);
  g_clear_pointer (&t->slots, g_free);
}

/* Whether the employee's list names the position; only read targets, which
 * stay intact while ranks are being filled. */
static gboolean
employee_lists (const SmMarket *mk, int32_t employee, int32_t position)
{
  for (int32_t s = mk->emp_off[employee]; s < mk->emp_off[employee + 1]; s++)
    if (mk->emp_edges[s].target == position)
      return TRUE;
  return FALSE;
}

/* Explains why position j's priority order is not its set of applicants.
 * rank_of[i] is i's place in that order, or -1. */
static void
report_mismatch (const SmMarket *mk, const Transpose *t, const int32_t *rank_of,
                 int32_t j, GError **error)
{
  for (int32_t k = t->off[j]; k < t->off[j + 1]; k++)
    {
      int32_t i = mk->emp_edges[t->slots[k]].rank;  /* still the owner */
      if (rank_of[i] < 0)
        {
          g_set_error (error, SM_ERROR, SM_ERROR_PRIORITY_MISMATCH,
                       "The priority order of position %d misses employee "
                       "%d, who listed it; rank every applicant.", j, i);
          return;
        }
    }
  for (int32_t q = mk->pos_off[j]; q < mk->pos_off[j + 1]; q++)
    {
      int32_t i = mk->pos_edges[q].target;
      if (!employee_lists (mk, i, j))
        {
          g_set_error (error, SM_ERROR, SM_ERROR_PRIORITY_MISMATCH,
                       "The priority order of position %d names employee "
                       "%d, who did not list it; rank only applicants.",
                       j, i);
          return;
        }
    }
  g_assert_not_reached ();
}

/* Fills the ranks on both sides of position j's edges. */
static gboolean
rank_position (SmMarket *mk, const Transpose *t, int32_t *rank_of, int32_t j,
               GError **error)
{
  int32_t first = mk->pos_off[j];
  int32_t n_ranked = mk->pos_off[j + 1] - first;
  for (int32_t r = 0; r < n_ranked; r++)
    rank_of[mk->pos_edges[first + r].target] = r;
  gboolean ok = n_ranked == t->off[j + 1] - t->off[j];
  for (int32_t k = t->off[j]; ok && k < t->off[j + 1]; k++)
    ok = rank_of[mk->emp_edges[t->slots[k]].rank] >= 0;
  if (!ok)
    report_mismatch (mk, t, rank_of, j, error);
  for (int32_t k = t->off[j]; ok && k < t->off[j + 1]; k++)
    {
      int32_t s = t->slots[k];
      int32_t i = mk->emp_edges[s].rank;
      int32_t r = rank_of[i];
      mk->emp_edges[s].rank = r;
      mk->pos_edges[first + r].rank = s - mk->emp_off[i];
    }
  for (int32_t r = 0; r < n_ranked; r++)
    rank_of[mk->pos_edges[first + r].target] = -1;
  return ok;
}

static gboolean
fill_ranks (SmMarket *mk, int32_t *failed_position, GError **error)
{
  for (int32_t i = 0; i < mk->n_employees; i++)
    for (int32_t s = mk->emp_off[i]; s < mk->emp_off[i + 1]; s++)
      mk->emp_edges[s].rank = i;
  Transpose t = { NULL, NULL };
  int32_t *rank_of = g_try_new (int32_t, (size_t) mk->n_employees + 1);
  gboolean ok = rank_of != NULL && transpose_new (mk, &t);
  if (!ok)
    set_no_memory (error, "ranking the lists");
  else
    memset (rank_of, 0xff, ((size_t) mk->n_employees + 1) * sizeof *rank_of);
  for (int32_t j = 0; ok && j < mk->n_positions; j++)
    if (!rank_position (mk, &t, rank_of, j, error))
      {
        *failed_position = j;
        ok = FALSE;
      }
  g_free (rank_of);
  transpose_clear (&t);
  return ok;
}

static void
market_free (SmMarket *mk)
{
  g_free (mk->target);
  g_free (mk->group_of);
  g_free (mk->group_rank);
  g_free (mk->group_cap);
  g_free (mk->group_off);
  g_free (mk->group_pos);
  g_free (mk->seats);
  g_free (mk->emp_off);
  g_free (mk->emp_edges);
  g_free (mk->pos_off);
  g_free (mk->pos_edges);
  g_free (mk);
}

/* Moves the builder's lists into the market as (target, 0) edge arrays. */
static gboolean
take_lists (SmMarketBuilder *b, SmMarket *mk)
{
  int32_t *emp_pairs = NULL, *pos_pairs = NULL;
  gboolean ok = sm_list_store_take_csr (&b->employees, &mk->emp_off,
                                        &emp_pairs)
    && sm_list_store_take_csr (&b->positions, &mk->pos_off, &pos_pairs);
  /* SmEdge is two int32_t: the pair arrays are edge arrays. */
  G_STATIC_ASSERT (sizeof (SmEdge) == 2 * sizeof (int32_t));
  mk->emp_edges = (SmEdge *) emp_pairs;
  mk->pos_edges = (SmEdge *) pos_pairs;
  return ok;
}

static int32_t *
steal_ints (GArray *array)
{
  gsize len = 0;
  int32_t *data = g_array_steal (array, &len);
  return data != NULL ? data : g_new0 (int32_t, 1);
}

/* Resolves target seats and checks each group's targets against its cap.
 * Returns FALSE with *failed_position set for a bad target. */
static gboolean
check_targets (SmMarket *mk, int32_t *failed_position, GError **error)
{
  int64_t *sum = g_new0 (int64_t, (size_t) mk->n_groups + 1);
  gboolean ok = TRUE;
  for (int32_t j = 0; ok && j < mk->n_positions; j++)
    {
      if (mk->target[j] < 0)
        mk->target[j] = mk->seats[j];
      if (mk->target[j] > mk->seats[j])
        {
          g_set_error (error, SM_ERROR, SM_ERROR_INVALID_SEATS,
                       "Position %d has %d target seats but only %d seats.",
                       j, mk->target[j], mk->seats[j]);
          *failed_position = j;
          ok = FALSE;
        }
      else if (mk->group_of[j] >= 0)
        sum[mk->group_of[j]] += mk->target[j];
    }
  for (int32_t g = 0; ok && g < mk->n_groups; g++)
    if (sum[g] > mk->group_cap[g])
      {
        g_set_error (error, SM_ERROR, SM_ERROR_INFEASIBLE,
                     "The target seats of group %d add up to %" G_GINT64_FORMAT
                     ", more than its cap of %d; lower some targets so that "
                     "extra seats are handed out under the cap.",
                     g, sum[g], mk->group_cap[g]);
        ok = FALSE;
      }
  g_free (sum);
  return ok;
}

/* Moves the groups and targets from the builder into the market. */
static gboolean
take_groups (SmMarketBuilder *b, SmMarket *mk, int32_t *failed_position,
             GError **error)
{
  mk->target = g_steal_pointer (&b->target);
  mk->group_of = g_steal_pointer (&b->group_of);
  mk->n_groups = (int32_t) b->group_caps->len;
  mk->group_cap = steal_ints (b->group_caps);
  mk->group_off = steal_ints (b->group_off);
  mk->group_pos = steal_ints (b->group_pos);
  mk->group_rank = g_new0 (int32_t, (size_t) mk->n_positions + 1);
  for (int32_t g = 0; g < mk->n_groups; g++)
    for (int32_t k = mk->group_off[g]; k < mk->group_off[g + 1]; k++)
      mk->group_rank[mk->group_pos[k]] = k - mk->group_off[g];
  return check_targets (mk, failed_position, error);
}

SmMarket *
sm_market_builder__build_reporting (SmMarketBuilder *builder,
                                    int32_t *failed_position, GError **error)
{
  g_return_val_if_fail (builder != NULL && !builder->spent, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  *failed_position = -1;
  builder->spent = TRUE;
  SmMarket *mk = g_try_new0 (SmMarket, 1);
  if (mk == NULL)
    {
      set_no_memory (error, "building the market");
      return NULL;
    }
  mk->ref_count = 1;
  mk->n_employees = builder->n_employees;
  mk->n_positions = builder->n_positions;
  mk->seats = g_steal_pointer (&builder->seats);
  if (!take_groups (builder, mk, failed_position, error))
    {
      market_free (mk);
      return NULL;
    }
  if (!take_lists (builder, mk))
    {
      market_free (mk);
      set_no_memory (error, "building the market");
      return NULL;
    }
  if (!fill_ranks (mk, failed_position, error))
    {
      market_free (mk);
      return NULL;
    }
  return mk;
}

SmMarket *
sm_market_builder_build (SmMarketBuilder *builder, GError **error)
{
  int32_t failed_position;
  return sm_market_builder__build_reporting (builder, &failed_position, error);
}

/* ---- the frozen market -------------------------------------------------- */

SmMarket *
sm_market_ref (SmMarket *market)
{
  g_return_val_if_fail (market != NULL, NULL);
  g_atomic_int_inc (&market->ref_count);
  return market;
}

void
sm_market_unref (SmMarket *market)
{
  if (market != NULL && g_atomic_int_dec_and_test (&market->ref_count))
    market_free (market);
}

int32_t
sm_market_get_n_employees (const SmMarket *market)
{
  g_return_val_if_fail (market != NULL, 0);
  return market->n_employees;
}

int32_t
sm_market_get_n_positions (const SmMarket *market)
{
  g_return_val_if_fail (market != NULL, 0);
  return market->n_positions;
}

int64_t
sm_market_get_n_entries (const SmMarket *market)
{
  g_return_val_if_fail (market != NULL, 0);
  return market->emp_off[market->n_employees];
}

int32_t
sm_market_get_seats (const SmMarket *market, int32_t position)
{
  g_return_val_if_fail (market != NULL, 0);
  g_return_val_if_fail (position >= 0 && position < market->n_positions, 0);
  return market->seats[position];
}

int64_t
sm_market_get_total_seats (const SmMarket *market)
{
  g_return_val_if_fail (market != NULL, 0);
  int64_t total = 0;
  for (int32_t j = 0; j < market->n_positions; j++)
    total += market->seats[j];
  return total;
}

const SmEdge *
sm_market_get_employee_edges (const SmMarket *market, int32_t employee,
                              int32_t *n_out)
{
  g_return_val_if_fail (market != NULL && n_out != NULL, NULL);
  g_return_val_if_fail (employee >= 0 && employee < market->n_employees, NULL);
  *n_out = market->emp_off[employee + 1] - market->emp_off[employee];
  return market->emp_edges + market->emp_off[employee];
}

const SmEdge *
sm_market_get_position_edges (const SmMarket *market, int32_t position,
                              int32_t *n_out)
{
  g_return_val_if_fail (market != NULL && n_out != NULL, NULL);
  g_return_val_if_fail (position >= 0 && position < market->n_positions, NULL);
  *n_out = market->pos_off[position + 1] - market->pos_off[position];
  return market->pos_edges + market->pos_off[position];
}

int32_t
sm_market_get_target_seats (const SmMarket *market, int32_t position)
{
  g_return_val_if_fail (market != NULL, 0);
  g_return_val_if_fail (position >= 0 && position < market->n_positions, 0);
  return market->target[position];
}

int32_t
sm_market_get_n_groups (const SmMarket *market)
{
  g_return_val_if_fail (market != NULL, 0);
  return market->n_groups;
}

int32_t
sm_market_get_group_cap (const SmMarket *market, int32_t group)
{
  g_return_val_if_fail (market != NULL, 0);
  g_return_val_if_fail (group >= 0 && group < market->n_groups, 0);
  return market->group_cap[group];
}

const int32_t *
sm_market_get_group_positions (const SmMarket *market, int32_t group,
                               int32_t *n_out)
{
  g_return_val_if_fail (market != NULL && n_out != NULL, NULL);
  g_return_val_if_fail (group >= 0 && group < market->n_groups, NULL);
  *n_out = market->group_off[group + 1] - market->group_off[group];
  return market->group_pos + market->group_off[group];
}

int32_t
sm_market_get_position_group (const SmMarket *market, int32_t position)
{
  g_return_val_if_fail (market != NULL, -1);
  g_return_val_if_fail (position >= 0 && position < market->n_positions, -1);
  return market->group_of[position];
}

gboolean
sm_market__group_binds (const SmMarket *market, int32_t group)
{
  int64_t seats = 0;
  for (int32_t k = market->group_off[group]; k < market->group_off[group + 1];
       k++)
    seats += market->seats[market->group_pos[k]];
  return seats > market->group_cap[group];
}

gboolean
sm_market_caps_bind (const SmMarket *market)
{
  g_return_val_if_fail (market != NULL, FALSE);
  for (int32_t g = 0; g < market->n_groups; g++)
    if (sm_market__group_binds (market, g))
      return TRUE;
  return FALSE;
}

int32_t
sm_market_find_choice (const SmMarket *market, int32_t employee,
                       int32_t position)
{
  g_return_val_if_fail (market != NULL, -1);
  g_return_val_if_fail (employee >= 0 && employee < market->n_employees, -1);
  int32_t first = market->emp_off[employee];
  for (int32_t s = first; s < market->emp_off[employee + 1]; s++)
    if (market->emp_edges[s].target == position)
      return s - first;
  return -1;
}
