/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: freezing a market, and reading the frozen market
 * (market.h).
 *
 * The builder (market-builder.c) collects each employee's preference list
 * and each position's priority order (list-store.c) already laid out as
 * edges, so build() takes both arrays as they are (CSR, market-private.h),
 * has market-rank.c write beside every entry the rank the other side
 * gives it ("pre-ranked edges"), and moves the groups and tie classes in.
 *
 * Ties: when some priority order was given with tie classes, build()
 * moves them beside the position edges (take_ties(): one int32 per
 * entry, a strict order among tied ones getting a class per rank). The
 * edges and ranks are those of the strict orders, so the solvers see
 * the same market either way; without ties no array is made.
 */
#include "core/market-private.h"

#include <string.h>
#include <staffmatch/error.h>

static void
market_free (SmMarket *mk)
{
  g_free (mk->target);
  g_free (mk->group_of);
  g_free (mk->group_rank);
  g_free (mk->group_cap);
  g_free (mk->group_off);
  g_free (mk->group_pos);
  g_free (mk->seats);
  g_free (mk->emp_off);
  sm_big__free (mk->emp_edges, mk->emp_edges_bytes);
  g_free (mk->pos_off);
  sm_big__free (mk->pos_edges, mk->pos_edges_bytes);
  g_free (mk->tie_class);
  g_free (mk);
}

/* Moves the builder's lists into the market as (target, 0) edge arrays;
 * *spare gets n + 1 int32 of scratch already in memory (or NULL), for the
 * caller to g_free(). */
static gboolean
take_lists (SmMarketBuilder *b, SmMarket *mk, int32_t **spare)
{
  int32_t *emp_pairs = NULL, *pos_pairs = NULL;
  gboolean ok = sm_list_store_take_csr (&b->employees, &mk->emp_off, &emp_pairs,
                                        &mk->emp_edges_bytes, spare)
                && sm_list_store_take_csr (&b->positions, &mk->pos_off,
                                           &pos_pairs, &mk->pos_edges_bytes,
                                           NULL);
  /* SmEdge is two int32_t: the pair arrays are edge arrays. */
  G_STATIC_ASSERT (sizeof (SmEdge) == 2 * sizeof (int32_t));
  mk->emp_edges = (SmEdge *) emp_pairs;
  mk->pos_edges = (SmEdge *) pos_pairs;
  return ok;
}

static int32_t *
steal_ints (GArray *array)
{
  gsize len = 0;
  int32_t *data = g_array_steal (array, &len);
  return data != NULL ? data : g_new0 (int32_t, 1);
}

/* Resolves target seats and checks each group's targets against its cap.
 * Returns FALSE with *failed_position set for a bad target. */
static gboolean
check_targets (SmMarket *mk, int32_t *failed_position, GError **error)
{
  g_autofree int64_t *sum = g_new0 (int64_t, (size_t) mk->n_groups + 1);
  gboolean ok = TRUE;
  for (int32_t j = 0; ok && j < mk->n_positions; j++)
    {
      if (mk->target[j] < 0)
        mk->target[j] = mk->seats[j];
      if (mk->target[j] > mk->seats[j])
        {
          g_set_error (error, SM_ERROR, SM_ERROR_INVALID_SEATS,
                       "Position %d has %d target seats but only %d seats.", j,
                       mk->target[j], mk->seats[j]);
          *failed_position = j;
          ok = FALSE;
        }
      else if (mk->group_of[j] >= 0)
        sum[mk->group_of[j]] += mk->target[j];
    }
  for (int32_t g = 0; ok && g < mk->n_groups; g++)
    if (sum[g] > mk->group_cap[g])
      {
        g_set_error (error, SM_ERROR, SM_ERROR_INFEASIBLE,
                     "The target seats of group %d add up to %" G_GINT64_FORMAT
                     ", more than its cap of %d; lower some targets so that "
                     "extra seats are handed out under the cap.",
                     g, sum[g], mk->group_cap[g]);
        ok = FALSE;
      }
  return ok;
}

/* Moves the groups and targets from the builder into the market. */
static gboolean
take_groups (SmMarketBuilder *b, SmMarket *mk, int32_t *failed_position,
             GError **error)
{
  mk->target = g_steal_pointer (&b->target);
  mk->group_of = g_steal_pointer (&b->group_of);
  mk->n_groups = (int32_t) b->group_caps->len;
  mk->group_cap = steal_ints (b->group_caps);
  mk->group_off = steal_ints (b->group_off);
  mk->group_pos = steal_ints (b->group_pos);
  mk->group_rank = g_try_new0 (int32_t, (size_t) mk->n_positions + 1);
  if (mk->group_rank == NULL)
    {
      sm_market__set_no_memory (error, "building the market");
      return FALSE;
    }
  for (int32_t g = 0; g < mk->n_groups; g++)
    for (int32_t k = mk->group_off[g]; k < mk->group_off[g + 1]; k++)
      mk->group_rank[mk->group_pos[k]] = k - mk->group_off[g];
  return check_targets (mk, failed_position, error);
}

/* Moves the tie classes of the tied orders into the market, beside the
 * position edges; strict orders among them get a class per rank. A
 * builder without ties leaves the market without (tie_class NULL). */
static gboolean
take_ties (SmMarketBuilder *b, SmMarket *mk, GError **error)
{
  if (b->tie_start == NULL || b->tie_classes->len == 0)
    return TRUE;
  size_t entries = (size_t) mk->pos_off[mk->n_positions];
  mk->tie_class = g_try_new (int32_t, MAX (entries, (size_t) 1));
  if (mk->tie_class == NULL)
    {
      sm_market__set_no_memory (error, "storing tie classes");
      return FALSE;
    }
  const int32_t *kept = (const int32_t *) (void *) b->tie_classes->data;
  for (int32_t j = 0; j < mk->n_positions; j++)
    {
      int32_t first = mk->pos_off[j], len = mk->pos_off[j + 1] - first;
      for (int32_t r = 0; r < len; r++)
        mk->tie_class[first + r] = b->tie_start[j] >= 0
                                       ? kept[b->tie_start[j] + r]
                                       : r;
    }
  g_clear_pointer (&b->tie_start, g_free);
  g_clear_pointer (&b->tie_classes, g_array_unref);
  return TRUE;
}

SmMarket *
sm_market_builder__build_reporting (SmMarketBuilder *builder,
                                    int32_t *failed_position, GError **error)
{
  g_return_val_if_fail (builder != NULL && !builder->spent, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  *failed_position = -1;
  builder->spent = TRUE;
  SmMarket *mk = g_try_new0 (SmMarket, 1);
  if (mk == NULL)
    {
      sm_market__set_no_memory (error, "building the market");
      return NULL;
    }
  mk->ref_count = 1;
  mk->n_employees = builder->n_employees;
  mk->n_positions = builder->n_positions;
  mk->seats = g_steal_pointer (&builder->seats);
  if (!take_groups (builder, mk, failed_position, error))
    {
      market_free (mk);
      return NULL;
    }
  g_autofree int32_t *spare = NULL;
  if (!take_lists (builder, mk, &spare))
    {
      market_free (mk);
      sm_market__set_no_memory (error, "building the market");
      return NULL;
    }
  if (!sm_market__fill_ranks (mk, builder->n_threads, builder->scatter, spare,
                              failed_position, error)
      || !take_ties (builder, mk, error))
    {
      market_free (mk);
      return NULL;
    }
  return mk;
}

SmMarket *
sm_market_builder_build (SmMarketBuilder *builder, GError **error)
{
  int32_t failed_position;
  return sm_market_builder__build_reporting (builder, &failed_position, error);
}

/* ---- the frozen market -------------------------------------------------- */

SmMarket *
sm_market_ref (const SmMarket *market)
{
  g_return_val_if_fail (market != NULL, NULL);
  /* The count is the only part changed; a const market stays as it was. */
  SmMarket *self = (SmMarket *) market;
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
sm_market_unref (SmMarket *market)
{
  if (market != NULL && g_atomic_int_dec_and_test (&market->ref_count))
    market_free (market);
}

int32_t
sm_market_get_n_employees (const SmMarket *market)
{
  g_return_val_if_fail (market != NULL, 0);
  return market->n_employees;
}

int32_t
sm_market_get_n_positions (const SmMarket *market)
{
  g_return_val_if_fail (market != NULL, 0);
  return market->n_positions;
}

int64_t
sm_market_get_n_entries (const SmMarket *market)
{
  g_return_val_if_fail (market != NULL, 0);
  return market->emp_off[market->n_employees];
}

int32_t
sm_market_get_seats (const SmMarket *market, int32_t position)
{
  g_return_val_if_fail (market != NULL, 0);
  g_return_val_if_fail (position >= 0 && position < market->n_positions, 0);
  return market->seats[position];
}

int64_t
sm_market_get_total_seats (const SmMarket *market)
{
  g_return_val_if_fail (market != NULL, 0);
  int64_t total = 0;
  for (int32_t j = 0; j < market->n_positions; j++)
    total += market->seats[j];
  return total;
}

const SmEdge *
sm_market_get_employee_edges (const SmMarket *market, int32_t employee,
                              int32_t *n_out)
{
  g_return_val_if_fail (market != NULL && n_out != NULL, NULL);
  g_return_val_if_fail (employee >= 0 && employee < market->n_employees, NULL);
  *n_out = market->emp_off[employee + 1] - market->emp_off[employee];
  return market->emp_edges + market->emp_off[employee];
}

const SmEdge *
sm_market_get_position_edges (const SmMarket *market, int32_t position,
                              int32_t *n_out)
{
  g_return_val_if_fail (market != NULL && n_out != NULL, NULL);
  g_return_val_if_fail (position >= 0 && position < market->n_positions, NULL);
  *n_out = market->pos_off[position + 1] - market->pos_off[position];
  return market->pos_edges + market->pos_off[position];
}

gboolean
sm_market_has_ties (const SmMarket *market)
{
  g_return_val_if_fail (market != NULL, FALSE);
  return market->tie_class != NULL;
}

int32_t
sm_market_get_tie_class (const SmMarket *market, int32_t position, int32_t rank)
{
  g_return_val_if_fail (market != NULL, -1);
  g_return_val_if_fail (position >= 0 && position < market->n_positions, -1);
  int32_t first = market->pos_off[position];
  g_return_val_if_fail (rank >= 0
                            && rank < market->pos_off[position + 1] - first,
                        -1);
  return market->tie_class != NULL ? market->tie_class[first + rank] : rank;
}

int32_t
sm_market_get_n_tie_classes (const SmMarket *market, int32_t position)
{
  g_return_val_if_fail (market != NULL, 0);
  g_return_val_if_fail (position >= 0 && position < market->n_positions, 0);
  int32_t first = market->pos_off[position];
  int32_t len = market->pos_off[position + 1] - first;
  if (len == 0 || market->tie_class == NULL)
    return len;
  return market->tie_class[first + len - 1] + 1;
}

int32_t
sm_market_get_target_seats (const SmMarket *market, int32_t position)
{
  g_return_val_if_fail (market != NULL, 0);
  g_return_val_if_fail (position >= 0 && position < market->n_positions, 0);
  return market->target[position];
}

int32_t
sm_market_get_n_groups (const SmMarket *market)
{
  g_return_val_if_fail (market != NULL, 0);
  return market->n_groups;
}

int32_t
sm_market_get_group_cap (const SmMarket *market, int32_t group)
{
  g_return_val_if_fail (market != NULL, 0);
  g_return_val_if_fail (group >= 0 && group < market->n_groups, 0);
  return market->group_cap[group];
}

const int32_t *
sm_market_get_group_positions (const SmMarket *market, int32_t group,
                               int32_t *n_out)
{
  g_return_val_if_fail (market != NULL && n_out != NULL, NULL);
  g_return_val_if_fail (group >= 0 && group < market->n_groups, NULL);
  *n_out = market->group_off[group + 1] - market->group_off[group];
  return market->group_pos + market->group_off[group];
}

int32_t
sm_market_get_position_group (const SmMarket *market, int32_t position)
{
  g_return_val_if_fail (market != NULL, -1);
  g_return_val_if_fail (position >= 0 && position < market->n_positions, -1);
  return market->group_of[position];
}

gboolean
sm_market__group_binds (const SmMarket *market, int32_t group)
{
  int64_t seats = 0;
  for (int32_t k = market->group_off[group]; k < market->group_off[group + 1];
       k++)
    seats += market->seats[market->group_pos[k]];
  return seats > market->group_cap[group];
}

gboolean
sm_market__next_extra_before (const SmMarket *market, int32_t j,
                              int32_t count_j, int32_t h, int32_t count_h)
{
  int32_t next_j = count_j - market->target[j] + 1;
  int32_t last_h = count_h - market->target[h];
  if (next_j != last_h)
    return next_j < last_h;
  return market->group_rank[j] < market->group_rank[h];
}

gboolean
sm_market_caps_bind (const SmMarket *market)
{
  g_return_val_if_fail (market != NULL, FALSE);
  for (int32_t g = 0; g < market->n_groups; g++)
    if (sm_market__group_binds (market, g))
      return TRUE;
  return FALSE;
}

int32_t
sm_market_find_choice (const SmMarket *market, int32_t employee,
                       int32_t position)
{
  g_return_val_if_fail (market != NULL, -1);
  g_return_val_if_fail (employee >= 0 && employee < market->n_employees, -1);
  int32_t first = market->emp_off[employee];
  for (int32_t s = first; s < market->emp_off[employee + 1]; s++)
    if (market->emp_edges[s].target == position)
      return s - first;
  return -1;
}
