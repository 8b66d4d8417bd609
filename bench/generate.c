/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sm-bench: random markets for benchmarks.
 *
 * Why this file is the way it is: a benchmark market must be the same on
 * every machine for a seed, so that numbers and matchings can be compared
 * across machines and with other solvers. So the generator uses its own
 * PRNG (splitmix64, Steele, Lea and Flood 2014), one independent stream per
 * employee and per position keyed by (seed, purpose, index), and decides
 * every order with integers:
 *
 * - an employee's list: its length uniform in list_min..list_max, then
 *   distinct positions drawn best first, uniformly or, with a skew S > 0,
 *   from Zipf-like weights (j + 1)^-S quantised to integers and sampled
 *   with an integer alias table (Vose 1991); a repeat is drawn again. The
 *   weights are computed with a log and an exp made of + - * / only (no
 *   libm transcendental, whose last bit may vary between systems), and
 *   bench/ is compiled with -ffp-contract=off so no FMA changes a bit;
 * - a position's priority order: applicant e gets the 32-bit score
 *   (C * common(e) + (1 - C) * noise(j, e)) with C in 1/65536 steps and
 *   both terms 32-bit hashes; smaller scores rank first, ties go to the
 *   lower employee index.
 *
 * Memory: the lists are streamed to a sink (a builder, plain arrays or a
 * file) and the generator keeps only the transposed lists (4 bytes per
 * entry) to sort the positions' orders. To avoid holding the employees'
 * lists as well, it draws them twice from their streams: once to emit and
 * count, once to fill the transpose. */
#include "generate.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#define GOLDEN UINT64_C (0x9e3779b97f4a7c15)
#define LN2 0.6931471805599453
#define QUANT_TOTAL (UINT64_C (1) << 31)
#define MAX_ATTEMPTS 64

/* The purposes of the PRNG streams. */
enum { STREAM_SEATS = 1, STREAM_LIST, STREAM_COMMON, STREAM_NOISE };

/* Draws positions: uniform when thresh is NULL, else by an alias table. */
typedef struct {
  uint32_t n;       /* positions */
  uint32_t total;   /* sum of weights (alias case) */
  uint32_t *weight; /* n quantised weights, or NULL */
  uint32_t *thresh; /* n: keep the slot when a draw is below */
  int32_t *alias;   /* n: else take this position */
} Sampler;

typedef struct {
  const SmGenParams *params;
  int32_t n, m, kmin, kmax;
  uint32_t c16; /* correlation in 1/65536 steps */
  Sampler sampler;
  uint8_t *mark; /* m: drawn already for the current list */
  int32_t *buf;  /* kmax: the current list */
} Gen;

/* ---- PRNG ---------------------------------------------------------- */

static inline uint64_t
mix64 (uint64_t z)
{
  z = (z ^ (z >> 30)) * UINT64_C (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * UINT64_C (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline uint64_t
stream_key (uint64_t seed, uint64_t purpose, uint64_t index)
{
  uint64_t base = mix64 (seed + purpose * GOLDEN) + GOLDEN;
  return mix64 (base + index * GOLDEN);
}

/* One splitmix64 step on *state. */
static inline uint64_t
rng_next (uint64_t *state)
{
  *state += GOLDEN;
  return mix64 (*state);
}

/* Uniform in 0..bound-1 without bias (Lemire 2019), bound >= 1. */
static inline uint32_t
rng_below (uint64_t *state, uint32_t bound)
{
  uint64_t m = (rng_next (state) >> 32) * (uint64_t) bound;
  if ((uint32_t) m < bound)
    {
      uint32_t threshold = (uint32_t) -bound % bound;
      while ((uint32_t) m < threshold)
        m = (rng_next (state) >> 32) * (uint64_t) bound;
    }
  return (uint32_t) (m >> 32);
}

/* ---- deterministic Zipf weights ------------------------------------ */

/* ln x for x >= 1 from frexp (exact) and the atanh series. */
static double
det_log (double x)
{
  int k;
  double f = frexp (x, &k);
  if (f < 0.7071067811865476)
    {
      f *= 2.0;
      k--;
    }
  double s = (f - 1.0) / (f + 1.0), s2 = s * s, term = s, sum = 0.0;
  for (int i = 0; i < 24; i++)
    {
      sum += term / (double) (2 * i + 1);
      term *= s2;
    }
  return (double) k * LN2 + 2.0 * sum;
}

/* e^y for y <= 0 by range reduction, a Taylor series and ldexp (exact). */
static double
det_exp (double y)
{
  double k = floor (y / LN2 + 0.5);
  double r = y - k * LN2, term = 1.0, sum = 1.0;
  for (int i = 1; i < 24; i++)
    {
      term *= r / (double) i;
      sum += term;
    }
  return ldexp (sum, (int) k);
}

/* Fills weight[j] = (j + 1)^-skew scaled to about 2^31 in all, each >= 1,
 * and returns their sum, below 2^32. */
static uint32_t
zipf_weights (uint32_t *weight, uint32_t n, double skew)
{
  double *w = g_new (double, n), total = 0.0;
  for (uint32_t j = 0; j < n; j++)
    {
      w[j] = det_exp (-skew * det_log ((double) j + 1.0));
      total += w[j];
    }
  uint64_t sum = 0;
  for (uint32_t j = 0; j < n; j++)
    {
      weight[j] = (uint32_t) (w[j] / total * (double) QUANT_TOTAL) + 1;
      sum += weight[j];
    }
  g_free (w);
  g_assert (sum <= UINT32_MAX);
  return (uint32_t) sum;
}

/* ---- sampler --------------------------------------------------------- */

/* Vose's alias table in integers: slot j holds j with probability
 * thresh[j] / total, else alias[j]. */
static void
sampler_build_alias (Sampler *s)
{
  uint32_t n = s->n;
  uint64_t cap = s->total, *p = g_new (uint64_t, n);
  int32_t *work = g_new (int32_t, n);
  int64_t n_small = 0, n_large = 0;
  for (uint32_t j = 0; j < n; j++)
    {
      p[j] = (uint64_t) s->weight[j] * n;
      if (p[j] < cap)
        work[n_small++] = (int32_t) j;
      else
        work[n - 1 - n_large++] = (int32_t) j;
      s->thresh[j] = s->total;
      s->alias[j] = (int32_t) j;
    }
  while (n_small > 0 && n_large > 0)
    {
      int32_t small = work[--n_small], large = work[n - n_large];
      s->thresh[small] = (uint32_t) p[small];
      s->alias[small] = large;
      p[large] -= cap - p[small];
      if (p[large] < cap)
        {
          n_large--;
          work[n_small++] = large;
        }
    }
  g_free (work);
  g_free (p);
}

static void
sampler_init (Sampler *s, uint32_t n, double skew)
{
  memset (s, 0, sizeof *s);
  s->n = n;
  if (skew <= 0.0 || n == 0)
    return;
  s->weight = g_new (uint32_t, n);
  s->thresh = g_new (uint32_t, n);
  s->alias = g_new (int32_t, n);
  s->total = zipf_weights (s->weight, n, skew);
  sampler_build_alias (s);
}

static void
sampler_clear (Sampler *s)
{
  g_free (s->weight);
  g_free (s->thresh);
  g_free (s->alias);
  memset (s, 0, sizeof *s);
}

static inline int32_t
sampler_draw (const Sampler *s, uint64_t *state)
{
  uint32_t slot = rng_below (state, s->n);
  if (s->thresh == NULL)
    return (int32_t) slot;
  return rng_below (state, s->total) < s->thresh[slot] ? (int32_t) slot
                                                       : s->alias[slot];
}

/* Draws exactly among the positions not marked yet, by their weights; for
 * lists so long that redrawing repeats takes too long. */
static int32_t
sampler_draw_unmarked (const Sampler *s, const uint8_t *mark, uint64_t *state)
{
  uint64_t total = 0;
  for (uint32_t j = 0; j < s->n; j++)
    if (!mark[j])
      total += s->weight != NULL ? s->weight[j] : 1;
  g_assert (total > 0 && total <= UINT32_MAX);
  uint64_t r = rng_below (state, (uint32_t) total);
  for (uint32_t j = 0; j < s->n; j++)
    {
      if (mark[j])
        continue;
      uint64_t w = s->weight != NULL ? s->weight[j] : 1;
      if (r < w)
        return (int32_t) j;
      r -= w;
    }
  g_assert_not_reached ();
}

/* ---- lists ----------------------------------------------------------- */

/* The length of employee @e's list; *state is left after the draw. */
static int32_t
list_length (const Gen *g, int32_t e, uint64_t *state)
{
  *state = stream_key (g->params->seed, STREAM_LIST, (uint64_t) e);
  return g->kmin
         + (int32_t) rng_below (state, (uint32_t) (g->kmax - g->kmin + 1));
}

/* Draws employee @e's list into g->buf and returns its length. */
static int32_t
draw_list (Gen *g, int32_t e)
{
  uint64_t state;
  int32_t k = list_length (g, e, &state);
  for (int32_t i = 0; i < k; i++)
    {
      int32_t p = sampler_draw (&g->sampler, &state);
      for (int a = 0; g->mark[p] && a < MAX_ATTEMPTS; a++)
        p = sampler_draw (&g->sampler, &state);
      if (g->mark[p])
        p = sampler_draw_unmarked (&g->sampler, g->mark, &state);
      g->mark[p] = 1;
      g->buf[i] = p;
    }
  for (int32_t i = 0; i < k; i++)
    g->mark[g->buf[i]] = 0;
  return k;
}

/* The priority key of employee @e at the position whose noise stream
 * starts at @noise_base: score in the high half, index in the low half. */
static inline uint64_t
priority_key (const Gen *g, uint64_t common_base, uint64_t noise_base,
              int32_t e)
{
  uint64_t common = mix64 (common_base + (uint64_t) e * GOLDEN) >> 32;
  uint64_t noise = mix64 (noise_base + (uint64_t) e * GOLDEN) >> 32;
  uint64_t score = (g->c16 * common + (65536 - g->c16) * noise) >> 16;
  return score << 32 | (uint32_t) e;
}

static void
insertion_sort_u64 (uint64_t *a, size_t n)
{
  for (size_t i = 1; i < n; i++)
    {
      uint64_t x = a[i];
      size_t k = i;
      for (; k > 0 && a[k - 1] > x; k--)
        a[k] = a[k - 1];
      a[k] = x;
    }
}

/* Sorts distinct keys ascending: quicksort with a median-of-three pivot,
 * recursing into the smaller part (so the stack stays O(log n)). The keys
 * are hashes, so the quadratic worst case does not arise; qsort() with its
 * comparison callback took a quarter of the generator's time. */
static void
sort_u64 (uint64_t *a, size_t n)
{
  while (n > 24)
    {
      uint64_t x = a[0], y = a[n / 2], z = a[n - 1];
      uint64_t pivot = x < y ? (y < z ? y : MAX (x, z))
                             : (x < z ? x : MAX (y, z));
      size_t i = 0, j = n - 1;
      for (;;)
        {
          while (a[i] < pivot)
            i++;
          while (a[j] > pivot)
            j--;
          if (i >= j)
            break;
          uint64_t t = a[i];
          a[i++] = a[j];
          a[j--] = t;
        }
      /* a[0..j] <= pivot <= a[j+1..n) */
      if (j + 1 < n - j - 1)
        {
          sort_u64 (a, j + 1);
          a += j + 1;
          n -= j + 1;
        }
      else
        {
          sort_u64 (a + j + 1, n - j - 1);
          n = j + 1;
        }
    }
  insertion_sort_u64 (a, n);
}

/* ---- the run --------------------------------------------------------- */

static gboolean
gen_init (Gen *g, const SmGenParams *params, GError **error)
{
  memset (g, 0, sizeof *g);
  if (!sm_gen_params_validate (params, error))
    return FALSE;
  g->params = params;
  g->n = (int32_t) params->n_employees;
  g->m = (int32_t) params->n_positions;
  g->kmax = MIN (params->list_max, g->m);
  g->kmin = MIN (params->list_min, g->kmax);
  g->c16 = (uint32_t) lround (params->correlation * 65536.0);
  sampler_init (&g->sampler, (uint32_t) g->m, params->skew);
  g->mark = g_new0 (uint8_t, g->m);
  g->buf = g_new (int32_t, MAX (g->kmax, 1));
  return TRUE;
}

static void
gen_clear (Gen *g)
{
  sampler_clear (&g->sampler);
  g_clear_pointer (&g->mark, g_free);
  g_clear_pointer (&g->buf, g_free);
}

static gboolean
emit_seats (const Gen *g, const SmGenSink *sink, gpointer data, GError **error)
{
  const SmGenParams *p = g->params;
  int32_t *seats = g_new (int32_t, MAX (g->m, 1));
  uint32_t range = (uint32_t) (p->seats_max - p->seats_min) + 1;
  for (int32_t j = 0; j < g->m; j++)
    {
      uint64_t state = stream_key (p->seed, STREAM_SEATS, (uint64_t) j);
      seats[j] = p->seats_min + (int32_t) rng_below (&state, range);
    }
  gboolean ok = sink->seats (data, seats, g->m, error);
  g_free (seats);
  return ok;
}

/* First pass: emits every list and counts each position's applicants into
 * pos_off[j + 1]. */
static gboolean
emit_employees (Gen *g, int64_t *pos_off, const SmGenSink *sink, gpointer data,
                GError **error)
{
  for (int32_t e = 0; e < g->n; e++)
    {
      int32_t k = draw_list (g, e);
      for (int32_t i = 0; i < k; i++)
        pos_off[g->buf[i] + 1]++;
      if (!sink->employee (data, e, g->buf, (size_t) k, error))
        return FALSE;
    }
  return TRUE;
}

/* Second pass: fills the transpose; pos_off holds the counts on entry and
 * the CSR offsets on return. */
static void
fill_transpose (Gen *g, int64_t *pos_off, int32_t *pos_emp)
{
  for (int32_t j = 0; j < g->m; j++)
    pos_off[j + 1] += pos_off[j];
  for (int32_t e = 0; e < g->n; e++)
    {
      int32_t k = draw_list (g, e);
      for (int32_t i = 0; i < k; i++)
        pos_emp[pos_off[g->buf[i]]++] = e;
    }
  for (int32_t j = g->m; j > 0; j--)
    pos_off[j] = pos_off[j - 1];
  pos_off[0] = 0;
}

/* Sorts each position's applicants by priority and emits them. */
static gboolean
emit_positions (const Gen *g, const int64_t *pos_off, int32_t *pos_emp,
                const SmGenSink *sink, gpointer data, GError **error)
{
  int64_t max_deg = 0;
  for (int32_t j = 0; j < g->m; j++)
    max_deg = MAX (max_deg, pos_off[j + 1] - pos_off[j]);
  uint64_t *keys = g_new (uint64_t, MAX (max_deg, 1));
  uint64_t common_base = stream_key (g->params->seed, STREAM_COMMON, 0);
  gboolean ok = TRUE;
  for (int32_t j = 0; ok && j < g->m; j++)
    {
      int32_t *apps = pos_emp + pos_off[j];
      size_t deg = (size_t) (pos_off[j + 1] - pos_off[j]);
      uint64_t noise_base = stream_key (g->params->seed, STREAM_NOISE,
                                        (uint64_t) j);
      for (size_t i = 0; i < deg; i++)
        keys[i] = priority_key (g, common_base, noise_base, apps[i]);
      sort_u64 (keys, deg);
      for (size_t i = 0; i < deg; i++)
        apps[i] = (int32_t) (uint32_t) keys[i];
      ok = sink->position (data, j, apps, deg, error);
    }
  g_free (keys);
  return ok;
}

static int64_t
count_entries (const Gen *g)
{
  int64_t total = 0;
  uint64_t state;
  for (int32_t e = 0; e < g->n; e++)
    total += list_length (g, e, &state);
  return total;
}

gboolean
sm_gen_run (const SmGenParams *params, const SmGenSink *sink, gpointer data,
            GError **error)
{
  Gen g;
  if (!gen_init (&g, params, error))
    return FALSE;
  int64_t n_entries = count_entries (&g);
  int64_t *pos_off = NULL;
  int32_t *pos_emp = NULL;
  gboolean ok = sink->begin (data, params, n_entries, error)
                && emit_seats (&g, sink, data, error);
  if (ok)
    {
      pos_off = g_new0 (int64_t, (size_t) g.m + 1);
      ok = emit_employees (&g, pos_off, sink, data, error);
    }
  if (ok)
    {
      pos_emp = g_new (int32_t, MAX (n_entries, 1));
      fill_transpose (&g, pos_off, pos_emp);
      gen_clear (&g);
      ok = emit_positions (&g, pos_off, pos_emp, sink, data, error);
    }
  gen_clear (&g);
  g_free (pos_emp);
  g_free (pos_off);
  return ok;
}

gboolean
sm_gen_params_validate (const SmGenParams *p, GError **error)
{
  const char *bad = NULL;
  if (p->n_employees < 0 || p->n_employees > INT32_MAX - 1)
    bad = "the number of employees must be 0..2147483646";
  else if (p->n_positions < 0 || p->n_positions > INT32_MAX - 1)
    bad = "the number of positions must be 0..2147483646";
  else if (p->list_min < 0 || p->list_max < p->list_min)
    bad = "list lengths must satisfy 0 <= min <= max";
  else if (p->seats_min < 1 || p->seats_max < p->seats_min)
    bad = "seats must satisfy 1 <= min <= max";
  else if (!(p->skew >= 0.0 && p->skew <= 16.0))
    bad = "the skew must be in 0..16";
  else if (!(p->correlation >= 0.0 && p->correlation <= 1.0))
    bad = "the correlation must be in 0..1";
  if (bad != NULL)
    g_set_error (error, SM_ERROR, SM_ERROR_INVALID_SIZE, "%s", bad);
  return bad == NULL;
}

/* ---- sinks: a market builder ---------------------------------------- */

typedef struct {
  SmMarketBuilder *builder;
  int64_t n_entries;
} BuilderSink;

static gboolean
builder_begin (gpointer data, const SmGenParams *params, int64_t n_entries,
               GError **error)
{
  BuilderSink *s = data;
  s->n_entries = n_entries;
  return sm_market_builder_reserve (s->builder, n_entries, error);
}

static gboolean
builder_seats (gpointer data, const int32_t *seats, int32_t n, GError **error)
{
  BuilderSink *s = data;
  for (int32_t j = 0; j < n; j++)
    if (seats[j] != 1
        && !sm_market_builder_set_seats (s->builder, j, seats[j], error))
      return FALSE;
  return TRUE;
}

static gboolean
builder_employee (gpointer data, int32_t e, const int32_t *positions, size_t n,
                  GError **error)
{
  BuilderSink *s = data;
  return sm_market_builder_set_preferences (s->builder, e, positions, n, error);
}

static gboolean
builder_position (gpointer data, int32_t j, const int32_t *employees, size_t n,
                  GError **error)
{
  BuilderSink *s = data;
  return sm_market_builder_set_priorities (s->builder, j, employees, n, error);
}

gboolean
sm_gen_into_builder (const SmGenParams *params, SmMarketBuilder *builder,
                     int64_t *n_entries_out, GError **error)
{
  static const SmGenSink sink = { builder_begin, builder_seats,
                                  builder_employee, builder_position };
  BuilderSink s = { builder, 0 };
  if (!sm_gen_run (params, &sink, &s, error))
    return FALSE;
  if (n_entries_out != NULL)
    *n_entries_out = s.n_entries;
  return TRUE;
}

gboolean
sm_gen_lists_into_builder (const SmGenLists *lists, SmMarketBuilder *builder,
                           GError **error)
{
  /* The same calls in the same order as sm_gen_into_builder() makes, so
   * the builder ends in the same state. */
  BuilderSink s = { builder, lists->n_entries };
  if (!builder_begin (&s, NULL, lists->n_entries, error)
      || !builder_seats (&s, lists->seats, lists->n_positions, error))
    return FALSE;
  for (int32_t i = 0; i < lists->n_employees; i++)
    if (!builder_employee (&s, i, lists->emp_pos + lists->emp_off[i],
                           (size_t) (lists->emp_off[i + 1] - lists->emp_off[i]),
                           error))
      return FALSE;
  for (int32_t j = 0; j < lists->n_positions; j++)
    if (!builder_position (&s, j, lists->pos_emp + lists->pos_off[j],
                           (size_t) (lists->pos_off[j + 1] - lists->pos_off[j]),
                           error))
      return FALSE;
  return TRUE;
}

/* ---- sinks: plain arrays --------------------------------------------- */

static gboolean
lists_begin (gpointer data, const SmGenParams *params, int64_t n_entries,
             GError **error)
{
  SmGenLists *l = data;
  l->n_employees = (int32_t) params->n_employees;
  l->n_positions = (int32_t) params->n_positions;
  l->n_entries = n_entries;
  l->seats = g_new (int32_t, MAX (l->n_positions, 1));
  l->emp_off = g_new0 (int64_t, (size_t) l->n_employees + 1);
  l->emp_pos = g_new (int32_t, MAX (n_entries, 1));
  l->pos_off = g_new0 (int64_t, (size_t) l->n_positions + 1);
  l->pos_emp = g_new (int32_t, MAX (n_entries, 1));
  return TRUE;
}

static gboolean
lists_seats (gpointer data, const int32_t *seats, int32_t n, GError **error)
{
  SmGenLists *l = data;
  memcpy (l->seats, seats, (size_t) n * sizeof *seats);
  return TRUE;
}

static gboolean
lists_employee (gpointer data, int32_t e, const int32_t *positions, size_t n,
                GError **error)
{
  SmGenLists *l = data;
  memcpy (l->emp_pos + l->emp_off[e], positions, n * sizeof *positions);
  l->emp_off[e + 1] = l->emp_off[e] + (int64_t) n;
  return TRUE;
}

static gboolean
lists_position (gpointer data, int32_t j, const int32_t *employees, size_t n,
                GError **error)
{
  SmGenLists *l = data;
  memcpy (l->pos_emp + l->pos_off[j], employees, n * sizeof *employees);
  l->pos_off[j + 1] = l->pos_off[j] + (int64_t) n;
  return TRUE;
}

SmGenLists *
sm_gen_lists_new (const SmGenParams *params, GError **error)
{
  static const SmGenSink sink = { lists_begin, lists_seats, lists_employee,
                                  lists_position };
  g_autoptr (SmGenLists) lists = g_new0 (SmGenLists, 1);
  if (!sm_gen_run (params, &sink, lists, error))
    return NULL;
  return g_steal_pointer (&lists);
}

void
sm_gen_lists_free (SmGenLists *lists)
{
  if (lists == NULL)
    return;
  g_free (lists->seats);
  g_free (lists->emp_off);
  g_free (lists->emp_pos);
  g_free (lists->pos_off);
  g_free (lists->pos_emp);
  g_free (lists);
}

/* ---- sinks: an instance file ----------------------------------------- */

/* A small buffered writer: formatting a billion small integers with
 * fprintf() would dominate the time of writing a large instance. */
typedef struct {
  FILE *stream;
  size_t len;
  char buf[1 << 16];
} Writer;

static void
writer_flush (Writer *w)
{
  if (w->len > 0)
    fwrite (w->buf, 1, w->len, w->stream);
  w->len = 0;
}

static void
writer_text (Writer *w, const char *text)
{
  size_t n = strlen (text);
  if (w->len + n > sizeof w->buf)
    writer_flush (w);
  g_assert (n <= sizeof w->buf);
  memcpy (w->buf + w->len, text, n);
  w->len += n;
}

/* Appends @c (if not NUL) and then the decimal @v. */
static void
writer_int (Writer *w, char c, int64_t v)
{
  char tmp[24];
  int i = 0;
  uint64_t u = v < 0 ? -(uint64_t) v : (uint64_t) v;
  if (w->len + sizeof tmp + 1 > sizeof w->buf)
    writer_flush (w);
  if (c != '\0')
    w->buf[w->len++] = c;
  if (v < 0)
    w->buf[w->len++] = '-';
  do
    tmp[i++] = (char) ('0' + u % 10);
  while ((u /= 10) != 0);
  while (i > 0)
    w->buf[w->len++] = tmp[--i];
}

static gboolean
writer_begin (gpointer data, const SmGenParams *p, int64_t n_entries,
              GError **error)
{
  Writer *w = data;
  char line[512];
  g_snprintf (line, sizeof line,
              "hr-instance 1\n"
              "# sm-bench gen %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
              " %d %" G_GUINT64_FORMAT " --min-list %d --seats %d-%d"
              " --skew %.17g --correlation %.17g\n",
              p->n_employees, p->n_positions, p->list_max, p->seed, p->list_min,
              p->seats_min, p->seats_max, p->skew, p->correlation);
  writer_text (w, line);
  writer_text (w, "# list entries:");
  writer_int (w, ' ', n_entries);
  writer_text (w, "\nemployees");
  writer_int (w, ' ', p->n_employees);
  writer_text (w, "\npositions");
  writer_int (w, ' ', p->n_positions);
  writer_text (w, "\ncapacity");
  return TRUE;
}

static gboolean
writer_seats (gpointer data, const int32_t *seats, int32_t n, GError **error)
{
  Writer *w = data;
  for (int32_t j = 0; j < n; j++)
    writer_int (w, ' ', seats[j]);
  writer_text (w, "\n");
  return TRUE;
}

static gboolean
writer_line (Writer *w, char kind, int32_t index, const int32_t *items,
             size_t n)
{
  char head[2] = { kind, '\0' };
  writer_text (w, head);
  writer_int (w, ' ', index);
  for (size_t i = 0; i < n; i++)
    writer_int (w, ' ', items[i]);
  writer_text (w, "\n");
  return TRUE;
}

static gboolean
writer_employee (gpointer data, int32_t e, const int32_t *positions, size_t n,
                 GError **error)
{
  return writer_line (data, 'E', e, positions, n);
}

static gboolean
writer_position (gpointer data, int32_t j, const int32_t *employees, size_t n,
                 GError **error)
{
  return writer_line (data, 'P', j, employees, n);
}

gboolean
sm_gen_write_instance (const SmGenParams *params, FILE *stream, GError **error)
{
  static const SmGenSink sink = { writer_begin, writer_seats, writer_employee,
                                  writer_position };
  g_autofree Writer *w = g_new0 (Writer, 1);
  w->stream = stream;
  if (!sm_gen_run (params, &sink, w, error))
    return FALSE;
  writer_flush (w);
  if (fflush (stream) != 0 || ferror (stream))
    {
      g_set_error (error, SM_ERROR, SM_ERROR_IO,
                   "could not write the instance: %s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
