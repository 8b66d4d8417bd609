/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: ranking a market's lists against each other
 * (sm_market__fill_ranks(), market-private.h).
 *
 * The builder hands over both sides' lists as edge arrays whose rank
 * fields are still empty. Ranking writes beside every entry the rank the
 * other side gives it ("pre-ranked edges"):
 *
 *   employee edge (j, r): position j ranks this employee r-th (0 = best);
 *   position edge (i, c): employee i lists this position c-th.
 *
 * It is a transpose: for every position entry q = (j, i), find the entry
 * s of i's list that names j, and write each one's index into the other.
 * The rank fields are the only free memory there is, one per entry on
 * each side, so they hold the transpose itself while it is being made,
 * and no array of the size of the entries is allocated (each new page
 * costs a fault, which on a virtual machine costs more than the writes).
 * In three passes:
 *
 *   1. every position entry q is written into the next rank field of its
 *      employee's edges, so that each employee's rank fields list, in
 *      ascending q, the position entries that rank them (the scatter of
 *      a counting-sort transpose, whose counts are the list lengths the
 *      offsets already hold). With two threads, one fills the buckets
 *      from the front with the first half of the entries while the other
 *      fills them from the back with the second half, read backwards: the
 *      halves meet where the first one's entries end, without a count
 *      taken beforehand, and each bucket is still ascending.
 *      From half a million employees on, their cursors no longer fit in
 *      the cache and every step waits on a cursor's miss, so the scatter
 *      goes in two steps (a radix partition by employee): the employees
 *      are cut into at most 160 parts of 2^shift consecutive ones, and
 *      each part's entries are the slots of its employees' lists. Step
 *      one parks every q, ascending, at the next slot of its employee's
 *      part, the employee in the employee edge's rank field and q in the
 *      position edge's (both free until pass 2): a few hundred streams
 *      of writes, few enough for the cache to keep each stream's line
 *      until it is full. On two threads the ends meet in every part as
 *      above. Step two takes one part at a time (the threads take the
 *      parts in turn), copies its employees aside (the largest part's
 *      size in int32, allocated once per thread) and moves each q into
 *      its employee's bucket: a scatter within the part, which stays in
 *      the cache. The buckets come out the same, ascending;
 *   2. every position edge's rank field gets its position (sequential);
 *   3. employee by employee, a table over positions maps each q's
 *      position to q, and every edge of the employee looks its position
 *      up there: the rank is q's place in the position's order, and the
 *      position edge q gets the edge's place in the employee's list (the
 *      join). Pass 2 splits the positions over all threads; in pass 3
 *      the threads take chunks of employees (at most 256, of about equal
 *      entries) in turn until none is left, so that a thread the machine
 *      slows down for a while takes fewer instead of holding up the
 *      others (see take_turn()). Writing the positions into the edges
 *      (pass 2) costs a sequential pass, a twentieth of the join; packing
 *      a position and a rank into each bucket value instead, which the
 *      join can decode, made the join look up each position's first
 *      entry once more, and the build came out a quarter slower at a
 *      million.
 *
 * A dense market (lists that cover four fifths or more of all
 * employee-position pairs, and fewer than 2^19 owners on either side:
 * sm_market__dense()) is ranked another way, each side
 * scattered into and walked on its own (market-rank-sides.c): there the
 * scatter above stays in the cache, and the join's read and write of a
 * position entry at random per list entry are most of the build. Both
 * ways write the same ranks.
 *
 * Invariants. Neither side's lists hold an entry twice (the list store
 * refuses it), and both sides hold as many entries (checked first). After
 * pass 1 each bucket must hold exactly as many q as the list has entries
 * (the two ends met; in two steps, each part's ends met first, so that
 * step two reads only the part's own employees); then "every listed
 * position ranks the employee", checked in pass 3, is the same as "the
 * position's order is exactly its applicants", since both sets have the
 * same size. When a check fails,
 * ranking falls back to the original position-by-position way over a
 * separate transpose, which names the first position whose order is
 * wrong and the employee concerned; only bad input pays for it, and it
 * rewrites every rank field.
 *
 * Threads write disjoint memory when the lists agree: the scatter's two
 * ends meet without overlapping, the join's chunks and the marking's
 * positions are split; an employee's join writes only its own edges and
 * the position edges that rank it, so which thread joins it does not
 * change the market. On lists that disagree two ends can run into each
 * other; those stores are relaxed atomics (plain stores on common
 * processors), so even then no two threads race. Each thread keeps its
 * running state in locals: its block shares a cache line with the
 * others', and a store per employee to it made the line bounce between
 * the cores and cost the join its second thread.
 *
 * Cost: O(n + m + entries) time: two cache misses per entry (the
 * scatter's write, the join's read of q's edge) and one sequential pass.
 * The scatter's stores need not be waited for, but its cursor loads must
 * once the cursors leave the cache; in two steps, that miss becomes a
 * streamed write and a read and write within the cache (at 10 million
 * employees, in one profile of both ways, the two steps took about half
 * the direct scatter's samples; the join is then most of the build). A
 * variant that found each entry by scanning the employee's list
 * from the position side, in one pass, waited on its loads and ran at a
 * third of the speed. Memory beyond the two edge arrays: one int32 per
 * employee (the front's cursors, in the builder's array of list starts,
 * which is in memory already), two per position per thread (the join's
 * table, which keeps each position's first entry beside its q; in the
 * front's cursors once the scatter is done, when all fit there); the back
 * end keeps its cursors in rank fields not yet in use (see
 * back_cursors()). In two steps, step two takes the largest part's size
 * in int32 per thread (on one thread only, when that would exceed an
 * int32 per entry in all). The fallback adds one int32 per entry. The
 * market is the same for any number of threads and either way of
 * scattering.
 *
 * Reference: a counting-sort transpose of a sparse matrix (CSR to CSC),
 * e.g. Gustavson, "Two fast algorithms for sparse matrices:
 * multiplication and permuted transposition", ACM TOMS 4(3), 1978; the
 * two steps are a radix partition on the most significant bits, as in the
 * partitioned joins of Manegold, Boncz and Kersten, "Optimizing main-memory
 * join on modern hardware", IEEE TKDE 14(4), 2002.
 */
#include "core/market-private.h"

#include <string.h>
#include <staffmatch/error.h>

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
  mk->ranked_slowly = TRUE;
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

/* ---- sharing the work ---------------------------------------------------- */

/* How far ahead the join prefetches the position edges, in entries. */
#define JOIN_PREFETCH 48

/* The join's employees go in chunks of about equal entries, at most this
 * many, none under JOIN_CHUNK_MIN entries (a chunk costs an atomic
 * increment and a restart of the prefetch). */
#define JOIN_MAX_CHUNKS 256
#define JOIN_CHUNK_MIN (1 << 16)

/* Pieces of work that the threads of a pass take in turn, one at a time
 * (see take_turn()): a thread that the machine slows down for a while
 * takes fewer, instead of holding up the others at the pass's end. */
typedef struct {
  gint next;   /* the next piece to take (atomic) */
  gint failed; /* a piece found lists that disagree: take no more */
} Turns;

/* The join's pieces: chunk k is the employees starts[k] .. starts[k+1]-1. */
typedef struct {
  int32_t starts[JOIN_MAX_CHUNKS + 1];
  int32_t n_chunks;
} JoinChunks;

/* The join's table entry for position j: where j's entries start, and
 * which of them ranks the employee at hand (-1 when none does). Side by
 * side, the two take one cache line per lookup instead of two. */
typedef struct {
  int32_t first;
  int32_t q;
} JoinSlot;

/* One worker's share: the positions pos_lo .. pos_hi-1 (the marking),
 * about an equal part of the entries; for the scatter, the position
 * entries q_lo .. q_hi-1 and the cursors of the end of the buckets it
 * fills: front, or back for the back end; for step two of the scatter in
 * parts and for the join, the pieces it takes in turn with the others. */
typedef struct {
  SmMarket *mk;
  int32_t pos_lo, pos_hi;
  int32_t q_lo, q_hi;
  int32_t *front;     /* n + 1, shared: the next free slot from the front */
  SmEdge *back;       /* n, or NULL: back[i].rank, the last slot filled from
                         the back (see scatter()) */
  JoinSlot *where;    /* m, the worker's own, set by join_block() */
  JoinChunks *chunks; /* the join's, shared by all workers */
  Turns *turns;       /* the pass's pieces, shared by all workers */
  /* The scatter in parts (see scatter_in_parts()): the employees' part is
   * i >> shift; in the second step, each part is a piece. */
  int shift;
  int32_t n_parts;
  int32_t *part_cursor; /* n_parts, the worker's own, first step */
  int32_t *held;        /* the largest part's entries, second step */
  gboolean from_back;   /* the first step fills the parts from their end */
  gboolean ok;          /* the lists agree on this share */
} RankBlock;

/* The first index from which @off (ascending, @count + 1 long) reaches
 * @goal, searching from @from. */
static int32_t
split_at (const int32_t *off, int32_t count, int32_t from, int64_t goal)
{
  while (from < count && off[from] < goal)
    from++;
  return from;
}

/* Splits the positions into @n_blocks ranges of about equal entries. */
static void
split_blocks (const SmMarket *mk, RankBlock *blocks, int n_blocks)
{
  int64_t total = mk->emp_off[mk->n_employees];
  int32_t pos_lo = 0;
  for (int b = 0; b < n_blocks; b++)
    {
      int64_t goal = total * (b + 1) / n_blocks;
      blocks[b].pos_lo = pos_lo;
      blocks[b].pos_hi = b == n_blocks - 1
                             ? mk->n_positions
                             : split_at (mk->pos_off, mk->n_positions, pos_lo,
                                         goal);
      pos_lo = blocks[b].pos_hi;
    }
}

/* Gives the blocks @turns, set to take its first piece. */
static void
share_turns (RankBlock *blocks, int n_blocks, Turns *turns)
{
  *turns = (Turns){ 0, FALSE };
  for (int b = 0; b < n_blocks; b++)
    blocks[b].turns = turns;
}

/* The next of @n pieces for the calling thread, or -1 when none is left
 * or a piece failed. */
static int32_t
take_turn (Turns *turns, int32_t n)
{
  if (g_atomic_int_get (&turns->failed))
    return -1;
  int32_t k = g_atomic_int_add (&turns->next, 1);
  return k < n ? k : -1;
}

/* Records that a piece found lists that disagree: nobody takes another. */
static void
fail_turns (Turns *turns)
{
  g_atomic_int_set (&turns->failed, TRUE);
}

typedef void (*RankFunc) (RankBlock *w);

typedef struct {
  RankFunc func;
  RankBlock *block;
} RankJob;

static gpointer
rank_thread (gpointer data)
{
  RankJob *job = data;
  job->func (job->block);
  return NULL;
}

/* Runs @func on every block, the first on the calling thread; a block
 * whose thread cannot start runs here too. Returns whether all agreed. */
static gboolean
run_blocks (RankBlock *blocks, int n_blocks, RankFunc func)
{
  GThread *threads[SM_MAX_BUILD_THREADS] = { NULL };
  RankJob jobs[SM_MAX_BUILD_THREADS];
  for (int b = 1; b < n_blocks; b++)
    {
      jobs[b] = (RankJob){ func, &blocks[b] };
      threads[b] = g_thread_try_new ("sm-rank", rank_thread, &jobs[b], NULL);
    }
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
 * start. */
static int
useful_threads (const SmMarket *mk, int wanted)
{
  int64_t entries = mk->emp_off[mk->n_employees];
  int64_t most = entries / SM_MIN_ENTRIES_PER_THREAD;
  return (int) CLAMP (most, 1, MAX (wanted, 1));
}

/* ---- the passes: scatter, mark, join ---------------------------------- */

/* Pass 2 for the positions of the block: writes each position edge's
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

/* Pass 1 from the front: the entries q_lo .. q_hi-1, ascending, each to
 * the next free slot of its employee's bucket. Writes never leave the
 * edge array; whether the buckets came out right is checked after. */
static void
scatter_front (RankBlock *w)
{
  const int32_t end = w->mk->emp_off[w->mk->n_employees];
  const SmEdge *pos = w->mk->pos_edges;
  SmEdge *emp = w->mk->emp_edges;
  int32_t *front = w->front;
  /* Here, not before the threads start: the back end sets its own
   * cursors meanwhile. */
  memcpy (front, w->mk->emp_off, (size_t) w->mk->n_employees * sizeof *front);
  gboolean ok = TRUE;
  for (int32_t q = w->q_lo; ok && q < w->q_hi; q++)
    {
      int32_t i = pos[q].target, k = front[i];
      ok = k < end;
      if (G_LIKELY (ok))
        {
          front[i] = k + 1; /* never past the end of int32 */
          __atomic_store_n (&emp[k].rank, q, __ATOMIC_RELAXED);
        }
    }
  w->ok = ok;
}

/* Pass 1 from the back: the entries q_hi-1 down to q_lo, each to the slot
 * before the last one filled, so that every bucket still ends ascending.
 * The cursors start at the list ends. */
static void
scatter_back (RankBlock *w)
{
  const SmEdge *pos = w->mk->pos_edges;
  SmEdge *emp = w->mk->emp_edges;
  SmEdge *back = w->back;
  for (int32_t i = 0; i < w->mk->n_employees; i++)
    back[i].rank = w->mk->emp_off[i + 1];
  gboolean ok = TRUE;
  for (int32_t q = w->q_hi - 1; ok && q >= w->q_lo; q--)
    {
      int32_t k = --back[pos[q].target].rank;
      ok = k >= 0;
      if (G_LIKELY (ok))
        __atomic_store_n (&emp[k].rank, q, __ATOMIC_RELAXED);
    }
  w->ok = ok;
}

static void
scatter_block (RankBlock *w)
{
  if (w->back != NULL)
    scatter_back (w);
  else
    scatter_front (w);
}

/* Whether both ends of every bucket met exactly (with no back end, the
 * front reached the list ends): then each bucket holds as many q as its
 * employee's list has entries. */
static gboolean
buckets_full (const SmMarket *mk, const int32_t *front, const SmEdge *back)
{
  for (int32_t i = 0; i < mk->n_employees; i++)
    if (front[i] != (back != NULL ? back[i].rank : mk->emp_off[i + 1]))
      return FALSE;
  return TRUE;
}

/* Pass 3 for employee i: the bucket names, by slot q, the position
 * entries that rank i; pos_edges[q].rank holds q's position (see
 * mark_block()). where[] maps each such position to its q, then
 * every edge of i finds the rank there, and the position edge gets i's
 * choice index. Returns FALSE when a position i listed does not rank i:
 * with buckets as long as the lists, that is the only way to disagree. */
static gboolean
join_employee (SmMarket *mk, JoinSlot *where, int32_t i)
{
  const int32_t first = mk->emp_off[i], end = mk->emp_off[i + 1];
  SmEdge *edges = mk->emp_edges;
  for (int32_t s = first; s < end; s++)
    {
      int32_t q = edges[s].rank;
      where[mk->pos_edges[q].rank].q = q;
    }
  for (int32_t s = first; s < end; s++)
    {
      JoinSlot *slot = &where[edges[s].target];
      int32_t q = slot->q;
      if (q < 0)
        return FALSE;
      slot->q = -1;
      edges[s].rank = q - slot->first;
      mk->pos_edges[q].rank = s - first;
    }
  return TRUE;
}

/* Cuts the employees into chunks of about equal entries for the join. */
static void
split_chunks (const SmMarket *mk, int n_blocks, JoinChunks *chunks)
{
  int64_t total = mk->emp_off[mk->n_employees];
  int64_t most = n_blocks > 1 ? total / JOIN_CHUNK_MIN : 1;
  int32_t n = (int32_t) CLAMP (most, 1, JOIN_MAX_CHUNKS), lo = 0;
  chunks->n_chunks = n;
  chunks->starts[0] = 0;
  for (int32_t k = 1; k < n; k++)
    {
      lo = split_at (mk->emp_off, mk->n_employees, lo, total * k / n);
      chunks->starts[k] = lo;
    }
  chunks->starts[n] = mk->n_employees;
}

/* Pass 3 for the employees lo .. hi-1. The position edges that the next
 * employees will read are prefetched a few dozen entries ahead: their q
 * already sit in the rank fields, and each is a cache miss of its own. */
static gboolean
join_range (SmMarket *mk, JoinSlot *where, int32_t lo, int32_t hi)
{
  const int32_t end = mk->emp_off[hi];
  int32_t ahead = mk->emp_off[lo];
  gboolean ok = TRUE;
  for (int32_t i = lo; ok && i < hi; i++)
    {
      int32_t goal = MIN (mk->emp_off[i + 1] + JOIN_PREFETCH, end);
      for (; ahead < goal; ahead++)
        __builtin_prefetch (&mk->pos_edges[mk->emp_edges[ahead].rank], 1);
      ok = join_employee (mk, where, i);
    }
  return ok;
}

/* Pass 3 on one worker: it takes chunks of employees in turn until none
 * is left, so that a worker the machine slows down takes fewer; which
 * worker joins which employee does not change what is written. */
static void
join_block (RankBlock *w)
{
  SmMarket *mk = w->mk;
  const JoinChunks *chunks = w->chunks;
  /* Set here, on the block's own thread, rather than before the threads
   * start. */
  for (int32_t j = 0; j < mk->n_positions; j++)
    w->where[j] = (JoinSlot){ mk->pos_off[j], -1 };
  gboolean ok = TRUE;
  for (int32_t k; ok && (k = take_turn (w->turns, chunks->n_chunks)) >= 0;)
    ok = join_range (mk, w->where, chunks->starts[k], chunks->starts[k + 1]);
  if (!ok)
    fail_turns (w->turns);
  w->ok = ok;
}

/* Where the back end keeps its cursors: in the rank fields of the last n
 * position edges, which the scatter does not need (the marking comes
 * after it), which only the back end reads (they lie in its half), and
 * whose pages are in memory already; a new array would cost a page
 * fault per 1,000 employees, a tenth of a two-thread build at a million.
 * Only when that half has fewer entries than there are employees is an
 * array made; NULL when memory ran out. */
static SmEdge *
back_cursors (SmMarket *mk, int32_t back_entries, SmEdge **made)
{
  const int32_t n = mk->n_employees, total = mk->pos_off[mk->n_positions];
  *made = NULL;
  if (back_entries >= n)
    return mk->pos_edges + (total - n);
  *made = sm_big__alloc ((size_t) n * sizeof (SmEdge));
  return *made;
}

/* Pass 1 on at most two threads, one at each end of the buckets; with
 * one, the front takes all entries. Returns whether the buckets came out
 * full; FALSE with *out_of_memory set when memory ran out. */
static gboolean
scatter (SmMarket *mk, RankBlock *blocks, int n_blocks, int32_t *front,
         gboolean *out_of_memory)
{
  const int32_t n = mk->n_employees, total = mk->pos_off[mk->n_positions];
  const int32_t half = n_blocks > 1 ? total / 2 : total;
  SmEdge *made = NULL;
  SmEdge *back = half < total ? back_cursors (mk, total - half, &made) : NULL;
  *out_of_memory = half < total && back == NULL;
  if (*out_of_memory)
    return FALSE;
  blocks[0].q_lo = 0;
  blocks[0].q_hi = half;
  blocks[0].front = front;
  if (back != NULL)
    {
      blocks[1].q_lo = half;
      blocks[1].q_hi = total;
      blocks[1].back = back;
    }
  gboolean ok = run_blocks (blocks, back != NULL ? 2 : 1, scatter_block)
                && buckets_full (mk, front, back);
  sm_big__free (made, (size_t) n * sizeof (SmEdge));
  return ok;
}

/* ---- pass 1 in two steps, for many employees ------------------------- */

/* The scatter in parts pays once the employees' cursors (4 bytes each)
 * outgrow the caches: from 2 MiB of them on. A dense market below it is
 * ranked side by side (SM_DENSE_MAX_OWNERS). */
#define PARTS_MIN_EMPLOYEES SM_DENSE_MAX_OWNERS

/* The most parts of the first step: each keeps one cache line being
 * written in each edge array, and all of them must stay in the cache
 * between two writes to a line; fewer parts make larger ones, whose
 * second step then leaves the cache. */
#define PARTS_MOST 160

/* How many parts of 2^shift consecutive employees there are (1 or more
 * employees). */
static int32_t
count_parts (int32_t n_employees, int shift)
{
  return (int32_t) ((((int64_t) n_employees - 1) >> shift) + 1);
}

/* The smallest shift that cuts the employees into at most PARTS_MOST
 * parts. */
static int
parts_shift (int32_t n_employees)
{
  int shift = 0;
  while (count_parts (n_employees, shift) > PARTS_MOST)
    shift++;
  return shift;
}

/* Where part @part's entries start in the employee edges; part n_parts
 * gives the end. */
static int32_t
part_start (const SmMarket *mk, int shift, int32_t part)
{
  int64_t first_employee = (int64_t) part << shift;
  return mk->emp_off[MIN (first_employee, (int64_t) mk->n_employees)];
}

/* The most entries any part holds. */
static int32_t
largest_part (const SmMarket *mk, int shift, int32_t n_parts)
{
  int32_t largest = 0;
  for (int32_t b = 0; b < n_parts; b++)
    largest = MAX (largest,
                   part_start (mk, shift, b + 1) - part_start (mk, shift, b));
  return largest;
}

/* Parks position entry q, which ranks employee i, at slot t of i's part:
 * the employee in the employee edge's rank field, q in the position
 * edge's, both free until step two and the marking (pass 2) overwrite
 * them. Relaxed atomics for the same reason as in scatter_front(). */
static inline void
park_entry (SmMarket *mk, int32_t t, int32_t i, int32_t q)
{
  __atomic_store_n (&mk->emp_edges[t].rank, i, __ATOMIC_RELAXED);
  __atomic_store_n (&mk->pos_edges[t].rank, q, __ATOMIC_RELAXED);
}

/* Step one, from the front: the entries q_lo .. q_hi-1, ascending, each
 * parked at the next free slot of its employee's part. */
static void
part_front (RankBlock *w)
{
  SmMarket *mk = w->mk;
  const int32_t end = mk->emp_off[mk->n_employees];
  const int shift = w->shift;
  int32_t *cursor = w->part_cursor;
  for (int32_t b = 0; b < w->n_parts; b++)
    cursor[b] = part_start (mk, shift, b);
  gboolean ok = TRUE;
  for (int32_t q = w->q_lo; ok && q < w->q_hi; q++)
    {
      int32_t i = mk->pos_edges[q].target;
      int32_t t = cursor[i >> shift];
      ok = t < end;
      if (G_LIKELY (ok))
        {
          cursor[i >> shift] = t + 1; /* never past the end of int32 */
          park_entry (mk, t, i, q);
        }
    }
  w->ok = ok;
}

/* Step one, from the back: the entries q_hi-1 down to q_lo, each parked
 * before the last slot filled in its employee's part, so that every part
 * still holds its entries ascending. */
static void
part_back (RankBlock *w)
{
  SmMarket *mk = w->mk;
  const int shift = w->shift;
  int32_t *cursor = w->part_cursor;
  for (int32_t b = 0; b < w->n_parts; b++)
    cursor[b] = part_start (mk, shift, b + 1);
  gboolean ok = TRUE;
  for (int32_t q = w->q_hi - 1; ok && q >= w->q_lo; q--)
    {
      int32_t i = mk->pos_edges[q].target;
      int32_t t = --cursor[i >> shift];
      ok = t >= 0;
      if (G_LIKELY (ok))
        park_entry (mk, t, i, q);
    }
  w->ok = ok;
}

static void
part_block (RankBlock *w)
{
  if (w->from_back)
    part_back (w);
  else
    part_front (w);
}

/* Whether both ends of every part met exactly (with one end only, it
 * reached the part's end): then each part holds exactly the entries of
 * its employees, and none was parked elsewhere. */
static gboolean
parts_full (const SmMarket *mk, const RankBlock *front, const RankBlock *back)
{
  for (int32_t b = 0; b < front->n_parts; b++)
    {
      int32_t met = back != NULL ? back->part_cursor[b]
                                 : part_start (mk, front->shift, b + 1);
      if (front->part_cursor[b] != met)
        return FALSE;
    }
  return TRUE;
}

/* Step two for one part: its employees are copied aside, then each
 * parked q goes to the next slot of its employee's bucket, all within the
 * part, in order, so that every bucket is ascending. FALSE when a bucket
 * overflows (the lists disagree). */
static gboolean
spread_part (SmMarket *mk, int32_t part, int shift, int32_t *front,
             int32_t *held)
{
  const int32_t lo = (int32_t) ((int64_t) part << shift);
  const int32_t hi = (int32_t) MIN ((int64_t) lo + (1 << shift),
                                    (int64_t) mk->n_employees);
  const int32_t first = mk->emp_off[lo], end = mk->emp_off[hi];
  memcpy (front + lo, mk->emp_off + lo, (size_t) (hi - lo) * sizeof *front);
  for (int32_t t = first; t < end; t++)
    held[t - first] = mk->emp_edges[t].rank;
  for (int32_t t = first; t < end; t++)
    {
      int32_t i = held[t - first], k = front[i];
      if (k >= end)
        return FALSE;
      front[i] = k + 1;
      mk->emp_edges[k].rank = mk->pos_edges[t].rank;
    }
  return TRUE;
}

/* Step two on one worker: it takes parts in turn until none is left. */
static void
spread_block (RankBlock *w)
{
  gboolean ok = TRUE;
  for (int32_t b; ok && (b = take_turn (w->turns, w->n_parts)) >= 0;)
    ok = spread_part (w->mk, b, w->shift, w->front, w->held);
  if (!ok)
    fail_turns (w->turns);
  w->ok = ok;
}

/* Takes the first step's cursors for @n_ends blocks and the second's
 * spare room for @n_spread; FALSE when memory ran out. */
static gboolean
parts_alloc (RankBlock *blocks, int n_ends, int n_spread, int32_t largest)
{
  gboolean ok = TRUE;
  for (int b = 0; b < n_ends; b++)
    {
      blocks[b].part_cursor = g_try_new (int32_t, blocks[b].n_parts);
      ok = ok && blocks[b].part_cursor != NULL;
    }
  for (int b = 0; b < n_spread; b++)
    {
      blocks[b].held = sm_big__alloc (MAX ((size_t) largest, 1) * 4);
      ok = ok && blocks[b].held != NULL;
    }
  return ok;
}

static void
parts_free (RankBlock *blocks, int n_blocks, int32_t largest)
{
  for (int b = 0; b < n_blocks; b++)
    {
      g_clear_pointer (&blocks[b].part_cursor, g_free);
      sm_big__free (blocks[b].held, MAX ((size_t) largest, 1) * 4);
      blocks[b].held = NULL;
    }
}

/* Pass 1 in two steps (see the essay): the first on at most two threads,
 * one at each end of the parts, the second on all threads, or on one when
 * the spare room of each would exceed 4 bytes an entry. When that room
 * cannot be had, the direct scatter, which needs none, does pass 1.
 * Returns whether the buckets came out full; FALSE with *out_of_memory
 * set when memory ran out. */
static gboolean
scatter_in_parts (SmMarket *mk, RankBlock *blocks, int n_blocks, int32_t *front,
                  gboolean *out_of_memory)
{
  const int32_t total = mk->pos_off[mk->n_positions];
  if (mk->n_employees == 0)
    return scatter (mk, blocks, n_blocks, front, out_of_memory);
  const int shift = parts_shift (mk->n_employees);
  const int32_t n_parts = count_parts (mk->n_employees, shift);
  const int32_t largest = largest_part (mk, shift, n_parts);
  const int n_ends = MIN (n_blocks, 2);
  const int n_spread = (int64_t) largest * n_blocks <= total ? n_blocks : 1;
  for (int b = 0; b < n_blocks; b++)
    {
      blocks[b].shift = shift;
      blocks[b].n_parts = n_parts;
      blocks[b].front = front;
    }
  if (!parts_alloc (blocks, n_ends, n_spread, largest))
    {
      parts_free (blocks, n_blocks, largest);
      return scatter (mk, blocks, n_blocks, front, out_of_memory);
    }
  const int32_t half = n_ends > 1 ? total / 2 : total;
  blocks[0].q_lo = 0;
  blocks[0].q_hi = half;
  if (n_ends > 1)
    {
      blocks[1].q_lo = half;
      blocks[1].q_hi = total;
      blocks[1].from_back = TRUE;
    }
  gboolean ok = run_blocks (blocks, n_ends, part_block)
                && parts_full (mk, &blocks[0], n_ends > 1 ? &blocks[1] : NULL);
  Turns turns;
  share_turns (blocks, n_spread, &turns);
  ok = ok && run_blocks (blocks, n_spread, spread_block)
       && buckets_full (mk, front, NULL);
  parts_free (blocks, n_blocks, largest);
  mk->scattered_in_parts = TRUE;
  return ok;
}

/* ---- the passes together -------------------------------------------- */

/* Whether every block's join table fits where the scatter's cursors were
 * (n + 1 int32, free once the buckets are full): that memory is in
 * already, while a fresh table costs a page fault per 4 KiB, which the
 * two threads' tables took at the same time. */
static gboolean
where_fits (const SmMarket *mk, int n_blocks)
{
  uint64_t slots = MAX ((uint64_t) mk->n_positions, 1);
  uint64_t cursors = (uint64_t) mk->n_employees + 1;
  return (uint64_t) n_blocks * slots * sizeof (JoinSlot)
         <= cursors * sizeof (int32_t);
}

/* The three passes on the blocks; FALSE when the lists disagree, or with
 * @error set when memory ran out. */
static gboolean
rank_in_passes (SmMarket *mk, RankBlock *blocks, int n_blocks, SmScatterWay way,
                int32_t *spare, GError **error)
{
  gboolean in_parts = way == SM_SCATTER_IN_PARTS
                      || (way == SM_SCATTER_BY_SIZE
                          && mk->n_employees >= PARTS_MIN_EMPLOYEES);
  size_t cursor_bytes = ((size_t) mk->n_employees + 1) * sizeof (int32_t);
  size_t where_slots = MAX ((size_t) mk->n_positions, 1);
  int32_t *front = spare != NULL ? spare : sm_big__alloc (cursor_bytes);
  gboolean out_of_memory = front == NULL;
  gboolean ok = !out_of_memory
                && (in_parts ? scatter_in_parts (mk, blocks, n_blocks, front,
                                                 &out_of_memory)
                             : scatter (mk, blocks, n_blocks, front,
                                        &out_of_memory));
  gboolean where_in_front = ok && where_fits (mk, n_blocks);
  for (int b = 0; ok && b < n_blocks; b++)
    {
      blocks[b].where = where_in_front
                            ? (JoinSlot *) front + (size_t) b * where_slots
                            : sm_big__alloc (where_slots * sizeof (JoinSlot));
      out_of_memory = out_of_memory || blocks[b].where == NULL;
      ok = blocks[b].where != NULL;
    }
  /* One pass at a time on all threads: the marking overwrites the back
   * end's cursors, the join writes what the marking wrote. */
  if (ok)
    {
      JoinChunks chunks;
      Turns turns;
      split_chunks (mk, n_blocks, &chunks);
      share_turns (blocks, n_blocks, &turns);
      for (int b = 0; b < n_blocks; b++)
        blocks[b].chunks = &chunks;
      run_blocks (blocks, n_blocks, mark_block);
      ok = run_blocks (blocks, n_blocks, join_block);
    }
  for (int b = 0; b < n_blocks && !where_in_front; b++)
    sm_big__free (blocks[b].where, where_slots * sizeof (JoinSlot));
  if (front != spare)
    sm_big__free (front, cursor_bytes);
  if (out_of_memory)
    sm_market__set_no_memory (error, "ranking the lists");
  return ok;
}

/* The three passes on @n_blocks blocks of their own (see
 * rank_in_passes()). */
static gboolean
rank_in_blocks (SmMarket *mk, int n_blocks, SmScatterWay way, int32_t *spare,
                GError **error)
{
  RankBlock blocks[SM_MAX_BUILD_THREADS];
  for (int b = 0; b < n_blocks; b++)
    blocks[b] = (RankBlock){ .mk = mk };
  split_blocks (mk, blocks, n_blocks);
  return rank_in_passes (mk, blocks, n_blocks, way, spare, error);
}

gboolean
sm_market__fill_ranks (SmMarket *mk, int n_threads, SmScatterWay way,
                       int32_t *spare, int32_t *failed_position, GError **error)
{
  if (mk->emp_off[mk->n_employees] != mk->pos_off[mk->n_positions])
    return fill_ranks_reporting (mk, failed_position, error);
  int n_blocks = useful_threads (mk, n_threads);
  gboolean by_sides = way == SM_SCATTER_BY_SIDES
                      || (way == SM_SCATTER_BY_SIZE && sm_market__dense (mk));
  GError *no_memory = NULL;
  gboolean ok = by_sides
                    ? sm_market__rank_sides (mk, n_blocks, &no_memory)
                    : rank_in_blocks (mk, n_blocks, way, spare, &no_memory);
  if (no_memory != NULL)
    {
      g_propagate_error (error, no_memory);
      return FALSE;
    }
  return ok || fill_ranks_reporting (mk, failed_position, error);
}
