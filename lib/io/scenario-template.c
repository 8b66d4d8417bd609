/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the empty scenario that `staffmatch init` writes
 * (workbook.h): one example row per table and a text that explains every
 * column, for the HR adviser who fills it in. The example rows form a
 * scenario that loads, checks and places, so that the template can be
 * tried before it is filled, and a mistake made while filling it shows
 * as a problem of the adviser's own rows.
 */
#include <staffmatch/priority.h>
#include <staffmatch/workbook.h>

/* The README, one line per entry; blank lines separate the tables. */
static const char *const readme_lines[] = {
  "staffmatch scenario: what each table and column means",
  "",
  "Fill in one table per sheet (in a folder: one .csv file per table). "
  "The first row names the columns; keep it. Each table has one example "
  "row: overwrite it or delete it. Columns may be in any order; a column "
  "staffmatch does not know (a column of remarks) is ignored with a "
  "warning. Dates as dd-mm-yyyy or yyyy-mm-dd, or as date cells; "
  "decimals with a comma or a point. Empty optional cells mean 'not "
  "given'. Check with: staffmatch check FOLDER-OR-WORKBOOK",
  "",
  "organisations: the organisations people can be placed in.",
  "  id: a short code you choose (OM, HB), used in the other tables.",
  "  name: the organisation's name, as letters and reports show it.",
  "  kind: receiving (people apply to its positions) or default. Exactly "
  "one organisation is the default: everyone who is not placed elsewhere "
  "goes there (in 2018: Hardenberg).",
  "  min_headcount, max_headcount: optional; the size band of a receiving "
  "organisation (Ommen: 45 and 50). Nobody is ever placed to reach the "
  "minimum; a shortfall is reported as a recruitment need.",
  "",
  "units: the departments (afdelingen, teams) of the organisations.",
  "  id, name: a code and the unit's name.",
  "  organisation: the id of the organisation the unit belongs to.",
  "  contract_client, contract_end_year: optional; an organisation the "
  "unit works for under a service contract, and its last year.",
  "",
  "positions: the places to be filled (formatieplaatsen).",
  "  id: a code you choose (OM-BA1). title: the position's title.",
  "  unit: the id of its unit.",
  "  function: the function code of the position (see 'function codes' "
  "below).",
  "  grade: the salary grade (schaal) of the position, a whole number.",
  "  fte: optional, 1 when empty. seats: optional, how many people the "
  "position takes (1 when empty). target_seats: optional, how many of "
  "them to fill now.",
  "  qualifications: optional, required qualifications separated by | "
  "(rijbewijs-B|VOG).",
  "  rule: optional, the id of a rule in the rules table; empty: the "
  "default rule.",
  "",
  "employees: everyone affected by the reorganisation.",
  "  id: the personnel number. It names the person's letter, so no / or "
  "\\ in it. Keep leading zeros: type it as text.",
  "  name: as the letters address the person.",
  "  function: the code of their current function (see below).",
  "  unit: their current unit. Use a unit of the DEFAULT organisation: "
  "the unit where they end up as supernumerary (boventallig) when nothing "
  "else is found, and whose positions of their own function they follow "
  "('mens volgt werk').",
  "  grade: their current salary grade (schaal). Grades are compared with "
  "the positions' grades: a move at the same grade goes before a "
  "promotion, and a rule may allow only so many grades of difference.",
  "  fte: optional, 1 when empty. service_start, birth_date: dates; they "
  "decide years of service and age, and the age bands of the reflection "
  "principle (afspiegeling).",
  "  qualifications: optional, separated by |.",
  "",
  "applications: who applies for which position of a receiving "
  "organisation, in their order of preference.",
  "  employee, position: ids. preference: 1 for the most wanted, then 2, "
  "3, ...",
  "  committee_score, travel_km: optional; used only by rules that name "
  "them.",
  "",
  "function-relations: the fit table. Which current function fits which "
  "position's function, and how well. The same code always fits "
  "('same'); list the others.",
  "  from: the employee's function code. to: the position's function "
  "code.",
  "  fit: interchangeable (uitwisselbaar: comparable content, same level "
  "and pay), suitable (passend) or reasonable (geschikt). A pair that is "
  "not listed does not fit.",
  "",
  "function codes: one code per function in your function book "
  "(functieboek), the same in employees (their current function), "
  "positions and the fit table, such as BA for beleidsadviseur.",
  "",
  "rules (optional): the priority rules of the social plan (sociaal "
  "statuut).",
  "  id: a name. criteria: in order, separated by |, each with :high or "
  ":low: fit, same-grade, committee-score, service, age, travel "
  "(fit:high|same-grade:high|service:high|age:high).",
  "  max_grade_distance, min_fit, require_qualifications: optional "
  "filters: how many grades apart at most, the least fit (interchangeable, "
  "suitable, reasonable), and yes or no.",
  "",
  "manual-placements (optional): placements decided by the employer "
  "(hardheidsclausule).",
  "  employee, position: ids. reason: why, for the person's letter.",
  "",
  "settings (optional): one setting per row, key and value.",
  "  seed: the number that draws the lot for ties; keep it for a re-run. "
  "tie_breaking: single or per-position. reference_date: the day ages "
  "and years of service are counted on. reduction: priority or "
  "reflection. age_band_years: 10 when empty. default_rule: the id of "
  "the rule positions without one use. improvement_cycles: no when "
  "empty; yes lets tied candidates swap to positions each prefers after "
  "the lot (more first choices, but not strategy-proof: someone may gain "
  "by misstating their preferences).",
  "",
  "letters (optional): the facts of the decision letters that are not in "
  "the placement, one per row, key and value; a blank value leaves it out.",
  "  regime: employment (employment law, the default) or public (public "
  "law, before 2020). effective_date: the day the placement takes effect "
  "(the reference date when blank). letter_date: the date the letters "
  "carry. employer, deciding_body, signatory, contact, response_address: "
  "who employs, who decides, who signs, whom to ask, and where a response "
  "or objection goes.",
  NULL
};

char *
sm_template_readme (void)
{
  GString *out = g_string_new (NULL);
  for (int k = 0; readme_lines[k] != NULL; k++)
    g_string_append_printf (out, "%s\n", readme_lines[k]);
  return g_string_free (out, FALSE);
}

static void
add_organisations (SmScenario *s)
{
  SmOrganisationSpec org = SM_ORGANISATION_SPEC_INIT;
  org.id = "OM";
  org.name = "Ommen";
  org.kind = SM_ORGANISATION_KIND_RECEIVING;
  org.max_headcount = 50;
  sm_scenario_add_organisation (s, &org, NULL);
  org = (SmOrganisationSpec) SM_ORGANISATION_SPEC_INIT;
  org.id = "HB";
  org.name = "Hardenberg";
  org.kind = SM_ORGANISATION_KIND_DEFAULT;
  sm_scenario_add_organisation (s, &org, NULL);
  SmUnitSpec unit = SM_UNIT_SPEC_INIT;
  unit.id = "OM-STAF";
  unit.name = "Staf";
  unit.organisation_id = "OM";
  sm_scenario_add_unit (s, &unit, NULL);
  unit.id = "HB-SD";
  unit.name = "Sociaal domein";
  unit.organisation_id = "HB";
  sm_scenario_add_unit (s, &unit, NULL);
}

static void
add_positions (SmScenario *s)
{
  SmPositionSpec pos = SM_POSITION_SPEC_INIT;
  pos.id = "OM-BA1";
  pos.title = "Beleidsadviseur sociaal domein";
  pos.unit_id = "OM-STAF";
  pos.function_code = "BA";
  pos.grade = 11;
  sm_scenario_add_position (s, &pos, NULL);
  pos.id = "HB-CON1";
  pos.title = "Consulent werk en inkomen";
  pos.unit_id = "HB-SD";
  pos.function_code = "CON";
  pos.grade = 9;
  sm_scenario_add_position (s, &pos, NULL);
}

static void
add_people (SmScenario *s)
{
  SmEmployeeSpec e = SM_EMPLOYEE_SPEC_INIT;
  e.id = "100001";
  e.name = "Voorbeeld, J.";
  e.function_code = "CON";
  e.unit_id = "HB-SD";
  e.grade = 9;
  e.service_start = (SmDate){ 2005, 3, 1 };
  e.birth_date = (SmDate){ 1975, 6, 15 };
  sm_scenario_add_employee (s, &e, NULL);
  SmApplicationSpec a = SM_APPLICATION_SPEC_INIT;
  a.employee_id = "100001";
  a.position_id = "OM-BA1";
  a.preference = 1;
  sm_scenario_add_application (s, &a, NULL);
  sm_scenario_add_function_relation (s, "CON", "BA", SM_FIT_SUITABLE, NULL);
}

/* The letters' settings, so that letters.csv is in the template with
 * every key to fill in (the others are left blank). */
static void
add_letters (SmScenario *s)
{
  SmLetterSettings l = SM_LETTER_SETTINGS_INIT;
  l.employer = "Gemeente Hardenberg";
  l.contact = "de HR-adviseur van uw afdeling";
  sm_scenario_set_letter_settings (s, &l, NULL);
}

SmScenario *
sm_scenario_new_template (void)
{
  SmScenario *s = sm_scenario_new ();
  add_organisations (s);
  add_positions (s);
  add_people (s);
  g_autoptr (SmPriorityRule) rule = sm_priority_rule_new ("standaard");
  sm_priority_rule_add_criterion (rule, SM_CRITERION_FIT,
                                  SM_DIRECTION_HIGHER_FIRST, NULL);
  sm_priority_rule_add_criterion (rule, SM_CRITERION_SAME_GRADE,
                                  SM_DIRECTION_HIGHER_FIRST, NULL);
  sm_priority_rule_add_criterion (rule, SM_CRITERION_SERVICE,
                                  SM_DIRECTION_HIGHER_FIRST, NULL);
  sm_priority_rule_add_criterion (rule, SM_CRITERION_AGE,
                                  SM_DIRECTION_HIGHER_FIRST, NULL);
  sm_scenario_add_rule (s, rule, NULL);
  sm_scenario_set_seed (s, 20180701);
  sm_scenario_set_reference_date (s, (SmDate){ 2018, 10, 1 });
  add_letters (s);
  return s;
}
