/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: what the HTML pages share (the placement report, html.c,
 * and the simulation report, simulation-html.c): the head of a
 * self-contained XHTML page and the rules of its style sheet that are
 * not about one page's charts. */
#pragma once

#include <glib.h>

/* Writes the XML declaration, the html element in @lang ("nl" or "en"),
 * the head with the generator (the library and its version), @title
 * (escaped) and the style sheet: the shared rules for type, tables,
 * charts and print, with @own_css (the page's own chart classes) among
 * them; leaves the body open. */
void sm_html__open_page (GString *out, const char *lang, const char *title,
                         const char *own_css);
