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
 * The simulation report (sm_report_simulation_html()) is the one
 * exception: its last section names the people whose outcome depends on
 * the draw, for HR and the decision, not for publication.
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
#include <staffmatch/simulation.h>

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

/**
 * sm_report_simulation_html:
 * @simulations: (array length=n_simulations): simulations of one
 *   scenario, typically one per mechanism, shown side by side in this
 *   order; the first one's mechanism gives the sections per position and
 *   per person
 * @n_simulations: how many, 1 or more
 * @options: the options, started from SM_REPORT_OPTIONS_INIT (the
 *   language)
 * @error: return location for an error
 *
 * The simulation report as one self-contained HTML page, in the style of
 * sm_report_html() (valid XHTML, inline CSS and SVG, no scripts, no
 * external files): what was simulated (scenario checksum, seed, library
 * version), how to read a probability, its 95% interval and "depends on
 * the draw", a table of the mechanisms (first choices with their spread,
 * placed, following their work, supernumerary with its spread, people
 * whose outcome depends on the draw, improvement cycles), a chart and
 * table of the cumulative preference ranks (the share of applicants
 * placed at one of their first k preferences, a line per mechanism),
 * per contested position of each receiving organisation the chance of
 * getting in by priority class, and per employee whose outcome depends on
 * the draw their outcomes with probabilities and intervals. Unlike the
 * placement report this last section names people (identifier and
 * name): the page belongs with the decision. Every figure is the
 * getters' (simulation.h), rounded; the same simulations give the same
 * bytes.
 *
 * Errors: SM_ERROR_INVALID_VALUE when the simulations are not all of the
 * same scenario (by sm_scenario_checksum()).
 *
 * Returns: (transfer full): the page; free with g_free(). NULL with
 *   @error set on failure.
 */
SM_API char *sm_report_simulation_html (const SmSimulation *const *simulations,
                                        int32_t n_simulations,
                                        const SmReportOptions *options,
                                        GError **error);

G_END_DECLS
