/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: matchings as index vectors.
 *
 * A matching stores each employee's position and the index of that
 * position in the employee's list, and per position the employees it
 * holds, best priority first, as CSR, with its cutoff. The solvers fill
 * these arrays directly; a matching from an arbitrary assignment derives
 * them here, tolerating what is invalid so that the checker can say so. */
#include "core/matching-private.h"

#include <stdlib.h>
#include <string.h>
#include <staffmatch/error.h>

#include "core/market-private.h"

SmMatching *
sm_matching__alloc (int32_t n_employees, int32_t n_positions)
{
  SmMatching *mt = g_try_new0 (SmMatching, 1);
  if (mt == NULL)
    return NULL;
  mt->n_employees = n_employees;
  mt->n_positions = n_positions;
  mt->assignment = g_try_new (int32_t, (size_t) n_employees + 1);
  mt->choice = g_try_new (int32_t, (size_t) n_employees + 1);
  mt->held_off = g_try_new0 (int32_t, (size_t) n_positions + 1);
  mt->cutoff = g_try_new (int32_t, (size_t) n_positions + 1);
  if (mt->assignment == NULL || mt->choice == NULL || mt->held_off == NULL
      || mt->cutoff == NULL)
    {
      sm_matching_free (mt);
      return NULL;
    }
  return mt;
}

gboolean
sm_matching__alloc_held (SmMatching *mt, int32_t n_placed)
{
  mt->n_placed = n_placed;
  mt->held = g_try_new (int32_t, (size_t) n_placed + 1);
  if (mt->held == NULL)
    return FALSE;
  for (int32_t j = 0; j < mt->n_positions; j++)
    mt->held_off[j + 1] += mt->held_off[j];
  return TRUE;
}

void
sm_matching_free (SmMatching *matching)
{
  if (matching == NULL)
    return;
  g_free (matching->assignment);
  g_free (matching->choice);
  g_free (matching->held_off);
  g_free (matching->held);
  g_free (matching->cutoff);
  g_free (matching);
}

static int32_t *
dup_ints (const int32_t *a, size_t n)
{
  return g_memdup2 (a, MAX (n, (size_t) 1) * sizeof (int32_t));
}

SmMatching *
sm_matching_copy (const SmMatching *matching)
{
  g_return_val_if_fail (matching != NULL, NULL);
  const SmMatching *m = matching;
  SmMatching *c = g_new0 (SmMatching, 1);
  *c = *m;
  c->assignment = dup_ints (m->assignment, (size_t) m->n_employees);
  c->choice = dup_ints (m->choice, (size_t) m->n_employees);
  c->held_off = dup_ints (m->held_off, (size_t) m->n_positions + 1);
  c->held = dup_ints (m->held, (size_t) m->n_placed);
  c->cutoff = dup_ints (m->cutoff, (size_t) m->n_positions);
  return c;
}

/* ---- from an assignment ------------------------------------------------- */

typedef struct {
  int32_t rank; /* the position's rank of the employee; unranked last */
  int32_t employee;
} RankedEmployee;

static int
compare_ranked (const void *a, const void *b)
{
  const RankedEmployee *x = a, *y = b;
  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return (x->employee > y->employee) - (x->employee < y->employee);
}

/* The rank position j gives employee i, or INT32_MAX when i did not list j
 * (and *choice_out = -1). */
static int32_t
rank_at (const SmMarket *mk, int32_t i, int32_t j, int32_t *choice_out)
{
  *choice_out = sm_market_find_choice (mk, i, j);
  if (*choice_out < 0)
    return INT32_MAX;
  return mk->emp_edges[mk->emp_off[i] + *choice_out].rank;
}

/* Sorts each position's block of held employees by rank and sets the
 * cutoff: the worst ranked admitted when the seats are all taken. */
static void
order_held (const SmMarket *mk, SmMatching *mt, RankedEmployee *ranked)
{
  for (int32_t j = 0; j < mt->n_positions; j++)
    {
      int32_t a = mt->held_off[j], z = mt->held_off[j + 1];
      qsort (ranked + a, (size_t) (z - a), sizeof *ranked, compare_ranked);
      for (int32_t k = a; k < z; k++)
        mt->held[k] = ranked[k].employee;
      gboolean full = z - a >= mk->seats[j];
      int32_t worst = z > a ? ranked[z - 1].rank : 0;
      mt->cutoff[j] = full && worst != INT32_MAX ? worst : SM_CUTOFF_OPEN;
    }
}

static gboolean
check_assignment (const SmMarket *mk, const int32_t *assignment,
                  int32_t n_employees, GError **error)
{
  if (n_employees != mk->n_employees)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_SIZE,
                   "The assignment has %d employees, the market %d.",
                   n_employees, mk->n_employees);
      return FALSE;
    }
  for (int32_t i = 0; i < n_employees; i++)
    if (assignment[i] < SM_DEFAULT || assignment[i] >= mk->n_positions)
      {
        g_set_error (error, SM_ERROR, SM_ERROR_INDEX_OUT_OF_RANGE,
                     "Employee %d is assigned to position %d, but positions "
                     "are numbered 0 to %d (or -1 for the default).",
                     i, assignment[i], mk->n_positions - 1);
        return FALSE;
      }
  return TRUE;
}

SmMatching *
sm_matching_new_from_assignment (const SmMarket *market,
                                 const int32_t *assignment, int32_t n_employees,
                                 GError **error)
{
  g_return_val_if_fail (market != NULL, NULL);
  g_return_val_if_fail (assignment != NULL || n_employees == 0, NULL);
  if (!check_assignment (market, assignment, n_employees, error))
    return NULL;
  g_autoptr (SmMatching)
      mt = sm_matching__alloc (n_employees, market->n_positions);
  int32_t n_placed = 0;
  for (int32_t i = 0; mt != NULL && i < n_employees; i++)
    if (assignment[i] != SM_DEFAULT)
      {
        mt->held_off[assignment[i] + 1]++;
        n_placed++;
      }
  g_autofree RankedEmployee *ranked = g_try_new (RankedEmployee,
                                                 (size_t) n_placed + 1);
  size_t m1 = (size_t) market->n_positions + 1;
  g_autofree int32_t *cursor = g_try_new (int32_t, m1);
  if (mt == NULL || ranked == NULL || cursor == NULL
      || !sm_matching__alloc_held (mt, n_placed))
    {
      g_set_error (error, SM_ERROR, SM_ERROR_NO_MEMORY,
                   "Out of memory while making a matching.");
      return NULL;
    }
  /* Each position's write cursor starts at the start of its block. */
  memcpy (cursor, mt->held_off, m1 * sizeof (int32_t));
  for (int32_t i = 0; i < n_employees; i++)
    {
      int32_t j = assignment[i];
      mt->assignment[i] = j;
      mt->choice[i] = -1;
      if (j == SM_DEFAULT)
        continue;
      RankedEmployee *slot = &ranked[cursor[j]++];
      slot->employee = i;
      slot->rank = rank_at (market, i, j, &mt->choice[i]);
    }
  order_held (market, mt, ranked);
  return g_steal_pointer (&mt);
}

/* ---- getters ------------------------------------------------------------ */

int32_t
sm_matching_get_n_employees (const SmMatching *matching)
{
  g_return_val_if_fail (matching != NULL, 0);
  return matching->n_employees;
}

int32_t
sm_matching_get_n_positions (const SmMatching *matching)
{
  g_return_val_if_fail (matching != NULL, 0);
  return matching->n_positions;
}

int32_t
sm_matching_get_position (const SmMatching *matching, int32_t employee)
{
  g_return_val_if_fail (matching != NULL, SM_DEFAULT);
  g_return_val_if_fail (employee >= 0 && employee < matching->n_employees,
                        SM_DEFAULT);
  return matching->assignment[employee];
}

int32_t
sm_matching_get_choice (const SmMatching *matching, int32_t employee)
{
  g_return_val_if_fail (matching != NULL, -1);
  g_return_val_if_fail (employee >= 0 && employee < matching->n_employees, -1);
  return matching->choice[employee];
}

const int32_t *
sm_matching_get_assignment (const SmMatching *matching)
{
  g_return_val_if_fail (matching != NULL, NULL);
  return matching->assignment;
}

const int32_t *
sm_matching_get_held (const SmMatching *matching, int32_t position,
                      int32_t *n_out)
{
  g_return_val_if_fail (matching != NULL && n_out != NULL, NULL);
  g_return_val_if_fail (position >= 0 && position < matching->n_positions,
                        NULL);
  int32_t first = matching->held_off[position];
  *n_out = matching->held_off[position + 1] - first;
  return matching->held + first;
}

int32_t
sm_matching_get_cutoff (const SmMatching *matching, int32_t position)
{
  g_return_val_if_fail (matching != NULL, SM_CUTOFF_OPEN);
  g_return_val_if_fail (position >= 0 && position < matching->n_positions,
                        SM_CUTOFF_OPEN);
  return matching->cutoff[position];
}

int32_t
sm_matching_get_n_placed (const SmMatching *matching)
{
  g_return_val_if_fail (matching != NULL, 0);
  return matching->n_placed;
}

uint64_t
sm_matching_get_n_proposals (const SmMatching *matching)
{
  g_return_val_if_fail (matching != NULL, 0);
  return matching->n_proposals;
}

gboolean
sm_matching_equal (const SmMatching *a, const SmMatching *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return a->n_employees == b->n_employees && a->n_positions == b->n_positions
         && memcmp (a->assignment, b->assignment,
                    (size_t) a->n_employees * sizeof (int32_t))
                == 0;
}
