#!/usr/bin/gjs
// SPDX-License-Identifier: CC0-1.0
// staffmatch example: a small scenario built from JavaScript arrays.
//
//     gjs examples/gjs/small-scenario.js
imports.gi.versions.StaffMatch = '0.1';
const {StaffMatch: Sm} = imports.gi;

const s = Sm.Scenario.new();
s.add_organisation(Sm.OrganisationSpec.new('NEW', 'New municipality',
    Sm.OrganisationKind.RECEIVING, -1, -1));
s.add_organisation(Sm.OrganisationSpec.new('OLD', 'Former body',
    Sm.OrganisationKind.DEFAULT, -1, -1));
s.add_unit(Sm.UnitSpec.new('TEAM', 'Advice', 'NEW', null, 0));
s.add_unit(Sm.UnitSpec.new('ARCHIVE', 'Archive', 'OLD', null, 0));
s.add_position(Sm.PositionSpec.new('ADV-1', 'Advisor', 'TEAM', 'ADV', 9, 1.0,
    1, -1, null, null));
[['E1', 1998], ['E2', 2004]].forEach(([id, year]) => {
    s.add_employee(Sm.EmployeeSpec.new(id, id, 'ADV', 'ARCHIVE', 9, 1.0,
        Sm.Date.new(year, 1, 1), null, null));
    s.add_application(Sm.ApplicationSpec.new(id, 'ADV-1', 1, NaN, -1));
});

const p = s.place();
for (let i = 0; i < s.get_n_employees(); i++) {
    const [, outcome] = p.get_outcome(i);
    print(`${s.get_employee(i).id} ${Sm.status_to_string(outcome.status)}`);
    for (let k = 0; k < p.get_n_refusals(i); k++) {
        const [, refusal] = p.get_refusal(i, k);
        print(`    ${Sm.refusal_to_sentence(p, i, refusal, Sm.Language.ENGLISH)}`);
    }
}
