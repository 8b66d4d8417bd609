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
 *      when j has a free seat or admitted someone ranked below r.
 *
 * Time O(n + m + entries), memory O(n + m) plus the pairs found.
 */
#include <string.h>
#include <staffmatch/check.h>
#include <staffmatch/error.h>

#include "market-private.h"

struct _SmCheckReport {
  GArray *violations;       /* SmViolation */
  GArray *blocking_pairs;   /* SmBlockingPair */
};

typedef struct {
  int32_t *outcome;   /* n: index of the employee's position in their list,
                         or the list's length at the default or when the
                         position is not in the list */
  int32_t *count;     /* m */
  int32_t *worst;     /* m: worst admitted rank, -1 if none */
} CheckState;

static void
add_violation (SmCheckReport *report, SmViolationKind kind, int32_t employee,
               int32_t position)
{
  SmViolation v = { kind, employee, position };
  g_array_append_val (report->violations, v);
}

/* Pass 1. */
static void
locate_outcomes (const SmMarket *mk, const int32_t *assignment,
                 CheckState *st, SmCheckReport *report)
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
            st->worst[j] = MAX (st->worst[j], mk->emp_edges[first + c].rank);
            break;
          }
      if (st->outcome[i] == len)
        add_violation (report, SM_VIOLATION_NOT_ACCEPTABLE, i, j);
    }
  for (int32_t j = 0; j < mk->n_positions; j++)
    if (st->count[j] > mk->seats[j])
      add_violation (report, SM_VIOLATION_OVER_SEATS, -1, j);
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
          if (st->count[j] < mk->seats[j] || edges[c].rank < st->worst[j])
            {
              SmBlockingPair pair = { i, j };
              g_array_append_val (report->blocking_pairs, pair);
            }
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
                   sm_matching_get_n_positions (matching),
                   market->n_employees, market->n_positions);
      return NULL;
    }
  size_t n = (size_t) market->n_employees + 1;
  size_t m = (size_t) market->n_positions + 1;
  CheckState st = {
    g_try_new (int32_t, n), g_try_new0 (int32_t, m), g_try_new (int32_t, m)
  };
  SmCheckReport *report = NULL;
  if (st.outcome != NULL && st.count != NULL && st.worst != NULL)
    {
      memset (st.worst, 0xff, m * sizeof (int32_t));
      report = g_new0 (SmCheckReport, 1);
      report->violations = g_array_new (FALSE, FALSE, sizeof (SmViolation));
      report->blocking_pairs = g_array_new (FALSE, FALSE,
                                            sizeof (SmBlockingPair));
      locate_outcomes (market, sm_matching_get_assignment (matching), &st,
                       report);
      find_blocking_pairs (market, &st, report);
    }
  else
    g_set_error (error, SM_ERROR, SM_ERROR_NO_MEMORY,
                 "Out of memory while checking a matching.");
  g_free (st.outcome);
  g_free (st.count);
  g_free (st.worst);
  return report;
}

void
sm_check_report_free (SmCheckReport *report)
{
  if (report == NULL)
    return;
  g_array_unref (report->violations);
  g_array_unref (report->blocking_pairs);
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
sm_check_report_get_violations (const SmCheckReport *report, size_t *n_out)
{
  g_return_val_if_fail (report != NULL && n_out != NULL, NULL);
  *n_out = report->violations->len;
  return (const SmViolation *) (void *) report->violations->data;
}

const SmBlockingPair *
sm_check_report_get_blocking_pairs (const SmCheckReport *report,
                                    size_t *n_out)
{
  g_return_val_if_fail (report != NULL && n_out != NULL, NULL);
  *n_out = report->blocking_pairs->len;
  return (const SmBlockingPair *) (void *) report->blocking_pairs->data;
}
