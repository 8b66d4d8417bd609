/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the market's insides, shared by the core's source files and
 * the readers that build markets. Not installed. */
#pragma once

#include <staffmatch/market.h>

#include "core/list-store.h"

/* The builder (market-builder.c), which build() (market.c) empties into a
 * market: it takes the arrays and lists, then marks the builder spent. */
/* How the ranking's scatter writes (market-rank.c): directly into each
 * employee's bucket, or in two steps through parts of the employees; or
 * each side scattered into and ranked on its own (market-rank-sides.c).
 * The builder chooses by the market's size and density; tests force each
 * way, so that all are checked against each other. */
typedef enum {
  SM_SCATTER_BY_SIZE,
  SM_SCATTER_DIRECT,
  SM_SCATTER_IN_PARTS,
  SM_SCATTER_BY_SIDES,
} SmScatterWay;

struct _SmMarketBuilder {
  int32_t n_employees;
  int32_t n_positions;
  int32_t *seats;
  int32_t *target;       /* -1: all seats */
  int32_t *group_of;     /* -1: in no group */
  GArray *group_caps;    /* int32_t */
  GArray *group_off;     /* int32_t, starts with 0 */
  GArray *group_pos;     /* int32_t */
  int64_t budget;        /* bytes a build and solve may take, 0: any */
  int n_threads;         /* threads build() may use, 1 or more */
  SmScatterWay scatter;  /* SM_SCATTER_BY_SIZE unless a test sets it */
  SmListStore employees; /* preference lists: targets are positions */
  SmListStore positions; /* priority orders: targets are employees */
  /* Ties (sm_market_builder_set_tied_priorities()), NULL until the first
   * tied order: per position the start of its classes in tie_classes, or
   * -1 for a strict order. */
  int32_t *tie_start;
  GArray *tie_classes; /* int32_t, each order's classes, dense from 0 */
  gboolean spent;
};

/* The most threads build() uses, and the fewest list entries worth a
 * thread of its own (market-rank.c). */
#define SM_MAX_BUILD_THREADS 64
#define SM_MIN_ENTRIES_PER_THREAD (1 << 18)

/* The frozen market. Both sides are CSR arrays: the list of employee i is
 * emp_edges[emp_off[i] .. emp_off[i+1]), that of position j is
 * pos_edges[pos_off[j] .. pos_off[j+1]). Offsets are int32_t because the
 * builder refuses more than INT32_MAX entries. */
struct _SmMarket {
  gint ref_count;
  int32_t n_employees;
  int32_t n_positions;
  int32_t *seats;         /* m */
  int32_t *emp_off;       /* n + 1 */
  SmEdge *emp_edges;      /* entries: target position, rank at it */
  int32_t *pos_off;       /* m + 1 */
  SmEdge *pos_edges;      /* entries: target employee, choice index */
  size_t emp_edges_bytes; /* the sizes to free the edges with */
  size_t pos_edges_bytes;
  /* Ties: tie_class[pos_off[j] + r] is the priority class of the
   * employee that position j ranks r-th (0 first, nondecreasing in r,
   * equal for tied employees). NULL when no position has a tie: the
   * strict market, which is all the solvers read, then costs nothing
   * more. */
  int32_t *tie_class; /* entries, or NULL */
  /* Whether the ranks were written by the slow position-by-position way
   * (market-rank.c), which only lists that disagree need: tests check
   * that good lists never take it, since its result is the same. */
  gboolean ranked_slowly;
  /* Whether the ranking's scatter went in two steps (market-rank.c), so
   * that tests can tell which way ran. */
  gboolean scattered_in_parts;
  /* Whether each side was ranked on its own (market-rank-sides.c). */
  gboolean ranked_by_sides;

  /* Headcount caps over groups of positions (flexible deferred
   * acceptance). The positions of group g are group_pos[group_off[g] ..
   * group_off[g+1]), in the order in which they receive extra seats;
   * group_rank[j] is j's place in that order. */
  int32_t *target;     /* m: target seats, <= seats */
  int32_t *group_of;   /* m: the position's group, or -1 */
  int32_t *group_rank; /* m */
  int32_t n_groups;
  int32_t *group_cap; /* n_groups */
  int32_t *group_off; /* n_groups + 1 */
  int32_t *group_pos;
};

/* As sm_market_builder_build(), and when the build fails on one position's
 * priority order, *failed_position gets that position (else -1), so that a
 * file reader can name the line. */
SmMarket *sm_market_builder__build_reporting (SmMarketBuilder *builder,
                                              int32_t *failed_position,
                                              GError **error);

/* Whether a second thread brings in the lists' memory ahead of the
 * appends (list-store.h); sm_market_builder_set_n_threads() turns it on
 * with two threads or more. A caller that fills both sides at once, on a
 * thread each, turns it off: both cores are busy, and each thread then
 * faults in its own side's memory as it writes. */
void sm_market_builder__set_populate_ahead (SmMarketBuilder *builder,
                                            gboolean on);

/* Forces one way of scattering in build(), for tests. */
void sm_market_builder__set_scatter (SmMarketBuilder *builder,
                                     SmScatterWay way);

/* Writes the ranks on both sides of every edge (market-rank.c), on up to
 * @n_threads threads, scattering the @way given, using @spare (n + 1
 * int32 of scratch, or NULL) if given. FALSE with @error set (and
 * *failed_position, when one position's order is wrong) when the two
 * sides' lists disagree or memory ran out. */
gboolean sm_market__fill_ranks (SmMarket *mk, int n_threads, SmScatterWay way,
                                int32_t *spare, int32_t *failed_position,
                                GError **error);

/* A dense market, which is ranked side by side (market-rank-sides.c):
 * its employees and positions both number fewer than
 * SM_DENSE_MAX_OWNERS, the most for which market-rank.c scatters
 * directly (beyond, the cursors alone outgrow the cache), and its list
 * entries are at least SM_DENSE_PERCENT of all employee-position pairs,
 * so that the walk's gallop mostly takes one step: below that its steps
 * vary and the branches they take are mispredicted (10,000 x 1,000,
 * fastest of three builds on one thread: lists that cover half of
 * the pairs built in 0.115 s side by side against 0.078 by the scatter
 * and join, three quarters in 0.117 against 0.122, four fifths in 0.118
 * to 0.126 against 0.140 to 0.148, all of them in 0.090 against 0.155). */
#define SM_DENSE_MAX_OWNERS (1 << 19)
#define SM_DENSE_PERCENT 80
gboolean sm_market__dense (const SmMarket *mk);

/* Writes the ranks on both sides of every edge, each side on its own (on
 * two threads, which share both sides' work, when @n_threads is 2 or
 * more), the same ranks as
 * the other ways of sm_market__fill_ranks(), which calls it and falls
 * back as for them. FALSE when the lists disagree, or with @error set
 * (SM_ERROR_NO_MEMORY) when memory ran out; the rank fields are then
 * undefined. */
gboolean sm_market__rank_sides (SmMarket *mk, int n_threads, GError **error);

/* Sets @error to SM_ERROR_NO_MEMORY, "Out of memory while @doing." */
void sm_market__set_no_memory (GError **error, const char *doing);

/* Whether group g's cap is below the seats of its positions, so that the
 * cap can decide who is placed. */
gboolean sm_market__group_binds (const SmMarket *market, int32_t group);

/* The order in which a capped group hands out extra seats: the k-th extra
 * seat of a position comes before its (k+1)-th, and among equal k the
 * group's order of positions decides. Whether position j's next extra
 * seat comes before position h's last one, j holding count_j employees
 * and h holding count_h. The solver and the checker both follow it. */
gboolean sm_market__next_extra_before (const SmMarket *market, int32_t j,
                                       int32_t count_j, int32_t h,
                                       int32_t count_h);
