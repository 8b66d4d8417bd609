/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: freezing a market, and reading the frozen market
 * (market.h).
 *
 * The builder (market-builder.c) collects each employee's preference list
 * and each position's priority order (list-store.c) already laid out as
 * edges, so build() takes both arrays as they are (CSR, market-private.h)
 * and only writes beside every entry the rank the other side gives it
 * ("pre-ranked edges"):
 *
 *   employee edge (j, r): position j ranks this employee r-th (0 = best);
 *   position edge (i, c): employee i lists this position c-th.
 *
 * Ranking is a transpose, done in place: the rank fields are the only
 * free memory there is, and there is exactly one per entry, so they hold
 * the transpose itself while it is being made, and no array of the size
 * of the entries is allocated (each new page costs a fault, which on a
 * virtual machine costs more than the writes). In three passes:
 *
 *   1. every position edge's rank field gets its position (a sequential
 *      pass, split by positions when there are several threads);
 *   2. for a block of employees, every position edge q that names one of
 *      them is written into the next rank field of that employee's edges,
 *      so that each employee's rank fields list, in ascending q, the
 *      position edges that rank them (the scatter of a transpose; it
 *      reads all position edges and writes only inside the block);
 *   3. employee by employee, a table over positions maps each such q's
 *      position to q, and every edge of the employee looks its position
 *      up there: the rank is q's place in the position's order, and the
 *      position edge q gets the edge's place in the employee's list.
 *
 * The blocks are independent (each writes only its own employees' edges
 * and the position edges that name them), so they run on as many threads
 * as the caller allows and the market is the same for any number.
 * Invariant of pass 3: an employee's rank fields hold as many q as their
 * list has entries (checked after pass 2); then "every listed position
 * ranks the employee" is the same as "the position's order is exactly its
 * applicants", since both sets have the same size. When either check
 * fails, build falls back to the original position-by-position ranking
 * over a separate transpose, which names the first position whose order
 * is wrong and the employee concerned; only bad input pays for it.
 *
 * Cost: O(n + m + entries) time, with a cache miss or two per entry
 * (pass 2 writes to random employees, pass 3 reads random position
 * edges) and T passes over the position edges for T threads; memory
 * beyond the two edge arrays: one int32 per employee (the cursors of
 * pass 2) and one per position per thread (the table of pass 3). The
 * fallback adds one int32 per entry.
 *
 * Ties: when some priority order was given with tie classes, build()
 * moves them beside the position edges (take_ties(): one int32 per
 * entry, a strict order among tied ones getting a class per rank). The
 * edges and ranks are those of the strict orders, so the solvers see
 * the same market either way; without ties no array is made.
 */
#include "core/market-private.h"

#include <string.h>
#include <staffmatch/error.h>

/* ---- freezing ---------------------------------------------------------- */

/* ---- the reporting path: ranking position by position ------------------ */

/* The applicants of every position: for position j, the employee-edge
 * slots that name j, in ascending slot order. */
typedef struct {
  int32_t *off;   /* m + 1 */
  int32_t *slots; /* entries */
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
      int32_t i = mk->emp_edges[t->slots[k]].rank; /* still the owner */
      if (rank_of[i] < 0)
        {
          g_set_error (error, SM_ERROR, SM_ERROR_PRIORITY_MISMATCH,
                       "The priority order of position %d misses employee "
                       "%d, who listed it; rank every applicant.",
                       j, i);
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

/* The slow path, kept for its messages: ranks position by position and
 * names the first position whose order is not its applicants. */
static gboolean
fill_ranks_reporting (SmMarket *mk, int32_t *failed_position, GError **error)
{
  for (int32_t i = 0; i < mk->n_employees; i++)
    for (int32_t s = mk->emp_off[i]; s < mk->emp_off[i + 1]; s++)
      mk->emp_edges[s].rank = i;
  Transpose t = { NULL, NULL };
  int32_t *rank_of = g_try_new (int32_t, (size_t) mk->n_employees + 1);
  gboolean ok = rank_of != NULL && transpose_new (mk, &t);
  if (!ok)
    sm_market__set_no_memory (error, "ranking the lists");
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

/* ---- ranking by employee blocks ------------------------------------------ */

/* How far ahead the passes prefetch, in entries (see scatter_block() and
 * join_block()). */
#define SCATTER_PREFETCH_FAR 32
#define SCATTER_PREFETCH_NEAR 12
#define JOIN_PREFETCH 48

/* One worker's share of the ranking: the employees lo .. hi-1, whose edges
 * are emp_edges[emp_off[lo] .. emp_off[hi]). */
typedef struct {
  SmMarket *mk;
  int32_t lo, hi;
  int32_t pos_lo, pos_hi; /* the positions it marks in pass 0 */
  int32_t *cursor;        /* n + 1, shared: each worker uses its own range */
  int32_t *where;         /* m + 1, the worker's own, all -1 between calls */
  gboolean ok;            /* the lists agree on these employees */
} RankBlock;

/* @yes when @ours, else @no, computed with a mask: compilers turn a plain
 * conditional into a branch, and a branch that is a coin toss also stops
 * the processor from overlapping the cache misses around it. */
static inline void *
pick (gboolean ours, void *yes, void *no)
{
  uintptr_t mask = (uintptr_t) 0 - (uintptr_t) (ours != 0);
  return (void *) (((uintptr_t) yes & mask) | ((uintptr_t) no & ~mask));
}

/* Pass 1: every position entry naming one of the block's employees goes
 * to the next free rank field of that employee's edges (the bucket of
 * the employee), as the entry's slot q. Positions are read in order, so a
 * bucket lists its q in ascending order. Writes stay inside the block's
 * own edges even when the lists disagree. Returns whether every bucket is
 * exactly as long as the employee's list. */
static gboolean
scatter_block (RankBlock *w)
{
  SmMarket *mk = w->mk;
  const int32_t lo = w->lo, hi = w->hi, end = mk->emp_off[hi];
  const int32_t n_pos_entries = mk->pos_off[mk->n_positions];
  const SmEdge *pos = mk->pos_edges;
  const uint32_t span = (uint32_t) (hi - lo);
  int32_t *cursor = w->cursor;
  /* Entries of other blocks go to a spare cursor and a spare edge instead
   * of being skipped: with several blocks, whether an entry is ours is a
   * coin toss that a branch would mispredict half the time. */
  int32_t spare_cursor[1] = { 0 };
  SmEdge spare_edge[1];
  memcpy (cursor + lo, mk->emp_off + lo, (size_t) (hi - lo) * sizeof *cursor);
  for (int32_t q = 0; q < n_pos_entries; q++)
    {
      /* Two cache misses per entry (the cursor, then the edge it points
       * at): prefetch the cursor of an entry further on and the edge of a
       * nearer one, whose cursor has arrived by now. Other blocks' entries
       * prefetch the spares, again without a branch (and never another
       * block's edges, which would pull lines away from the thread that
       * is writing them). */
      if (q + SCATTER_PREFETCH_FAR < n_pos_entries)
        {
          int32_t far = pos[q + SCATTER_PREFETCH_FAR].target;
          int32_t near = pos[q + SCATTER_PREFETCH_NEAR].target;
          gboolean far_ours = (uint32_t) (far - lo) < span;
          gboolean near_ours = (uint32_t) (near - lo) < span;
          __builtin_prefetch (pick (far_ours, cursor + far, spare_cursor), 1);
          int32_t ahead = *(int32_t *) pick (near_ours, cursor + near,
                                             spare_cursor);
          __builtin_prefetch (pick (near_ours, mk->emp_edges + MIN (ahead, end),
                                    spare_edge),
                              1);
        }
      int32_t i = pos[q].target;
      gboolean ours = (uint32_t) (i - lo) < span;
      int32_t *c = pick (ours, cursor + i, spare_cursor);
      int32_t k = (*c)++;
      if (G_UNLIKELY (ours & (k >= end)))
        return FALSE;
      SmEdge *e = pick (ours, mk->emp_edges + MIN (k, end), spare_edge);
      e->rank = q;
    }
  for (int32_t i = lo; i < hi; i++)
    if (cursor[i] != mk->emp_off[i + 1])
      return FALSE;
  return TRUE;
}

/* Pass 2 for employee i: the bucket names, by slot q, the position
 * entries that rank i; pos_edges[q].rank holds q's position (see
 * mark_block()). where[] maps each such position to its q, then
 * every edge of i finds the rank there, and the position edge gets i's
 * choice index. Returns FALSE when a position i listed does not rank i:
 * with buckets as long as the lists, that is the only way to disagree. */
static gboolean
join_employee (SmMarket *mk, int32_t *where, int32_t i)
{
  const int32_t first = mk->emp_off[i], end = mk->emp_off[i + 1];
  SmEdge *edges = mk->emp_edges;
  for (int32_t s = first; s < end; s++)
    {
      int32_t q = edges[s].rank;
      where[mk->pos_edges[q].rank] = q;
    }
  for (int32_t s = first; s < end; s++)
    {
      int32_t j = edges[s].target, q = where[j];
      if (q < 0)
        return FALSE;
      where[j] = -1;
      edges[s].rank = q - mk->pos_off[j];
      mk->pos_edges[q].rank = s - first;
    }
  return TRUE;
}

/* Pass 2 for the block. The position edges that the next employees will
 * read are prefetched a few dozen entries ahead: their q already sit in
 * the rank fields, and each is a cache miss of its own. */
static gboolean
join_block (RankBlock *w)
{
  SmMarket *mk = w->mk;
  const int32_t end = mk->emp_off[w->hi];
  int32_t ahead = mk->emp_off[w->lo];
  for (int32_t i = w->lo; i < w->hi; i++)
    {
      int32_t goal = MIN (mk->emp_off[i + 1] + JOIN_PREFETCH, end);
      for (; ahead < goal; ahead++)
        __builtin_prefetch (&mk->pos_edges[mk->emp_edges[ahead].rank], 1);
      if (!join_employee (mk, w->where, i))
        return FALSE;
    }
  return TRUE;
}

static void
scatter_run (RankBlock *w)
{
  w->ok = scatter_block (w);
}

static gpointer
scatter_thread (gpointer data)
{
  scatter_run (data);
  return NULL;
}

static void
join_run (RankBlock *w)
{
  w->ok = join_block (w);
}

static gpointer
join_thread (gpointer data)
{
  join_run (data);
  return NULL;
}

/* Pass 0 for the positions lo .. hi-1 of the block (a block splits the
 * positions as well as the employees): writes each position edge's
 * position into its rank field, the lookup that join_employee() needs. */
static void
mark_block (RankBlock *w)
{
  SmMarket *mk = w->mk;
  for (int32_t j = w->pos_lo; j < w->pos_hi; j++)
    for (int32_t q = mk->pos_off[j]; q < mk->pos_off[j + 1]; q++)
      mk->pos_edges[q].rank = j;
  w->ok = TRUE;
}

static gpointer
mark_block_thread (gpointer data)
{
  mark_block (data);
  return NULL;
}

/* The first index from which @off (ascending, @count + 1 long) reaches
 * @goal, searching from @from. */
static int32_t
split_at (const int32_t *off, int32_t count, int32_t from, int64_t goal)
{
  while (from < count && off[from] < goal)
    from++;
  return from;
}

/* Splits the employees, and the positions, into @n_blocks ranges of
 * about equal entries. */
static void
split_blocks (const SmMarket *mk, RankBlock *blocks, int n_blocks)
{
  int64_t total = mk->emp_off[mk->n_employees];
  int32_t lo = 0, pos_lo = 0;
  for (int b = 0; b < n_blocks; b++)
    {
      int64_t goal = total * (b + 1) / n_blocks;
      gboolean last = b == n_blocks - 1;
      blocks[b].lo = lo;
      blocks[b].hi = last ? mk->n_employees
                          : split_at (mk->emp_off, mk->n_employees, lo, goal);
      blocks[b].pos_lo = pos_lo;
      blocks[b].pos_hi = last ? mk->n_positions
                              : split_at (mk->pos_off, mk->n_positions, pos_lo,
                                          goal);
      lo = blocks[b].hi;
      pos_lo = blocks[b].pos_hi;
    }
}

/* Runs @func on every block, the first on the calling thread; a block
 * whose thread cannot start runs here too. Returns whether all agreed. */
static gboolean
run_blocks (RankBlock *blocks, int n_blocks, void (*func) (RankBlock *),
            GThreadFunc thread_func)
{
  GThread *threads[SM_MAX_BUILD_THREADS] = { NULL };
  for (int b = 1; b < n_blocks; b++)
    threads[b] = g_thread_try_new ("sm-rank", thread_func, &blocks[b], NULL);
  func (&blocks[0]);
  gboolean ok = blocks[0].ok;
  for (int b = 1; b < n_blocks; b++)
    {
      if (threads[b] != NULL)
        g_thread_join (threads[b]);
      else
        func (&blocks[b]);
      ok = ok && blocks[b].ok;
    }
  return ok;
}

/* How many threads pay off: each must have enough entries to repay its
 * start and its pass over the position entries. */
static int
useful_threads (const SmMarket *mk, int wanted)
{
  int64_t entries = mk->emp_off[mk->n_employees];
  int64_t most = entries / SM_MIN_ENTRIES_PER_THREAD;
  return (int) CLAMP (most, 1, MAX (wanted, 1));
}

static gboolean
fill_ranks (SmMarket *mk, int n_threads, int32_t *failed_position,
            GError **error)
{
  if (mk->emp_off[mk->n_employees] != mk->pos_off[mk->n_positions])
    return fill_ranks_reporting (mk, failed_position, error);
  RankBlock blocks[SM_MAX_BUILD_THREADS];
  int n_blocks = useful_threads (mk, n_threads);
  size_t cursor_bytes = ((size_t) mk->n_employees + 1) * sizeof (int32_t);
  size_t where_bytes = ((size_t) mk->n_positions + 1) * sizeof (int32_t);
  int32_t *cursor = sm_big__alloc (cursor_bytes);
  gboolean ok = cursor != NULL;
  for (int b = 0; b < n_blocks; b++)
    {
      blocks[b] = (RankBlock){ mk, 0, 0, 0, 0, cursor, NULL, FALSE };
      blocks[b].where = sm_big__alloc (where_bytes);
      ok = ok && blocks[b].where != NULL;
      if (blocks[b].where != NULL)
        memset (blocks[b].where, 0xff, where_bytes);
    }
  if (ok)
    {
      split_blocks (mk, blocks, n_blocks);
      /* One pass at a time on all threads: a scatter reads the position
       * edges that a join writes, and sharing those lines between cores
       * while both run cost more than the second thread gained. */
      run_blocks (blocks, n_blocks, mark_block, mark_block_thread);
      ok = run_blocks (blocks, n_blocks, scatter_run, scatter_thread)
           && run_blocks (blocks, n_blocks, join_run, join_thread);
    }
  gboolean out_of_memory = cursor == NULL;
  for (int b = 0; b < n_blocks; b++)
    {
      out_of_memory = out_of_memory || blocks[b].where == NULL;
      sm_big__free (blocks[b].where, where_bytes);
    }
  sm_big__free (cursor, cursor_bytes);
  if (out_of_memory)
    {
      sm_market__set_no_memory (error, "ranking the lists");
      return FALSE;
    }
  return ok || fill_ranks_reporting (mk, failed_position, error);
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
  sm_big__free (mk->emp_edges, mk->emp_edges_bytes);
  g_free (mk->pos_off);
  sm_big__free (mk->pos_edges, mk->pos_edges_bytes);
  g_free (mk->tie_class);
  g_free (mk);
}

/* Moves the builder's lists into the market as (target, 0) edge arrays. */
static gboolean
take_lists (SmMarketBuilder *b, SmMarket *mk)
{
  int32_t *emp_pairs = NULL, *pos_pairs = NULL;
  gboolean ok = sm_list_store_take_csr (&b->employees, &mk->emp_off, &emp_pairs,
                                        &mk->emp_edges_bytes)
                && sm_list_store_take_csr (&b->positions, &mk->pos_off,
                                           &pos_pairs, &mk->pos_edges_bytes);
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
  g_autofree int64_t *sum = g_new0 (int64_t, (size_t) mk->n_groups + 1);
  gboolean ok = TRUE;
  for (int32_t j = 0; ok && j < mk->n_positions; j++)
    {
      if (mk->target[j] < 0)
        mk->target[j] = mk->seats[j];
      if (mk->target[j] > mk->seats[j])
        {
          g_set_error (error, SM_ERROR, SM_ERROR_INVALID_SEATS,
                       "Position %d has %d target seats but only %d seats.", j,
                       mk->target[j], mk->seats[j]);
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
  mk->group_rank = g_try_new0 (int32_t, (size_t) mk->n_positions + 1);
  if (mk->group_rank == NULL)
    {
      sm_market__set_no_memory (error, "building the market");
      return FALSE;
    }
  for (int32_t g = 0; g < mk->n_groups; g++)
    for (int32_t k = mk->group_off[g]; k < mk->group_off[g + 1]; k++)
      mk->group_rank[mk->group_pos[k]] = k - mk->group_off[g];
  return check_targets (mk, failed_position, error);
}

/* Moves the tie classes of the tied orders into the market, beside the
 * position edges; strict orders among them get a class per rank. A
 * builder without ties leaves the market without (tie_class NULL). */
static gboolean
take_ties (SmMarketBuilder *b, SmMarket *mk, GError **error)
{
  if (b->tie_start == NULL || b->tie_classes->len == 0)
    return TRUE;
  size_t entries = (size_t) mk->pos_off[mk->n_positions];
  mk->tie_class = g_try_new (int32_t, MAX (entries, (size_t) 1));
  if (mk->tie_class == NULL)
    {
      sm_market__set_no_memory (error, "storing tie classes");
      return FALSE;
    }
  const int32_t *kept = (const int32_t *) (void *) b->tie_classes->data;
  for (int32_t j = 0; j < mk->n_positions; j++)
    {
      int32_t first = mk->pos_off[j], len = mk->pos_off[j + 1] - first;
      for (int32_t r = 0; r < len; r++)
        mk->tie_class[first + r] = b->tie_start[j] >= 0
                                       ? kept[b->tie_start[j] + r]
                                       : r;
    }
  g_clear_pointer (&b->tie_start, g_free);
  g_clear_pointer (&b->tie_classes, g_array_unref);
  return TRUE;
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
      sm_market__set_no_memory (error, "building the market");
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
      sm_market__set_no_memory (error, "building the market");
      return NULL;
    }
  if (!fill_ranks (mk, builder->n_threads, failed_position, error)
      || !take_ties (builder, mk, error))
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
sm_market_ref (const SmMarket *market)
{
  g_return_val_if_fail (market != NULL, NULL);
  /* The count is the only part changed; a const market stays as it was. */
  SmMarket *self = (SmMarket *) market;
  g_atomic_int_inc (&self->ref_count);
  return self;
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

gboolean
sm_market_has_ties (const SmMarket *market)
{
  g_return_val_if_fail (market != NULL, FALSE);
  return market->tie_class != NULL;
}

int32_t
sm_market_get_tie_class (const SmMarket *market, int32_t position, int32_t rank)
{
  g_return_val_if_fail (market != NULL, -1);
  g_return_val_if_fail (position >= 0 && position < market->n_positions, -1);
  int32_t first = market->pos_off[position];
  g_return_val_if_fail (rank >= 0
                            && rank < market->pos_off[position + 1] - first,
                        -1);
  return market->tie_class != NULL ? market->tie_class[first + rank] : rank;
}

int32_t
sm_market_get_n_tie_classes (const SmMarket *market, int32_t position)
{
  g_return_val_if_fail (market != NULL, 0);
  g_return_val_if_fail (position >= 0 && position < market->n_positions, 0);
  int32_t first = market->pos_off[position];
  int32_t len = market->pos_off[position + 1] - first;
  if (len == 0 || market->tie_class == NULL)
    return len;
  return market->tie_class[first + len - 1] + 1;
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
sm_market__next_extra_before (const SmMarket *market, int32_t j,
                              int32_t count_j, int32_t h, int32_t count_h)
{
  int32_t next_j = count_j - market->target[j] + 1;
  int32_t last_h = count_h - market->target[h];
  if (next_j != last_h)
    return next_j < last_h;
  return market->group_rank[j] < market->group_rank[h];
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
