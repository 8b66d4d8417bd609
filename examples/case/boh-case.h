/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch examples: the Ommen-Hardenberg case as built-in data.
 *
 * In 2018 the shared civil service of Ommen and Hardenberg (Bestuursdienst
 * Ommen-Hardenberg, BOH) was split: Ommen became a small directing
 * municipality of 45 to 50 people that BOH staff could apply to, and
 * Hardenberg took everyone else into its rebuilt full organisation. The
 * example programs and the command-line tool need that case as data
 * without shipping anybody's personal records, so boh_case_new() builds a
 * realistic stand-in from a seed: Hardenberg's units (the former BOH
 * departments, with the service contracts they run for Ommen), their
 * functions and formation, Ommen's positions, about 480 employees with
 * invented names, and their applications. The same seed gives the same
 * scenario, item for item, on every machine.
 */
#pragma once

#include <stdint.h>
#include <glib.h>
#include <staffmatch/staffmatch.h>

G_BEGIN_DECLS

/* The seed the example programs use unless told otherwise. */
#define BOH_CASE_SEED 2019

/**
 * boh_case_new:
 * @seed: decides every random choice of the case; it is also recorded as
 *   the scenario's lottery seed
 * @error: return location for a GError
 *
 * Builds the Ommen-Hardenberg case. Adding an item never fails for a
 * correct generator; should it fail, the error of the scenario layer is
 * passed on.
 *
 * Returns: (transfer full): the scenario, or NULL with @error set
 */
SmScenario *boh_case_new (uint64_t seed, GError **error);

/**
 * BohCaseVariant: how the case's rules count service and age.
 * @BOH_CASE_EXACT_DATES: to the day, by dates (the case as boh_case_new()
 *   builds it); ties are rare and the lot seldom decides
 * @BOH_CASE_WHOLE_YEARS: service in whole years on the reference date,
 *   as many social plans count it, and no age in the default rule (fit,
 *   same grade, whole years of service, then the lot); the same people,
 *   positions and applications, but far more candidates tied, so the lot
 *   decides more often
 */
typedef enum {
  BOH_CASE_EXACT_DATES,
  BOH_CASE_WHOLE_YEARS,
} BohCaseVariant;

/* The variants' names for the tool's --variant ("exact-dates",
 * "whole-years"), in the order of BohCaseVariant, NULL-terminated. */
extern const char *const boh_case_variant_names[];

/**
 * boh_case_new_variant:
 * @seed: as for boh_case_new()
 * @variant: how the rules count service (and whether age counts)
 * @error: return location for a GError
 *
 * Builds the Ommen-Hardenberg case with the rules of @variant. The seed
 * draws the same case whatever the variant; BOH_CASE_EXACT_DATES gives
 * exactly the scenario of boh_case_new().
 *
 * Returns: (transfer full): the scenario, or NULL with @error set
 */
SmScenario *boh_case_new_variant (uint64_t seed, BohCaseVariant variant,
                                  GError **error);

G_END_DECLS
