/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sm-bench: the process's resident memory.
 *
 * The suite runs each case in a child process and reports how much memory
 * the library needs beyond its input: the peak during build and solve
 * minus the size once the input is in place. Linux keeps the peak as VmHWM
 * in /proc/self/status and resets it when "5" is written to
 * /proc/self/clear_refs (Linux 4.0 and later). */
#include "rss.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

/* The value in KiB of the line "@key:   N kB" of /proc/self/status, or -1. */
static int64_t
status_kib (const char *key)
{
  FILE *f = fopen ("/proc/self/status", "r");
  char line[256];
  size_t len = strlen (key);
  int64_t value = -1;
  if (f == NULL)
    return -1;
  while (fgets (line, sizeof line, f) != NULL)
    if (strncmp (line, key, len) == 0 && line[len] == ':')
      {
        value = g_ascii_strtoll (line + len + 1, NULL, 10);
        break;
      }
  fclose (f);
  return value;
}

int64_t
sm_rss_current_kib (void)
{
  int64_t kib = status_kib ("VmRSS");
  return kib < 0 ? 0 : kib;
}

int64_t
sm_rss_peak_kib (void)
{
  int64_t kib = status_kib ("VmHWM");
  if (kib >= 0)
    return kib;
  struct rusage usage;
  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return usage.ru_maxrss; /* KiB on Linux and the BSDs */
}

gboolean
sm_rss_reset_peak (void)
{
  FILE *f = fopen ("/proc/self/clear_refs", "w");
  if (f == NULL)
    return FALSE;
  gboolean ok = fputs ("5", f) >= 0;
  return fclose (f) == 0 && ok;
}

int64_t
sm_rss_minor_faults (void)
{
  struct rusage usage;
  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return (int64_t) usage.ru_minflt;
}
