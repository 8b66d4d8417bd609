/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch tests: sm_letter_render_each(), the letters one by one for
 * callers that store them their own way (the command-line tool writes
 * and hashes them itself). On the generated Ommen-Hardenberg case it must
 * hand over every employee once, in order, with the very text of
 * sm_letter_render(); a callback that stops ends the run with its own
 * error; a bad template stops it before any letter. */
#include "test-util.h"

#include <string.h>

#include "boh-case.h"

typedef struct {
  const SmPlacement *placement;
  const SmLetterOptions *options;
  int32_t next;    /* the employee expected next */
  int32_t stop_at; /* the callback fails here (-1: never) */
} Collector;

static gboolean
collect (int32_t employee, const char *text, size_t length, void *user_data,
         GError **error)
{
  Collector *c = user_data;
  CU_ASSERT_EQUAL (employee, c->next);
  c->next++;
  if (employee == c->stop_at)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_IO, "stopped");
      return FALSE;
    }
  CU_ASSERT_EQUAL (strlen (text), length);
  g_autofree char *alone = sm_letter_render (c->placement, employee, c->options,
                                             NULL);
  CU_ASSERT_PTR_NOT_NULL_FATAL (alone);
  CU_ASSERT_STRING_EQUAL (text, alone);
  return TRUE;
}

/* The case, kept for the whole run: a placement borrows its scenario. */
static SmScenario *scenario;

static SmPlacement *
place_case (void)
{
  GError *error = NULL;
  if (scenario == NULL)
    scenario = boh_case_new (BOH_CASE_SEED, &error);
  SM_ASSERT_NO_ERROR (error);
  SmPlacement *p = sm_scenario_place (scenario, &error);
  SM_ASSERT_NO_ERROR (error);
  return p;
}

static void
test_every_letter (void)
{
  g_autoptr (SmPlacement) p = place_case ();
  SmLetterOptions options = SM_LETTER_OPTIONS_INIT;
  options.language = SM_LANGUAGE_ENGLISH;
  Collector c = { p, &options, 0, -1 };
  GError *error = NULL;

  CU_ASSERT (sm_letter_render_each (p, &options, collect, &c, &error));
  SM_ASSERT_NO_ERROR (error);
  int32_t n = sm_scenario_get_n_employees (sm_placement_get_scenario (p));
  CU_ASSERT (n > 0);
  CU_ASSERT_EQUAL (c.next, n);
}

static void
test_callback_stops (void)
{
  g_autoptr (SmPlacement) p = place_case ();
  SmLetterOptions options = SM_LETTER_OPTIONS_INIT;
  Collector c = { p, &options, 0, 3 };
  GError *error = NULL;

  CU_ASSERT (!sm_letter_render_each (p, &options, collect, &c, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_IO);
  CU_ASSERT_EQUAL (c.next, 4);
}

static void
test_bad_template (void)
{
  g_autoptr (SmPlacement) p = place_case ();
  SmLetterOptions options = SM_LETTER_OPTIONS_INIT;
  options.template_text = "Dear {{no_such_field}}\n";
  Collector c = { p, &options, 0, -1 };
  GError *error = NULL;

  CU_ASSERT (!sm_letter_render_each (p, &options, collect, &c, &error));
  SM_ASSERT_ERROR (error, SM_ERROR_PARSE);
  CU_ASSERT_EQUAL (c.next, 0);
}

int
main (void)
{
  static const SmTestCase cases[] = {
    { "every letter once, as sm_letter_render() gives it", test_every_letter },
    { "a callback that fails stops the run", test_callback_stops },
    { "a bad template stops before any letter", test_bad_template },
    { NULL, NULL },
  };
  int status = sm_test_run_suite ("letter-each", cases);
  g_clear_pointer (&scenario, sm_scenario_free);
  return status;
}
