/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: date helpers shared inside the scenario layer. Not
 * installed. */
#pragma once

#include <staffmatch/date.h>

/* sm_date__anniversary(), which the letters use too, is in
 * report-private.h. */
#include "scenario/report-private.h"
