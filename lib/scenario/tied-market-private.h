/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: a market that keeps its priority ties, and the solver state
 * that redraws their lottery, for the simulation of a scenario's lottery
 * (scenario/lottery.c, scenario/simulation.c). Not installed.
 *
 * A tied market is an ordinary market (its lists, seats, caps and groups)
 * plus, beside every entry of an employee's list, the tie class of the
 * employee at that position (0 is the highest priority; employees in the
 * same class are tied by the rule) and a 64-bit hash of the identifiers
 * from which a draw makes the lottery number. A position ranks the
 * employees who list it by the key (boost, tie class, lottery number,
 * identifier rank), smallest first: the boost is 0 except where a second
 * stage (the reflection principle) puts some candidates first. With the
 * tie classes and hashes of a compiled scenario, that key orders every
 * position exactly as the scenario's compiled market does for the same
 * seed, so a draw is the scenario's placement with that seed, without
 * compiling or sorting anything again.
 *
 * A tied market is read-only once built and may be shared by any number
 * of threads; an SmTiedSolver is one thread's working memory.
 */
#pragma once

#include <stdint.h>
#include <glib.h>

#include "core/market-private.h"

/* One entry of an employee's list. */
typedef struct {
  int32_t position;
  uint32_t tie_class; /* the employee's class at the position, 0 first */
  uint64_t hash;      /* lottery number = mix64 (mixed seed ^ hash) */
} SmTiedEntry;

typedef struct {
  SmMarket *market;       /* held: lists (emp_off), seats, caps, groups */
  SmTiedEntry *entries;   /* beside market->emp_edges */
  uint32_t *id_rank;      /* n: rank of the employee's identifier, which
                             settles equal lottery numbers */
  int32_t *n_classes;     /* m: tie classes in the position's order */
  int32_t *binding_group; /* m: the position's group when its cap is
                             below the group's seats, else -1 */
} SmTiedMarket;

/* Takes a reference to @market; the other arrays are allocated here
 * (entries zeroed, id_rank 0..n-1, n_classes 0) for the caller to fill. */
SmTiedMarket *sm_tied_market__new (SmMarket *market);
void sm_tied_market__free (SmTiedMarket *tied);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmTiedMarket, sm_tied_market__free)

/* A held employee and their key at the position. */
typedef struct {
  uint64_t hi; /* boost << 32 | tie class */
  uint64_t lo; /* lottery number */
  uint32_t id_rank;
  int32_t employee;
} SmTiedKey;

/* One thread's working memory for draws on one tied market: O(n + m +
 * entries), allocated once and reused by every draw. */
typedef struct {
  const SmTiedMarket *tm;
  uint64_t mixed_seed;
  int32_t *next;  /* n: slot held or to propose along; == end:
                     at the default */
  int32_t *stack; /* n: employees free to propose */
  int32_t n_stack;
  int32_t *count;       /* m */
  int32_t *heap_off;    /* m + 1: each position's heap of held keys */
  SmTiedKey *heap;      /* worst held at the top */
  int32_t *group_count; /* per group */
  uint8_t *boost;       /* n: the employee's boost where boosted */
  uint8_t *boosted;     /* m: whether the position uses the boosts */
  uint64_t proposals;
  /* stable improvement cycles (improvement-cycles.c) */
  uint64_t *best;     /* m: smallest hi key among those who want it */
  int32_t *held_off;  /* m + 1 */
  int32_t *held;      /* n */
  int32_t *edge_off;  /* m + 1 */
  int32_t *edge_slot; /* entries: the slot the mover would take */
  int32_t *edge_emp;  /* entries: the mover */
  int32_t *dfs;       /* m: DFS state per position */
  int32_t *path;      /* m: the positions on the DFS path */
  int32_t *via;       /* m: the edge that leaves each path position */
  int64_t n_cycles;
} SmTiedSolver;

/* NULL when memory runs out. */
SmTiedSolver *sm_tied_solver__new (const SmTiedMarket *tm);
/* The same, without the memory of the improvement cycles (O(entries))
 * unless @improve: such a solver must not be given to
 * sm_tied_solver__improve(). */
SmTiedSolver *sm_tied_solver__new_for (const SmTiedMarket *tm,
                                       gboolean improve);
void sm_tied_solver__free (SmTiedSolver *solver);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmTiedSolver, sm_tied_solver__free)

/* Employee-proposing deferred acceptance (flexible under binding caps, as
 * sm_market_solve()) with the lottery of @mixed_seed (the splitmix64
 * finaliser of the draw's seed) and the current boosts. Afterwards
 * solver->next[i] is the slot of employee i's position in the market's
 * employee list, or the end of that list for the default. */
void sm_tied_solver__solve (SmTiedSolver *solver, uint64_t mixed_seed);

/* Clears every boost (call before a draw's first solve). */
void sm_tied_solver__clear_boosts (SmTiedSolver *solver);

/* The key of the employee whose list slot is @slot, at that slot's
 * position, under the solver's current draw and boosts. */
SmTiedKey sm_tied_solver__key (const SmTiedSolver *solver, int32_t employee,
                               int32_t slot);

/* The key's first part alone (boost << 32 | tie class): the priority
 * the rule gives, the lottery left aside. */
static inline uint64_t
sm_tied_solver__class_key (const SmTiedSolver *solver, int32_t employee,
                           int32_t slot)
{
  const SmTiedEntry *e = &solver->tm->entries[slot];
  uint64_t boost = solver->boosted[e->position] ? solver->boost[employee] : 0;
  return boost << 32 | e->tie_class;
}

/* Stable improvement cycles (improvement-cycles.c) on the solver's current
 * matching, until none is left. Returns the number of cycles carried out. */
int64_t sm_tied_solver__improve (SmTiedSolver *solver);
