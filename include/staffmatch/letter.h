/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: individual decision letters.
 *
 * One letter per employee: the decision (organisation, unit, position, or
 * supernumerary), the effective date, each preference with its outcome and
 * the reason (the position's cutoff and the criterion that decided, never
 * the names of the colleagues who got the places), the rule and the
 * lottery seed used, and how to object. In Dutch by default, in English on
 * request, from a built-in template that users can replace with their own
 * text. Letters fit either legal regime: a draft decision under public
 * law with an objection (bezwaar) within six weeks, as in 2018, or a
 * decision under employment law, where disputes go to the court (Dutch
 * civil servants since 2020).
 *
 * Templates are plain text with placeholders {{name}}, sections
 * {{#name}} ... {{/name}} (repeated for each item of a list, shown once
 * for a true boolean or a non-empty text) and inverted sections
 * {{^name}} ... {{/name}} (shown when false or empty), and comments
 * {{! ... }}. A line holding only a section tag or a comment is left
 * out. Nothing is escaped: letters are plain text. The built-in templates
 * list every placeholder in a comment at their top and use them all (see
 * sm_letter_get_default_template()):
 *
 *   sender (who decides: the deciding body, else the employer, else
 *   "your employer"), effective_date, reference_date (of ages and
 *   service), seed, tie_breaking, version, checksum (of the scenario),
 *   public_law and employment_law (booleans), employee_name, employee_id;
 *   from the letters' settings (scenario.h): employer, deciding_body (as
 *   sender), signatory, contact, response_address, letter_date and
 *   response_deadline (two weeks after it), each empty when not set;
 *   the decision: applied, follows_work, supernumerary, manual (booleans,
 *   one true), organisation, unit, position, grade, preference_obtained,
 *   manual_reason;
 *   list preferences (in order): number, title, place, candidates and
 *   seats (how many people the position ranked, for how many seats),
 *   competition (the two in a sentence), obtained, refused,
 *   not_needed (a higher one was obtained), reason, rank, cutoff,
 *   decided_by, own_value (the employee's own value for the criterion
 *   that decided);
 *   list own_function (the own-function position not kept, if any):
 *   title, place, candidates, seats, competition, refused, reason, rank,
 *   cutoff, decided_by, own_value;
 *   list rules (the rules of the positions concerned): rule_id,
 *   rule_positions, filters, and list criteria: criterion_number,
 *   criterion.
 */
#pragma once

#include <glib.h>
#include <staffmatch/date.h>
#include <staffmatch/explain.h>
#include <staffmatch/export.h>
#include <staffmatch/placement.h>

G_BEGIN_DECLS

typedef enum {
  SM_LANGUAGE_DUTCH,
  SM_LANGUAGE_ENGLISH,
} SmLanguage;

/**
 * SmLetterOptions:
 * @version: SM_LETTER_OPTIONS_VERSION; set by SM_LETTER_OPTIONS_INIT (a
 *   function given another version refuses with a critical; see
 *   SM_PLACE_OPTIONS_VERSION)
 * @language: the built-in template's language, and of every sentence
 *   the letter engine writes
 * @regime: read from a version-1 struct only: the legal regime (since
 *   version 2 it is in @settings)
 * @effective_date: read from a version-1 struct only: the date the
 *   placement takes effect (since version 2 it is in @settings)
 * @template_text: (nullable): a template to use instead of the built-in
 *   one
 * @sender: read from a version-1 struct only: who decides and signs (since
 *   version 2 @settings->deciding_body)
 * @settings: (nullable): the letters' facts (regime, dates, sender,
 *   signatory, contact, where to respond; scenario.h); NULL for the
 *   scenario's own, sm_scenario_get_letter_settings(). Added in version 2.
 *
 * A version-1 struct (a program built against the first header) gets the
 * scenario's settings with its own @regime, @effective_date and @sender
 * put in their place, as before.
 */
typedef struct {
  unsigned int version;
  SmLanguage language;
  SmRegime regime;
  SmDate effective_date;
  const char *template_text;
  const char *sender;
  const SmLetterSettings *settings;
} SmLetterOptions;

#define SM_LETTER_OPTIONS_VERSION 2u
/* clang-format off */
#define SM_LETTER_OPTIONS_INIT \
  { SM_LETTER_OPTIONS_VERSION, SM_LANGUAGE_DUTCH, SM_REGIME_EMPLOYMENT_LAW, \
    { 0, 0, 0 }, NULL, NULL, NULL }
/* clang-format on */

/**
 * sm_letter_template_names:
 *
 * The names of the built-in templates, as the tool prints them
 * ("nl-public", "nl-employment", "en-public", "en-employment"):
 * language and regime as sm_language_to_string() and
 * sm_regime_to_string() write them, joined by '-'.
 *
 * Returns: (transfer none) (array zero-terminated=1): a static list.
 */
SM_API const char *const *sm_letter_template_names (void);

/**
 * sm_letter_template_from_name:
 * @name: a name of sm_letter_template_names()
 * @language_out: (out) (optional): its language
 * @regime_out: (out) (optional): its regime
 *
 * Returns: TRUE; FALSE, leaving the outputs untouched, for a name that is
 *   not one of sm_letter_template_names().
 */
SM_API gboolean sm_letter_template_from_name (const char *name,
                                              SmLanguage *language_out,
                                              SmRegime *regime_out);

/**
 * sm_letter_get_default_template:
 * @language: the language
 * @regime: the regime
 *
 * Returns: (transfer none): the built-in template for a language and
 *   regime, a static string.
 */
SM_API const char *sm_letter_get_default_template (SmLanguage language,
                                                   SmRegime regime);

/**
 * sm_letter_render:
 *
 * The letter for one employee. Errors: SM_ERROR_PARSE for a template with
 * an unknown placeholder, an unclosed or mismatched section or a tag not
 * closed by "}}" (naming the line); SM_ERROR_INVALID_VALUE when
 * @options->effective_date is not a valid date.
 *
 * Returns: (transfer full): the letter as text, or NULL on error.
 */
SM_API char *sm_letter_render (const SmPlacement *placement, int32_t employee,
                               const SmLetterOptions *options, GError **error);

/**
 * sm_letter_write_all:
 *
 * Writes one letter per employee into @dir (created if missing), named
 * after the employee's id ("P10234.txt"), each atomically. Errors: those
 * of sm_letter_render(), SM_ERROR_IO naming the path,
 * SM_ERROR_INVALID_VALUE for an employee id that cannot be a file name
 * ("." or "..", or holding a slash). The template is checked before the
 * folder is made; on an error, letters written so far stay.
 */
SM_API gboolean sm_letter_write_all (const SmPlacement *placement,
                                     const char *dir,
                                     const SmLetterOptions *options,
                                     GError **error);

/**
 * SmLetterFunc:
 * @employee: the employee's index in the scenario
 * @text: (transfer none): the letter, valid during the call only
 * @length: the letter's length in bytes
 * @user_data: (closure): as given to sm_letter_render_each()
 * @error: where to say why the caller stops
 *
 * Receives one rendered letter.
 *
 * Returns: TRUE to go on, FALSE (with @error set) to stop.
 */
typedef gboolean (*SmLetterFunc) (int32_t employee, const char *text,
                                  size_t length, void *user_data,
                                  GError **error);

/**
 * sm_letter_render_each:
 * @placement: the placement
 * @options: the letter options
 * @func: (scope call) (closure user_data): receives each letter
 * @user_data: passed to @func
 * @error: return location for an error
 *
 * Renders every employee's letter, in the order of the scenario, and
 * hands each to @func: for callers that store or send letters their own
 * way. The template and the scenario's checksum are prepared once, so
 * this takes time in proportion to the letters' total length, where
 * calling sm_letter_render() for each employee would not. Errors: those
 * of sm_letter_render(), and any that @func sets (returned as it set
 * it); no letter is rendered after @func returns FALSE.
 */
SM_API gboolean sm_letter_render_each (const SmPlacement *placement,
                                       const SmLetterOptions *options,
                                       SmLetterFunc func, void *user_data,
                                       GError **error);

/**
 * sm_letter_mail_merge:
 * @placement: the placement
 * @options: the letters' options (their language names the columns and
 *   the outcomes)
 * @letter_folder: the folder the letters are written to, relative to
 *   where the mail-merge file will be ("letters"), or NULL for the file
 *   names alone
 *
 * The mail-merge table of the letters, for a document system that sends
 * them: one row per employee, in the order of the scenario, with the
 * personnel number, name, organisation, unit, position (empty when
 * supernumerary), outcome in words, preference obtained (empty for none)
 * and the letter's file ("letters/P10234.txt"). Semicolon-separated
 * UTF-8 with a header row, as Dutch spreadsheet programs read it; a
 * field holding ';', '"' or a line break is quoted, and one that a
 * spreadsheet would run as a formula (starting with =, +, - or @) gets a
 * single quote before it.
 *
 * Returns: (transfer full): the table; free with g_free().
 */
SM_API char *sm_letter_mail_merge (const SmPlacement *placement,
                                   const SmLetterOptions *options,
                                   const char *letter_folder);

/**
 * sm_language_to_string:
 *
 * Returns: (transfer none): the value's stable name in files, reports and
 *   the tool ("nl", "en"), a static string; NULL (with a critical) for a
 *   value outside SmLanguage.
 */
SM_API const char *sm_language_to_string (SmLanguage value);
/**
 * sm_language_from_string:
 * @value_out: (out) (optional): gets the value
 *
 * Reads a name of sm_language_to_string() back into @value_out (which may be
 * NULL); FALSE, leaving it untouched, for an unknown name.
 */
SM_API gboolean sm_language_from_string (const char *text,
                                         SmLanguage *value_out);

/**
 * sm_regime_to_string:
 *
 * Returns: (transfer none): the value's stable name in files, reports and
 *   the tool ("public", "employment"), a static string; NULL (with a
 *   critical) for a value outside SmRegime.
 */
SM_API const char *sm_regime_to_string (SmRegime value);
/**
 * sm_regime_from_string:
 * @value_out: (out) (optional): gets the value
 *
 * Reads a name of sm_regime_to_string() back into @value_out (which may be
 * NULL); FALSE, leaving it untouched, for an unknown name.
 */
SM_API gboolean sm_regime_from_string (const char *text, SmRegime *value_out);

/**
 * sm_refusal_to_sentence:
 * @placement: the placement
 * @employee: the employee refused (a scenario index)
 * @refusal: one of the employee's refusals, from sm_placement_get_refusal()
 * @language: SM_LANGUAGE_DUTCH or SM_LANGUAGE_ENGLISH
 *
 * Why the employee did not get the position of @refusal, in the words the
 * letters use, without rendering a letter: one short paragraph of plain
 * text (no template, no Markdown), such as "Not granted: all seats went
 * to candidates with a higher priority. ...". It names no person.
 *
 * Returns: (transfer full): the text; free with g_free(). NULL (with a
 *   critical) for an employee out of range or a refusal reason outside
 *   SmReason.
 */
SM_API char *sm_refusal_to_sentence (const SmPlacement *placement,
                                     int32_t employee, const SmRefusal *refusal,
                                     SmLanguage language);

G_END_DECLS
