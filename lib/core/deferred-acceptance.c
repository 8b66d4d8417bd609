/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: deferred acceptance, either side proposing.
 *
 * Variant: many-to-one deferred acceptance with incomplete lists (Gale and
 * Shapley 1962; Roth and Sotomayor 1990, ch. 5), in the one-at-a-time form
 * of McVitie and Wilson (1971): a free proposer proposes until it is held
 * or runs out of list, and whoever is displaced becomes free again. The
 * order in which free proposers are served does not change the result nor
 * the number of proposals.
 *
 * Employees proposing. Invariants: an employee i is either free, held by
 * the position of edge emp[i].next, or exhausted (emp[i].next ==
 * emp[i].end, at the default); a position holds at most its seats; once a
 * position j is full, the rank of its worst held employee (pos[j].worst)
 * never increases. A position's held set is a bitmap over its priority
 * order (one bit per list entry), so admitting is setting a bit, the
 * displaced employee is the one at rank pos[j].worst of the position's
 * list, and the next worst is found by scanning the bitmap
 * downward from there. Because pos[j].worst only falls, that scan costs O(len_j
 * / 64 + proposals) over the whole run: the solver is O(n + m + entries) with
 * no search and no allocation per proposal, where a heap per position would pay
 * O(log seats) each time.
 *
 * Free employees wait in a first-in-first-out queue. On large markets a
 * proposal is a chain of cache misses (the employee's state, their edge,
 * the position's state, its bitmap word); a queue, unlike a stack, lets
 * the solver know which employees come next and prefetch their data, so
 * the misses of several proposals overlap (profiled: the stack version
 * spent most of its time waiting on exactly those loads). A displaced
 * employee goes into the queue as the position entry they lost, not as
 * who they are: reading the name there, at the moment of eviction, was
 * the one miss left that no prefetch covered (half the solve's time at
 * ten million employees, in a sampling profile), and in the queue it is
 * prefetched with the others.
 *
 * Positions proposing. A position proposes down its priority order while
 * it has a free seat; an employee keeps the best offer by their list (the
 * rank beside each position edge says where the position stands in it)
 * and releases the one they held, whose position goes back on the stack.
 *
 * Headcount caps (flexible deferred acceptance, Kamada and Kojima 2015,
 * "Efficient matching under distributional constraints", AER 105(1)). A
 * group of positions whose seats exceed its cap chooses among its
 * applicants as follows: each position takes its best applicants up to
 * its target seats; the rest of the cap goes out as extra seats, one per
 * position per round in the group's fixed order. That choice is
 * substitutable and never takes fewer people when offered more, so
 * deferred acceptance with it still ends in the employee-optimal matching
 * that is stable in the sense of check.c, whatever the order of
 * proposals. Proposing one at a time, a proposal to a position with a free
 * seat in a group at its cap either takes the seat of the group's last
 * extra token (whose holder lets its worst go) or competes only within the
 * position's own held set. Groups whose seats fit their cap never bind and
 * cost nothing.
 *
 * The result is read off the bitmap a word at a time, each held
 * employee found by counting trailing zeros, so reading it costs the
 * held employees plus one test per word up to each position's worst
 * held, not one test per list entry: with complete lists (every employee
 * ranked by every position) a bit-at-a-time read cost more than the
 * proposals themselves.
 *
 * Memory: O(n + m) words and one bit per list entry, allocated once.
 */
#include <string.h>
#include <staffmatch/error.h>
#include <staffmatch/solve.h>

#include "core/list-store.h"
#include "core/market-private.h"
#include "core/matching-private.h"

/* ---- a bitmap over the positions' priority lists ----------------------- */

static inline void
bit_set (uint64_t *bits, int64_t k)
{
  bits[k >> 6] |= UINT64_C (1) << (k & 63);
}

static inline void
bit_clear (uint64_t *bits, int64_t k)
{
  bits[k >> 6] &= ~(UINT64_C (1) << (k & 63));
}

/* The highest set bit at or below k; the caller knows one exists. */
static inline int64_t
bit_highest_at_or_below (const uint64_t *bits, int64_t k)
{
  int64_t w = k >> 6;
  uint64_t word = bits[w] & (~UINT64_C (0) >> (63 - (k & 63)));
  while (word == 0)
    word = bits[--w];
  return (w << 6) + 63 - __builtin_clzll (word);
}

/* ---- employees proposing ------------------------------------------------ */

/* What a proposal reads of a position, packed in one 16-byte record so
 * that it costs one cache line. */
typedef struct {
  int32_t count; /* employees held */
  int32_t worst; /* rank of the worst held, when count > 0 */
  int32_t seats;
  int32_t base; /* pos_off[j]: where its list and bits start */
} PositionState;

/* An employee's current edge and the end of their list. */
typedef struct {
  int32_t next; /* absolute slot of the edge held or to propose */
  int32_t end;
} EmployeeState;

/* A queue entry is an employee who has not proposed yet, or, marked, the
 * position entry (an index into pos_edges) of an employee who lost their
 * seat there. The evicted employee resumes after the edge they held, and
 * nobody reads who they are, or touches their state, at the moment of
 * eviction: that read of the position's list was a cache miss the solver
 * waited for on every eviction, and in the queue it is prefetched like the
 * rest. Position entries number at most INT32_MAX, so they fit beside the
 * mark. */
#define EVICTED UINT32_C (0x80000000)

/* How far ahead in the queue the solver prefetches: the position entry of
 * an evicted employee at distance LINK, the state of the employee at FAR,
 * the edge of the one at MID, and the position of the one at NEAR, so
 * that the dependent cache misses of a proposal overlap with the work on
 * the employees before it. */
#define PREFETCH_LINK 36
#define PREFETCH_FAR 24
#define PREFETCH_MID 12
#define PREFETCH_NEAR 4

typedef struct {
  const SmMarket *mk;
  EmployeeState *emp; /* n */
  PositionState *pos; /* m */
  uint64_t *held;     /* bit base + r: the position holds its r-th */
  uint32_t *queue;    /* ring of free employees, first in first out */
  size_t head, tail, mask;
  uint64_t proposals;
  int32_t *group_count; /* per group: employees held; NULL: no groups */
  uint8_t *group_binds; /* per group: cap below the group's seats */
  size_t emp_bytes, pos_bytes, held_bytes, queue_bytes; /* to free with */
} EmployeeDA;

static void
employee_da_clear (EmployeeDA *da)
{
  sm_big__free (da->emp, da->emp_bytes);
  sm_big__free (da->pos, da->pos_bytes);
  sm_big__free (da->held, da->held_bytes);
  sm_big__free (da->queue, da->queue_bytes);
  g_free (da->group_count);
  g_free (da->group_binds);
}

/* Marks the groups whose cap is below their seats; only those need the
 * flexible rule, the others act as if uncapped. */
static gboolean
init_groups (EmployeeDA *da)
{
  const SmMarket *mk = da->mk;
  if (mk->n_groups == 0)
    return TRUE;
  da->group_count = g_try_new0 (int32_t, (size_t) mk->n_groups);
  da->group_binds = g_try_new0 (uint8_t, (size_t) mk->n_groups);
  if (da->group_count == NULL || da->group_binds == NULL)
    return FALSE;
  for (int32_t g = 0; g < mk->n_groups; g++)
    da->group_binds[g] = sm_market__group_binds (mk, g);
  return TRUE;
}

/* The queue holds each free employee at most once, so n places suffice;
 * a power of two makes the ring index a mask. */
static size_t
queue_size (int32_t n)
{
  size_t size = 1;
  while (size < (size_t) n + PREFETCH_LINK + 1)
    size <<= 1;
  return size;
}

static gboolean
employee_da_init (EmployeeDA *da, const SmMarket *mk)
{
  memset (da, 0, sizeof *da);
  da->mk = mk;
  size_t n = (size_t) mk->n_employees, m = (size_t) mk->n_positions;
  size_t words = (size_t) mk->pos_off[mk->n_positions] / 64 + 1;
  size_t qsize = queue_size (mk->n_employees);
  /* Large markets make these large arrays read at random: see
   * sm_big__alloc() for why they have pages of their own. */
  da->emp_bytes = (n + 1) * sizeof (EmployeeState);
  da->pos_bytes = (m + 1) * sizeof (PositionState);
  da->held_bytes = words * sizeof (uint64_t);
  da->queue_bytes = qsize * sizeof (uint32_t);
  da->emp = sm_big__alloc (da->emp_bytes);
  da->pos = sm_big__alloc (da->pos_bytes);
  da->held = sm_big__alloc0 (da->held_bytes);
  da->queue = sm_big__alloc (da->queue_bytes);
  if (!da->emp || !da->pos || !da->held || !da->queue)
    return FALSE;
  for (size_t i = 0; i < n; i++)
    {
      da->emp[i] = (EmployeeState){ mk->emp_off[i], mk->emp_off[i + 1] };
      da->queue[i] = (uint32_t) i;
    }
  for (size_t j = 0; j < m; j++)
    da->pos[j] = (PositionState){ 0, 0, mk->seats[j], mk->pos_off[j] };
  da->mask = qsize - 1;
  da->head = 0;
  da->tail = n;
  return init_groups (da);
}

static inline void
enqueue (EmployeeDA *da, uint32_t entry)
{
  da->queue[da->tail++ & da->mask] = entry;
}

/* Position j takes the applicant of rank r into a free seat. */
static void
hold_grow (EmployeeDA *da, int32_t j, int32_t r)
{
  PositionState *p = &da->pos[j];
  bit_set (da->held, (int64_t) p->base + r);
  p->worst = p->count++ == 0 ? r : MAX (p->worst, r);
  if (da->group_count != NULL && da->mk->group_of[j] >= 0)
    da->group_count[da->mk->group_of[j]]++;
}

/* Position j lets its worst held employee go, who goes back in the queue
 * to resume after the edge they held; the queue names them by that
 * position entry (see EVICTED). */
static void
release_worst (EmployeeDA *da, int32_t j)
{
  const SmMarket *mk = da->mk;
  PositionState *p = &da->pos[j];
  int64_t k = (int64_t) p->base + p->worst;
  enqueue (da, (uint32_t) k | EVICTED);
  bit_clear (da->held, k);
  if (--p->count > 0)
    p->worst = (int32_t) (bit_highest_at_or_below (da->held, k - 1) - p->base);
  if (da->group_count != NULL && mk->group_of[j] >= 0)
    da->group_count[mk->group_of[j]]--;
}

/* Position j takes the applicant of rank r in place of its worst. The
 * caller has checked that r is better than that worst. */
static void
hold_swap (EmployeeDA *da, int32_t j, int32_t r)
{
  release_worst (da, j);
  hold_grow (da, j, r);
}

/* ---- the flexible part, for positions under a binding cap -------------- */

/* A group hands out its extra seats as tokens (k, p): the k-th extra seat
 * of the position p-th in the group's order, in the order (1, 0), (1, 1),
 * ..., (2, 0), ... The seats held beyond target are exactly the first
 * tokens of that order, so the token given up when the cap is reached is
 * the last one: the position with the most extra seats, latest in order.
 * Found by a scan of the group: O(group size), paid only when a cap binds
 * and a proposal meets it. */
static int32_t
last_extra_position (const EmployeeDA *da, int32_t g)
{
  const SmMarket *mk = da->mk;
  int32_t best = -1, best_extra = 0;
  for (int32_t k = mk->group_off[g]; k < mk->group_off[g + 1]; k++)
    {
      int32_t h = mk->group_pos[k];
      int32_t extra = da->pos[h].count - mk->target[h];
      if (extra > 0 && extra >= best_extra)
        {
          best = h;
          best_extra = extra;
        }
    }
  return best;
}

/* Position j, with a free seat but in a group at its cap, gets a
 * proposal of rank r: it grows at the expense of the group's last extra
 * seat, or it can only swap within its own seats. Returns whether the
 * proposer is held. */
static gboolean
offer_under_cap (EmployeeDA *da, int32_t j, int32_t r)
{
  const SmMarket *mk = da->mk;
  int32_t h = last_extra_position (da, mk->group_of[j]);
  gboolean grows = da->pos[j].count < mk->target[j]
                   || (h >= 0
                       && sm_market__next_extra_before (mk, j, da->pos[j].count,
                                                        h, da->pos[h].count));
  if (grows)
    {
      /* Below target, some other position must hold an extra seat: the
       * targets add up to at most the cap, which is reached. */
      g_assert (h >= 0 && h != j);
      release_worst (da, h);
      hold_grow (da, j, r);
      return TRUE;
    }
  if (da->pos[j].count > 0 && r < da->pos[j].worst)
    {
      hold_swap (da, j, r);
      return TRUE;
    }
  return FALSE;
}

/* Whether position j holds the proposer of rank r, updating the state. */
static inline gboolean
offer (EmployeeDA *da, int32_t j, int32_t r)
{
  const PositionState *p = &da->pos[j];
  if (p->count < p->seats)
    {
      int32_t g = da->group_count != NULL ? da->mk->group_of[j] : -1;
      if (g >= 0 && da->group_binds[g]
          && da->group_count[g] >= da->mk->group_cap[g])
        return offer_under_cap (da, j, r);
      hold_grow (da, j, r);
      return TRUE;
    }
  if (r < p->worst)
    {
      hold_swap (da, j, r);
      return TRUE;
    }
  return FALSE;
}

/* The state of the employee a queue entry stands for. */
static inline EmployeeState *
queued_state (const EmployeeDA *da, uint32_t entry)
{
  int32_t i = (entry & EVICTED) ? da->mk->pos_edges[entry & ~EVICTED].target
                                : (int32_t) entry;
  return &da->emp[i];
}

/* The slot the employee of @state, taken from the queue as @entry,
 * proposes along next. */
static inline int32_t
resume_slot (const EmployeeState *state, uint32_t entry)
{
  return state->next + ((entry & EVICTED) ? 1 : 0);
}

/* The queue entry @distance places after the head. */
static inline uint32_t
queue_ahead (const EmployeeDA *da, size_t distance)
{
  return da->queue[(da->head + distance) & da->mask];
}

/* Starts loading what the employees a little further down the queue will
 * need. Reading ahead in the queue is safe: entries between head and tail
 * are final until they are taken.
 *
 * Always inlined: a function whose only effect is prefetching looks pure
 * to GCC (12, at -O1 and up), and a pure call whose result is unused is
 * deleted, so on its own this function was compiled to nothing. Inlined,
 * its prefetches sit in the solver's loop and stay (tests/prefetch-check.sh
 * looks for them in the built library). */
G_ALWAYS_INLINE static inline void
prefetch_ahead (const EmployeeDA *da)
{
  const SmMarket *mk = da->mk;
  size_t avail = da->tail - da->head;
  if (avail > PREFETCH_LINK)
    {
      uint32_t entry = queue_ahead (da, PREFETCH_LINK);
      if (entry & EVICTED)
        __builtin_prefetch (&mk->pos_edges[entry & ~EVICTED]);
    }
  if (avail > PREFETCH_FAR)
    __builtin_prefetch (queued_state (da, queue_ahead (da, PREFETCH_FAR)));
  if (avail > PREFETCH_MID)
    {
      uint32_t entry = queue_ahead (da, PREFETCH_MID);
      const EmployeeState *state = queued_state (da, entry);
      __builtin_prefetch (&mk->emp_edges[resume_slot (state, entry)]);
    }
  if (avail > PREFETCH_NEAR)
    {
      uint32_t entry = queue_ahead (da, PREFETCH_NEAR);
      const EmployeeState *state = queued_state (da, entry);
      int32_t s = resume_slot (state, entry);
      if (s < state->end)
        __builtin_prefetch (&da->pos[mk->emp_edges[s].target], 1);
    }
}

/* The employee proposes down their list until held or exhausted. */
static void
propose_from (EmployeeDA *da, uint32_t entry)
{
  const SmEdge *edges = da->mk->emp_edges;
  EmployeeState *e = queued_state (da, entry);
  int32_t s = resume_slot (e, entry);
  for (; s < e->end; s++)
    {
      da->proposals++;
      if (offer (da, edges[s].target, edges[s].rank))
        break;
    }
  e->next = s;
}

/* Writes the @count employees position j holds, in priority order, to
 * @out: the set bits of its part of the bitmap, read a word at a time and
 * a set bit at a time, so that empty words cost one test each and a
 * complete list of thousands costs its held employees, not its length. */
static void
read_held (const EmployeeDA *da, int32_t j, int32_t *out, int32_t count)
{
  const SmEdge *edges = da->mk->pos_edges;
  int64_t q = da->pos[j].base;
  int64_t w = q >> 6;
  uint64_t word = da->held[w] & (~UINT64_C (0) << (q & 63));
  for (int32_t k = 0; k < count;)
    {
      while (word == 0)
        word = da->held[++w];
      out[k++] = edges[(w << 6) + __builtin_ctzll (word)].target;
      word &= word - 1;
    }
}

/* Reads the matching off the final state: held lists come straight from
 * the bitmap, in priority order. */
static SmMatching *
employee_da_result (const EmployeeDA *da)
{
  const SmMarket *mk = da->mk;
  SmMatching *mt = sm_matching__alloc (mk->n_employees, mk->n_positions);
  if (mt == NULL)
    return NULL;
  int32_t n_placed = 0;
  for (int32_t j = 0; j < mk->n_positions; j++)
    {
      const PositionState *p = &da->pos[j];
      mt->held_off[j + 1] = p->count;
      n_placed += p->count;
      mt->cutoff[j] = p->count == p->seats ? p->worst : SM_CUTOFF_OPEN;
    }
  if (!sm_matching__alloc_held (mt, n_placed))
    {
      sm_matching_free (mt);
      return NULL;
    }
  for (int32_t i = 0; i < mk->n_employees; i++)
    {
      int32_t s = da->emp[i].next;
      gboolean placed = s < da->emp[i].end;
      mt->assignment[i] = placed ? mk->emp_edges[s].target : SM_DEFAULT;
      mt->choice[i] = placed ? s - mk->emp_off[i] : -1;
    }
  for (int32_t j = 0; j < mk->n_positions; j++)
    read_held (da, j, mt->held + mt->held_off[j],
               mt->held_off[j + 1] - mt->held_off[j]);
  mt->n_proposals = da->proposals;
  return mt;
}

static SmMatching *
solve_employees_proposing (const SmMarket *mk)
{
  EmployeeDA da;
  SmMatching *mt = NULL;
  if (employee_da_init (&da, mk))
    {
      while (da.head != da.tail)
        {
          prefetch_ahead (&da);
          propose_from (&da, da.queue[da.head++ & da.mask]);
        }
      mt = employee_da_result (&da);
    }
  employee_da_clear (&da);
  return mt;
}

/* ---- positions proposing ------------------------------------------------ */

typedef struct {
  const SmMarket *mk;
  int32_t *next;    /* m: the position's next edge to propose along */
  int32_t *count;   /* m: employees held */
  int32_t *holder;  /* n: the position holding the employee, or -1 */
  int32_t *choice;  /* n: that position's place in the employee's list */
  int32_t *stack;   /* positions that may have to propose */
  uint8_t *stacked; /* m: whether the position is on the stack */
  int32_t n_stacked;
  uint64_t proposals;
} PositionDA;

static void
position_da_clear (PositionDA *da)
{
  g_free (da->next);
  g_free (da->count);
  g_free (da->holder);
  g_free (da->choice);
  g_free (da->stack);
  g_free (da->stacked);
}

static gboolean
position_da_init (PositionDA *da, const SmMarket *mk)
{
  memset (da, 0, sizeof *da);
  da->mk = mk;
  size_t n = (size_t) mk->n_employees + 1, m = (size_t) mk->n_positions + 1;
  da->next = g_try_new (int32_t, m);
  da->count = g_try_new0 (int32_t, m);
  da->holder = g_try_new (int32_t, n);
  da->choice = g_try_new (int32_t, n);
  da->stack = g_try_new (int32_t, m);
  da->stacked = g_try_new0 (uint8_t, m);
  if (!da->next || !da->count || !da->holder || !da->choice || !da->stack
      || !da->stacked)
    return FALSE;
  memcpy (da->next, mk->pos_off, m * sizeof (int32_t));
  memset (da->holder, 0xff, n * sizeof (int32_t));
  return TRUE;
}

static void
push_position (PositionDA *da, int32_t j)
{
  if (!da->stacked[j])
    {
      da->stacked[j] = 1;
      da->stack[da->n_stacked++] = j;
    }
}

/* Position j proposes down its order while it has a free seat. */
static void
offer_from (PositionDA *da, int32_t j)
{
  const SmMarket *mk = da->mk;
  const int32_t end = mk->pos_off[j + 1];
  while (da->count[j] < mk->seats[j] && da->next[j] < end)
    {
      const SmEdge *e = &mk->pos_edges[da->next[j]++];
      int32_t i = e->target;
      da->proposals++;
      int32_t previous = da->holder[i];
      if (previous >= 0 && da->choice[i] <= e->rank)
        continue;
      if (previous >= 0)
        {
          da->count[previous]--;
          push_position (da, previous);
        }
      da->holder[i] = j;
      da->choice[i] = e->rank;
      da->count[j]++;
    }
}

/* Reads the matching off the final state. A position's held employees are
 * among those it proposed to, so walking that prefix of its order gives
 * them in priority order. */
static SmMatching *
position_da_result (const PositionDA *da)
{
  const SmMarket *mk = da->mk;
  SmMatching *mt = sm_matching__alloc (mk->n_employees, mk->n_positions);
  if (mt == NULL)
    return NULL;
  int32_t n_placed = 0;
  for (int32_t j = 0; j < mk->n_positions; j++)
    {
      mt->held_off[j + 1] = da->count[j];
      n_placed += da->count[j];
    }
  if (!sm_matching__alloc_held (mt, n_placed))
    {
      sm_matching_free (mt);
      return NULL;
    }
  for (int32_t i = 0; i < mk->n_employees; i++)
    {
      mt->assignment[i] = da->holder[i];
      mt->choice[i] = da->holder[i] >= 0 ? da->choice[i] : -1;
    }
  for (int32_t j = 0; j < mk->n_positions; j++)
    {
      int32_t k = mt->held_off[j], worst = 0;
      for (int32_t q = mk->pos_off[j]; q < da->next[j]; q++)
        if (da->holder[mk->pos_edges[q].target] == j)
          {
            mt->held[k++] = mk->pos_edges[q].target;
            worst = q - mk->pos_off[j];
          }
      mt->cutoff[j] = da->count[j] == mk->seats[j] ? worst : SM_CUTOFF_OPEN;
    }
  mt->n_proposals = da->proposals;
  return mt;
}

static SmMatching *
solve_positions_proposing (const SmMarket *mk)
{
  PositionDA da;
  SmMatching *mt = NULL;
  if (position_da_init (&da, mk))
    {
      for (int32_t j = mk->n_positions; j-- > 0;)
        push_position (&da, j);
      while (da.n_stacked > 0)
        {
          int32_t j = da.stack[--da.n_stacked];
          da.stacked[j] = 0;
          offer_from (&da, j);
        }
      mt = position_da_result (&da);
    }
  position_da_clear (&da);
  return mt;
}

/* ---- entry point -------------------------------------------------------- */

SmMatching *
sm_market_solve (const SmMarket *market, SmSide proposing, GError **error)
{
  g_return_val_if_fail (market != NULL, NULL);
  g_return_val_if_fail (proposing == SM_SIDE_EMPLOYEES
                            || proposing == SM_SIDE_POSITIONS,
                        NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (proposing == SM_SIDE_POSITIONS && sm_market_caps_bind (market))
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INFEASIBLE,
                   "Positions cannot propose while a headcount cap binds "
                   "(a group's seats exceed its cap); let employees "
                   "propose, or raise the cap to the group's seats.");
      return NULL;
    }
  SmMatching *mt = proposing == SM_SIDE_EMPLOYEES
                       ? solve_employees_proposing (market)
                       : solve_positions_proposing (market);
  if (mt == NULL)
    g_set_error (error, SM_ERROR, SM_ERROR_NO_MEMORY,
                 "Out of memory while solving a market of %d employees and "
                 "%d positions.",
                 market->n_employees, market->n_positions);
  return mt;
}
