/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: calendar dates (validity, parsing, ages, day counts). */
#include "test-util.h"

#include <string.h>

static SmDate
d (int32_t year, int32_t month, int32_t day)
{
  return (SmDate){ year, month, day };
}

static void
test_validity (void)
{
  CU_ASSERT_TRUE (sm_date_is_valid (d (2019, 1, 1)));
  CU_ASSERT_TRUE (sm_date_is_valid (d (1900, 1, 1)));
  CU_ASSERT_TRUE (sm_date_is_valid (d (2200, 12, 31)));
  CU_ASSERT_FALSE (sm_date_is_valid (d (1899, 12, 31)));
  CU_ASSERT_FALSE (sm_date_is_valid (d (2201, 1, 1)));
  CU_ASSERT_FALSE (sm_date_is_valid (d (2019, 0, 1)));
  CU_ASSERT_FALSE (sm_date_is_valid (d (2019, 13, 1)));
  CU_ASSERT_FALSE (sm_date_is_valid (d (2019, 1, 0)));
  CU_ASSERT_FALSE (sm_date_is_valid (d (2019, 1, 32)));
  CU_ASSERT_FALSE (sm_date_is_valid (d (2019, 4, 31)));
  CU_ASSERT_TRUE (sm_date_is_valid (d (2019, 4, 30)));
  CU_ASSERT_FALSE (sm_date_is_valid (d (0, 0, 0)));
  CU_ASSERT_FALSE (sm_date_is_valid (d (-2019, 1, 1)));
}

static void
test_leap_years (void)
{
  CU_ASSERT_TRUE (sm_date_is_valid (d (2000, 2, 29)));  /* by 400 */
  CU_ASSERT_TRUE (sm_date_is_valid (d (2016, 2, 29)));  /* by 4 */
  CU_ASSERT_FALSE (sm_date_is_valid (d (1900, 2, 29))); /* by 100 */
  CU_ASSERT_FALSE (sm_date_is_valid (d (2100, 2, 29)));
  CU_ASSERT_FALSE (sm_date_is_valid (d (2019, 2, 29)));
  CU_ASSERT_FALSE (sm_date_is_valid (d (2016, 2, 30)));
  CU_ASSERT_EQUAL (sm_date_days_between (d (2016, 1, 1), d (2017, 1, 1)), 366);
  CU_ASSERT_EQUAL (sm_date_days_between (d (2019, 1, 1), d (2020, 1, 1)), 365);
  CU_ASSERT_EQUAL (sm_date_days_between (d (1900, 1, 1), d (1901, 1, 1)), 365);
  CU_ASSERT_EQUAL (sm_date_days_between (d (2000, 2, 28), d (2000, 3, 1)), 2);
  CU_ASSERT_EQUAL (sm_date_days_between (d (2100, 2, 28), d (2100, 3, 1)), 1);
}

static void
test_is_set (void)
{
  CU_ASSERT_FALSE (sm_date_is_set (d (0, 0, 0)));
  CU_ASSERT_TRUE (sm_date_is_set (d (2019, 1, 1)));
  CU_ASSERT_TRUE (sm_date_is_set (d (0, 0, 1)));
  SmEmployeeSpec spec = SM_EMPLOYEE_SPEC_INIT;
  CU_ASSERT_FALSE (sm_date_is_set (spec.birth_date));
}

static void
assert_parses (const char *text, int32_t year, int32_t month, int32_t day)
{
  GError *error = NULL;
  SmDate date = { 0, 0, 0 };
  CU_ASSERT_TRUE (sm_date_parse (text, &date, &error));
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (date.year, year);
  CU_ASSERT_EQUAL (date.month, month);
  CU_ASSERT_EQUAL (date.day, day);
}

static void
test_parse_formats (void)
{
  assert_parses ("2019-01-02", 2019, 1, 2);
  assert_parses ("2019/01/02", 2019, 1, 2);
  assert_parses ("2019.01.02", 2019, 1, 2);
  assert_parses ("2019-1-2", 2019, 1, 2);
  assert_parses ("02-01-2019", 2019, 1, 2);
  assert_parses ("02/01/2019", 2019, 1, 2);
  assert_parses ("02.01.2019", 2019, 1, 2);
  assert_parses ("2-1-2019", 2019, 1, 2);
  assert_parses ("29-02-2000", 2000, 2, 29);
  assert_parses (" 2019-12-31 ", 2019, 12, 31);
  assert_parses ("\t31-12-2019", 2019, 12, 31);
  assert_parses ("1900-01-01", 1900, 1, 1);
  assert_parses ("31-12-2200", 2200, 12, 31);
}

static void
assert_rejected (const char *text)
{
  GError *error = NULL;
  SmDate date = { 7, 7, 7 };
  CU_ASSERT_FALSE (sm_date_parse (text, &date, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_PARSE);
  /* untouched on failure */
  CU_ASSERT_EQUAL (date.year, 7);
  CU_ASSERT_EQUAL (date.month, 7);
  CU_ASSERT_EQUAL (date.day, 7);
}

static void
test_parse_garbage (void)
{
  assert_rejected ("");
  assert_rejected ("   ");
  assert_rejected ("yesterday");
  assert_rejected ("2019-01");
  assert_rejected ("2019-01-02-03");
  assert_rejected ("2019-01/02"); /* mixed separators */
  assert_rejected ("2019 01 02");
  assert_rejected ("20190102");
  assert_rejected ("19-01-02"); /* two-digit year */
  assert_rejected ("02-01-19");
  assert_rejected ("2019-001-02");
  assert_rejected ("02019-01-02");
  assert_rejected ("2019-01-02x");
  assert_rejected ("-2019-01-02");
  assert_rejected ("2019--01-02");
  assert_rejected ("2019-+1-02");
  assert_rejected ("1234-56-78");
}

static void
test_parse_impossible_days (void)
{
  assert_rejected ("2019-02-29");
  assert_rejected ("29-02-1900");
  assert_rejected ("2019-04-31");
  assert_rejected ("31-04-2019");
  assert_rejected ("2019-13-01");
  assert_rejected ("2019-00-10");
  assert_rejected ("00-01-2019");
  assert_rejected ("1899-12-31");
  assert_rejected ("01-01-2201");
  /* American order: month 13 does not exist. */
  assert_rejected ("12-13-1980");
}

/* The message must not repeat the text: it may be a birth date. */
static void
test_parse_error_hides_text (void)
{
  GError *error = NULL;
  SmDate date;
  CU_ASSERT_FALSE (sm_date_parse ("31-02-1967", &date, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NULL (strstr (error->message, "1967"));
  SM_ASSERT_ERROR (error, SM_ERROR_PARSE);
  CU_ASSERT_FALSE (sm_date_parse ("4 juli 1967", &date, &error));
  CU_ASSERT_PTR_NOT_NULL_FATAL (error);
  CU_ASSERT_PTR_NULL (strstr (error->message, "1967"));
  SM_ASSERT_ERROR (error, SM_ERROR_PARSE);
}

static void
test_to_iso (void)
{
  g_autofree char *a = sm_date_to_iso (d (2019, 1, 2));
  g_autofree char *b = sm_date_to_iso (d (1900, 12, 31));
  CU_ASSERT_STRING_EQUAL (a, "2019-01-02");
  CU_ASSERT_STRING_EQUAL (b, "1900-12-31");
  /* Round trip through the parser. */
  SmDate back;
  GError *error = NULL;
  CU_ASSERT_TRUE (sm_date_parse (a, &back, &error));
  SM_ASSERT_NO_ERROR (error);
  CU_ASSERT_EQUAL (sm_date_compare (back, d (2019, 1, 2)), 0);
}

static void
test_compare (void)
{
  CU_ASSERT_EQUAL (sm_date_compare (d (2019, 1, 1), d (2019, 1, 1)), 0);
  CU_ASSERT_TRUE (sm_date_compare (d (2018, 12, 31), d (2019, 1, 1)) < 0);
  CU_ASSERT_TRUE (sm_date_compare (d (2019, 1, 1), d (2018, 12, 31)) > 0);
  CU_ASSERT_TRUE (sm_date_compare (d (2019, 2, 1), d (2019, 3, 1)) < 0);
  CU_ASSERT_TRUE (sm_date_compare (d (2019, 3, 2), d (2019, 3, 1)) > 0);
}

static void
test_full_years (void)
{
  SmDate birth = d (1970, 6, 15);
  CU_ASSERT_EQUAL (sm_date_full_years (birth, d (2019, 1, 1)), 48);
  CU_ASSERT_EQUAL (sm_date_full_years (birth, d (2019, 6, 14)), 48);
  CU_ASSERT_EQUAL (sm_date_full_years (birth, d (2019, 6, 15)), 49);
  CU_ASSERT_EQUAL (sm_date_full_years (birth, birth), 0);
  CU_ASSERT_EQUAL (sm_date_full_years (d (2018, 1, 1), d (2018, 12, 31)), 0);
  CU_ASSERT_EQUAL (sm_date_full_years (d (2018, 1, 1), d (2019, 1, 1)), 1);
  /* Backwards: negative, truncated towards zero. */
  CU_ASSERT_EQUAL (sm_date_full_years (d (2019, 6, 15), birth), -49);
  CU_ASSERT_EQUAL (sm_date_full_years (d (2019, 6, 14), birth), -48);
  CU_ASSERT_EQUAL (sm_date_full_years (d (2019, 1, 1), d (2018, 6, 1)), 0);
}

/* Born on 29 February: a year older on 1 March in common years. */
static void
test_leap_day_birthday (void)
{
  SmDate birth = d (2000, 2, 29);
  CU_ASSERT_EQUAL (sm_date_full_years (birth, d (2001, 2, 28)), 0);
  CU_ASSERT_EQUAL (sm_date_full_years (birth, d (2001, 3, 1)), 1);
  CU_ASSERT_EQUAL (sm_date_full_years (birth, d (2019, 2, 28)), 18);
  CU_ASSERT_EQUAL (sm_date_full_years (birth, d (2019, 3, 1)), 19);
  CU_ASSERT_EQUAL (sm_date_full_years (birth, d (2004, 2, 28)), 3);
  CU_ASSERT_EQUAL (sm_date_full_years (birth, d (2004, 2, 29)), 4);
  /* 2100 is no leap year. */
  CU_ASSERT_EQUAL (sm_date_full_years (birth, d (2100, 2, 28)), 99);
  CU_ASSERT_EQUAL (sm_date_full_years (birth, d (2100, 3, 1)), 100);
  /* Someone born on 28 February or 1 March is not affected. */
  CU_ASSERT_EQUAL (sm_date_full_years (d (2000, 2, 28), d (2001, 2, 28)), 1);
  CU_ASSERT_EQUAL (sm_date_full_years (d (2000, 3, 1), d (2001, 2, 28)), 0);
}

static void
test_days_between (void)
{
  CU_ASSERT_EQUAL (sm_date_days_between (d (2019, 1, 1), d (2019, 1, 1)), 0);
  CU_ASSERT_EQUAL (sm_date_days_between (d (2019, 1, 1), d (2019, 1, 2)), 1);
  CU_ASSERT_EQUAL (sm_date_days_between (d (2019, 1, 2), d (2019, 1, 1)), -1);
  CU_ASSERT_EQUAL (sm_date_days_between (d (2018, 12, 31), d (2019, 3, 1)), 60);
  /* 70 years with 17 leap days; 30 years with 7; 301 years with 73
   * (1900, 2100 and 2200 are no leap years), less one day. */
  CU_ASSERT_EQUAL (sm_date_days_between (d (1900, 1, 1), d (1970, 1, 1)),
                   25567);
  CU_ASSERT_EQUAL (sm_date_days_between (d (1970, 1, 1), d (2000, 1, 1)),
                   10957);
  CU_ASSERT_EQUAL (sm_date_days_between (d (1900, 1, 1), d (2200, 12, 31)),
                   109937);
}

/* Day counts agree with stepping through the calendar one day at a
 * time, over the whole range. */
static void
test_days_between_by_stepping (void)
{
  SmDate day = d (1900, 1, 1);
  const SmDate start = day;
  int64_t n = 0;
  gboolean ok = TRUE;
  while (day.year <= 2200)
    {
      ok = ok && sm_date_days_between (start, day) == n;
      ok = ok && sm_date_is_valid (day);
      SmDate next = { day.year, day.month, day.day + 1 };
      if (!sm_date_is_valid (next))
        next = (SmDate){ day.year, day.month + 1, 1 };
      if (!sm_date_is_valid (next))
        next = (SmDate){ day.year + 1, 1, 1 };
      ok = ok && sm_date_compare (day, next) < 0;
      day = next;
      n++;
    }
  CU_ASSERT_TRUE (ok);
  CU_ASSERT_EQUAL (n, 109938);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "validity", test_validity },
    { "leap years", test_leap_years },
    { "is set", test_is_set },
    { "parse both formats", test_parse_formats },
    { "parse garbage", test_parse_garbage },
    { "parse impossible days", test_parse_impossible_days },
    { "parse error hides the text", test_parse_error_hides_text },
    { "to iso", test_to_iso },
    { "compare", test_compare },
    { "full years", test_full_years },
    { "29 February birthday", test_leap_day_birthday },
    { "days between", test_days_between },
    { "days between by stepping", test_days_between_by_stepping },
    { NULL, NULL },
  };
  return sm_test_run_suite ("date", cases);
}
