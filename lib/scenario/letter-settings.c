/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the scenario's settings of the decision letters
 * (scenario.h, SmLetterSettings).
 *
 * The letters need facts that no placement holds: under which legal
 * regime they are written, from when the placement takes effect, the
 * date they carry, who decides and signs, whom to ask and where to send
 * a response. HR keeps those with the scenario, so that every run of the
 * same folder writes the same letters; the letter options may still
 * replace them (letter.h). Each value is checked here, once, for every
 * caller: the readers of scenario files report this file's errors at the
 * row or member they came from.
 *
 * The texts are interned in the scenario's string chunk, like every
 * other string of the scenario, so a getter can lend them.
 */
#include <string.h>
#include <staffmatch/error.h>
#include <staffmatch/scenario.h>

#include "scenario/scenario-private.h"

#define MAX_TEXT_BYTES 200

static gboolean
date_unset (SmDate date)
{
  return date.year == 0 && date.month == 0 && date.day == 0;
}

static gboolean
check_date (SmDate date, const char *what, GError **error)
{
  if (date_unset (date)
      || (sm_date_is_valid (date) && date.year >= 1900 && date.year <= 2200))
    return TRUE;
  g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
               "The %s of the letters is not a real day from 1900 to 2200; "
               "give a date such as 2019-01-01, or none.",
               what);
  return FALSE;
}

/* Whether @text can stand on one line of a letter. */
static gboolean
text_is_line (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL) || strlen (text) > MAX_TEXT_BYTES)
    return FALSE;
  gboolean blank = TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_iscntrl (c))
        return FALSE;
      blank = blank && g_unichar_isspace (c);
    }
  return !blank;
}

static gboolean
check_text (const char *text, const char *what, GError **error)
{
  if (text == NULL || text_is_line (text))
    return TRUE;
  /* The value is not quoted: it may name a person. */
  g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
               "The %s of the letters must be one line of text of at most "
               "%d bytes, without control characters, and not blank; "
               "correct it or leave it out.",
               what, MAX_TEXT_BYTES);
  return FALSE;
}

gboolean
sm_letter_settings_check (const SmLetterSettings *settings, GError **error)
{
  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (settings->version == SM_LETTER_SETTINGS_VERSION, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if ((int) settings->regime != SM_REGIME_PUBLIC_LAW
      && settings->regime != SM_REGIME_EMPLOYMENT_LAW)
    {
      g_set_error (error, SM_ERROR, SM_ERROR_INVALID_VALUE,
                   "The regime of the letters is %d, which is neither "
                   "public law nor employment law.",
                   (int) settings->regime);
      return FALSE;
    }
  return check_date (settings->effective_date, "effective date", error)
         && check_date (settings->letter_date, "letter date", error)
         && check_text (settings->employer, "employer", error)
         && check_text (settings->deciding_body, "deciding body", error)
         && check_text (settings->signatory, "signatory", error)
         && check_text (settings->contact, "contact", error)
         && check_text (settings->response_address, "response address", error);
}

static const char *
intern (SmScenario *s, const char *text)
{
  return text == NULL ? NULL : g_string_chunk_insert_const (s->strings, text);
}

gboolean
sm_scenario_set_letter_settings (SmScenario *scenario,
                                 const SmLetterSettings *settings,
                                 GError **error)
{
  g_return_val_if_fail (scenario != NULL && settings != NULL, FALSE);
  g_return_val_if_fail (settings->version == SM_LETTER_SETTINGS_VERSION, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  if (!sm_letter_settings_check (settings, error))
    return FALSE;
  SmLetterSettings copy = *settings;
  copy.employer = intern (scenario, settings->employer);
  copy.deciding_body = intern (scenario, settings->deciding_body);
  copy.signatory = intern (scenario, settings->signatory);
  copy.contact = intern (scenario, settings->contact);
  copy.response_address = intern (scenario, settings->response_address);
  scenario->letters = copy;
  return TRUE;
}

void
sm_scenario_get_letter_settings (const SmScenario *scenario,
                                 SmLetterSettings *settings_out)
{
  g_return_if_fail (scenario != NULL && settings_out != NULL);
  *settings_out = scenario->letters;
}

gboolean
sm_letter_settings_is_default (const SmLetterSettings *settings)
{
  g_return_val_if_fail (settings != NULL, TRUE);
  return settings->regime == SM_REGIME_EMPLOYMENT_LAW
         && date_unset (settings->effective_date)
         && date_unset (settings->letter_date) && settings->employer == NULL
         && settings->deciding_body == NULL && settings->signatory == NULL
         && settings->contact == NULL && settings->response_address == NULL;
}
