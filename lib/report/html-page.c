/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the page around an HTML report (html-page-private.h).
 *
 * Every report is one file that opens offline, prints on A4 and reads in
 * black and white: no scripts, no fonts or images from elsewhere, the
 * charts as inline SVG styled by classes. The rules below are the ones
 * every page needs; a page adds the colours of its own charts. */
#include "report/html-page-private.h"

#include <staffmatch/version.h>

#include "report/svg-private.h"

/* Type, tables and charts, up to the chart classes of each page. */
static const char shared_css_head[] =
    "body { font-family: sans-serif; color: #1a1a1a; background: #fff;"
    " max-width: 64em; margin: 2em auto; padding: 0 1em; line-height: 1.4; }\n"
    "h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 2em;"
    " border-bottom: 1px solid #ccc; } h3 { font-size: 1.05em; }\n"
    "table { border-collapse: collapse; margin: 0.5em 0 1em; }\n"
    "caption { text-align: left; font-weight: bold; padding: 0.2em 0; }\n"
    "th, td { border: 1px solid #bbb; padding: 0.15em 0.5em;"
    " text-align: left; vertical-align: top; }\n"
    "thead th { background: #eee; }\n"
    "th.num, td.num { text-align: right; }\n"
    "table.facts th { background: none; font-weight: normal; color: #444; }\n"
    ".chart { display: flex; flex-wrap: wrap; gap: 1.5em;"
    " align-items: flex-start; margin: 1em 0; }\n"
    ".chart svg { max-width: 100%; height: auto; }\n"
    "svg text { font-family: sans-serif; font-size: 11px; fill: #1a1a1a; }\n"
    "svg text.small { font-size: 9px; }\n"
    "svg text.head { font-weight: bold; }\n"
    "svg .axis { stroke: #555; stroke-width: 1; }\n";

/* Notes, the paper and printing in black. */
static const char shared_css_tail[] =
    "p.note { color: #555; font-size: 0.9em; }\n"
    "@page { size: A4; margin: 18mm 15mm; }\n"
    "@media print {\n"
    "  body { color: #000; background: #fff; max-width: none; margin: 0; }\n"
    "  h1, h2, h3, th, td, caption, p { color: #000; }\n"
    "  svg text { fill: #000; }\n"
    "  .chart, svg, table.facts { page-break-inside: avoid;"
    " break-inside: avoid; }\n"
    "  h2, h3 { page-break-after: avoid; break-after: avoid; }\n"
    "  thead th { background: none; }\n"
    "}\n";

void
sm_html__open_page (GString *out, const char *lang, const char *title,
                    const char *own_css)
{
  g_string_append_printf (out,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<!DOCTYPE html>\n"
                          "<html xmlns=\"http://www.w3.org/1999/xhtml\" "
                          "xml:lang=\"%s\" lang=\"%s\">\n<head>\n"
                          "<meta http-equiv=\"Content-Type\""
                          " content=\"text/html; charset=UTF-8\" />\n"
                          "<meta name=\"generator\" content=\"staffmatch ",
                          lang, lang);
  sm_svg__append_escaped (out, sm_version ());
  g_string_append (out, "\" />\n<title>");
  sm_svg__append_escaped (out, title);
  g_string_append (out, "</title>\n<style type=\"text/css\">\n");
  g_string_append (out, shared_css_head);
  g_string_append (out, own_css);
  g_string_append (out, shared_css_tail);
  g_string_append (out, "</style>\n</head>\n<body>\n");
}
