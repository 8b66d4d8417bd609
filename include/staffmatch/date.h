/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: calendar dates for ages and years of service. */
#pragma once

#include <stdint.h>
#include <glib.h>
#include <staffmatch/export.h>

G_BEGIN_DECLS

/**
 * SmDate:
 *
 * A day of the Gregorian calendar; all zero means "not given".
 */
typedef struct {
  int32_t year;
  int32_t month; /* 1..12 */
  int32_t day;   /* 1..31 */
} SmDate;

/**
 * sm_date_is_valid:
 *
 * A real day between the years 1900 and 2200.
 */
SM_API gboolean sm_date_is_valid (SmDate date);
/**
 * sm_date_is_set:
 *
 * Not all zero.
 */
SM_API gboolean sm_date_is_set (SmDate date);

/**
 * sm_date_parse:
 * @text: the date as text
 * @date_out: (out caller-allocates): gets the date
 * @error: return location for an error
 *
 * Reads "yyyy-mm-dd" (ISO) or "dd-mm-yyyy" (as Dutch spreadsheets write
 * it; '/' and '.' are accepted for '-').
 *
 * Errors: SM_ERROR_PARSE naming the formats accepted. The message does
 * not quote the text (it may be a birth date, which is personal data); the
 * caller names the file, line and field.
 */
SM_API gboolean sm_date_parse (const char *text, SmDate *date_out,
                               GError **error);

/**
 * sm_date_to_iso:
 *
 * Returns: (transfer full): the date as "yyyy-mm-dd" (any date, even one
 *   that is not valid, such as the unset 0000-00-00); free with g_free().
 */
SM_API char *sm_date_to_iso (SmDate date);

/**
 * sm_date_compare:
 *
 * <0, 0, >0 as a is before, on, after b.
 */
SM_API int sm_date_compare (SmDate a, SmDate b);

/**
 * sm_date_full_years:
 *
 * Returns: the whole years from @from to @to (an age on a day), negative
 *   when @to is before @from; both must be valid (else a critical, and
 *   0). Someone born on 29 February has their birthday on 1 March in
 *   other years.
 */
SM_API int32_t sm_date_full_years (SmDate from, SmDate to);

/**
 * sm_date_days_between:
 *
 * @to minus @from in days; both must be valid (else a critical, and 0).
 */
SM_API int64_t sm_date_days_between (SmDate from, SmDate to);

G_END_DECLS
