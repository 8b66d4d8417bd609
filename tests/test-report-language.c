/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: the reports in Dutch and in English
 * (SmReportOptions).
 *
 * On the built-in Ommen-Hardenberg case, where every status occurs but
 * manual placements: each form of the report in one language holds none
 * of the other's status words, headings or criterion names, and the
 * criteria are named in plain words, never by their codes in files
 * ("service", "same-grade"). The page says its language, prints on A4
 * and explains every mark of its charts.
 */
#include <string.h>
#include <staffmatch/staffmatch.h>

#include "boh-case.h"
#include "test-util.h"

static SmPlacement *placement;

static char *
render (int form, SmLanguage language)
{
  SmReportOptions options = SM_REPORT_OPTIONS_INIT;
  options.language = language;
  switch (form)
    {
    case 0:
      return sm_report_summary_text_with (placement, &options);
    case 1:
      return sm_report_summary_markdown_with (placement, &options);
    default:
      return sm_report_html_with (placement, &options);
    }
}

static void
assert_lacks (const char *text, const char *what, const char *label)
{
  if (strstr (text, what) != NULL)
    fprintf (stderr, "\n%s holds “%s”\n", label, what);
  CU_ASSERT_PTR_NULL (strstr (text, what));
}

static void
assert_has (const char *text, const char *what, const char *label)
{
  if (strstr (text, what) == NULL)
    fprintf (stderr, "\n%s lacks “%s”\n", label, what);
  CU_ASSERT_PTR_NOT_NULL (strstr (text, what));
}

static void
test_setup (void)
{
  GError *error = NULL;
  g_autoptr (SmScenario) s = boh_case_new (BOH_CASE_SEED, &error);
  SM_ASSERT_NO_ERROR (error);
  placement = sm_scenario_place (s, &error);
  SM_ASSERT_NO_ERROR (error);
}

/* Words of one language that the other must not show. */
static const char *const english[] = { "Supernumerary",
                                       "supernumerary",
                                       "Follow their work",
                                       "follows work",
                                       "Placed as applied",
                                       "Headcount",
                                       "receiving",
                                       "Preferences obtained",
                                       "Where people went",
                                       "years of service",
                                       "Decided by",
                                       "Vacancies",
                                       NULL };
static const char *const dutch[] = {
  /* "mens volgt werk" glosses the English rule: not in this list */
  "Boventallig",
  "boventallig",
  "Mens volgt werk",
  "Geplaatst op sollicitatie",
  "Bezetting",
  "ontvangend",
  "Toegekende voorkeuren",
  "diensttijd",
  "Doorslaggevend",
  "Vacatures",
  NULL
};
/* The criteria as files name them: never the words of a report. */
static const char *const codes[] = { "same-grade", "committee-score",
                                     "travel-km", NULL };

static guint
count (const char *text, const char *what)
{
  guint n = 0;
  for (const char *p = strstr (text, what); p != NULL; p = strstr (p + 1, what))
    n++;
  return n;
}

static void
test_no_other_language (void)
{
  static const char *const forms[] = { "text", "markdown", "html" };
  for (int form = 0; form < 3; form++)
    {
      g_autofree char *nl = render (form, SM_LANGUAGE_DUTCH);
      g_autofree char *en = render (form, SM_LANGUAGE_ENGLISH);
      g_autofree char *nl_label = g_strdup_printf ("Dutch %s", forms[form]);
      g_autofree char *en_label = g_strdup_printf ("English %s", forms[form]);
      for (const char *const *w = english; *w != NULL; w++)
        assert_lacks (nl, *w, nl_label);
      for (const char *const *w = dutch; *w != NULL; w++)
        assert_lacks (en, *w, en_label);
      for (const char *const *w = codes; *w != NULL; w++)
        {
          assert_lacks (nl, *w, nl_label);
          assert_lacks (en, *w, en_label);
        }
      /* "service" only in "years of service". */
      CU_ASSERT_EQUAL (count (nl, "service"), 0);
      CU_ASSERT_EQUAL (count (en, "service"), count (en, "of service"));
      /* Each shows its own words for the statuses that occur. */
      assert_has (nl, "oventallig", nl_label);
      assert_has (en, "upernumerary", en_label);
    }
}

/* The functions without options keep writing English. */
static void
test_default_forms_english (void)
{
  g_autofree char *text = sm_report_summary_text (placement);
  g_autofree char *en = render (0, SM_LANGUAGE_ENGLISH);
  CU_ASSERT_STRING_EQUAL (text, en);
  g_autofree char *html = sm_report_html (placement);
  g_autofree char *en_html = render (2, SM_LANGUAGE_ENGLISH);
  CU_ASSERT_STRING_EQUAL (html, en_html);
}

static void
test_page (void)
{
  g_autofree char *nl = render (2, SM_LANGUAGE_DUTCH);
  g_autofree char *en = render (2, SM_LANGUAGE_ENGLISH);
  assert_has (nl, "xml:lang=\"nl\" lang=\"nl\"", "Dutch page");
  assert_has (en, "xml:lang=\"en\" lang=\"en\"", "English page");
  assert_has (nl, "@page { size: A4;", "Dutch page");
  /* The shaded band and the bar each have a key. */
  assert_has (nl, "bandbreedte (laagste tot hoogste)", "Dutch page");
  assert_has (en, "band (lowest to highest)", "English page");
  assert_has (en, ">headcount</text>", "English page");
  /* No name is cut short in a chart. */
  assert_lacks (nl, "\xe2\x80\xa6", "Dutch page");
  assert_lacks (en, "\xe2\x80\xa6", "English page");
}

static const SmTestCase cases[] = {
  { "setup", test_setup },
  { "no_other_language", test_no_other_language },
  { "default_forms_english", test_default_forms_english },
  { "page", test_page },
  { NULL, NULL },
};

int
main (void)
{
  int status = sm_test_run_suite ("report-language", cases);
  sm_placement_free (placement);
  return status;
}
