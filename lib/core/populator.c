/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: bringing in a growing array's memory ahead of its writer
 * (populator.h).
 *
 * Why: on a virtual machine a page that a process touches for the first
 * time is backed by the host only then, and the kernel's zeroing of it
 * waits on that; `sm-bench touch` measured 0.15 to 0.33 GB/s for such
 * memory against 8 to 17 GB/s for the same memory touched before, and
 * zeroing fresh pages was a third of the samples of reading a 1M-employee
 * instance file. MADV_POPULATE_WRITE (Linux 5.14) makes the kernel fault
 * a range in without the caller writing to it, so a second thread can
 * pay for the pages while the writer parses.
 *
 * The thread keeps a window of WINDOW bytes populated ahead of what the
 * writer reports written, a chunk at a time. It holds the lock while it
 * populates, and the writer holds it while it moves or resizes the
 * mapping (mremap), so a chunk never lands on an address the mapping has
 * left; a writer that wants the lock says so first, and the thread, at
 * the end of its chunk, waits for it to be done. The writer reports its
 * progress with an atomic store and a wake; a wake lost between the
 * thread's check and its nap costs at most the nap. Contents are never
 * read or written here, so the array is the same with or without a
 * populator, and memory already written is left as it is (populating a
 * present page does nothing).
 *
 * Cost: one thread, mostly asleep; at most WINDOW bytes brought in that
 * the writer may not need, given back when the array is trimmed. */
#include "core/populator.h"

#include <pthread.h>
#include <time.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

/* How far ahead, and in which steps, the memory is brought in. */
#define WINDOW ((size_t) 64 << 20)
#define CHUNK ((size_t) 2 << 20)
/* The longest the thread sleeps before looking again (microseconds). */
#define NAP 1000

/* POSIX locks rather than GLib's: ThreadSanitizer sees only these. */
struct _SmPopulator {
  GThread *thread;
  pthread_mutex_t lock;
  pthread_cond_t wake; /* on CLOCK_MONOTONIC */
  char *base;          /* the mapping, under the lock */
  size_t capacity;     /* its bytes, under the lock */
  size_t populated;    /* bytes from base brought in, under the lock */
  size_t written;      /* bytes the writer reported, atomic */
  gboolean refused;    /* the system said no: stop trying */
  int moving;          /* atomic: the writer waits to move the mapping */
  gboolean quit;       /* under the lock */
};

#if defined(__linux__) && defined(MADV_POPULATE_WRITE)
#define SM_CAN_POPULATE 1

/* Brings in the next chunk of the window, if any; FALSE when there is
 * none or the system refuses. Called with the lock held. */
static gboolean
populate_chunk (SmPopulator *p)
{
  size_t written = __atomic_load_n (&p->written, __ATOMIC_RELAXED);
  /* Whole chunks, so that every start is page-aligned; the last one may
   * end past the capacity, but not past the mapping's 2 MiB. */
  size_t from = MAX (p->populated, written) & ~(CHUNK - 1);
  size_t goal = MIN (written + WINDOW, p->capacity);
  if (p->refused || from >= goal)
    return FALSE;
  size_t to = from + CHUNK;
  if (madvise (p->base + from, to - from, MADV_POPULATE_WRITE) != 0)
    {
      p->refused = TRUE;
      return FALSE;
    }
  p->populated = to;
  return TRUE;
}

/* Waits for a wake, or NAP at most. Called with the lock held. */
static void
nap (SmPopulator *p)
{
  struct timespec until;
  clock_gettime (CLOCK_MONOTONIC, &until);
  until.tv_nsec += NAP * 1000;
  until.tv_sec += until.tv_nsec / 1000000000;
  until.tv_nsec %= 1000000000;
  pthread_cond_timedwait (&p->wake, &p->lock, &until);
}

static gpointer
populate_thread (gpointer data)
{
  SmPopulator *p = data;
  pthread_mutex_lock (&p->lock);
  while (!p->quit)
    {
      /* A writer that waits to move the mapping gets the lock here (an
       * unlock and lock again could take it straight back). */
      if (__atomic_load_n (&p->moving, __ATOMIC_ACQUIRE))
        pthread_cond_wait (&p->wake, &p->lock);
      else if (!populate_chunk (p))
        nap (p);
    }
  pthread_mutex_unlock (&p->lock);
  return NULL;
}
#endif

SmPopulator *
sm_populator__new (char *base, size_t capacity, size_t written)
{
#ifdef SM_CAN_POPULATE
  SmPopulator *p = g_new0 (SmPopulator, 1);
  pthread_condattr_t monotonic;
  pthread_condattr_init (&monotonic);
  pthread_condattr_setclock (&monotonic, CLOCK_MONOTONIC);
  pthread_cond_init (&p->wake, &monotonic);
  pthread_condattr_destroy (&monotonic);
  pthread_mutex_init (&p->lock, NULL);
  p->base = base;
  p->capacity = capacity;
  p->populated = written;
  p->written = written;
  p->thread = g_thread_try_new ("sm-populate", populate_thread, p, NULL);
  if (p->thread == NULL)
    {
      sm_populator__free (p);
      return NULL;
    }
  return p;
#else
  (void) base;
  (void) capacity;
  (void) written;
  return NULL;
#endif
}

void
sm_populator__advance (SmPopulator *p, size_t written)
{
  if (p == NULL)
    return;
  __atomic_store_n (&p->written, written, __ATOMIC_RELAXED);
  pthread_cond_signal (&p->wake);
}

void
sm_populator__hold (SmPopulator *p)
{
  if (p == NULL)
    return;
  __atomic_store_n (&p->moving, 1, __ATOMIC_RELEASE);
  pthread_mutex_lock (&p->lock);
}

void
sm_populator__moved (SmPopulator *p, char *base, size_t capacity)
{
  if (p == NULL)
    return;
  p->base = base;
  p->capacity = capacity;
  __atomic_store_n (&p->moving, 0, __ATOMIC_RELEASE);
  pthread_mutex_unlock (&p->lock);
  pthread_cond_signal (&p->wake);
}

size_t
sm_populator__populated (SmPopulator *p, gboolean *refused)
{
  pthread_mutex_lock (&p->lock);
  size_t populated = p->populated;
  *refused = p->refused;
  pthread_mutex_unlock (&p->lock);
  return populated;
}

void
sm_populator__free (SmPopulator *p)
{
  if (p == NULL)
    return;
  if (p->thread != NULL)
    {
      pthread_mutex_lock (&p->lock);
      p->quit = TRUE;
      pthread_mutex_unlock (&p->lock);
      pthread_cond_signal (&p->wake);
      g_thread_join (p->thread);
    }
  pthread_mutex_destroy (&p->lock);
  pthread_cond_destroy (&p->wake);
  g_free (p);
}
