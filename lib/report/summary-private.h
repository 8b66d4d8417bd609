/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the content of the reports, shared by their three forms.
 *
 * summary.c turns a placement into a report: a list of blocks (headings,
 * paragraphs, key-value facts, tables, and charts with the table that
 * carries their data); summary-text.c renders it as plain text or
 * Markdown, html.c as XHTML with the charts drawn. So every form
 * says the same thing in the same order, and a chart's data is always
 * also given as a table, for screen readers and for print.
 *
 * Figures come from the public getters of placement.h and explain.h only.
 * Reports name employees by identifier, never by name. Not installed.
 */
#pragma once

#include <staffmatch/placement.h>

/* A table of strings, the header row first; columns whose bit is set in
 * @right are numbers, aligned right. */
typedef struct {
  guint n_columns;
  guint32 right;
  GPtrArray *cells; /* char * (owned), row by row */
} SmReportTable;

typedef enum {
  SM_BLOCK_HEADING,   /* text, level 1 to 3 */
  SM_BLOCK_PARAGRAPH, /* text */
  SM_BLOCK_FACTS,     /* table of two columns: key, value; no header */
  SM_BLOCK_TABLE,     /* table */
  SM_BLOCK_CHART,     /* chart, and table with its data */
} SmBlockKind;

typedef enum {
  SM_CHART_FLOWS,      /* former units to destinations */
  SM_CHART_RANKS,      /* preference ranks obtained */
  SM_CHART_HEADCOUNTS, /* each organisation against its band */
  SM_CHART_UNITS,      /* a default organisation's units */
  SM_CHART_CONTRACTS,  /* people under contracts, by year */
} SmChart;

typedef struct {
  SmBlockKind kind;
  int level;
  char *text;
  SmReportTable *table;
  SmChart chart;
  int32_t organisation; /* SM_CHART_UNITS: which organisation */
  gboolean in_text;     /* whether text and Markdown show it */
} SmReportBlock;

typedef struct {
  GPtrArray *blocks; /* SmReportBlock * (owned) */
  gboolean dutch;    /* the report's language: Dutch, else English */
} SmReport;

/* The words of a report in its language: @en or @nl. */
#define SM_T(dutch, en, nl) ((dutch) ? (nl) : (en))

/* The report in Dutch (@dutch) or English. */
SmReport *sm_report__new (const SmPlacement *placement, gboolean dutch);
void sm_report__free (SmReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmReport, sm_report__free)

/* One text form of the report: how each kind of block is written. A
 * chart is written as its table. */
typedef struct {
  void (*heading) (GString *out, const SmReportBlock *block);
  void (*paragraph) (GString *out, const char *text);
  void (*facts) (GString *out, const SmReportTable *facts);
  void (*table) (GString *out, const SmReportTable *table);
} SmReportForm;

/* The blocks of the placement's report meant for the text forms
 * (in_text), in order, each written by @form and separated by a blank
 * line. (transfer full): free with g_free(). */
char *sm_report__render (const SmPlacement *placement, const SmReportForm *form,
                         gboolean dutch);

/* Cells by row (0 = header) and column: (transfer none). */
guint sm_report_table__get_n_rows (const SmReportTable *table);
const char *sm_report_table__get (const SmReportTable *table, guint row,
                                  guint column);

/* The preference ranks obtained among those who applied to a receiving
 * organisation: @counts_out[0..4] = 1st, 2nd, 3rd, later, none. */
void sm_report__rank_counts (const SmPlacement *placement,
                             int32_t counts_out[5]);

/* The years of the contract table: from the earliest contract end year to
 * one after the latest. FALSE when no unit has a contract. */
gboolean sm_report__contract_years (const SmScenario *scenario,
                                    int32_t *first_out, int32_t *last_out);

/* Where people went: destination d is a receiving organisation, or the
 * default organisation's "follows work" (placed at a position) or
 * "supernumerary". @count[from * n_to + d] counts the people whose
 * current work is in unit @from. */
typedef struct {
  int32_t n_from; /* the scenario's units */
  int32_t n_to;
  char **to_name; /* (owned) display name of each destination */
  int32_t *from_total;
  int32_t *to_total;
  int32_t *count;
} SmReportFlows;

SmReportFlows *sm_report_flows__new (const SmPlacement *placement,
                                     gboolean dutch);
void sm_report_flows__free (SmReportFlows *flows);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SmReportFlows, sm_report_flows__free)

/* (transfer full): an organisation's headcount band in words ("45 to
 * 50", "at most 50", "none"; "45 tot en met 50", "ten hoogste 50",
 * "geen"). */
char *sm_report__band_text (const SmOrganisationSpec *organisation,
                            gboolean dutch);

/* The HTML page in Dutch (@dutch) or English (html.c). (transfer full). */
char *sm_report__html (const SmPlacement *placement, gboolean dutch);

/* The display width of UTF-8 text in a terminal: wide characters count
 * two, combining marks none. */
gsize sm_report__text_width (const char *text);
