/* staffmatch: the run-time version. */
#include <staffmatch/version.h>

const char *
sm_version (void)
{
  return SM_VERSION;
}
