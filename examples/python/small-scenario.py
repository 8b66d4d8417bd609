#!/usr/bin/python3
# SPDX-License-Identifier: CC0-1.0
# staffmatch example: a small scenario built from Python lists, placed and
# explained, as one would in a notebook.
#
#     python3 examples/python/small-scenario.py
import gi

gi.require_version("StaffMatch", "0.1")
from gi.repository import StaffMatch as Sm  # noqa: E402

organisations = [("NEW", "New municipality", Sm.OrganisationKind.RECEIVING),
                 ("OLD", "Former body", Sm.OrganisationKind.DEFAULT)]
units = [("TEAM", "Advice", "NEW"), ("ARCHIVE", "Archive", "OLD")]
positions = [("ADV-1", "Advisor", "TEAM", "ADV", 9, 1),
             ("ARC-1", "Archivist", "ARCHIVE", "ARC", 8, 1)]
# id, name, function, grade, service start
employees = [("E1", "Anna", "ARC", 8, (1998, 3, 1)),
             ("E2", "Bram", "ARC", 8, (2004, 9, 1)),
             ("E3", "Cor", "ADV", 9, (2011, 1, 1))]
# employee, position, preference
applications = [("E1", "ADV-1", 1), ("E2", "ADV-1", 1), ("E3", "ADV-1", 1)]

s = Sm.Scenario.new()
for ident, name, kind in organisations:
    s.add_organisation(Sm.OrganisationSpec.new(ident, name, kind, -1, -1))
for ident, name, organisation in units:
    s.add_unit(Sm.UnitSpec.new(ident, name, organisation, None, 0))
for ident, title, unit, function, grade, seats in positions:
    s.add_position(Sm.PositionSpec.new(ident, title, unit, function, grade,
                                       1.0, seats, -1, None, None))
for ident, name, function, grade, start in employees:
    s.add_employee(Sm.EmployeeSpec.new(ident, name, function, "ARCHIVE", grade,
                                       1.0, Sm.Date.new(*start), None, None))
for employee, position, preference in applications:
    s.add_application(Sm.ApplicationSpec.new(employee, position, preference,
                                             float("nan"), -1.0))
s.add_function_relation("ARC", "ADV", Sm.Fit.SUITABLE)

p = s.place()
for i in range(s.get_n_employees()):
    ok, outcome = p.get_outcome(i)
    where = s.get_position(outcome.position)
    print(s.get_employee(i).id, Sm.status_to_string(outcome.status),
          where.id if where else "")
    for k in range(p.get_n_refusals(i)):
        ok, refusal = p.get_refusal(i, k)
        print("   ", Sm.refusal_to_sentence(p, i, refusal, Sm.Language.ENGLISH))
