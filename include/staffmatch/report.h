/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: reports on a placement, for people.
 *
 * A plain-text summary for the terminal, the same in Markdown, and a
 * self-contained HTML page (valid XHTML, no external files, no scripts)
 * with SVG charts drawn by the library: the flows of people from their
 * former units to the organisations, the preference ranks obtained, each
 * organisation's headcount against its band, each default-organisation
 * unit's formation against people placed and supernumeraries, and the
 * contract table. Reports give counts and positions, never a person's
 * name: names belong in the individual letters (letter.h).
 *
 * The same placement gives the same bytes; every report states the
 * library version, the seed and the scenario's checksum. The functions
 * without options write English; those with SmReportOptions write Dutch
 * or English, every word a person reads: headings, status words,
 * criteria in plain words ("diensttijd", "years of service"), chart
 * legends. The HTML page prints on A4.
 */
#pragma once

#include <glib.h>
#include <staffmatch/export.h>
#include <staffmatch/letter.h>
#include <staffmatch/placement.h>

G_BEGIN_DECLS

/**
 * sm_report_summary_text:
 *
 * The summary as plain text.
 *
 * Returns: (transfer full): the text; free with g_free().
 */
SM_API char *sm_report_summary_text (const SmPlacement *placement);

/**
 * sm_report_summary_markdown:
 *
 * The summary in Markdown.
 *
 * Returns: (transfer full): the text; free with g_free().
 */
SM_API char *sm_report_summary_markdown (const SmPlacement *placement);

/**
 * sm_report_html:
 *
 * The whole HTML report as one page.
 *
 * Returns: (transfer full): the page; free with g_free().
 */
SM_API char *sm_report_html (const SmPlacement *placement);

/**
 * sm_report_write_html:
 *
 * Writes sm_report_html() to @path atomically. Errors: SM_ERROR_IO.
 */
SM_API gboolean sm_report_write_html (const SmPlacement *placement,
                                      const char *path, GError **error);

/**
 * SmReportOptions:
 * @version: SM_REPORT_OPTIONS_VERSION; set by SM_REPORT_OPTIONS_INIT (a
 *   function given another version refuses with a critical)
 * @language: the report's language (Dutch by default, as the letters)
 */
typedef struct {
  unsigned int version;
  SmLanguage language;
} SmReportOptions;

#define SM_REPORT_OPTIONS_VERSION 1u
/* clang-format off */
#define SM_REPORT_OPTIONS_INIT { SM_REPORT_OPTIONS_VERSION, SM_LANGUAGE_DUTCH }
/* clang-format on */

/**
 * sm_report_summary_text_with:
 * @placement: the placement
 * @options: the options, started from SM_REPORT_OPTIONS_INIT
 *
 * The summary as plain text, in the options' language.
 *
 * Returns: (transfer full): the text; free with g_free().
 */
SM_API char *sm_report_summary_text_with (const SmPlacement *placement,
                                          const SmReportOptions *options);

/**
 * sm_report_summary_markdown_with:
 * @placement: the placement
 * @options: the options, started from SM_REPORT_OPTIONS_INIT
 *
 * The summary in Markdown, in the options' language.
 *
 * Returns: (transfer full): the text; free with g_free().
 */
SM_API char *sm_report_summary_markdown_with (const SmPlacement *placement,
                                              const SmReportOptions *options);

/**
 * sm_report_html_with:
 * @placement: the placement
 * @options: the options, started from SM_REPORT_OPTIONS_INIT
 *
 * The HTML report in the options' language.
 *
 * Returns: (transfer full): the page; free with g_free().
 */
SM_API char *sm_report_html_with (const SmPlacement *placement,
                                  const SmReportOptions *options);

G_END_DECLS
