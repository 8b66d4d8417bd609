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
 * against 0.23-0.24 and 0.17-0.18 against 0.22-0.24. The two sides
 * share nothing they write (rank fields of their own edges, cursors and
 * table of their own), so with two threads or more each side runs on a
 * thread of its own; a third thread would find nothing to do, and when
 * one side has far more owners than the other, its thread takes most of
 * the time (two threads on 1,000,000 x 10: 0.12 s either way).
 *
 * Invariants. Both sides hold as many entries (checked by the caller).
 * After the scatter each bucket must hold exactly as many entries as the
 * owner's list (checked: the cursors reached the list ends), and none
 * ran past the last list. A bucket's entries belong to distinct owners
 * of the other side, since no list holds an entry twice; so when every
 * edge of an owner finds its target in the table, the owner's list and
 * the owners that name it are the same set. Any failure leaves the rank
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
 * one int32 per owner (the cursors) and two per owner of the other side
 * (the table).
 *
 * Reference: the counting-sort transpose of a sparse matrix (CSR to
 * CSC), Gustavson, ACM TOMS 4(3), 1978, done for both matrices; the
 * gallop is the exponential search of Bentley and Yao, "An almost
 * optimal algorithm for unbounded searching", IPL 5(3), 1976.
 */
#include "core/market-private.h"

#include <string.h>

/* One side's view of the market: its owners' lists, and the other side's
 * whose entries name them. */
typedef struct {
  int32_t n;          /* owners on this side */
  const int32_t *off; /* n + 1 */
  SmEdge *edges;      /* the rank fields are written */
  int32_t n_other;    /* owners on the other side */
  const int32_t *other_off;
  const SmEdge *other_edges; /* read only: their targets */
  gboolean ok;
  gboolean no_memory;
} Side;

/* The walk's table entry for one owner of the other side: where its list
 * starts, and the entry of it that names the owner at hand (-1: none). */
typedef struct {
  int32_t first;
  int32_t entry;
} SideSlot;

/* Step 1: every entry of the other side, ascending, into the next rank
 * field of its target's edges. FALSE when a bucket would run past the
 * last list, or when any bucket did not come out exactly full. */
static gboolean
scatter_side (const Side *s, int32_t *front)
{
  const int32_t end = s->off[s->n];
  memcpy (front, s->off, (size_t) s->n * sizeof *front);
  for (int32_t v = 0; v < end; v++)
    {
      int32_t o = s->other_edges[v].target, k = front[o];
      if (k >= end)
        return FALSE;
      front[o] = k + 1;
      s->edges[k].rank = v;
    }
  for (int32_t o = 0; o < s->n; o++)
    if (front[o] != s->off[o + 1])
      return FALSE;
  return TRUE;
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

/* Both steps for one side, with cursors and a table of its own. */
static void
rank_side (Side *s)
{
  size_t n_other = (size_t) s->n_other;
  int32_t *front = g_try_new (int32_t, MAX ((size_t) s->n, 1));
  SideSlot *table = g_try_new (SideSlot, MAX (n_other, 1));
  s->no_memory = front == NULL || table == NULL;
  s->ok = !s->no_memory && scatter_side (s, front);
  for (size_t x = 0; s->ok && x < n_other; x++)
    table[x] = (SideSlot){ s->other_off[x], -1 };
  for (int32_t o = 0; s->ok && o < s->n; o++)
    s->ok = walk_owner (s, o, table);
  g_free (table);
  g_free (front);
}

static gpointer
rank_side_thread (gpointer data)
{
  rank_side (data);
  return NULL;
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

gboolean
sm_market__rank_sides (SmMarket *mk, int n_threads, GError **error)
{
  Side employees = { .n = mk->n_employees,
                     .off = mk->emp_off,
                     .edges = mk->emp_edges,
                     .n_other = mk->n_positions,
                     .other_off = mk->pos_off,
                     .other_edges = mk->pos_edges };
  Side positions = { .n = mk->n_positions,
                     .off = mk->pos_off,
                     .edges = mk->pos_edges,
                     .n_other = mk->n_employees,
                     .other_off = mk->emp_off,
                     .other_edges = mk->emp_edges };
  GThread *second = n_threads > 1
                        ? g_thread_try_new ("sm-rank", rank_side_thread,
                                            &positions, NULL)
                        : NULL;
  rank_side (&employees);
  if (second != NULL)
    g_thread_join (second);
  else
    rank_side (&positions);
  mk->ranked_by_sides = TRUE;
  if (employees.no_memory || positions.no_memory)
    sm_market__set_no_memory (error, "ranking the lists");
  return employees.ok && positions.ok;
}
