/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the validity and stability checker.
 *
 * It trusts nothing in the matching but the assignment itself: where each
 * employee stands in their list and each position's worst admitted rank
 * are recomputed from the market, so a solver bug cannot hide behind its
 * own bookkeeping. Two passes over the employees' lists:
 *
 *   1. for every placed employee, find the position in their list (its
 *      index is their outcome; not found is a violation), count each
 *      position's employees and note the worst rank it admitted;
 *   2. every edge (j, r) above an employee's outcome is a blocking pair
 *      when j has a free seat or admitted someone ranked below r, unless
 *      a headcount cap excuses it (check.h says when).
 *
 * On a market with ties, "ranked" means the tie class instead of the
 * rank (priority_of()): a position blocks only with someone it strictly
 * prefers, which is weak stability (stability with respect to the ties,
 * Irving 1994; Erdil and Ergin 2008). Without ties the class is the rank
 * and nothing changes.
 *
 * Time O(n + m + entries), memory O(n + m) plus the pairs found.
 */
#include <string.h>
#include <staffmatch/check.h>
#include <staffmatch/error.h>

#include "core/market-private.h"

/* What the getters return for an empty list, so callers may always
 * memcpy or index from the pointer they get. */
static const SmViolation no_violations[1];
static const SmBlockingPair no_pairs[1];

struct _SmCheckReport {
  GArray *violations;     /* SmViolation */
  GArray *blocking_pairs; /* SmBlockingPair */
  GArray *excused_pairs;  /* SmBlockingPair */
};

typedef struct {
  int32_t *outcome;     /* n: index of the employee's position in their list,
                           or the list's length at the default or when the
                           position is not in the list */
  int32_t *count;       /* m */
  int32_t *worst;       /* m: worst admitted priority_of(), -1 if none */
  int32_t *group_count; /* per group */
  int32_t *last_extra;  /* per group: see find_last_extras() */
  const int32_t *assignment;
} CheckState;

/* The priority the position gives its @rank-th applicant: the tie class
 * on a tied market, else the rank. */
static inline int32_t
priority_of (const SmMarket *mk, int32_t position, int32_t rank)
{
  return mk->tie_class != NULL ? mk->tie_class[mk->pos_off[position] + rank]
                               : rank;
}

static void
add_violation (SmCheckReport *report, SmViolationKind kind, int32_t employee,
               int32_t position)
{
  SmViolation v = { kind, employee, position, -1 };
  g_array_append_val (report->violations, v);
}

/* Pass 1. */
static void
locate_outcomes (const SmMarket *mk, const int32_t *assignment, CheckState *st,
                 SmCheckReport *report)
{
  for (int32_t i = 0; i < mk->n_employees; i++)
    {
      int32_t j = assignment[i], first = mk->emp_off[i];
      int32_t len = mk->emp_off[i + 1] - first;
      st->outcome[i] = len;
      if (j == SM_DEFAULT)
        continue;
      st->count[j]++;
      for (int32_t c = 0; c < len; c++)
        if (mk->emp_edges[first + c].target == j)
          {
            st->outcome[i] = c;
            st->worst[j] = MAX (st->worst[j],
                                priority_of (mk, j,
                                             mk->emp_edges[first + c].rank));
            break;
          }
      if (st->outcome[i] == len)
        add_violation (report, SM_VIOLATION_KIND_NOT_ACCEPTABLE, i, j);
    }
  for (int32_t j = 0; j < mk->n_positions; j++)
    {
      if (st->count[j] > mk->seats[j])
        add_violation (report, SM_VIOLATION_KIND_OVER_SEATS, -1, j);
      if (mk->group_of[j] >= 0)
        st->group_count[mk->group_of[j]] += st->count[j];
    }
  for (int32_t g = 0; g < mk->n_groups; g++)
    if (st->group_count[g] > mk->group_cap[g])
      {
        SmViolation v = { SM_VIOLATION_KIND_OVER_CAP, -1, -1, g };
        g_array_append_val (report->violations, v);
      }
}

/* The position of each capped group holding the group's last extra seat
 * (the most extra seats, latest in the group's order), or -1. */
static void
find_last_extras (const SmMarket *mk, CheckState *st)
{
  for (int32_t g = 0; g < mk->n_groups; g++)
    {
      st->last_extra[g] = -1;
      int32_t best = 0;
      for (int32_t k = mk->group_off[g]; k < mk->group_off[g + 1]; k++)
        {
          int32_t h = mk->group_pos[k];
          int32_t extra = st->count[h] - mk->target[h];
          if (extra > 0 && extra >= best)
            {
              st->last_extra[g] = h;
              best = extra;
            }
        }
    }
}

/* Whether the cap of j's group excuses employee i's claim on a free seat
 * of j: see check.h. */
static gboolean
cap_excuses (const SmMarket *mk, const CheckState *st, int32_t i, int32_t j)
{
  int32_t g = mk->group_of[j];
  if (g < 0 || st->group_count[g] < mk->group_cap[g]
      || st->count[j] < mk->target[j])
    return FALSE;
  int32_t a = st->assignment[i];
  if (a == SM_DEFAULT || mk->group_of[a] != g)
    {
      /* Taking i means giving j an extra seat in place of the group's
       * last one. */
      int32_t h = st->last_extra[g];
      return h < 0
             || !sm_market__next_extra_before (mk, j, st->count[j], h,
                                               st->count[h]);
    }
  /* Moving i from a to j: the group wants it only when a keeps its
   * target and j's next extra seat comes before a's last. */
  if (st->count[a] <= mk->target[a])
    return TRUE;
  return !sm_market__next_extra_before (mk, j, st->count[j], a, st->count[a]);
}

/* Pass 2. */
static void
find_blocking_pairs (const SmMarket *mk, const CheckState *st,
                     SmCheckReport *report)
{
  for (int32_t i = 0; i < mk->n_employees; i++)
    {
      const SmEdge *edges = mk->emp_edges + mk->emp_off[i];
      for (int32_t c = 0; c < st->outcome[i]; c++)
        {
          int32_t j = edges[c].target;
          SmBlockingPair pair = { i, j };
          if (priority_of (mk, j, edges[c].rank) < st->worst[j])
            g_array_append_val (report->blocking_pairs, pair);
          else if (st->count[j] < mk->seats[j])
            g_array_append_val (cap_excuses (mk, st, i, j)
                                    ? report->excused_pairs
                                    : report->blocking_pairs,
                                pair);
        }
    }
}

SmCheckReport *
sm_matching_check (const SmMarket *market, const SmMatching *matching,
                   GError **error)
{
  g_return_val_if_fail (market != NULL && matching != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (sm_matching_get_n_employees (matching) != market->n_employees
      || sm_matching_get_n_positions (matching) != market->n_positions)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_SIZE,
                   "The matching is for %d employees and %d positions, the "
                   "market has %d and %d.",
                   sm_matching_get_n_employees (matching),
                   sm_matching_get_n_positions (matching), market->n_employees,
                   market->n_positions);
      return NULL;
    }
  size_t n = (size_t) market->n_employees + 1;
  size_t m = (size_t) market->n_positions + 1;
  CheckState st = { g_try_new (int32_t, n),
                    g_try_new0 (int32_t, m),
                    g_try_new (int32_t, m),
                    g_try_new0 (int32_t, (size_t) market->n_groups + 1),
                    g_try_new0 (int32_t, (size_t) market->n_groups + 1),
                    sm_matching_get_assignment (matching) };
  SmCheckReport *report = NULL;
  if (st.outcome != NULL && st.count != NULL && st.worst != NULL
      && st.group_count != NULL && st.last_extra != NULL)
    {
      memset (st.worst, 0xff, m * sizeof (int32_t));
      report = g_new0 (SmCheckReport, 1);
      report->violations = g_array_new (FALSE, FALSE, sizeof (SmViolation));
      report->blocking_pairs = g_array_new (FALSE, FALSE,
                                            sizeof (SmBlockingPair));
      report->excused_pairs = g_array_new (FALSE, FALSE,
                                           sizeof (SmBlockingPair));
      locate_outcomes (market, st.assignment, &st, report);
      find_last_extras (market, &st);
      find_blocking_pairs (market, &st, report);
    }
  else
    g_set_error (error, SM_ERROR, SM_ERROR_NO_MEMORY,
                 "Out of memory while checking a matching.");
  g_free (st.outcome);
  g_free (st.count);
  g_free (st.worst);
  g_free (st.group_count);
  g_free (st.last_extra);
  return report;
}

void
sm_check_report_free (SmCheckReport *report)
{
  if (report == NULL)
    return;
  g_array_unref (report->violations);
  g_array_unref (report->blocking_pairs);
  g_array_unref (report->excused_pairs);
  g_free (report);
}

gboolean
sm_check_report_is_valid (const SmCheckReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);
  return report->violations->len == 0;
}

gboolean
sm_check_report_is_stable (const SmCheckReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);
  return report->violations->len == 0 && report->blocking_pairs->len == 0;
}

const SmViolation *
sm_check_report_get_violations (const SmCheckReport *report, int32_t *n_out)
{
  g_return_val_if_fail (report != NULL && n_out != NULL, NULL);
  *n_out = (int32_t) report->violations->len;
  if (report->violations->len == 0)
    return no_violations;
  return (const SmViolation *) (void *) report->violations->data;
}

const SmBlockingPair *
sm_check_report_get_blocking_pairs (const SmCheckReport *report, int32_t *n_out)
{
  g_return_val_if_fail (report != NULL && n_out != NULL, NULL);
  *n_out = (int32_t) report->blocking_pairs->len;
  if (report->blocking_pairs->len == 0)
    return no_pairs;
  return (const SmBlockingPair *) (void *) report->blocking_pairs->data;
}

const SmBlockingPair *
sm_check_report_get_cap_excused_pairs (const SmCheckReport *report,
                                       int32_t *n_out)
{
  g_return_val_if_fail (report != NULL && n_out != NULL, NULL);
  *n_out = (int32_t) report->excused_pairs->len;
  if (report->excused_pairs->len == 0)
    return no_pairs;
  return (const SmBlockingPair *) (void *) report->excused_pairs->data;
}
