/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: growing storage for the lists a market builder collects.
 *
 * A list store holds one list of int32 indices per owner (per employee, or
 * per position), given in any order, each at most once. Lists are appended
 * to one flat array of (entry, 0) pairs, the layout of SmEdge; when the
 * owners came in increasing order (the usual case) that array already is
 * the CSR edge array and is handed over without a copy. Not installed. */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <glib.h>

#include "core/populator.h"

typedef struct {
  int32_t n_owners;
  int32_t n_targets; /* entries must lie in 0 .. n_targets-1 */
  int32_t *start;    /* per owner: offset of its list, -1 if unset */
  int32_t *length;   /* per owner */
  int32_t *entries;  /* pairs: entry k is entries[2k], then a 0 */
  size_t n_entries;
  size_t capacity;         /* in pairs */
  int32_t last_owner;      /* the owner set last, -1 at first */
  gboolean in_order;       /* owners were set in increasing order */
  uint64_t *seen;          /* a bit per target, all zero between lists */
  gboolean populate_ahead; /* see sm_list_store_set_populate_ahead() */
  SmPopulator *populator;  /* while the entries are a mapping, or NULL */
} SmListStore;

/* What a failed append found wrong; see sm_list_store_append(). */
typedef enum {
  SM_LIST_OK,
  SM_LIST_ALREADY_SET,
  SM_LIST_TARGET_OUT_OF_RANGE,
  SM_LIST_TARGET_TWICE,
  SM_LIST_TOO_MANY_ENTRIES,
  SM_LIST_NO_MEMORY,
} SmListStatus;

gboolean sm_list_store_init (SmListStore *store, int32_t n_owners,
                             int32_t n_targets);
void sm_list_store_clear (SmListStore *store);
gboolean sm_list_store_reserve (SmListStore *store, size_t n_entries);

/* With @on, once the entries outgrow an ordinary allocation, a second
 * thread brings in their memory ahead of the appends (populator.h). The
 * entries are the same either way. */
void sm_list_store_set_populate_ahead (SmListStore *store, gboolean on);

/* Appends the owner's list. On failure nothing changes and *bad_index
 * gets the offending index in @list (or -1). */
SmListStatus sm_list_store_append (SmListStore *store, int32_t owner,
                                   const int32_t *list, size_t n,
                                   size_t *bad_index);

/* Moves the lists out as CSR: *offsets_out (n_owners + 1) and the entries
 * as two int32 per entry (the entry, then a zero), so that they can be used
 * as an SmEdge array; *bytes_out gets the size to free the pairs with
 * (sm_big__free()). Unless @spare_out is NULL, it gets an array of
 * n_owners + 1 int32 whose pages are already in memory, of no meaning,
 * for the caller to use and g_free(). The store is left empty. */
gboolean sm_list_store_take_csr (SmListStore *store, int32_t **offsets_out,
                                 int32_t **pairs_out, size_t *bytes_out,
                                 int32_t **spare_out);

/* Large arrays of the core (list-store.c): from 4 MiB on, anonymous
 * mappings on 2 MiB boundaries with transparent huge pages asked for;
 * below, ordinary allocations. Free and resize with the size they have,
 * which decides which they are. NULL when out of memory. */
void *sm_big__alloc (size_t bytes);
void *sm_big__alloc0 (size_t bytes);
void *sm_big__realloc (void *memory, size_t old_bytes, size_t bytes);
void sm_big__free (void *memory, size_t bytes);
