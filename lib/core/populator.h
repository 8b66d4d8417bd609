/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: bringing in a growing array's memory ahead of its writer,
 * on a thread of its own (populator.c). Not installed.
 *
 * The list store writes its entries once, front to back, into memory it
 * has never touched, and every new page costs the writer a fault. A
 * populator has a second thread ask the kernel for the pages a window
 * ahead of the writer (MADV_POPULATE_WRITE), so that the faults are paid
 * on the other core. It never reads or writes the array's contents. */
#pragma once

#include <stddef.h>
#include <glib.h>

typedef struct _SmPopulator SmPopulator;

/* A populator for the mapping at @base, @capacity bytes long (a mapping
 * of sm_big__alloc()), of which the first @written bytes are written.
 * NULL where the system cannot populate ahead, or the thread cannot
 * start: the writer then faults its pages in itself, as without. */
SmPopulator *sm_populator__new (char *base, size_t capacity, size_t written);

/* The writer has written the first @written bytes: moves the window. Cheap
 * enough to call every few megabytes. */
void sm_populator__advance (SmPopulator *p, size_t written);

/* Around a move or resize of the mapping: hold() waits for the chunk
 * being brought in and keeps the thread off the mapping; moved() gives
 * the mapping's new place and size and lets the thread go on. */
void sm_populator__hold (SmPopulator *p);
void sm_populator__moved (SmPopulator *p, char *base, size_t capacity);

/* How many bytes from the start are brought in so far, and whether the
 * system refused (then no more will be); for tests. */
size_t sm_populator__populated (SmPopulator *p, gboolean *refused);

/* Stops the thread and waits for it; NULL is allowed. */
void sm_populator__free (SmPopulator *p);
