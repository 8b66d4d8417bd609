/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: a small SVG writer for the charts of the HTML report.
 *
 * The charts are drawn as text appended to a GString: an <svg> element
 * with a <title> (read by screen readers and shown as a tooltip), and
 * rectangles, lines, paths and text. Every string is escaped for XML, and
 * every number is written with g_ascii_formatd() with at most two
 * decimals and no trailing zeros, so that the output never depends on the
 * locale and the same chart always gives the same bytes. Presentation
 * (colours, fonts) is left to CSS classes, which the page defines once and
 * can override for print. Not installed.
 */
#pragma once

#include <glib.h>

/* How a text is placed relative to its x. */
typedef enum {
  SM_SVG_START,
  SM_SVG_MIDDLE,
  SM_SVG_END,
} SmSvgAnchor;

/* Appends @text escaped for XML character data and attribute values:
 * & < > " ' become entities, control characters that XML does not allow
 * are dropped, and invalid UTF-8 is repaired. */
void sm_svg__append_escaped (GString *out, const char *text);

/* Appends @value rounded to two decimals, without trailing zeros ("12",
 * "3.5", "-0.25"); NaN and infinities are written as 0. */
void sm_svg__append_number (GString *out, double value);

/* Opens an <svg> of @width x @height user units (the viewBox) in the SVG
 * namespace, with @title and, when not NULL, a longer @description. */
void sm_svg__begin (GString *out, double width, double height,
                    const char *title, const char *description);
void sm_svg__end (GString *out);

/* Shapes; @css_class may be NULL. Rectangles with a negative size are
 * drawn with size 0. */
void sm_svg__rect (GString *out, double x, double y, double width,
                   double height, const char *css_class);
void sm_svg__line (GString *out, double x1, double y1, double x2, double y2,
                   const char *css_class);
void sm_svg__text (GString *out, double x, double y, SmSvgAnchor anchor,
                   const char *css_class, const char *text);

/* A path: start with sm_svg__path_begin(), add commands, and finish with
 * sm_svg__path_end(), which closes the element. */
void sm_svg__path_begin (GString *out, const char *css_class);
void sm_svg__path_move (GString *out, double x, double y);
void sm_svg__path_line (GString *out, double x, double y);
void sm_svg__path_curve (GString *out, double x1, double y1, double x2,
                         double y2, double x, double y);
void sm_svg__path_end (GString *out, gboolean close);
