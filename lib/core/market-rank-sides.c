/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: ranking a dense market, each side on its own
 * (sm_market__rank_sides(), market-private.h).
 *
 * The way of market-rank.c scatters the position entries into the
 * employees' buckets and then joins: for every entry of an employee's
 * list it reads and writes the position entry that ranks the employee.
 * That read and write go to memory at random, one cache line per entry,
 * and when the lists are long (every employee lists most positions) they
 * are three quarters of the build: the scatter's buckets are few and stay
 * in the cache, the join's position entries do not. So on a dense market
 * each side is ranked by itself, the same way on both:
 *
 *   1. scatter: every entry v of the other side, ascending, is written
 *      into the next rank field of its target's edges, so that each
 *      owner's rank fields list, ascending, the other side's entries that
 *      name it (employee i's: the position entries that rank i; position
 *      j's: the employee entries that list j);
 *   2. walk: owner by owner, the bucket's entries ascend, and so do the
 *      other side's owners they belong to (the other side's lists lie in
 *      owner order), so the owner of each is found by galloping forward
 *      over the other side's offsets from the last one found: one step
 *      on a dense market. A table over the other side's owners maps each
 *      to its entry, and every edge of the owner looks its target up
 *      there: the edge's rank is the entry's place in the target's list.
 *
 * For an employee edge that place is the position's rank of the
 * employee; for a position edge it is the employee's choice index: what
 * market-rank.c writes, byte for byte. Every write but the scatter's is
 * sequential, and the scatter's cursors stay in the cache while a side
 * has fewer than 2^19 owners, the bound of market-rank.c's direct
 * scatter; this way is taken then, on lists that cover four fifths or
 * more of all pairs (sm_market__dense()), where the gallop mostly takes
 * its first step. Beyond that bound the scatter's
 * cursors miss, and the scatter in parts of market-rank.c is the better
 * way. Measured against the scatter and join on complete lists of
 * 100,000 x 100, 300,000 x 40 and 1,000,000 x 10 (the last with the
 * bound lifted), one thread took 0.11 against 0.17-0.18 s, 0.17-0.19
 * against 0.23-0.24 and 0.17-0.18 against 0.22-0.24.
 *
 * Two threads share both steps of both sides. In step 1 one takes the
 * first half of the other side's entries, ascending, from the buckets'
 * starts, and the other the second half, descending, from their ends
 * (as market-rank.c's scatter does): each bucket still ascends, and the
 * ends meet where the first half's entries stop. In step 2 the owners
 * of each side are cut into WALK_PIECES_PER_SIDE pieces, which the
 * threads take in turn, each with tables of its own. Giving each side a
 * thread of its own instead left the sides' unequal costs to one
 * thread each: the employees' scatter has more cursors to keep in the
 * cache, so on complete lists of 10,000 x 1,000 the employees' side
 * took 0.058 s (its scatter 0.037) and the positions' 0.042 (0.016),
 * and on 300,000 x 40 the employees' scatter alone took 0.11 to 0.14 s
 * against 0.07 for all of the positions' side. Two threads built the
 * three shapes (10,000 x 1,000, 100,000 x 100, 300,000 x 40) in
 * 0.056-0.058, 0.067-0.069 and 0.103-0.110 s that way, and in
 * 0.048-0.053, 0.054-0.055 and 0.086-0.100 s now; one thread in
 * 0.094-0.099, 0.104-0.108 and 0.151-0.165 s before, and 0.091-0.095,
 * 0.101-0.103 and 0.155-0.174 s now (the two libraries alternating,
 * three to five rounds of `sm-bench build N M K 17 --seats S-S
 * --threads 2 --runs 7`). A third thread would find nothing in step 1,
 * so the way takes two at most.
 *
 * Invariants. Both sides hold as many entries (checked by the caller).
 * After the scatter each bucket must hold exactly as many entries as the
 * owner's list (checked before its owner's walk: the front's cursor met
 * the back's, or reached the list's end when the front did it all), and
 * none ran past the last list or before the first. On lists that
 * disagree the two ends can write the same rank field; those stores are
 * relaxed atomics, so even then no two threads race. A bucket's entries belong
 * to distinct owners of the other side, since no list holds an entry twice; so
 * when every edge of an owner finds its target in the table, the owner's list
 * and the owners that name it are the same set. Any failure leaves the rank
 * fields to the caller's slow way, which rewrites them all and names the
 * first position whose order is wrong.
 *
 * Cost: O(n + m + entries) time when dense (the gallop takes O(log d)
 * for a gap of d owners, one step when the lists are complete), with no
 * random access to memory outside the cursors and the tables: on
 * complete lists of 10,000 employees and 1,000 positions a build took
 * 0.088 to 0.097 s on one thread this way, 0.153 to 0.165 s by the
 * scatter and the join (`sm-bench build 10000 1000 1000 17 --seats
 * 20-20`, the two libraries alternating); in a profile, nearly half of
 * this way is the scatter's store. Memory: per side
 * one int32 per owner (the cursors; two with two threads) and, per
 * thread, two per owner of the other side (the table).
 *
 * Reference: the counting-sort transpose of a sparse matrix (CSR to
 * CSC), Gustavson, ACM TOMS 4(3), 1978, done for both matrices; the
 * gallop is the exponential search of Bentley and Yao, "An almost
 * optimal algorithm for unbounded searching", IPL 5(3), 1976.
 */
#include "core/market-private.h"

#include <string.h>

/* The walk's pieces: each side's owners in this many ranges, which the
 * threads take in turn (see walk_pieces()). */
#define WALK_PIECES_PER_SIDE 64

/* One side's view of the market: its owners' lists, and the other side's
 * whose entries name them. */
typedef struct {
  int32_t n;          /* owners on this side */
  const int32_t *off; /* n + 1 */
  SmEdge *edges;      /* the rank fields are written */
  int32_t n_other;    /* owners on the other side */
  const int32_t *other_off;
  const SmEdge *other_edges; /* read only: their targets */
  int32_t split;  /* the other side's entries below it are scattered from the
                     buckets' starts, the rest from their ends */
  int32_t *front; /* n: the next slot of each bucket from its start */
  int32_t *back;  /* n, or NULL when split is the end: the last slot of each
                     bucket filled from its end */
} Side;

/* Both sides and the work the threads share. */
typedef struct {
  Side side[2];   /* employees, positions */
  gint next;      /* the next walk piece to take (atomic) */
  gint failed;    /* the lists disagree: take no more (atomic) */
  gint no_memory; /* (atomic) */
} Sides;

/* The walk's table entry for one owner of the other side: where its list
 * starts, and the entry of it that names the owner at hand (-1: none). */
typedef struct {
  int32_t first;
  int32_t entry;
} SideSlot;

/* Step 1 from the buckets' starts: the other side's entries below the
 * split, ascending, each into the next rank field of its target's
 * edges. FALSE when a bucket would run past the last list. The stores
 * are relaxed atomics: only on lists that disagree can they meet the
 * other end's, and then no two threads race (plain stores on common
 * processors). */
static gboolean
scatter_front (const Side *s)
{
  const int32_t end = s->off[s->n], split = s->split;
  const SmEdge *other = s->other_edges;
  SmEdge *edges = s->edges;
  int32_t *front = s->front;
  memcpy (front, s->off, (size_t) s->n * sizeof *front);
  for (int32_t v = 0; v < split; v++)
    {
      int32_t o = other[v].target, k = front[o];
      if (k >= end)
        return FALSE;
      front[o] = k + 1;
      __atomic_store_n (&edges[k].rank, v, __ATOMIC_RELAXED);
    }
  return TRUE;
}

/* Step 1 from the buckets' ends: the other side's entries from the split
 * on, descending, each into the last free rank field of its target's
 * edges, so that every bucket still ascends. FALSE when a bucket would
 * run before the first list. */
static gboolean
scatter_back (const Side *s)
{
  const int32_t split = s->split;
  const SmEdge *other = s->other_edges;
  SmEdge *edges = s->edges;
  int32_t *back = s->back;
  memcpy (back, s->off + 1, (size_t) s->n * sizeof *back);
  for (int32_t v = s->off[s->n] - 1; v >= split; v--)
    {
      int32_t o = other[v].target, k = back[o] - 1;
      if (k < 0)
        return FALSE;
      back[o] = k;
      __atomic_store_n (&edges[k].rank, v, __ATOMIC_RELAXED);
    }
  return TRUE;
}

/* Whether owner @o's bucket came out exactly full: the front's cursor
 * met the back's, or the list's end when one end did it all. */
static gboolean
bucket_full (const Side *s, int32_t o)
{
  return s->front[o] == (s->back != NULL ? s->back[o] : s->off[o + 1]);
}

/* The owner x' >= @x of the other side (@n_other owners) whose list
 * holds entry @v: an exponential search forward from @x, then a binary
 * one. @v must be an entry of the other side at or after its owner @x's
 * first. */
static int32_t
gallop (const int32_t *other_off, int32_t n_other, int32_t x, int32_t v)
{
  if (other_off[x + 1] > v)
    return x;
  /* other_off[lo] <= v < other_off[n_other] from here on */
  int64_t step = 1; /* doubles past int32 on a side of 2^30 owners */
  int32_t lo = x + 1, hi;
  for (;;)
    {
      hi = (int32_t) MIN (lo + step, (int64_t) n_other);
      if (other_off[hi] > v)
        break;
      lo = hi;
      step *= 2;
    }
  /* other_off[lo] <= v < other_off[hi]: the last x' with off[x'] <= v. */
  while (hi - lo > 1)
    {
      int32_t mid = lo + (hi - lo) / 2;
      if (other_off[mid] <= v)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/* Step 2 for owner @o: its bucket's entries name the other side's owners
 * in ascending order; every edge of @o finds its target's entry in
 * @table and gets the entry's place in the target's list. FALSE when a
 * target's list does not name @o. */
static gboolean
walk_owner (const Side *s, int32_t o, SideSlot *table)
{
  const int32_t first = s->off[o], end = s->off[o + 1];
  int32_t x = 0;
  for (int32_t k = first; k < end; k++)
    {
      int32_t v = s->edges[k].rank;
      x = gallop (s->other_off, s->n_other, x, v);
      table[x].entry = v;
    }
  for (int32_t k = first; k < end; k++)
    {
      SideSlot *slot = &table[s->edges[k].target];
      int32_t v = slot->entry;
      if (v < 0)
        return FALSE;
      slot->entry = -1;
      s->edges[k].rank = v - slot->first;
    }
  return TRUE;
}

/* Step 2 for piece @p of side @s: its owners, each bucket checked full
 * first. Not inlined: inside walk_pieces() the walk's loops ran out of
 * registers and the one-thread walk took a fifth longer. */
G_GNUC_NO_INLINE static gboolean
walk_piece (const Side *s, int32_t p, SideSlot *table)
{
  int32_t lo = (int32_t) ((int64_t) s->n * p / WALK_PIECES_PER_SIDE);
  int32_t hi = (int32_t) ((int64_t) s->n * (p + 1) / WALK_PIECES_PER_SIDE);
  for (int32_t o = lo; o < hi; o++)
    if (!bucket_full (s, o) || !walk_owner (s, o, table))
      return FALSE;
  return TRUE;
}

/* A walk table for side @s, every slot empty; NULL when out of memory. */
static SideSlot *
table_new (const Side *s)
{
  SideSlot *table = g_try_new (SideSlot, MAX ((size_t) s->n_other, 1));
  for (int32_t x = 0; table != NULL && x < s->n_other; x++)
    table[x] = (SideSlot){ s->other_off[x], -1 };
  return table;
}

/* Records that the work must stop: lists that disagree, or no memory. */
static void
fail_sides (Sides *all, gboolean no_memory)
{
  if (no_memory)
    g_atomic_int_set (&all->no_memory, TRUE);
  g_atomic_int_set (&all->failed, TRUE);
}

/* One thread's part of step 1: both sides from the buckets' starts, or
 * both from their ends. */
typedef struct {
  Sides *all;
  gboolean from_back;
} ScatterJob;

static gpointer
scatter_sides (gpointer data)
{
  const ScatterJob *job = data;
  Sides *all = job->all;
  for (int k = 0; k < 2 && !g_atomic_int_get (&all->failed); k++)
    if (!(job->from_back ? scatter_back (&all->side[k])
                         : scatter_front (&all->side[k])))
      fail_sides (all, FALSE);
  return NULL;
}

/* Step 2 on one thread: the walk's pieces, the employees' then the
 * positions', taken in turn with the other threads until none is left,
 * each side with a table of this thread's own. */
static gpointer
walk_pieces (gpointer data)
{
  Sides *all = data;
  SideSlot *tables[2] = { NULL, NULL };
  while (!g_atomic_int_get (&all->failed))
    {
      int32_t k = g_atomic_int_add (&all->next, 1);
      if (k >= 2 * WALK_PIECES_PER_SIDE)
        break;
      int side = k / WALK_PIECES_PER_SIDE;
      if (tables[side] == NULL)
        tables[side] = table_new (&all->side[side]);
      if (tables[side] == NULL)
        fail_sides (all, TRUE);
      else if (!walk_piece (&all->side[side], k % WALK_PIECES_PER_SIDE,
                            tables[side]))
        fail_sides (all, FALSE);
    }
  g_free (tables[0]);
  g_free (tables[1]);
  return NULL;
}

/* Runs @func with @first on the calling thread and, when @second is not
 * NULL, with @second on another (or here, after, if it cannot start). */
static void
run_on_two (GThreadFunc func, gpointer first, gpointer second)
{
  GThread *thread = second != NULL
                        ? g_thread_try_new ("sm-rank", func, second, NULL)
                        : NULL;
  func (first);
  if (thread != NULL)
    g_thread_join (thread);
  else if (second != NULL)
    func (second);
}

gboolean
sm_market__dense (const SmMarket *mk)
{
  int64_t entries = mk->emp_off[mk->n_employees];
  int64_t cells = (int64_t) mk->n_employees * mk->n_positions;
  return entries > 0 && entries * 100 >= cells * SM_DENSE_PERCENT
         && mk->n_employees < SM_DENSE_MAX_OWNERS
         && mk->n_positions < SM_DENSE_MAX_OWNERS;
}

/* Sets up one side: its lists, the other side's, and its cursors; with
 * @two ends, half the other side's entries go in from the back. FALSE
 * when out of memory. */
static gboolean
side_init (Side *s, int32_t n, const int32_t *off, SmEdge *edges,
           int32_t n_other, const int32_t *other_off, const SmEdge *other_edges,
           gboolean two)
{
  *s = (Side){ .n = n,
               .off = off,
               .edges = edges,
               .n_other = n_other,
               .other_off = other_off,
               .other_edges = other_edges,
               .split = two ? off[n] / 2 : off[n] };
  s->front = g_try_new (int32_t, MAX ((size_t) n, 1));
  s->back = two ? g_try_new (int32_t, MAX ((size_t) n, 1)) : NULL;
  return s->front != NULL && (s->back != NULL || !two);
}

gboolean
sm_market__rank_sides (SmMarket *mk, int n_threads, GError **error)
{
  gboolean two = n_threads > 1;
  Sides all = { 0 };
  if (!side_init (&all.side[0], mk->n_employees, mk->emp_off, mk->emp_edges,
                  mk->n_positions, mk->pos_off, mk->pos_edges, two)
      || !side_init (&all.side[1], mk->n_positions, mk->pos_off, mk->pos_edges,
                     mk->n_employees, mk->emp_off, mk->emp_edges, two))
    fail_sides (&all, TRUE);
  else
    {
      ScatterJob front = { &all, FALSE }, back = { &all, TRUE };
      run_on_two (scatter_sides, &front, two ? &back : NULL);
      run_on_two (walk_pieces, &all, two ? &all : NULL);
    }
  for (int k = 0; k < 2; k++)
    {
      g_free (all.side[k].front);
      g_free (all.side[k].back);
    }
  mk->ranked_by_sides = TRUE;
  if (all.no_memory)
    sm_market__set_no_memory (error, "ranking the lists");
  return !all.failed;
}
