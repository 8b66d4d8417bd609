/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the words of the decision letters in each language, for the
 * letter engine (letter.c). Not installed.
 *
 * Everything a letter says that is not in its template comes from one
 * SmLetterWords: the month names, the sentences that give a reason (with
 * printf conversions, in the order noted beside each), and the functions
 * that describe a criterion and a candidate's value for it. The Dutch and
 * English tables are in letter-words.c; the built-in templates, which
 * hold the rest of the text, in letter-templates.c.
 */
#pragma once

#include <stdint.h>
#include <glib.h>
#include <staffmatch/letter.h>
#include <staffmatch/priority.h>

#include "scenario/report-private.h"

typedef struct {
  const char *months[12];
  const char *deciding_default; /* who decides when none is given */
  const char *tie_single;
  const char *tie_per_position;
  const char *lot;              /* decided_by: the lottery */
  const char *manual_cutoff;    /* decided_by: a manual placement */
  const char *grade;            /* own grade, position grade, distance */
  const char *grade_same;       /* own grade, position grade */
  const char *fit;              /* minimum fit, own fit */
  const char *qualifications;   /* the missing ones */
  const char *full;             /* rank, cutoff */
  const char *full_criterion;   /* criterion, own_value_sentence */
  const char *full_lot;         /* own lot, cutoff's lot, seed */
  const char *full_some_manual; /* manual, rank, cutoff */
  const char *full_no_cutoff;   /* rank */
  const char *cap;              /* organisation, maximum */
  const char *cap_ranks;        /* rank, cutoff */
  const char *cap_nobody;       /* rank */
  const char *cap_manual;       /* organisation, manual */
  const char *manual;
  const char *reflection;             /* age, band, service */
  const char *band_first;             /* last age of the first band */
  const char *band;                   /* first and last age of a band */
  const char *manual_seat;            /* placed, manual, rank, cutoff */
  const char *manual_seat_reflection; /* placed, manual */
  const char *filter_grade;           /* distance */
  const char *filter_grade_same;
  const char *filter_fit; /* minimum fit */
  const char *filter_qualifications;
  const char *filters_not_own; /* after the filters of the own function */
  const char *(*describe_criterion) (const SmPriorityRule *rule, int32_t index);
  char *(*describe_value) (SmCriterion criterion, SmGranularity granularity,
                           const SmCandidate *candidate, SmDate reference);

  /* ---- sendable letters: settings, competition, plain wording ---- */
  const char *fit_missing; /* own function code, position's code */
  const char *statuses[4]; /* SmStatus, for the mail-merge file */
  /* The employee's own value for the criterion that decided, as a
   * sentence that starts with a blank, e.g. " Uw diensttijd op 1 januari
   * 2019 was 214 dagen."; @reference_text is the reference date as the
   * letter writes it. (transfer full). */
  char *(*own_value_sentence) (SmCriterion criterion, SmGranularity granularity,
                               const SmCandidate *c, SmDate reference,
                               const char *reference_text);
  /* "Voor deze functie waren 7 kandidaten voor 2 plaatsen." (transfer
   * full). */
  char *(*competition) (int32_t candidates, int32_t seats);
  /* The value itself, for the template's own_value: "214 dagen",
   * "geschikte functie". (transfer full). */
  char *(*own_value) (SmCriterion criterion, SmGranularity granularity,
                      const SmCandidate *c, SmDate reference);

  /* ---- improvement cycles ---- */
  const char *full_cycles; /* rank, cutoff: a tie the lot and the
                              improvement cycles decided together */
  const char *lot_cycles;  /* decided_by: the lot and the cycles */
} SmLetterWords;

/* The words of @language: English for SM_LANGUAGE_ENGLISH, else Dutch.
 * (transfer none): static. */
const SmLetterWords *sm_letter__words (SmLanguage language);
