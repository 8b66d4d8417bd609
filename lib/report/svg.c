/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the SVG writer of the HTML report (svg-private.h).
 *
 * Output must be well-formed XML whatever the scenario's names hold, and
 * byte-identical on every machine: strings go through one escaper that
 * also drops the control characters XML 1.0 forbids, and numbers through
 * g_ascii_formatd(), which ignores the locale's decimal separator.
 */
#include "report/svg-private.h"

#include <math.h>
#include <string.h>

/* Whether XML 1.0 allows the character (section 2.2 of the standard). */
static gboolean
xml_char_allowed (gunichar c)
{
  if (c < 0x20)
    return c == '\t' || c == '\n' || c == '\r';
  if (c >= 0xD800 && c <= 0xDFFF)
    return FALSE;
  return c != 0xFFFE && c != 0xFFFF;
}

static void
append_escaped_valid (GString *out, const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&#39;");
          break;
        default:
          if (xml_char_allowed (c))
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
        }
    }
}

void
sm_svg__append_escaped (GString *out, const char *text)
{
  g_return_if_fail (out != NULL);
  if (text == NULL)
    return;
  if (g_utf8_validate (text, -1, NULL))
    {
      append_escaped_valid (out, text);
      return;
    }
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  append_escaped_valid (out, valid);
}

void
sm_svg__append_number (GString *out, double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  if (!isfinite (value))
    value = 0.0;
  g_ascii_formatd (buf, sizeof buf, "%.2f", value);
  char *dot = strchr (buf, '.');
  if (dot != NULL)
    {
      char *end = buf + strlen (buf);
      while (end > dot + 1 && end[-1] == '0')
        *--end = '\0';
      if (end == dot + 1)
        *dot = '\0';
    }
  g_string_append (out, strcmp (buf, "-0") == 0 ? "0" : buf);
}

/* Appends ' NAME="VALUE"' for a number. */
static void
attr_number (GString *out, const char *name, double value)
{
  g_string_append_printf (out, " %s=\"", name);
  sm_svg__append_number (out, value);
  g_string_append_c (out, '"');
}

static void
attr_class (GString *out, const char *css_class)
{
  if (css_class == NULL)
    return;
  g_string_append (out, " class=\"");
  sm_svg__append_escaped (out, css_class);
  g_string_append_c (out, '"');
}

void
sm_svg__begin (GString *out, double width, double height, const char *title,
               const char *description)
{
  g_return_if_fail (out != NULL && title != NULL);
  g_string_append (out, "<svg xmlns=\"http://www.w3.org/2000/svg\""
                        " role=\"img\"");
  attr_number (out, "width", width);
  attr_number (out, "height", height);
  g_string_append (out, " viewBox=\"0 0 ");
  sm_svg__append_number (out, width);
  g_string_append_c (out, ' ');
  sm_svg__append_number (out, height);
  g_string_append (out, "\">\n<title>");
  sm_svg__append_escaped (out, title);
  g_string_append (out, "</title>\n");
  if (description != NULL)
    {
      g_string_append (out, "<desc>");
      sm_svg__append_escaped (out, description);
      g_string_append (out, "</desc>\n");
    }
}

void
sm_svg__end (GString *out)
{
  g_string_append (out, "</svg>\n");
}

void
sm_svg__rect (GString *out, double x, double y, double width, double height,
              const char *css_class)
{
  g_string_append (out, "<rect");
  attr_number (out, "x", x);
  attr_number (out, "y", y);
  attr_number (out, "width", MAX (width, 0.0));
  attr_number (out, "height", MAX (height, 0.0));
  attr_class (out, css_class);
  g_string_append (out, "/>\n");
}

void
sm_svg__line (GString *out, double x1, double y1, double x2, double y2,
              const char *css_class)
{
  g_string_append (out, "<line");
  attr_number (out, "x1", x1);
  attr_number (out, "y1", y1);
  attr_number (out, "x2", x2);
  attr_number (out, "y2", y2);
  attr_class (out, css_class);
  g_string_append (out, "/>\n");
}

void
sm_svg__text (GString *out, double x, double y, SmSvgAnchor anchor,
              const char *css_class, const char *text)
{
  static const char *const anchors[] = { "start", "middle", "end" };
  g_string_append (out, "<text");
  attr_number (out, "x", x);
  attr_number (out, "y", y);
  g_string_append_printf (out, " text-anchor=\"%s\"", anchors[anchor]);
  attr_class (out, css_class);
  g_string_append_c (out, '>');
  sm_svg__append_escaped (out, text);
  g_string_append (out, "</text>\n");
}

void
sm_svg__path_begin (GString *out, const char *css_class)
{
  g_string_append (out, "<path");
  attr_class (out, css_class);
  g_string_append (out, " d=\"");
}

/* Appends " X,Y" after a path command letter. */
static void
point (GString *out, double x, double y)
{
  g_string_append_c (out, ' ');
  sm_svg__append_number (out, x);
  g_string_append_c (out, ',');
  sm_svg__append_number (out, y);
}

void
sm_svg__path_move (GString *out, double x, double y)
{
  g_string_append_c (out, 'M');
  point (out, x, y);
}

void
sm_svg__path_line (GString *out, double x, double y)
{
  g_string_append (out, " L");
  point (out, x, y);
}

void
sm_svg__path_curve (GString *out, double x1, double y1, double x2, double y2,
                    double x, double y)
{
  g_string_append (out, " C");
  point (out, x1, y1);
  point (out, x2, y2);
  point (out, x, y);
}

void
sm_svg__path_end (GString *out, gboolean close)
{
  g_string_append (out, close ? " Z\"/>\n" : "\"/>\n");
}
