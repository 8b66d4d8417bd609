#!/usr/bin/gjs
// SPDX-License-Identifier: CC0-1.0
// staffmatch example: the built-in Ommen-Hardenberg case from JavaScript.
//
//     staffmatch demo --out boh
//     gjs examples/gjs/place-case.js boh/scenario
imports.gi.versions.StaffMatch = '0.1';
const {StaffMatch} = imports.gi;

const scenario = StaffMatch.scenario_load(ARGV[0], null);
const placement = scenario.place();
for (let i = 0; i < scenario.get_n_employees(); i++) {
    const [, outcome] = placement.get_outcome(i);
    const position = scenario.get_position(outcome.position);
    print(`${scenario.get_employee(i).id} ` +
          `${StaffMatch.status_to_string(outcome.status)} ` +
          `${position ? position.id : '-'}`);
}
