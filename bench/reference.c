/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sm-bench: the reference solver, employee-proposing deferred acceptance
 * written the plain way (Gale and Shapley 1962; Roth and Sotomayor 1990,
 * ch. 5), to check the library's matching and to measure its speed-up.
 *
 * Deliberately straightforward and independent of the library's market:
 * - rank lookup: per position an array of (employee, rank) pairs sorted by
 *   employee, searched by bisection at every proposal;
 * - held employees: per position a binary max-heap on rank with room for
 *   its seats; a full position compares the newcomer with the worst held
 *   one and evicts the worse of the two;
 * - free employees wait on a stack; each walks down their own list.
 * The employee-optimal stable matching is unique, so the order in which
 * free employees propose does not change the result, nor the number of
 * proposals (everyone proposes down to their final place). Time
 * O(entries log(applicants) + proposals log(seats)), memory 8 bytes per
 * entry for the lookup plus O(n + seats). */
#include "reference.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  int32_t employee;
  int32_t rank;
} Pair;

struct _SmRef {
  const SmGenLists *lists;
  Pair *lookup;       /* entries: per position, sorted by employee */
  int64_t *heap_off;  /* m + 1: each position's heap in heap */
  int32_t *heap_size; /* m */
  Pair *heap;         /* total seats */
};

static int
compare_pairs (const void *a, const void *b)
{
  const Pair *x = a, *y = b;
  return (x->employee > y->employee) - (x->employee < y->employee);
}

SmRef *
sm_ref_new (const SmGenLists *lists)
{
  SmRef *ref = g_new0 (SmRef, 1);
  int32_t m = lists->n_positions;
  ref->lists = lists;
  ref->lookup = g_new (Pair, MAX (lists->n_entries, 1));
  for (int32_t j = 0; j < m; j++)
    {
      int64_t start = lists->pos_off[j], end = lists->pos_off[j + 1];
      for (int64_t k = start; k < end; k++)
        ref->lookup[k] = (Pair){ lists->pos_emp[k], (int32_t) (k - start) };
      qsort (ref->lookup + start, (size_t) (end - start), sizeof (Pair),
             compare_pairs);
    }
  ref->heap_off = g_new (int64_t, (size_t) m + 1);
  ref->heap_off[0] = 0;
  for (int32_t j = 0; j < m; j++)
    ref->heap_off[j + 1] = ref->heap_off[j] + lists->seats[j];
  ref->heap_size = g_new0 (int32_t, MAX (m, 1));
  ref->heap = g_new (Pair, MAX (ref->heap_off[m], 1));
  return ref;
}

void
sm_ref_free (SmRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->lookup);
  g_free (ref->heap_off);
  g_free (ref->heap_size);
  g_free (ref->heap);
  g_free (ref);
}

/* Position @j's rank of employee @e, by bisection; -1 if e did not apply. */
static int32_t
rank_of (const SmRef *ref, int32_t j, int32_t e)
{
  int64_t lo = ref->lists->pos_off[j], hi = ref->lists->pos_off[j + 1];
  while (lo < hi)
    {
      int64_t mid = lo + (hi - lo) / 2;
      if (ref->lookup[mid].employee < e)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < ref->lists->pos_off[j + 1] && ref->lookup[lo].employee == e)
    return ref->lookup[lo].rank;
  return -1;
}

static void
heap_swap (Pair *h, int32_t a, int32_t b)
{
  Pair t = h[a];
  h[a] = h[b];
  h[b] = t;
}

static void
heap_push (Pair *h, int32_t *size, Pair item)
{
  int32_t i = (*size)++;
  h[i] = item;
  while (i > 0 && h[(i - 1) / 2].rank < h[i].rank)
    {
      heap_swap (h, i, (i - 1) / 2);
      i = (i - 1) / 2;
    }
}

/* Replaces the top (the worst held) with @item and restores the heap. */
static void
heap_replace_top (Pair *h, int32_t size, Pair item)
{
  int32_t i = 0;
  h[0] = item;
  for (;;)
    {
      int32_t l = 2 * i + 1, r = l + 1, worst = i;
      if (l < size && h[l].rank > h[worst].rank)
        worst = l;
      if (r < size && h[r].rank > h[worst].rank)
        worst = r;
      if (worst == i)
        return;
      heap_swap (h, i, worst);
      i = worst;
    }
}

/* Employee @e proposes to position @j; returns who is free afterwards:
 * -1 if nobody, @e if rejected, or the evicted employee. */
static int32_t
propose (SmRef *ref, int32_t e, int32_t j)
{
  Pair item = { e, rank_of (ref, j, e) };
  Pair *h = ref->heap + ref->heap_off[j];
  int32_t *size = &ref->heap_size[j];
  g_assert (item.rank >= 0);
  if (*size < ref->lists->seats[j])
    {
      heap_push (h, size, item);
      return -1;
    }
  if (item.rank > h[0].rank)
    return e;
  int32_t evicted = h[0].employee;
  heap_replace_top (h, *size, item);
  return evicted;
}

int32_t *
sm_ref_solve (SmRef *ref, uint64_t *n_proposals_out)
{
  const SmGenLists *l = ref->lists;
  int32_t n = l->n_employees, n_free = 0;
  int32_t *stack = g_new (int32_t, MAX (n, 1));
  int64_t *next = g_new (int64_t, MAX (n, 1));
  uint64_t proposals = 0;
  memset (ref->heap_size, 0, (size_t) l->n_positions * sizeof (int32_t));
  for (int32_t e = n - 1; e >= 0; e--)
    {
      next[e] = l->emp_off[e];
      stack[n_free++] = e;
    }
  while (n_free > 0)
    {
      int32_t e = stack[--n_free];
      if (next[e] == l->emp_off[e + 1])
        continue; /* list exhausted: the default takes e */
      int32_t freed = propose (ref, e, l->emp_pos[next[e]++]);
      proposals++;
      if (freed >= 0)
        stack[n_free++] = freed;
    }
  int32_t *assignment = g_new (int32_t, MAX (n, 1));
  for (int32_t e = 0; e < n; e++)
    assignment[e] = -1;
  for (int32_t j = 0; j < l->n_positions; j++)
    for (int32_t k = 0; k < ref->heap_size[j]; k++)
      assignment[ref->heap[ref->heap_off[j] + k].employee] = j;
  g_free (stack);
  g_free (next);
  *n_proposals_out = proposals;
  return assignment;
}
