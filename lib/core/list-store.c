/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: growing storage for the lists a market builder collects.
 *
 * Memory matters here: at ten million employees with lists of ten, each
 * byte per entry is 100 MB. So lists are appended to one array that grows
 * by half each time (realloc of a large block is an mremap, not a copy,
 * and the part not yet written is never touched, so it costs address
 * space, not memory), and duplicates are found with one bit per target
 * instead of a hash set: at ten million employees the bits take 1.25 MB
 * and stay in cache, where a 32-bit stamp per target (40 MB) cost a cache
 * miss per entry. A list sets the bits of its targets and clears them
 * again at the end, so the map is all zeros between lists.
 *
 * Entries are stored as (entry, 0) pairs from the start, the layout of the
 * market's edges, so that build() takes the array as it is. Widening four
 * bytes into eight at build time instead was half of the build: a second
 * pass over the entries, and page faults on the grown half, which cost
 * more than the writes themselves on a virtual machine. Written once here,
 * each page is faulted in once, while the lists are being read anyway.
 *
 * Large arrays (sm_big__alloc()) are mappings of their own on 2 MiB
 * boundaries with transparent huge pages asked for (Linux, madvise mode):
 * one fault per 2 MiB instead of one per 4 KiB, and above all one TLB
 * entry per 2 MiB. The market's arrays are read at random; on a virtual
 * machine a TLB miss walks two page tables, and with small pages the
 * build and the solve of ten million employees ran ten to thirty times
 * slower per entry than at one million. They grow by mremap onto a new
 * 2 MiB boundary, so that their huge pages move whole. */
#include "core/list-store.h"

#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

/* Below this, a large array is an ordinary allocation. */
#define SM_BIG_MIN ((size_t) 4 << 20)
#define SM_HUGE ((size_t) 2 << 20)

#if defined(__linux__) && defined(MADV_HUGEPAGE) && defined(MREMAP_FIXED)
#define SM_BIG_MAPPED 1

static size_t
map_length (size_t bytes)
{
  return (bytes + SM_HUGE - 1) & ~(SM_HUGE - 1);
}

/* Reserves @length bytes (a multiple of 2 MiB) at a 2 MiB boundary. */
static char *
map_aligned (size_t length)
{
  char *raw = mmap (NULL, length + SM_HUGE, PROT_READ | PROT_WRITE,
                    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED)
    return NULL;
  char *start = (char *) (((uintptr_t) raw + SM_HUGE - 1)
                          & ~(uintptr_t) (SM_HUGE - 1));
  if (start > raw)
    munmap (raw, (size_t) (start - raw));
  if (start + length < raw + length + SM_HUGE)
    munmap (start + length,
            (size_t) (raw + length + SM_HUGE - (start + length)));
  (void) madvise (start, length, MADV_HUGEPAGE);
  return start;
}

/* Grows a mapping made by map_aligned(): in place when the addresses
 * after it are free, else moved whole onto a new 2 MiB boundary, which
 * moves its huge pages as they are (a move to any other offset would
 * split them into small pages).
 *
 * The move keeps the old length: the old pages replace the first
 * @old_length bytes of a fresh reservation of the new length, whose rest
 * stays as it was mapped. Moving at the new length (letting mremap grow
 * the mapping as it moves it) gives the same memory as far as the kernel
 * is concerned, but valgrind's memcheck (3.19) then takes the grown part
 * for unaddressable and reports every access to it, which hid any real
 * error in the tests behind false ones. */
static char *
map_grow (char *old, size_t old_length, size_t length)
{
  void *grown = mremap (old, old_length, length, 0);
  if (grown != MAP_FAILED)
    {
      (void) madvise (grown, length, MADV_HUGEPAGE);
      return grown;
    }
  char *target = map_aligned (length);
  if (target == NULL)
    return NULL;
  void *moved = mremap (old, old_length, old_length,
                        MREMAP_MAYMOVE | MREMAP_FIXED, target);
  if (moved == MAP_FAILED)
    {
      munmap (target, length);
      return NULL;
    }
  (void) madvise (target, length, MADV_HUGEPAGE);
  return target;
}
#endif

void *
sm_big__alloc (size_t bytes)
{
#ifdef SM_BIG_MAPPED
  if (bytes >= SM_BIG_MIN)
    return map_aligned (map_length (bytes));
#endif
  return g_try_malloc (MAX (bytes, (size_t) 1));
}

void *
sm_big__alloc0 (size_t bytes)
{
#ifdef SM_BIG_MAPPED
  if (bytes >= SM_BIG_MIN)
    return map_aligned (map_length (bytes)); /* fresh pages are zero */
#endif
  return g_try_malloc0 (MAX (bytes, (size_t) 1));
}

void *
sm_big__realloc (void *memory, size_t old_bytes, size_t bytes)
{
  if (memory == NULL)
    return sm_big__alloc (bytes);
#ifdef SM_BIG_MAPPED
  gboolean was_big = old_bytes >= SM_BIG_MIN, is_big = bytes >= SM_BIG_MIN;
  if (was_big && is_big)
    {
      size_t old_length = map_length (old_bytes), length = map_length (bytes);
      if (length < old_length)
        munmap ((char *) memory + length, old_length - length);
      return length <= old_length ? memory
                                  : map_grow (memory, old_length, length);
    }
  if (was_big || is_big)
    {
      void *moved = sm_big__alloc (bytes);
      if (moved == NULL)
        return NULL;
      memcpy (moved, memory, MIN (old_bytes, bytes));
      sm_big__free (memory, old_bytes);
      return moved;
    }
#else
  (void) old_bytes;
#endif
  return g_try_realloc (memory, MAX (bytes, (size_t) 1));
}

void
sm_big__free (void *memory, size_t bytes)
{
  if (memory == NULL)
    return;
#ifdef SM_BIG_MAPPED
  if (bytes >= SM_BIG_MIN)
    {
      munmap (memory, map_length (bytes));
      return;
    }
#else
  (void) bytes;
#endif
  g_free (memory);
}

/* The bytes of @n entries: each is a pair, the target and a 0. */
static inline size_t
pairs_bytes (size_t n)
{
  return n * 2 * sizeof (int32_t);
}

gboolean
sm_list_store_init (SmListStore *store, int32_t n_owners, int32_t n_targets)
{
  memset (store, 0, sizeof *store);
  store->n_owners = n_owners;
  store->n_targets = n_targets;
  store->last_owner = -1;
  store->in_order = TRUE;
  store->start = g_try_new (int32_t, (size_t) n_owners + 1);
  store->length = g_try_new0 (int32_t, (size_t) n_owners + 1);
  store->seen = g_try_new0 (uint64_t, (size_t) n_targets / 64 + 1);
  if (store->start == NULL || store->length == NULL || store->seen == NULL)
    {
      sm_list_store_clear (store);
      return FALSE;
    }
  memset (store->start, 0xff, ((size_t) n_owners + 1) * sizeof (int32_t));
  return TRUE;
}

void
sm_list_store_clear (SmListStore *store)
{
  sm_populator__free (store->populator);
  g_free (store->start);
  g_free (store->length);
  sm_big__free (store->entries, pairs_bytes (store->capacity));
  g_free (store->seen);
  memset (store, 0, sizeof *store);
}

/* Starts the populator once the entries are a mapping of their own. */
static void
start_populator (SmListStore *store)
{
  size_t bytes = pairs_bytes (store->capacity);
  if (store->populate_ahead && store->populator == NULL && bytes >= SM_BIG_MIN)
    store->populator = sm_populator__new ((char *) store->entries, bytes,
                                          pairs_bytes (store->n_entries));
}

gboolean
sm_list_store_reserve (SmListStore *store, size_t n_entries)
{
  if (n_entries <= store->capacity)
    return TRUE;
  if (n_entries > G_MAXSIZE / pairs_bytes (1))
    return FALSE;
  size_t old_bytes = pairs_bytes (store->capacity);
  sm_populator__hold (store->populator);
  int32_t *grown = sm_big__realloc (store->entries, old_bytes,
                                    pairs_bytes (n_entries));
  if (grown != NULL)
    {
      store->entries = grown;
      store->capacity = n_entries;
    }
  sm_populator__moved (store->populator, (char *) store->entries,
                       pairs_bytes (store->capacity));
  start_populator (store);
  return grown != NULL;
}

void
sm_list_store_set_populate_ahead (SmListStore *store, gboolean on)
{
  store->populate_ahead = on;
  if (!on)
    g_clear_pointer (&store->populator, sm_populator__free);
  else
    start_populator (store);
}

static gboolean
grow_for (SmListStore *store, size_t n_more)
{
  size_t needed = store->n_entries + n_more;
  if (needed <= store->capacity)
    return TRUE;
  size_t wanted = MAX (needed, store->capacity + store->capacity / 2);
  wanted = MAX (wanted, (size_t) 64);
  return sm_list_store_reserve (store, wanted);
}

/* Clears the bits of the first @n targets of @list. Whole words may be
 * cleared: between lists the map is all zeros, so a word holds bits of
 * this list only. */
static void
clear_seen (SmListStore *store, const int32_t *list, size_t n)
{
  for (size_t k = 0; k < n; k++)
    store->seen[list[k] >> 6] = 0;
}

/* Checks the list against range and repeats without changing the store. */
static SmListStatus
check_list (SmListStore *store, const int32_t *list, size_t n,
            size_t *bad_index)
{
  uint64_t *seen = store->seen;
  for (size_t k = 0; k < n; k++)
    {
      int32_t t = list[k];
      uint64_t bit = UINT64_C (1) << (t & 63);
      if (t < 0 || t >= store->n_targets || (seen[t >> 6] & bit) != 0)
        {
          *bad_index = k;
          clear_seen (store, list, k);
          return t < 0 || t >= store->n_targets ? SM_LIST_TARGET_OUT_OF_RANGE
                                                : SM_LIST_TARGET_TWICE;
        }
      seen[t >> 6] |= bit;
    }
  clear_seen (store, list, n);
  *bad_index = (size_t) -1;
  return SM_LIST_OK;
}

/* Tells the populator, every POPULATE_STEP bytes of entries, how far the
 * appends have come. */
#define POPULATE_STEP ((size_t) 1 << 20)

static void
report_progress (SmListStore *store, size_t before, size_t after)
{
  if (store->populator != NULL
      && pairs_bytes (before) / POPULATE_STEP
             != pairs_bytes (after) / POPULATE_STEP)
    sm_populator__advance (store->populator, pairs_bytes (after));
}

SmListStatus
sm_list_store_append (SmListStore *store, int32_t owner, const int32_t *list,
                      size_t n, size_t *bad_index)
{
  *bad_index = (size_t) -1;
  if (store->start[owner] >= 0)
    return SM_LIST_ALREADY_SET;
  if (n > (size_t) INT32_MAX || store->n_entries + n > (size_t) INT32_MAX)
    return SM_LIST_TOO_MANY_ENTRIES;
  SmListStatus status = check_list (store, list, n, bad_index);
  if (status != SM_LIST_OK)
    return status;
  if (!grow_for (store, n))
    return SM_LIST_NO_MEMORY;
  /* An empty list may come before any storage exists, and even a zero
   * offset from a null pointer is undefined. */
  int32_t *pairs = n > 0 ? store->entries + 2 * store->n_entries : NULL;
  for (size_t k = 0; k < n; k++)
    {
      pairs[2 * k] = list[k];
      pairs[2 * k + 1] = 0;
    }
  store->start[owner] = (int32_t) store->n_entries;
  store->length[owner] = (int32_t) n;
  report_progress (store, store->n_entries, store->n_entries + n);
  store->n_entries += n;
  if (owner < store->last_owner)
    store->in_order = FALSE;
  store->last_owner = owner;
  return SM_LIST_OK;
}

/* Rewrites the entries in owner order; needed only when lists were given
 * out of order. Costs one more pair per entry for the moment it runs. */
static gboolean
reorder_by_owner (SmListStore *store, const int32_t *offsets)
{
  size_t cap = MAX (store->n_entries, (size_t) 1);
  int32_t *sorted = sm_big__alloc (pairs_bytes (cap));
  if (sorted == NULL)
    return FALSE;
  for (int32_t i = 0; i < store->n_owners; i++)
    if (store->length[i] > 0)
      memcpy (sorted + 2 * (size_t) offsets[i],
              store->entries + 2 * (size_t) store->start[i],
              pairs_bytes ((size_t) store->length[i]));
  sm_big__free (store->entries, pairs_bytes (store->capacity));
  store->entries = sorted;
  store->capacity = cap;
  return TRUE;
}

/* Offsets of lists given in owner order: the running sum of the lengths,
 * written over the lengths themselves (n_owners + 1 of them), whose pages
 * were touched while the lists came in; a new array of that size would
 * cost its page faults again. */
static int32_t *
offsets_in_place (SmListStore *store)
{
  int32_t *offsets = g_steal_pointer (&store->length);
  int32_t sum = 0;
  for (int32_t i = 0; i < store->n_owners; i++)
    {
      int32_t length = offsets[i];
      offsets[i] = sum;
      sum += length;
    }
  offsets[store->n_owners] = sum;
  return offsets;
}

/* Offsets of lists given out of order, in an array of their own, and the
 * entries rewritten in owner order. */
static int32_t *
offsets_reordered (SmListStore *store)
{
  int32_t *offsets = g_try_new (int32_t, (size_t) store->n_owners + 1);
  if (offsets == NULL)
    return NULL;
  offsets[0] = 0;
  for (int32_t i = 0; i < store->n_owners; i++)
    offsets[i + 1] = offsets[i] + store->length[i];
  if (!reorder_by_owner (store, offsets))
    g_clear_pointer (&offsets, g_free);
  return offsets;
}

gboolean
sm_list_store_take_csr (SmListStore *store, int32_t **offsets_out,
                        int32_t **pairs_out, size_t *bytes_out,
                        int32_t **spare_out)
{
  /* Nothing more is appended: stop before the entries move or shrink. */
  g_clear_pointer (&store->populator, sm_populator__free);
  int32_t *offsets = store->in_order && store->entries != NULL
                         ? offsets_in_place (store)
                         : offsets_reordered (store);
  if (offsets == NULL)
    return FALSE;
  /* Give back the capacity beyond the entries (pages beyond were never
   * touched). Should shrinking fail, the larger block serves as well. */
  int32_t *pairs = store->entries;
  size_t bytes = pairs_bytes (store->capacity);
  size_t fitted_bytes = pairs_bytes (MAX (store->n_entries, (size_t) 1));
  if (fitted_bytes < bytes)
    {
      int32_t *fitted = sm_big__realloc (pairs, bytes, fitted_bytes);
      if (fitted != NULL)
        {
          pairs = fitted;
          bytes = fitted_bytes;
        }
    }
  *bytes_out = bytes;
  store->entries = NULL;
  if (spare_out != NULL)
    *spare_out = g_steal_pointer (&store->start);
  sm_list_store_clear (store);
  *offsets_out = offsets;
  *pairs_out = pairs;
  return TRUE;
}
