/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the names of the core layer's enums (SmSide,
 * SmViolationKind), and the lookup that every layer's tables share.
 * See enum-names-private.h. */

#include <staffmatch/check.h>
#include <staffmatch/matching.h>

#include "core/enum-names-private.h"

int
sm_enum__find (const char *const *names, const char *text)
{
  for (int k = 0; names[k] != NULL; k++)
    if (g_str_equal (text, names[k]))
      return k;
  return -1;
}

SM_ENUM_NAMES_DEFINE (side, SmSide, "employees", "positions")

SM_ENUM_NAMES_DEFINE (violation_kind, SmViolationKind, "over-seats",
                      "not-acceptable", "over-cap")
