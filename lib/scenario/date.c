/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: calendar dates for ages and years of service.
 *
 * Priority rules compare ages and years of service, and decision letters
 * print them, so date arithmetic must be exact and the same on every
 * machine. This file therefore does its own arithmetic on plain
 * (year, month, day) triples of the proleptic Gregorian calendar: no time
 * zones, no locale, no GDateTime.
 *
 * Day numbers. A date becomes a count of days with the year taken to start
 * on 1 March, so that the leap day is the last day of its counting year and
 * the days before a month follow one formula: (153 m + 2) / 5 for m = 0
 * (March) .. 11 (February). Differences of day numbers are differences of
 * dates in days.
 *
 * Full years (an age on a day). One more year has passed on each
 * anniversary. The anniversary of 29 February in a common year falls on
 * 1 March, as Dutch law counts it (someone born on 29 February 2000 turns
 * 19 on 1 March 2019, not on 28 February). Full years towards an earlier
 * day are the negated full years back from it, so the count is truncated
 * towards zero either way.
 *
 * Parsing accepts "yyyy-mm-dd" and "dd-mm-yyyy" (day and month of one or
 * two digits, '/' or '.' in place of '-', the same separator twice) with
 * blanks around, and only real days between 1900 and 2200. Its error
 * message does not quote the text: a date may be a birth date, which is
 * personal data; the caller names the file, line and field.
 */
#include "scenario/date-private.h"

#include <string.h>
#include <staffmatch/error.h>

#define SM_DATE_MIN_YEAR 1900
#define SM_DATE_MAX_YEAR 2200

static gboolean
is_leap_year (int32_t year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int32_t
days_in_month (int32_t year, int32_t month)
{
  static const int32_t days[12] = { 31, 28, 31, 30, 31, 30,
                                    31, 31, 30, 31, 30, 31 };
  if (month == 2 && is_leap_year (year))
    return 29;
  return days[month - 1];
}

gboolean
sm_date_is_valid (SmDate date)
{
  return date.year >= SM_DATE_MIN_YEAR && date.year <= SM_DATE_MAX_YEAR
         && date.month >= 1 && date.month <= 12 && date.day >= 1
         && date.day <= days_in_month (date.year, date.month);
}

gboolean
sm_date_is_set (SmDate date)
{
  return date.year != 0 || date.month != 0 || date.day != 0;
}

int
sm_date_compare (SmDate a, SmDate b)
{
  if (a.year != b.year)
    return a.year < b.year ? -1 : 1;
  if (a.month != b.month)
    return a.month < b.month ? -1 : 1;
  if (a.day != b.day)
    return a.day < b.day ? -1 : 1;
  return 0;
}

/* Days since 1 March of year 0; see the top of the file. Valid for any
 * year of 0 or later, which covers every valid date. */
static int64_t
day_number (SmDate date)
{
  int64_t year = date.month <= 2 ? date.year - 1 : date.year;
  int64_t month = date.month <= 2 ? date.month + 9 : date.month - 3;
  return 365 * year + year / 4 - year / 100 + year / 400 + (153 * month + 2) / 5
         + date.day - 1;
}

int64_t
sm_date_days_between (SmDate from, SmDate to)
{
  g_return_val_if_fail (sm_date_is_valid (from), 0);
  g_return_val_if_fail (sm_date_is_valid (to), 0);
  return day_number (to) - day_number (from);
}

SmDate
sm_date__anniversary (SmDate date, int32_t year)
{
  SmDate a = { year, date.month, date.day };
  if (date.month == 2 && date.day == 29 && !is_leap_year (year))
    {
      a.month = 3;
      a.day = 1;
    }
  return a;
}

/* The day of @year/@month on which a monthly anniversary of @date
 * falls: its day, or the first of the next month when @month is too
 * short. */
static SmDate
month_anniversary (SmDate date, int32_t year, int32_t month)
{
  if (date.day <= days_in_month (year, month))
    return (SmDate){ year, month, date.day };
  /* Only February to November can be too short. */
  return (SmDate){ year, month + 1, 1 };
}

int32_t
sm_date__full_months (SmDate from, SmDate to)
{
  g_return_val_if_fail (sm_date_is_valid (from), 0);
  g_return_val_if_fail (sm_date_is_valid (to), 0);
  if (sm_date_compare (to, from) <= 0)
    return 0;
  int32_t months = (to.year - from.year) * 12 + (to.month - from.month);
  if (sm_date_compare (to, month_anniversary (from, to.year, to.month)) < 0)
    months--;
  return months;
}

int32_t
sm_date_full_years (SmDate from, SmDate to)
{
  g_return_val_if_fail (sm_date_is_valid (from), 0);
  g_return_val_if_fail (sm_date_is_valid (to), 0);
  if (sm_date_compare (to, from) < 0)
    return -sm_date_full_years (to, from);
  int32_t years = to.year - from.year;
  if (sm_date_compare (to, sm_date__anniversary (from, to.year)) < 0)
    years--;
  return years;
}

char *
sm_date_to_iso (SmDate date)
{
  return g_strdup_printf ("%04d-%02d-%02d", (int) date.year, (int) date.month,
                          (int) date.day);
}

/* ---- parsing ------------------------------------------------------------ */

/* Reads a run of one to four digits at *p into *value and its length into
 * *n_digits, advancing *p. A longer run fails. */
static gboolean
read_number (const char **p, int32_t *value, int32_t *n_digits)
{
  int32_t v = 0, n = 0;
  while (g_ascii_isdigit (**p))
    {
      if (++n > 4)
        return FALSE;
      v = 10 * v + (**p - '0');
      (*p)++;
    }
  *value = v;
  *n_digits = n;
  return n > 0;
}

/* Splits "a?b?c" with one separator from "-/." used twice, blanks around.
 * Fills the three numbers and their digit counts. */
static gboolean
split_date (const char *text, int32_t value[3], int32_t digits[3])
{
  const char *p = text;
  char separator = 0;
  while (*p == ' ' || *p == '\t')
    p++;
  for (int k = 0; k < 3; k++)
    {
      if (!read_number (&p, &value[k], &digits[k]))
        return FALSE;
      if (k == 2)
        break;
      if (*p == '\0' || strchr ("-/.", *p) == NULL
          || (separator != 0 && *p != separator))
        return FALSE;
      separator = *p++;
    }
  while (*p == ' ' || *p == '\t')
    p++;
  return *p == '\0';
}

/* Puts the three numbers in order by where the four-digit year stands. */
static gboolean
arrange_date (const int32_t value[3], const int32_t digits[3], SmDate *date)
{
  if (digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2)
    *date = (SmDate){ value[0], value[1], value[2] };
  else if (digits[2] == 4 && digits[0] <= 2 && digits[1] <= 2)
    *date = (SmDate){ value[2], value[1], value[0] };
  else
    return FALSE;
  return TRUE;
}

gboolean
sm_date_parse (const char *text, SmDate *date_out, GError **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (date_out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  int32_t value[3], digits[3];
  SmDate date;
  if (!split_date (text, value, digits) || !arrange_date (value, digits, &date))
    {
      g_set_error (error, SM_ERROR, SM_ERROR_PARSE,
                   "Not a date: write it as yyyy-mm-dd or dd-mm-yyyy "
                   "('/' or '.' may take the place of '-').");
      return FALSE;
    }
  if (!sm_date_is_valid (date))
    {
      g_set_error (error, SM_ERROR, SM_ERROR_PARSE,
                   "Not a real day between the years %d and %d: check the "
                   "day, the month and the order in which they are "
                   "written (yyyy-mm-dd or dd-mm-yyyy).",
                   SM_DATE_MIN_YEAR, SM_DATE_MAX_YEAR);
      return FALSE;
    }
  *date_out = date;
  return TRUE;
}
