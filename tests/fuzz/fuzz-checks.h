/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch fuzzing: the properties each fuzz target checks on one input.
 *
 * The same checks run in two places: in the libFuzzer targets
 * (tests/fuzz/fuzz-<name>.c, built with -Dfuzzing=true), which abort on a
 * broken property so that libFuzzer keeps the input, and in the ordinary
 * CUnit suite test-fuzz-regressions.c, which replays every input that once
 * broke something (tests/data/fuzz-regressions/<name>/) and the seed
 * corpora (tests/fuzz/corpus/<name>/) in every normal build, under
 * valgrind and the sanitizers of CI. Keeping the checks in one file is what
 * makes a crash found by fuzzing a regression test for good.
 *
 * Each check takes the raw input bytes. An input that the library rejects
 * is fine as long as it is rejected properly (NULL with a GError in
 * SM_ERROR); what must never happen is a crash, a sanitizer report, a
 * critical warning, or a result that breaks a documented property
 * (stability, determinism, write-read round trips). Only the public API is
 * used, so the checks also run against the shared library.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

/* A check: returns NULL when every property holds, else (transfer full) a
 * message naming the property that broke, for the caller to report. */
typedef char *(*SmFuzzCheck) (const uint8_t *data, size_t size);

/* sm_instance_read_data(); write, read and write again give the same
 * bytes; both sides' deferred acceptance is valid, stable, deterministic,
 * places the same people (rural hospitals) and is optimal for its side. */
char *sm_fuzz_check_instance (const uint8_t *data, size_t size);

/* sm_solution_read_data() against a fixed small market, with and without a
 * binding headcount cap; sm_matching_check()'s report is consistent, a
 * stable answer is never better for an employee than the employee-optimal
 * one, and write-read gives the same matching. */
char *sm_fuzz_check_solution (const uint8_t *data, size_t size);

/* The input as a little program that drives an SmMarketBuilder (see
 * fuzz-checks.c for the byte code); every market that builds is solved and
 * checked as in sm_fuzz_check_instance(), caps included. */
char *sm_fuzz_check_market (const uint8_t *data, size_t size);

/* sm_scenario_load_json_data(); a scenario that loads is placed (the
 * placement's matching valid and stable, everyone counted once), and
 * saving and loading it again keeps its checksum. */
char *sm_fuzz_check_scenario_json (const uint8_t *data, size_t size);

/* The input split on SM_FUZZ_CSV_SEPARATOR into the tables of a CSV
 * folder (in the order of sm_fuzz_csv_tables), loaded with
 * sm_scenario_load_csv(); a scenario that loads is placed and checked as
 * for JSON, and saving it as CSV and loading it again keeps its
 * checksum. */
char *sm_fuzz_check_scenario_csv (const uint8_t *data, size_t size);

/* The byte that separates the tables in a scenario-csv input: ASCII's
 * record separator, which no spreadsheet writes. */
#define SM_FUZZ_CSV_SEPARATOR 0x1e

/* The file names of the tables, in input order, NULL-terminated: the six
 * of the brief first, then the three optional ones. */
extern const char *const sm_fuzz_csv_tables[];

/* The checks by target name, NULL-terminated. */
typedef struct {
  const char *name;
  SmFuzzCheck check;
} SmFuzzTarget;

extern const SmFuzzTarget sm_fuzz_targets[];

/* Makes GLib's critical warnings and warnings fatal: a g_return_if_fail()
 * that fires inside the library on any input is a bug. */
void sm_fuzz_init (void);
