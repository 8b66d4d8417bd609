/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the run-time version. */
#include <staffmatch/version.h>

const char *
sm_version (void)
{
  return SM_VERSION;
}
