/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the words of the decision letters, in Dutch and English
 * (letter-private.h).
 *
 * The English descriptions of criteria and values come from the rules
 * themselves (scenario/report-private.h); the Dutch ones are here. Like
 * the rest of a letter they depend on nothing but their arguments: no
 * clock, no locale (numbers are formatted by hand, with a decimal comma
 * in Dutch).
 */
#include "report/letter-private.h"

#include <math.h>

static const char *describe_criterion_nl (const SmPriorityRule *rule,
                                          int32_t index);
static char *describe_value_nl (SmCriterion criterion,
                                SmGranularity granularity,
                                const SmCandidate *candidate, SmDate reference);
static char *own_value_sentence_nl (SmCriterion criterion,
                                    SmGranularity granularity,
                                    const SmCandidate *c, SmDate reference,
                                    const char *reference_text);
static char *own_value_sentence_en (SmCriterion criterion,
                                    SmGranularity granularity,
                                    const SmCandidate *c, SmDate reference,
                                    const char *reference_text);
static char *competition_nl (int32_t candidates, int32_t seats);
static char *competition_en (int32_t candidates, int32_t seats);
static char *own_value_nl (SmCriterion criterion, SmGranularity granularity,
                           const SmCandidate *c, SmDate reference);
static char *own_value_en (SmCriterion criterion, SmGranularity granularity,
                           const SmCandidate *c, SmDate reference);

static const SmLetterWords texts_nl = {
  { "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december" },
  "uw werkgever",
  "één lotnummer per medewerker, dat bij alle functies hetzelfde is",
  "een apart lotnummer per functie en medewerker",
  "de loting",
  "een plaatsing op grond van de hardheidsclausule",
  "U kwam voor deze functie niet in aanmerking: uw salarisschaal (%d) en "
  "de schaal van de functie (%d) liggen meer dan %d uit elkaar, en dat "
  "staat de voorrangsregel van deze functie niet toe.",
  "U kwam voor deze functie niet in aanmerking: uw salarisschaal (%d) is "
  "een andere dan die van de functie (%d), en de voorrangsregel van deze "
  "functie vraagt dezelfde schaal.",
  "U kwam voor deze functie niet in aanmerking: de voorrangsregel vraagt "
  "dat de functie ten minste als “%s” aansluit op uw huidige functie; bij "
  "u is dat “%s”.",
  "U kwam voor deze functie niet in aanmerking: u heeft niet alle vereiste "
  "diploma's en bevoegdheden (u mist: %s).",
  "Niet toegekend: alle plaatsen zijn gegaan naar kandidaten met een "
  "hogere voorrang. Uw plaats in de voorrangsvolgorde was %d; de laatste "
  "plaats ging naar nummer %d.",
  " Doorslaggevend was %s.%s",
  " Volgens de voorrangsregel stond u gelijk met de laatst geplaatste "
  "kandidaat. Daarom heeft het lot beslist: uw lotnummer was %s, dat van "
  "die kandidaat %s, en het laagste nummer gaat voor. (De loting is "
  "getrokken met lotingsgetal %s; met dat getal kan iedereen de "
  "lotnummers opnieuw berekenen.)",
  "Niet toegekend: alle plaatsen zijn bezet. Plaatsen bezet door een "
  "plaatsing op grond van de hardheidsclausule: %d; ook zonder die "
  "plaatsingen waren kandidaten met een hogere voorrang u voorgegaan. Uw "
  "plaats in de voorrangsvolgorde was %d; de laatste plaats ging naar "
  "nummer %d.",
  "Niet toegekend: er was geen plaats meer voor kandidaten uit de "
  "voorrangsvolgorde (uw plaats daarin was %d).",
  "Niet toegekend: er was nog een plaats open, maar %s had het maximale "
  "aantal van %d medewerkers bereikt.",
  " Uw plaats in de voorrangsvolgorde was %d; de laatst toegelaten "
  "kandidaat had nummer %d.",
  " Uw plaats in de voorrangsvolgorde was %d; in deze functie is niemand "
  "toegelaten.",
  " Medewerkers bij %s geplaatst op grond van de hardheidsclausule: %d.",
  "Niet meegenomen: u wordt geplaatst op grond van de hardheidsclausule, "
  "en daarom zijn uw sollicitaties niet in behandeling genomen.",
  "Niet toegekend: in deze functie waren minder plaatsen dan kandidaten. "
  "Wie een plaats behoudt, is bepaald volgens het afspiegelingsbeginsel: "
  "de kandidaten zijn ingedeeld in leeftijdsgroepen, de vermindering is "
  "evenredig over die groepen verdeeld, en binnen een groep gaat wie het "
  "kortst in dienst is het eerst (daarna de jongste, daarna de loting; "
  "een onbekende datum telt als de kortste diensttijd of de jongste "
  "leeftijd). Uw leeftijd: %s, in de leeftijdsgroep %s; uw diensttijd: "
  "%s.",
  "tot en met %d jaar",
  "%d tot en met %d jaar",
  "Niet toegekend: een plaats die u anders had gekregen, is gegaan naar "
  "een plaatsing op grond van de hardheidsclausule. Geplaatst in deze "
  "functie: %d medewerkers, van wie op grond van de hardheidsclausule: %d. "
  "Uw plaats in de voorrangsvolgorde was %d; de laatste plaats ging naar "
  "nummer %d.",
  "Niet toegekend: een plaats die u anders had gekregen, is gegaan naar "
  "een plaatsing op grond van de hardheidsclausule. Geplaatst in deze "
  "functie: %d medewerkers, van wie op grond van de hardheidsclausule: %d. "
  "Waren die plaatsen vrij geweest, dan had u volgens het "
  "afspiegelingsbeginsel een plaats behouden.",
  "een salarisschaal die ten hoogste %d verschilt van die van de functie",
  "dezelfde salarisschaal als de functie",
  "een aansluiting op de huidige functie van ten minste “%s”",
  "alle vereiste diploma's en bevoegdheden",
  " (deze voorwaarden gelden voor sollicitaties; de functie die bij uw "
  "eigen werk hoort, sluiten zij niet voor u af)",
  describe_criterion_nl,
  describe_value_nl,
  /* sendable letters */
  .fit_missing = " De tabel van functierelaties noemt geen relatie van uw "
                 "functie (%s) naar de functie van deze positie (%s); "
                 "daarom sluit de functie niet aan op uw huidige functie.",
  .statuses = { "geplaatst op sollicitatie", "mens volgt werk", "boventallig",
                "hardheidsclausule" },
  .own_value_sentence = own_value_sentence_nl,
  .competition = competition_nl,
  .own_value = own_value_nl,
  .full_cycles =
      "Niet toegekend. Volgens de voorrangsregel van deze functie stond u "
      "op elk criterium gelijk met de laatst geplaatste kandidaat (uw "
      "plaats in de volgorde met het lot was %d, die van de laatst "
      "geplaatste %d). Tussen kandidaten die gelijk staan, zijn de plaatsen "
      "verdeeld door de loting en daarna door verbeterrondes: kandidaten "
      "die gelijk staan, ruilden onderling van functie, zodat ieder een "
      "functie kreeg die hij liever had. Uw lotnummer alleen heeft hier dus "
      "niet beslist. Niemand met een lagere voorrang dan u is u "
      "voorgegaan.",
  .lot_cycles = "de loting en de verbeterrondes",
};

static const SmLetterWords texts_en = {
  { "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December" },
  "your employer",
  "one lottery number per employee, the same at every position",
  "a separate lottery number per position and employee",
  "the lottery",
  "a manual placement (hardship clause)",
  "You were not eligible for this position: your salary grade (%d) and "
  "the position's grade (%d) are more than %d apart, which the position's "
  "rule does not allow.",
  "You were not eligible for this position: your salary grade (%d) is "
  "not the position's grade (%d), and the position's rule asks for the "
  "same grade.",
  "You were not eligible for this position: its rule asks for a fit to "
  "your current function of at least “%s”, and yours is “%s”.",
  "You were not eligible for this position: you do not hold all the "
  "qualifications it requires (missing: %s).",
  "Not obtained: every place went to a candidate with a higher priority. "
  "Your priority rank was %d; the last place went to rank %d.",
  " Deciding criterion: %s.%s",
  " Under the rule you were tied with the last person admitted, so the "
  "lot decided: your lottery number was %s and theirs was %s, and the "
  "lower number goes first. (The lottery was drawn with the seed %s; "
  "with it anyone can work out the numbers again.)",
  "Not obtained: every place was filled. Places filled by manual "
  "placements (hardship clause): %d; even without those, candidates with "
  "a higher priority would have come before you. Your priority rank was "
  "%d; the last place went to rank %d.",
  "Not obtained: no place was left for candidates in the priority order "
  "(your priority rank was %d).",
  "Not obtained: a place was still open, but %s had reached its maximum "
  "headcount of %d people.",
  " Your priority rank was %d; the last person admitted had rank %d.",
  " Your priority rank was %d; nobody was admitted to this position.",
  " People placed at %s manually (hardship clause): %d.",
  "Not considered: you are placed by a manual decision (hardship clause), "
  "so your applications did not take part.",
  "Not obtained: this function had fewer places than candidates. Who "
  "keeps a place was decided by the reflection principle "
  "(afspiegelingsbeginsel): the candidates are grouped in age bands, the "
  "reduction is spread over the bands in proportion to their size, and "
  "within a band the shortest service goes first (then the youngest, then "
  "the lottery; a missing date counts as the shortest service or the "
  "youngest age). Your age: %s, in the age band %s; your years of "
  "service: %s.",
  "up to %d years",
  "%d to %d years",
  "Not obtained: a place you would otherwise have had went to a manual "
  "placement (hardship clause). People placed in this position: %d, of "
  "whom placed manually: %d. Your priority rank was %d; the last place "
  "went to rank %d.",
  "Not obtained: a place you would otherwise have had went to a manual "
  "placement (hardship clause). People placed in this position: %d, of "
  "whom placed manually: %d. Had those places been free, the reflection "
  "principle (afspiegelingsbeginsel) would have let you keep a place.",
  "a salary grade at most %d from the position's",
  "the same salary grade as the position",
  "a fit to the current function of at least “%s”",
  "all required qualifications",
  " (these apply to applications; they do not close the position of your "
  "own function to you)",
  sm_priority__describe_criterion,
  sm_priority__describe_value,
  /* sendable letters */
  .fit_missing = " The table of function relations holds no relation from "
                 "your function (%s) to this position's function (%s), so "
                 "the position does not fit your current function.",
  .statuses = { "placed where applied", "follows the work", "supernumerary",
                "hardship clause" },
  .own_value_sentence = own_value_sentence_en,
  .competition = competition_en,
  .own_value = own_value_en,
  .full_cycles =
      "Not obtained. Under this position's priority rule you were tied on "
      "every criterion with the last person admitted (your place in the "
      "order with the lot was %d, theirs %d). Among tied candidates the "
      "places were settled by the lottery and then by improvement cycles: "
      "tied candidates exchanged positions among themselves, each getting "
      "one they preferred to their own. So your lottery number alone did "
      "not decide this. Nobody "
      "with a lower priority than yours was placed ahead of you.",
  .lot_cycles = "the lottery and improvement cycles",
};

const SmLetterWords *
sm_letter__words (SmLanguage language)
{
  return language == SM_LANGUAGE_ENGLISH ? &texts_en : &texts_nl;
}

/* ---- Dutch descriptions of criteria and values ------------------------- */

/* Service and age counted in whole months or years, by criterion (0 for
 * service, 1 for age), granularity less one, and direction. */
static const char *const coarse_text_nl[2][2][2] = {
  { { "diensttijd in hele maanden op de peildatum (langste eerst)",
      "diensttijd in hele maanden op de peildatum (kortste eerst)" },
    { "diensttijd in hele jaren op de peildatum (langste eerst)",
      "diensttijd in hele jaren op de peildatum (kortste eerst)" } },
  { { "leeftijd in hele maanden op de peildatum (oudste eerst)",
      "leeftijd in hele maanden op de peildatum (jongste eerst)" },
    { "leeftijd in hele jaren op de peildatum (oudste eerst)",
      "leeftijd in hele jaren op de peildatum (jongste eerst)" } },
};

static const char *
describe_criterion_nl (const SmPriorityRule *rule, int32_t index)
{
  static const char *const text[SM_N_CRITERIA][2] = {
    { "de aansluiting van de functie op de huidige functie (beste "
      "aansluiting eerst)",
      "de aansluiting van de functie op de huidige functie (zwakste "
      "aansluiting eerst)" },
    { "plaatsing in dezelfde salarisschaal (vóór een andere schaal)",
      "plaatsing in een andere salarisschaal (vóór dezelfde schaal)" },
    { "de score van de plaatsingscommissie (hoogste eerst)",
      "de score van de plaatsingscommissie (laagste eerst)" },
    { "diensttijd (langste eerst)", "diensttijd (kortste eerst)" },
    { "leeftijd (oudste eerst)", "leeftijd (jongste eerst)" },
    { "reisafstand (langste eerst)", "reisafstand (kortste eerst)" },
  };
  SmCriterion criterion;
  SmDirection direction;
  sm_priority_rule_get_criterion (rule, index, &criterion, &direction);
  SmGranularity granularity = sm_priority_rule_get_granularity (rule,
                                                                criterion);
  if (granularity != SM_GRANULARITY_DAYS)
    return coarse_text_nl[criterion == SM_CRITERION_AGE][granularity - 1]
                         [direction];
  return text[criterion][direction];
}

/* A number as Dutch writes it: a decimal comma. */
static char *
format_number_nl (const char *prefix, double value, const char *suffix)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (buffer, sizeof buffer, "%g", value);
  g_strdelimit (buffer, ".", ',');
  return g_strconcat (prefix, buffer, suffix, NULL);
}

/* Whole months as "12 jaar", "1 jaar en 1 maand", "0 jaar en 3
 * maanden"; whole years as "12 jaar". */
static char *
describe_months_nl (int32_t months, SmGranularity granularity)
{
  int32_t years = months / 12, rest = months % 12;
  if (granularity == SM_GRANULARITY_YEARS || rest == 0)
    return g_strdup_printf ("%d jaar", (int) years);
  return g_strdup_printf ("%d jaar en %d %s", (int) years, (int) rest,
                          rest == 1 ? "maand" : "maanden");
}

/* "12 jaar", "1 jaar en 1 dag", "0 jaar en 40 dagen" in days; in whole
 * months or years as describe_months_nl(). */
static char *
describe_duration_nl (SmDate since, SmDate reference, SmGranularity granularity)
{
  if (!sm_date_is_valid (since) || !sm_date_is_valid (reference))
    return g_strdup ("geen datum bekend");
  if (sm_date_compare (since, reference) > 0)
    return g_strdup ("geen (de datum ligt na de peildatum)");
  if (granularity != SM_GRANULARITY_DAYS)
    return describe_months_nl (sm_date__full_months (since, reference),
                               granularity);
  int32_t years = sm_date_full_years (since, reference);
  SmDate last = sm_date__anniversary (since, since.year + years);
  int64_t days = sm_date_days_between (last, reference);
  const char *day_unit = days == 1 ? "dag" : "dagen";
  if (days == 0)
    return g_strdup_printf ("%d jaar", (int) years);
  if (years == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT " %s", days, day_unit);
  return g_strdup_printf ("%d jaar en %" G_GINT64_FORMAT " %s", (int) years,
                          days, day_unit);
}

static char *
describe_value_nl (SmCriterion criterion, SmGranularity granularity,
                   const SmCandidate *c, SmDate reference)
{
  static const char *const fits[] = {
    "dezelfde functie",  "uitwisselbare functie", "passende functie",
    "geschikte functie", "geen aansluiting",
  };
  switch (criterion)
    {
    case SM_CRITERION_FIT:
      return g_strdup (c->fit >= 0 && c->fit < (int) G_N_ELEMENTS (fits)
                           ? fits[c->fit]
                           : "onbekend");
    case SM_CRITERION_SAME_GRADE:
      if (c->employee_grade == c->position_grade)
        return g_strdup_printf ("dezelfde schaal (%d)",
                                (int) c->employee_grade);
      return g_strdup_printf ("van schaal %d naar %d", (int) c->employee_grade,
                              (int) c->position_grade);
    case SM_CRITERION_COMMITTEE_SCORE:
      if (isnan (c->committee_score))
        return g_strdup ("geen score");
      return format_number_nl ("score ", c->committee_score, "");
    case SM_CRITERION_SERVICE:
      return describe_duration_nl (c->service_start, reference, granularity);
    case SM_CRITERION_AGE:
      return describe_duration_nl (c->birth_date, reference, granularity);
    case SM_CRITERION_TRAVEL:
      if (!(c->travel_km >= 0))
        return g_strdup ("geen afstand bekend");
      return format_number_nl ("", c->travel_km, " km");
    }
  return g_strdup ("onbekend");
}

/* ---- sendable letters: the employee's own value, in plain sentences ----- */

/* "12 years", "1 year and 1 day", "40 days". */
static char *
describe_duration_en (SmDate since, SmDate reference)
{
  if (!sm_date_is_valid (since) || !sm_date_is_valid (reference))
    return g_strdup ("not known");
  if (sm_date_compare (since, reference) > 0)
    return g_strdup ("none (the date is after the reference date)");
  int32_t years = sm_date_full_years (since, reference);
  SmDate last = sm_date__anniversary (since, since.year + years);
  int64_t days = sm_date_days_between (last, reference);
  const char *y_unit = years == 1 ? "year" : "years";
  const char *d_unit = days == 1 ? "day" : "days";
  if (days == 0)
    return g_strdup_printf ("%d %s", (int) years, y_unit);
  if (years == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT " %s", days, d_unit);
  return g_strdup_printf ("%d %s and %" G_GINT64_FORMAT " %s", (int) years,
                          y_unit, days, d_unit);
}

static const char *const fit_words_nl[] = {
  "dezelfde functie",      "een uitwisselbare functie", "een passende functie",
  "een geschikte functie", "geen aansluiting",
};

static const char *const fit_words_en[] = {
  "the same function",
  "an interchangeable function",
  "a suitable function",
  "a reasonable function (geschikt)",
  "no fit",
};

/* A fit as the word for a position that has it, for the fits between
 * the same function and none. */
static const char *const fit_adjective_nl[] = {
  "", "uitwisselbaar", "passend", "geschikt", "",
};

static const char *const fit_adjective_en[] = {
  "",
  "interchangeable (uitwisselbaar)",
  "suitable (passend)",
  "reasonable (geschikt)",
  "",
};

static const char *
fit_word (const char *const *words, SmFit fit)
{
  return fit >= 0 && fit <= SM_FIT_NONE ? words[fit] : words[SM_FIT_NONE];
}

static char *
own_value_nl (SmCriterion criterion, SmGranularity granularity,
              const SmCandidate *c, SmDate reference)
{
  switch (criterion)
    {
    case SM_CRITERION_FIT:
      return g_strdup (fit_word (fit_words_nl, c->fit));
    case SM_CRITERION_SERVICE:
      return describe_duration_nl (c->service_start, reference, granularity);
    case SM_CRITERION_AGE:
      return describe_duration_nl (c->birth_date, reference, granularity);
    default:
      return describe_value_nl (criterion, granularity, c, reference);
    }
}

static char *
own_value_en (SmCriterion criterion, SmGranularity granularity,
              const SmCandidate *c, SmDate reference)
{
  /* Whole months or years are written by the rules' own words. */
  gboolean in_days = granularity == SM_GRANULARITY_DAYS;
  switch (criterion)
    {
    case SM_CRITERION_FIT:
      return g_strdup (fit_word (fit_words_en, c->fit));
    case SM_CRITERION_SERVICE:
      if (in_days)
        return describe_duration_en (c->service_start, reference);
      break;
    case SM_CRITERION_AGE:
      if (in_days)
        return describe_duration_en (c->birth_date, reference);
      break;
    default:
      break;
    }
  return sm_priority__describe_value (criterion, granularity, c, reference);
}

static char *
own_value_sentence_nl (SmCriterion criterion, SmGranularity granularity,
                       const SmCandidate *c, SmDate reference,
                       const char *reference_text)
{
  g_autofree char *value = own_value_nl (criterion, granularity, c, reference);
  switch (criterion)
    {
    case SM_CRITERION_FIT:
      if (c->fit == SM_FIT_NONE)
        return g_strdup (""); /* the missing relation says it (letter.c) */
      if (c->fit == SM_FIT_SAME)
        return g_strdup (" Deze functie is uw eigen functie.");
      return g_strdup_printf (" Gemeten aan uw huidige functie is deze "
                              "functie %s.",
                              fit_adjective_nl[c->fit]);
    case SM_CRITERION_SAME_GRADE:
      return g_strdup_printf (" U heeft schaal %d; de functie heeft schaal "
                              "%d.",
                              (int) c->employee_grade, (int) c->position_grade);
    case SM_CRITERION_COMMITTEE_SCORE:
      if (isnan (c->committee_score))
        return g_strdup (" De plaatsingscommissie gaf u geen score.");
      return format_number_nl (" De plaatsingscommissie gaf u de score ",
                               c->committee_score, ".");
    case SM_CRITERION_SERVICE:
      return g_strdup_printf (" Uw diensttijd op %s: %s.", reference_text,
                              value);
    case SM_CRITERION_AGE:
      return g_strdup_printf (" Uw leeftijd op %s: %s.", reference_text, value);
    case SM_CRITERION_TRAVEL:
      if (!(c->travel_km >= 0))
        return g_strdup (" Uw reisafstand naar deze functie is niet "
                         "bekend.");
      return g_strdup_printf (" Uw reisafstand naar deze functie is %s.",
                              value);
    }
  return g_strdup ("");
}

static char *
own_value_sentence_en (SmCriterion criterion, SmGranularity granularity,
                       const SmCandidate *c, SmDate reference,
                       const char *reference_text)
{
  g_autofree char *value = own_value_en (criterion, granularity, c, reference);
  switch (criterion)
    {
    case SM_CRITERION_FIT:
      if (c->fit == SM_FIT_NONE)
        return g_strdup (""); /* the missing relation says it (letter.c) */
      if (c->fit == SM_FIT_SAME)
        return g_strdup (" This position is your own function.");
      return g_strdup_printf (" Measured against your current function, "
                              "this position is %s.",
                              fit_adjective_en[c->fit]);
    case SM_CRITERION_SAME_GRADE:
      return g_strdup_printf (" Your salary grade is %d; the position's is "
                              "%d.",
                              (int) c->employee_grade, (int) c->position_grade);
    case SM_CRITERION_COMMITTEE_SCORE:
      if (isnan (c->committee_score))
        return g_strdup (" The placement committee gave you no score.");
      {
        char number[G_ASCII_DTOSTR_BUF_SIZE];
        g_ascii_formatd (number, sizeof number, "%g", c->committee_score);
        return g_strdup_printf (" The placement committee gave you a score "
                                "of %s.",
                                number);
      }
    case SM_CRITERION_SERVICE:
      return g_strdup_printf (" Your years of service on %s: %s.",
                              reference_text, value);
    case SM_CRITERION_AGE:
      return g_strdup_printf (" Your age on %s: %s.", reference_text, value);
    case SM_CRITERION_TRAVEL:
      if (!(c->travel_km >= 0))
        return g_strdup (" Your travel distance to this position is not "
                         "known.");
      return g_strdup_printf (" Your travel distance to this position is "
                              "%s.",
                              value);
    }
  return g_strdup ("");
}

static char *
competition_nl (int32_t candidates, int32_t seats)
{
  return g_strdup_printf ("Voor deze functie %s %d %s voor %d %s.",
                          candidates == 1 ? "was er" : "waren er",
                          (int) candidates,
                          candidates == 1 ? "kandidaat" : "kandidaten",
                          (int) seats, seats == 1 ? "plaats" : "plaatsen");
}

static char *
competition_en (int32_t candidates, int32_t seats)
{
  return g_strdup_printf ("This position had %d %s for %d %s.",
                          (int) candidates,
                          candidates == 1 ? "candidate" : "candidates",
                          (int) seats, seats == 1 ? "place" : "places");
}
