/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: deferred acceptance on a market with ties and a lottery.
 *
 * Variant: employee-proposing many-to-one deferred acceptance (Gale and
 * Shapley 1962) in the one-at-a-time form of McVitie and Wilson (1971),
 * where a position does not read an applicant's rank from a sorted list
 * but compares composite keys (boost, tie class, lottery number,
 * identifier rank), smallest first. The lottery number is made at the
 * moment of the proposal, mix64 (mixed seed ^ hash of the entry), so a
 * new draw touches nothing but the seed: no list is compiled or sorted
 * again. Ties of the rule are what single tie-breaking (one hash per
 * employee) and multiple tie-breaking (one per employee and position)
 * break; Abdulkadiroglu, Pathak and Roth (2009), "Strategy-proofness
 * versus efficiency in matching with indifferences", AER 99(5), compare
 * the two.
 *
 * Headcount caps follow deferred-acceptance.c exactly (flexible deferred
 * acceptance, Kamada and Kojima 2015): a position under a binding cap
 * grows at the expense of the group's last extra seat when its next extra
 * seat comes first (sm_market__next_extra_before), else it can only swap
 * within its own seats. Since the employee-optimal stable matching does
 * not depend on the order of proposals, a draw gives the very matching
 * that sm_market_solve() gives on the market compiled with that seed.
 *
 * Invariants: an employee is free (on the stack), held by the position of
 * slot next[i], or exhausted (next[i] == end of the list: the default);
 * position j holds count[j] <= seats[j] employees in a max-heap of their
 * keys, so the worst is at the top. Cost per proposal O(log seats); per
 * draw O(entries log seats) in the worst case, much less in practice
 * since most employees are held at their first choices. Memory: O(n + m)
 * words plus one key per seat that can be filled (at most the entries),
 * allocated once per solver.
 */
#include "scenario/tied-market-private.h"

#include <string.h>

#include "scenario/priority-private.h"

SmTiedMarket *
sm_tied_market__new (SmMarket *market)
{
  SmTiedMarket *tm = g_new0 (SmTiedMarket, 1);
  int32_t n = market->n_employees, m = market->n_positions;
  tm->market = sm_market_ref (market);
  tm->entries = g_new0 (SmTiedEntry, MAX (market->emp_off[n], 1));
  tm->id_rank = g_new (uint32_t, MAX (n, 1));
  for (int32_t i = 0; i < n; i++)
    tm->id_rank[i] = (uint32_t) i;
  tm->n_classes = g_new0 (int32_t, MAX (m, 1));
  /* Whether a cap binds is asked at every proposal to a free seat: once
   * here instead of a sum over the group each time. */
  tm->binding_group = g_new (int32_t, MAX (m, 1));
  for (int32_t j = 0; j < m; j++)
    {
      int32_t g = market->group_of[j];
      tm->binding_group[j] = g >= 0 && sm_market__group_binds (market, g) ? g
                                                                          : -1;
    }
  return tm;
}

void
sm_tied_market__free (SmTiedMarket *tm)
{
  if (tm == NULL)
    return;
  sm_market_unref (tm->market);
  g_free (tm->entries);
  g_free (tm->id_rank);
  g_free (tm->n_classes);
  g_free (tm->binding_group);
  g_free (tm);
}

/* ---- the solver's memory ------------------------------------------------ */

/* The keys position j must keep: as many as it can hold, or none when
 * it has room for every candidate and no binding cap can make it let one
 * go (hold_grow). */
static int32_t
heap_capacity (const SmTiedMarket *tm, int32_t j)
{
  const SmMarket *mk = tm->market;
  int32_t len = mk->pos_off[j + 1] - mk->pos_off[j];
  if (len <= mk->seats[j] && tm->binding_group[j] < 0)
    return 0;
  return MIN (mk->seats[j], len);
}

static gboolean
alloc_improvement (SmTiedSolver *s, const SmMarket *mk)
{
  size_t n = (size_t) mk->n_employees + 1, m = (size_t) mk->n_positions + 1;
  size_t entries = (size_t) mk->emp_off[mk->n_employees] + 1;
  s->best = g_try_new (uint64_t, m);
  s->held_off = g_try_new (int32_t, m);
  s->held = g_try_new (int32_t, n);
  s->edge_off = g_try_new (int32_t, m);
  s->edge_slot = g_try_new (int32_t, entries);
  s->edge_emp = g_try_new (int32_t, entries);
  s->dfs = g_try_new (int32_t, m);
  s->path = g_try_new (int32_t, m);
  s->via = g_try_new (int32_t, m);
  return s->best && s->held_off && s->held && s->edge_off && s->edge_slot
         && s->edge_emp && s->dfs && s->path && s->via;
}

SmTiedSolver *
sm_tied_solver__new (const SmTiedMarket *tm)
{
  return sm_tied_solver__new_for (tm, TRUE);
}

SmTiedSolver *
sm_tied_solver__new_for (const SmTiedMarket *tm, gboolean improve)
{
  const SmMarket *mk = tm->market;
  size_t n = (size_t) mk->n_employees + 1, m = (size_t) mk->n_positions + 1;
  g_autoptr (SmTiedSolver) s = g_new0 (SmTiedSolver, 1);
  s->tm = tm;
  s->next = g_try_new (int32_t, n);
  s->stack = g_try_new (int32_t, n);
  s->count = g_try_new0 (int32_t, m);
  s->heap_off = g_try_new (int32_t, m);
  s->group_count = g_try_new0 (int32_t, (size_t) mk->n_groups + 1);
  s->boost = g_try_new0 (uint8_t, n);
  s->boosted = g_try_new0 (uint8_t, m);
  if (!s->next || !s->stack || !s->count || !s->heap_off || !s->group_count
      || !s->boost || !s->boosted || (improve && !alloc_improvement (s, mk)))
    return NULL;
  s->heap_off[0] = 0;
  for (int32_t j = 0; j < mk->n_positions; j++)
    s->heap_off[j + 1] = s->heap_off[j] + heap_capacity (tm, j);
  s->heap = g_try_new (SmTiedKey, (size_t) s->heap_off[mk->n_positions] + 1);
  if (s->heap == NULL)
    return NULL;
  return g_steal_pointer (&s);
}

void
sm_tied_solver__free (SmTiedSolver *s)
{
  if (s == NULL)
    return;
  g_free (s->next);
  g_free (s->stack);
  g_free (s->count);
  g_free (s->heap_off);
  g_free (s->heap);
  g_free (s->group_count);
  g_free (s->boost);
  g_free (s->boosted);
  g_free (s->best);
  g_free (s->held_off);
  g_free (s->held);
  g_free (s->edge_off);
  g_free (s->edge_slot);
  g_free (s->edge_emp);
  g_free (s->dfs);
  g_free (s->path);
  g_free (s->via);
  g_free (s);
}

void
sm_tied_solver__clear_boosts (SmTiedSolver *s)
{
  const SmMarket *mk = s->tm->market;
  memset (s->boost, 0, (size_t) mk->n_employees + 1);
  memset (s->boosted, 0, (size_t) mk->n_positions + 1);
}

/* ---- keys and heaps ----------------------------------------------------- */

static inline gboolean
key_less (const SmTiedKey *a, const SmTiedKey *b)
{
  if (a->hi != b->hi)
    return a->hi < b->hi;
  if (a->lo != b->lo)
    return a->lo < b->lo;
  return a->id_rank < b->id_rank;
}

static inline SmTiedKey
make_key (const SmTiedSolver *s, int32_t employee, int32_t slot)
{
  const SmTiedEntry *e = &s->tm->entries[slot];
  uint64_t boost = s->boosted[e->position] ? s->boost[employee] : 0;
  return (SmTiedKey){
    .hi = boost << 32 | e->tie_class,
    .lo = sm_priority__lot_draw (s->mixed_seed, e->hash),
    .id_rank = s->tm->id_rank[employee],
    .employee = employee,
  };
}

SmTiedKey
sm_tied_solver__key (const SmTiedSolver *s, int32_t employee, int32_t slot)
{
  return make_key (s, employee, slot);
}

/* Restores the heap of position j after its root changed. */
static void
sift_down (SmTiedKey *h, int32_t len, int32_t k)
{
  SmTiedKey item = h[k];
  for (;;)
    {
      int32_t c = 2 * k + 1;
      if (c >= len)
        break;
      if (c + 1 < len && key_less (&h[c], &h[c + 1]))
        c++;
      if (!key_less (&item, &h[c]))
        break;
      h[k] = h[c];
      k = c;
    }
  h[k] = item;
}

static void
sift_up (SmTiedKey *h, int32_t k)
{
  SmTiedKey item = h[k];
  while (k > 0)
    {
      int32_t parent = (k - 1) / 2;
      if (!key_less (&h[parent], &item))
        break;
      h[k] = h[parent];
      k = parent;
    }
  h[k] = item;
}

/* ---- deferred acceptance ------------------------------------------------ */

/* A position that can never be full and is under no binding cap never
 * lets anyone go, so it keeps no keys (most of the default
 * organisation's positions): its heap has no room. */
static inline void
hold_grow (SmTiedSolver *s, int32_t j, const SmTiedKey *key)
{
  SmTiedKey *h = s->heap + s->heap_off[j];
  if (s->heap_off[j + 1] > s->heap_off[j])
    {
      h[s->count[j]] = *key;
      sift_up (h, s->count[j]);
    }
  s->count[j]++;
  int32_t g = s->tm->market->group_of[j];
  if (g >= 0)
    s->group_count[g]++;
}

/* Position j lets its worst go, who resumes after the slot they held. */
static void
release_worst (SmTiedSolver *s, int32_t j)
{
  SmTiedKey *h = s->heap + s->heap_off[j];
  int32_t out = h[0].employee;
  s->next[out]++;
  s->stack[s->n_stack++] = out;
  h[0] = h[--s->count[j]];
  sift_down (h, s->count[j], 0);
  int32_t g = s->tm->market->group_of[j];
  if (g >= 0)
    s->group_count[g]--;
}

/* The position of the group's last extra seat, as deferred-acceptance.c
 * finds it: the most extra seats, latest in the group's order. */
static int32_t
last_extra_position (const SmTiedSolver *s, int32_t g)
{
  const SmMarket *mk = s->tm->market;
  int32_t best = -1, best_extra = 0;
  for (int32_t k = mk->group_off[g]; k < mk->group_off[g + 1]; k++)
    {
      int32_t h = mk->group_pos[k];
      int32_t extra = s->count[h] - mk->target[h];
      if (extra > 0 && extra >= best_extra)
        {
          best = h;
          best_extra = extra;
        }
    }
  return best;
}

static gboolean
offer_under_cap (SmTiedSolver *s, int32_t j, const SmTiedKey *key)
{
  const SmMarket *mk = s->tm->market;
  int32_t h = last_extra_position (s, mk->group_of[j]);
  gboolean grows = s->count[j] < mk->target[j]
                   || (h >= 0
                       && sm_market__next_extra_before (mk, j, s->count[j], h,
                                                        s->count[h]));
  if (grows)
    {
      g_assert (h >= 0 && h != j);
      release_worst (s, h);
      hold_grow (s, j, key);
      return TRUE;
    }
  SmTiedKey *top = s->heap + s->heap_off[j];
  if (s->count[j] > 0 && key_less (key, top))
    {
      release_worst (s, j);
      hold_grow (s, j, key);
      return TRUE;
    }
  return FALSE;
}

/* Whether position j holds the proposer with @key. */
static inline gboolean
offer (SmTiedSolver *s, int32_t j, const SmTiedKey *key)
{
  const SmMarket *mk = s->tm->market;
  if (s->count[j] < mk->seats[j])
    {
      int32_t g = s->tm->binding_group[j];
      if (g >= 0 && s->group_count[g] >= mk->group_cap[g])
        return offer_under_cap (s, j, key);
      hold_grow (s, j, key);
      return TRUE;
    }
  SmTiedKey *h = s->heap + s->heap_off[j];
  if (!key_less (key, &h[0]))
    return FALSE;
  /* The displaced employee resumes after the slot they held. */
  int32_t out = h[0].employee;
  s->next[out]++;
  s->stack[s->n_stack++] = out;
  h[0] = *key;
  sift_down (h, s->count[j], 0);
  return TRUE;
}

static void
propose_from (SmTiedSolver *s, int32_t i)
{
  const SmMarket *mk = s->tm->market;
  int32_t slot = s->next[i], end = mk->emp_off[i + 1];
  for (; slot < end; slot++)
    {
      s->proposals++;
      SmTiedKey key = make_key (s, i, slot);
      s->next[i] = slot;
      if (offer (s, s->tm->entries[slot].position, &key))
        return;
    }
  s->next[i] = end;
}

void
sm_tied_solver__solve (SmTiedSolver *s, uint64_t mixed_seed)
{
  const SmMarket *mk = s->tm->market;
  int32_t n = mk->n_employees;
  s->mixed_seed = mixed_seed;
  s->proposals = 0;
  memset (s->count, 0, sizeof (int32_t) * (size_t) mk->n_positions);
  memset (s->group_count, 0, sizeof (int32_t) * (size_t) mk->n_groups);
  for (int32_t i = 0; i < n; i++)
    {
      s->next[i] = mk->emp_off[i];
      s->stack[i] = n - 1 - i;
    }
  s->n_stack = n;
  while (s->n_stack > 0)
    propose_from (s, s->stack[--s->n_stack]);
}
