/* staffmatch: date helpers shared inside the scenario layer. Not
 * installed. */
#pragma once

#include <staffmatch/date.h>

/* The day of @year on which an anniversary of @date falls: the same month
 * and day, except that 29 February falls on 1 March in a common year. */
SmDate sm_date__anniversary (SmDate date, int32_t year);
