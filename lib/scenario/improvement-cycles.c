/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: stable improvement cycles after tie-breaking.
 *
 * Variant: the stable improvement cycles algorithm of Erdil and Ergin
 * (2008), "What's the matter with tie-breaking? Improving efficiency in
 * school choice", AER 98(3), 669-689, on the matching that deferred
 * acceptance with tie-breaking found. Employee i "desires" position j
 * when i lists j before the position they hold (everyone at the default
 * desires their whole list). D_j is the set of desirers of j in the
 * highest priority class among all of j's desirers, the lottery left
 * aside (the class key includes the reflection stage's boost, which is a
 * priority, not a lottery). Draw an edge from position a to position j
 * for every employee held at a who is in D_j. A cycle a1 -> a2 -> ... ->
 * a1 is a stable improvement cycle: moving each edge's employee to the
 * next position makes all of them better off, leaves every position with
 * the same number of employees (so seats, target seats and headcount caps
 * hold exactly as before), and keeps the matching stable with respect to
 * the rule's ties: the mover into j had the highest class among all who
 * wanted j, the set of desirers only shrinks, and nobody's class changed.
 * Cycles are carried out one at a time until none is left. Erdil and
 * Ergin show that a stable matching without such a cycle is not
 * Pareto-dominated by any other stable matching (for markets without
 * caps; under caps the result is still stable and no worse for anyone).
 *
 * Not strategy-proof: an employee may gain by misstating their
 * preferences (Erdil and Ergin, and Abdulkadiroglu, Pathak and Roth
 * 2009, show that no mechanism that is constrained efficient can be).
 * Deferred acceptance with tie-breaking is strategy-proof; this is the
 * price of the efficiency it wins back, and it must be said wherever it is
 * offered.
 *
 * Invariants: solver->next is a matching that respects every position's
 * seats and every group's cap and is stable for the keys' classes; each
 * cycle raises at least two employees strictly in their lists, so there
 * are fewer cycles than list entries. The cycle found is the first that a
 * depth-first search from the positions in index order meets, edges in
 * employee order, so the result is the same on every machine.
 *
 * Cost per cycle: O(n + m + entries) to rebuild the desire graph and
 * search it; memory is the solver's, O(n + m + entries), allocated once.
 */
#include "scenario/tied-market-private.h"

/* D_j's class for every position: the smallest hi key among desirers. */
static void
find_best (SmTiedSolver *s)
{
  const SmMarket *mk = s->tm->market;
  for (int32_t j = 0; j < mk->n_positions; j++)
    s->best[j] = UINT64_MAX;
  for (int32_t i = 0; i < mk->n_employees; i++)
    for (int32_t slot = mk->emp_off[i]; slot < s->next[i]; slot++)
      {
        int32_t j = s->tm->entries[slot].position;
        uint64_t hi = sm_tied_solver__class_key (s, i, slot);
        if (hi < s->best[j])
          s->best[j] = hi;
      }
}

/* Who is held where, by a counting sort in employee order. */
static void
find_held (SmTiedSolver *s)
{
  const SmMarket *mk = s->tm->market;
  int32_t m = mk->n_positions;
  for (int32_t j = 0; j <= m; j++)
    s->held_off[j] = 0;
  for (int32_t i = 0; i < mk->n_employees; i++)
    if (s->next[i] < mk->emp_off[i + 1])
      s->held_off[s->tm->entries[s->next[i]].position + 1]++;
  for (int32_t j = 0; j < m; j++)
    s->held_off[j + 1] += s->held_off[j];
  for (int32_t j = 0; j < m; j++)
    s->dfs[j] = s->held_off[j]; /* the fill pointer, for now */
  for (int32_t i = 0; i < mk->n_employees; i++)
    if (s->next[i] < mk->emp_off[i + 1])
      s->held[s->dfs[s->tm->entries[s->next[i]].position]++] = i;
}

/* The edges a -> j of every position a, with the slot and the mover. */
static void
find_edges (SmTiedSolver *s)
{
  const SmMarket *mk = s->tm->market;
  int32_t e = 0;
  for (int32_t a = 0; a < mk->n_positions; a++)
    {
      s->edge_off[a] = e;
      for (int32_t k = s->held_off[a]; k < s->held_off[a + 1]; k++)
        {
          int32_t i = s->held[k];
          for (int32_t slot = mk->emp_off[i]; slot < s->next[i]; slot++)
            {
              int32_t j = s->tm->entries[slot].position;
              if (sm_tied_solver__class_key (s, i, slot) != s->best[j])
                continue;
              s->edge_slot[e] = slot;
              s->edge_emp[e] = i;
              e++;
            }
        }
    }
  s->edge_off[mk->n_positions] = e;
}

/* Moves every employee of the cycle path[from..depth] along its edge. */
static void
carry_out (SmTiedSolver *s, int32_t from, int32_t depth)
{
  for (int32_t k = from; k <= depth; k++)
    {
      int32_t e = s->via[k];
      s->next[s->edge_emp[e]] = s->edge_slot[e];
    }
}

/* Depth-first search from @root; dfs[j] is -1 (not seen), -2 (done) or
 * j's depth on the current path. Carries out the first cycle met. */
static gboolean
search_from (SmTiedSolver *s, int32_t root)
{
  int32_t depth = 0;
  s->path[0] = root;
  s->dfs[root] = 0;
  s->via[0] = s->edge_off[root];
  while (depth >= 0)
    {
      int32_t a = s->path[depth], e = s->via[depth];
      if (e == s->edge_off[a + 1])
        {
          s->dfs[a] = -2;
          if (--depth >= 0)
            s->via[depth]++;
          continue;
        }
      int32_t b = s->tm->entries[s->edge_slot[e]].position;
      if (s->dfs[b] >= 0)
        {
          carry_out (s, s->dfs[b], depth);
          return TRUE;
        }
      if (s->dfs[b] == -2)
        {
          s->via[depth]++;
          continue;
        }
      s->path[++depth] = b;
      s->dfs[b] = depth;
      s->via[depth] = s->edge_off[b];
    }
  return FALSE;
}

/* Finds and carries out one stable improvement cycle, if there is one. */
static gboolean
improve_once (SmTiedSolver *s)
{
  const SmMarket *mk = s->tm->market;
  find_best (s);
  find_held (s);
  find_edges (s);
  for (int32_t j = 0; j < mk->n_positions; j++)
    s->dfs[j] = -1;
  for (int32_t j = 0; j < mk->n_positions; j++)
    if (s->dfs[j] == -1 && search_from (s, j))
      return TRUE;
  return FALSE;
}

int64_t
sm_tied_solver__improve (SmTiedSolver *s)
{
  int64_t cycles = 0;
  while (improve_once (s))
    cycles++;
  s->n_cycles += cycles;
  return cycles;
}
