#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# staffmatch tests: the whole public API from Python, through the typelib
# (GObject Introspection, docs/bindings.md).
#
# Run by meson test when introspection is built, with GI_TYPELIB_PATH and
# LD_LIBRARY_PATH on the build tree. It needs PyGObject (Debian's
# python3-gi); without it the test reports itself skipped (exit 77).
#
#   - every type is made and dropped, every function of the typelib is
#     called (a last test reads the gir and fails for any function this
#     file never calls);
#   - every SmError code comes out as a GLib.Error with the domain
#     sm-error-quark and its code;
#   - the built-in case placed from Python writes placements.csv byte for
#     byte as `staffmatch demo` does;
#   - the one-line Python command of docs/bindings.md runs as written;
#   - nothing leaks: the process's heap in use (mallinfo2) does not grow
#     over hundreds of rounds of building, placing and reading a scenario.
#
# usage: test-python.py STAFFMATCH-TOOL GIR DOCS/BINDINGS.MD WORK-DIR
import ctypes
import filecmp
import gc
import math
import os
import re
import resource
import shutil
import subprocess
import sys
import unittest
import xml.etree.ElementTree as ET

try:
    import gi

    gi.require_version("StaffMatch", "0.1")
    from gi.repository import GLib
    from gi.repository import StaffMatch as Sm
except (ImportError, ValueError) as e:
    print("skipped: PyGObject or the StaffMatch typelib is missing (%s)" % e)
    sys.exit(77)

TOOL, GIR, DOCS, WORK = sys.argv[1:5]
del sys.argv[1:5]

# The command docs/bindings.md shows; test_one_liner runs it as written.
ONE_LINER = (
    "python3 -c 'import gi; gi.require_version(\"StaffMatch\", \"0.1\"); "
    "from gi.repository import StaffMatch; "
    "p = StaffMatch.scenario_load(\"boh/scenario\", None).place(); "
    "p.save_csv(\"placements.csv\", StaffMatch.CsvDelimiter.SEMICOLON); "
    "print(p.get_scenario().get_n_employees(), \"employees placed\")'"
)


def small_scenario():
    """The scenario of README's C example, from Python lists."""
    s = Sm.Scenario.new()
    kind = Sm.OrganisationKind
    s.add_organisation(Sm.OrganisationSpec.new("NEW", "New", kind.RECEIVING,
                                               -1, -1))
    s.add_organisation(Sm.OrganisationSpec.new("OLD", "Old", kind.DEFAULT,
                                               -1, -1))
    s.add_unit(Sm.UnitSpec.new("TEAM", "Advice", "NEW", None, 0))
    s.add_unit(Sm.UnitSpec.new("ARCHIVE", "Archive", "OLD", "NEW", 2030))
    s.add_position(Sm.PositionSpec.new("ADV-1", "Advisor", "TEAM", "ADV", 9,
                                       1.0, 1, -1, ["law"], None))
    s.add_position(Sm.PositionSpec.new("ARC-1", "Archivist", "ARCHIVE",
                                       "ARC", 8, 1.0, 1, -1, None, None))
    for k, ident in enumerate(["E1", "E2", "E3"]):
        s.add_employee(Sm.EmployeeSpec.new(
            ident, "Person %d" % k, "ADV", "ARCHIVE", 9, 1.0,
            Sm.Date.new(2000 + 5 * k, 1, 1), Sm.Date.new(1970, 3, 1 + k),
            ["law"] if k < 2 else None))
        s.add_application(Sm.ApplicationSpec.new(ident, "ADV-1", 1,
                                                 7.5 - k, -1.0))
    return s


def error_of(call, *args):
    try:
        call(*args)
    except GLib.Error as e:
        return e
    raise AssertionError("%s did not raise" % call)


class Types(unittest.TestCase):
    def test_every_boxed_type_made_and_dropped(self):
        made = [
            Sm.Scenario.new(), Sm.MarketBuilder.new(1, 1), Sm.ProblemList.new(),
            Sm.IssueList.new(), Sm.PriorityRule.new("r"),
            Sm.PriorityRule.new_default(), Sm.Date.new(2019, 1, 1),
            Sm.PlaceOptions.new(), Sm.LetterOptions.new(),
            Sm.OrganisationSpec.new("O", "O", Sm.OrganisationKind.DEFAULT, -1,
                                    -1),
            Sm.UnitSpec.new("U", "U", "O", None, 0),
            Sm.PositionSpec.new("P", "P", "U", "F", 1, 1.0, 1, -1, None, None),
            Sm.EmployeeSpec.new("E", "E", "F", "U", 1, 1.0, None, None, None),
            Sm.ApplicationSpec.new("E", "P", 1, math.nan, -1.0),
        ]
        s = small_scenario()
        p = s.place()
        market = p.get_market()
        matching = p.get_matching()
        report = Sm.matching_check(market, matching)
        ok, outcome = p.get_outcome(0)
        ok, refusal = p.get_refusal(1, 0)
        ok, position = p.get_position_result(0)
        ok, unit = p.get_unit_result(0)
        edges = market.get_employee_edges(0)
        issues = Sm.IssueList.new()
        s.validate(None, issues)
        problems = Sm.ProblemList.new()
        error_of(Sm.scenario_load_json_data, b"{", None, problems)
        made += [p, market, matching, report, outcome, refusal, position,
                 unit, edges[0], issues.get(0) if issues.get_n() else None,
                 problems.get(0), matching.copy(), s.get_rule(0)
                 if s.get_n_rules() else Sm.PriorityRule.new_default().copy()]
        names = {type(x).__name__ for x in made if x is not None}
        for name in ("Scenario", "MarketBuilder", "ProblemList", "IssueList",
                     "PriorityRule", "Date", "PlaceOptions", "LetterOptions",
                     "OrganisationSpec", "UnitSpec", "PositionSpec",
                     "EmployeeSpec", "ApplicationSpec", "Placement", "Market",
                     "Matching", "CheckReport", "EmployeeOutcome", "Refusal",
                     "PositionResult", "UnitResult", "Edge", "Problem"):
            self.assertIn(name, names)
        # Borrowed parts stay valid when the placement is dropped first:
        # the binding holds its own reference or copy.
        del p, s, made
        gc.collect()
        self.assertEqual(market.get_n_employees(), 3)
        self.assertEqual(matching.get_n_employees(), 3)
        self.assertEqual(outcome.status, Sm.Status.PLACED)

    def test_enums_registered_with_c_names(self):
        self.assertEqual(Sm.TieBreaking.PER_POSITION.value_nick, "per-position")
        self.assertEqual(Sm.Language.ENGLISH.value_name, "SM_LANGUAGE_ENGLISH")
        # The names in files are the to_string ones, both ways.
        pairs = [(Sm.Side, Sm.side_to_string, Sm.side_from_string),
                 (Sm.ViolationKind, Sm.violation_kind_to_string,
                  Sm.violation_kind_from_string),
                 (Sm.Status, Sm.status_to_string, Sm.status_from_string),
                 (Sm.Reason, Sm.reason_to_string, Sm.reason_from_string),
                 (Sm.Filter, Sm.filter_to_string, Sm.filter_from_string),
                 (Sm.Fit, Sm.fit_to_string, Sm.fit_from_string),
                 (Sm.Criterion, Sm.criterion_to_string,
                  Sm.criterion_from_string),
                 (Sm.Direction, Sm.direction_to_string,
                  Sm.direction_from_string),
                 (Sm.TieBreaking, Sm.tie_breaking_to_string,
                  Sm.tie_breaking_from_string),
                 (Sm.Reduction, Sm.reduction_to_string,
                  Sm.reduction_from_string),
                 (Sm.OrganisationKind, Sm.organisation_kind_to_string,
                  Sm.organisation_kind_from_string),
                 (Sm.Severity, Sm.severity_to_string,
                  Sm.severity_from_string),
                 (Sm.Language, Sm.language_to_string,
                  Sm.language_from_string),
                 (Sm.Regime, Sm.regime_to_string, Sm.regime_from_string),
                 (Sm.CsvDelimiter, Sm.csv_delimiter_to_string,
                  Sm.csv_delimiter_from_string),
                 (Sm.Granularity, Sm.granularity_to_string,
                  Sm.granularity_from_string),
                 (Sm.Mechanism, Sm.mechanism_to_string,
                  Sm.mechanism_from_string)]
        for enum, to_string, from_string in pairs:
            for value in enum.__enum_values__.values():
                ok, back = from_string(to_string(value))
                self.assertTrue(ok)
                self.assertEqual(back, value)
            self.assertFalse(from_string("no such name")[0])
        self.assertEqual(Sm.language_to_string(Sm.Language.ENGLISH), "en")
        self.assertEqual(Sm.Language.to_string(Sm.Language.DUTCH), "nl")

    def test_dates(self):
        d = Sm.Date.new(2020, 2, 29)
        self.assertTrue(d.is_valid())
        self.assertTrue(d.is_set())
        self.assertFalse(Sm.Date.new(2019, 2, 29).is_valid())
        self.assertFalse(Sm.Date.new(0, 0, 0).is_set())
        self.assertEqual(d.to_iso(), "2020-02-29")
        ok, parsed = Sm.date_parse("01-03-2021")
        self.assertTrue(ok)
        self.assertEqual((parsed.year, parsed.month, parsed.day), (2021, 3, 1))
        self.assertEqual(Sm.Date.parse("2021-03-01")[1].to_iso(), "2021-03-01")
        self.assertEqual(d.full_years(parsed), 1)
        self.assertEqual(d.days_between(parsed), 366)
        self.assertLess(d.compare(parsed), 0)
        e = error_of(Sm.date_parse, "31-02-2021")
        self.assertEqual((e.domain, e.code), ("sm-error-quark",
                                              int(Sm.Error.PARSE)))


class Errors(unittest.TestCase):
    def check(self, code, call, *args):
        e = error_of(call, *args)
        self.assertEqual(e.domain, "sm-error-quark")
        self.assertEqual(GLib.quark_from_string(e.domain), Sm.error_quark())
        self.assertEqual(e.code, int(code), e.message)
        self.assertTrue(e.matches(Sm.error_quark(), code))
        return e

    def test_every_error_code(self):
        E = Sm.Error
        seen = set()

        def check(code, call, *args):
            self.check(code, call, *args)
            seen.add(code)

        check(E.INVALID_SIZE, Sm.MarketBuilder.new, -1, 0)
        check(E.TOO_LARGE, Sm.MarketBuilder.new, 2 ** 31, 0)
        b = Sm.MarketBuilder.new(2, 1)
        check(E.INDEX_OUT_OF_RANGE, b.set_seats, 5, 1)
        check(E.DUPLICATE, b.set_preferences, 0, [0, 0])
        check(E.INVALID_SEATS, b.set_seats, 0, 0)
        b.set_preferences(0, [0])
        b.set_priorities(0, [1])
        check(E.PRIORITY_MISMATCH, b.build)
        check(E.PARSE, Sm.instance_read_data, b"hr-instance 3\n")
        check(E.IO, Sm.scenario_load_json,
              os.path.join(WORK, "no-such-dir", "x.json"), None)
        # Reserving 2^31 - 1 entries (16 GiB) in 2 GiB of address space.
        builder = Sm.MarketBuilder.new(1, 1)
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, hard))
        try:
            check(E.NO_MEMORY, builder.reserve, 2 ** 31 - 1)
        finally:
            resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
        s = small_scenario()
        check(E.DUPLICATE_ID, s.add_unit,
              Sm.UnitSpec.new("TEAM", "Again", "NEW", None, 0))
        check(E.UNKNOWN_ID, s.add_unit,
              Sm.UnitSpec.new("X", "X", "NOWHERE", None, 0))
        check(E.INVALID_VALUE, s.add_organisation,
              Sm.OrganisationSpec.new("", "Empty",
                                      Sm.OrganisationKind.RECEIVING, -1, -1))
        check(E.INFEASIBLE, s.add_organisation,
              Sm.OrganisationSpec.new("OLD2", "Second default",
                                      Sm.OrganisationKind.DEFAULT, -1, -1))
        p = s.place()
        check(E.IN_USE, s.add_function_relation, "ADV", "ARC",
              Sm.Fit.SUITABLE)
        del p
        gc.collect()
        s.add_function_relation("ADV", "ARC", Sm.Fit.SUITABLE)
        self.assertEqual(seen, set(E.__enum_values__.values()))


class Scenario(unittest.TestCase):
    def test_build_read_back_and_place(self):
        s = small_scenario()
        self.assertEqual(s.get_n_organisations(), 2)
        self.assertEqual(s.get_n_units(), 2)
        self.assertEqual(s.get_n_positions(), 2)
        self.assertEqual(s.get_n_employees(), 3)
        self.assertEqual(s.get_n_applications(), 3)
        org = s.get_organisation(1)
        self.assertEqual((org.id, org.kind), ("OLD", Sm.OrganisationKind.DEFAULT))
        self.assertIsNone(s.get_organisation(2))
        unit = s.get_unit(1)
        self.assertEqual((unit.organisation_id, unit.contract_client_id,
                          unit.contract_end_year), ("OLD", "NEW", 2030))
        pos = s.get_position(0)
        self.assertEqual((pos.id, pos.qualifications, pos.rule_id),
                         ("ADV-1", ["law"], None))
        emp = s.get_employee(2)
        del s  # the records own their strings
        gc.collect()
        self.assertEqual((emp.id, emp.name, emp.service_start.year,
                          emp.birth_date.day, emp.qualifications),
                         ("E3", "Person 2", 2010, 3, []))
        s = small_scenario()
        app = s.get_application(1)
        self.assertEqual((app.employee_id, app.preference,
                          app.committee_score), ("E2", 1, 6.5))
        self.assertTrue(math.isnan(Sm.ApplicationSpec.new(
            "E", "P", 1, math.nan, -1).committee_score))
        self.assertEqual(s.find_organisation("NEW"), 0)
        self.assertEqual(s.find_unit("ARCHIVE"), 1)
        self.assertEqual(s.find_position("ARC-1"), 1)
        self.assertEqual(s.find_employee("E2"), 1)
        self.assertEqual(s.find_employee("nobody"), -1)
        copies = [org.copy(), unit.copy(), pos.copy(), emp.copy(), app.copy()]
        self.assertEqual([c.__class__.__name__ for c in copies],
                         ["OrganisationSpec", "UnitSpec", "PositionSpec",
                          "EmployeeSpec", "ApplicationSpec"])
        self.assertEqual(copies[3].qualifications, [])

        # Rules, relations, manual placements and settings.
        rule = Sm.PriorityRule.new("score")
        rule.add_criterion(Sm.Criterion.COMMITTEE_SCORE,
                           Sm.Direction.HIGHER_FIRST)
        e = error_of(rule.add_criterion, Sm.Criterion.COMMITTEE_SCORE,
                     Sm.Direction.LOWER_FIRST)
        self.assertEqual(e.code, int(Sm.Error.DUPLICATE))
        rule.set_max_grade_distance(2)
        rule.set_min_fit(Sm.Fit.SUITABLE)
        rule.set_require_qualifications(True)
        self.assertEqual(rule.get_granularity(Sm.Criterion.SERVICE),
                         Sm.Granularity.DAYS)
        rule.set_granularity(Sm.Criterion.SERVICE, Sm.Granularity.YEARS)
        self.assertEqual(rule.get_granularity(Sm.Criterion.SERVICE),
                         Sm.Granularity.YEARS)
        e = error_of(rule.set_granularity, Sm.Criterion.FIT,
                     Sm.Granularity.MONTHS)
        self.assertEqual(e.code, int(Sm.Error.INVALID_VALUE))
        self.assertEqual(rule.get_id(), "score")
        self.assertEqual(rule.get_n_criteria(), 1)
        self.assertEqual(rule.get_criterion(0), (True, Sm.Criterion.COMMITTEE_SCORE,
                                                 Sm.Direction.HIGHER_FIRST))
        self.assertEqual(rule.get_max_grade_distance(), 2)
        self.assertEqual(rule.get_min_fit(), Sm.Fit.SUITABLE)
        self.assertTrue(rule.get_require_qualifications())
        self.assertIn('"committee-score"', rule.to_json())
        s.add_rule(rule)
        s.add_rule(Sm.PriorityRule.new_default())
        s.set_default_rule("default")
        self.assertEqual(s.get_n_rules(), 2)
        self.assertEqual(s.get_rule(0).get_id(), "score")
        self.assertIsNone(s.get_rule(9))
        self.assertEqual(s.find_rule("score"), 0)
        self.assertEqual(s.get_default_rule().get_id(), "default")
        s.add_function_relation("ARC", "ADV", Sm.Fit.INTERCHANGEABLE)
        self.assertEqual(s.get_n_function_relations(), 1)
        self.assertEqual(s.get_function_relation(0),
                         (True, "ARC", "ADV", Sm.Fit.INTERCHANGEABLE))
        self.assertEqual(s.get_fit("ARC", "ADV"), Sm.Fit.INTERCHANGEABLE)
        self.assertEqual(s.get_fit("ADV", "ARC"), Sm.Fit.NONE)
        s.add_manual_placement("E3", "ARC-1", "hardship")
        self.assertEqual(s.get_n_manual_placements(), 1)
        self.assertEqual(s.get_manual_placement(0),
                         (True, "E3", "ARC-1", "hardship"))
        s.set_seed(7)
        s.set_tie_breaking(Sm.TieBreaking.PER_POSITION)
        s.set_reference_date(Sm.Date.new(2020, 6, 1))
        s.set_reduction(Sm.Reduction.REFLECTION, 5)
        self.assertEqual(s.get_seed(), 7)
        self.assertEqual(s.get_tie_breaking(), Sm.TieBreaking.PER_POSITION)
        self.assertEqual(s.get_reference_date().to_iso(), "2020-06-01")
        self.assertEqual(s.get_reduction(), (Sm.Reduction.REFLECTION, 5))
        self.assertEqual(len(s.checksum()), 64)

        issues = Sm.IssueList.new()
        self.assertTrue(s.validate(None, issues))
        self.assertEqual(issues.count(Sm.Severity.ERROR), 0)
        for k in range(issues.get_n()):
            issue = issues.get(k)
            self.assertEqual(issue.severity, Sm.Severity.WARNING)
            self.assertIsNotNone(issue.copy().message)

        p = s.place()
        self.assertEqual(p.get_seed(), 7)
        self.assertEqual(p.get_tie_breaking(), Sm.TieBreaking.PER_POSITION)
        self.assertEqual(p.get_reference_date().to_iso(), "2020-06-01")
        self.assertEqual(p.get_reduction(), (Sm.Reduction.REFLECTION, 5))
        self.assertEqual(p.checksum(), s.checksum())
        statuses = [p.get_outcome(i)[1].status for i in range(3)]
        self.assertEqual(statuses, [Sm.Status.PLACED, Sm.Status.SUPERNUMERARY,
                                    Sm.Status.MANUAL])
        self.assertFalse(p.get_outcome(9)[0])
        self.assertEqual(p.get_scenario().get_n_employees(), 3)
        self.assertEqual(p.get_n_placed_at(0), 1)
        self.assertEqual(p.get_headcount(1), 2)
        self.assertEqual(p.get_vacancies(0), 0)
        self.assertEqual(p.get_contract_people(2030), 2)
        self.assertEqual(p.get_contract_people(2031), 0)
        ok, result = p.get_position_result(0)
        self.assertEqual((result.seats, result.filled, result.candidates),
                         (1, 1, 2))
        ok, unit_result = p.get_unit_result(1)
        self.assertEqual(unit_result.supernumerary, 1)
        self.assertEqual(p.get_n_refusals(1), 1)
        ok, refusal = p.get_refusal(1, 0)
        self.assertEqual((refusal.reason, refusal.rank, refusal.cutoff),
                         (Sm.Reason.FULL, 2, 1))
        by_lot = refusal.criterion == Sm.DECIDED_BY_LOT
        self.assertEqual(p.get_refusal_lots(1, 0)[0], by_lot)
        self.assertEqual(p.depends_on_lot(1), by_lot)
        self.assertFalse(p.depends_on_lot(99))
        self.assertIn("higher priority", Sm.refusal_to_sentence(
            p, 1, refusal, Sm.Language.ENGLISH))
        self.assertNotIn("Person", Sm.report_summary_text(p))
        self.assertIn("#", Sm.report_summary_markdown(p))
        self.assertIn("<svg", Sm.report_html(p))

        opts = Sm.PlaceOptions.new()
        self.assertEqual(opts.version, 1)
        opts.proposing = Sm.Side.POSITIONS
        e = error_of(s.place_with, opts)  # not with the reflection principle
        self.assertEqual(e.code, int(Sm.Error.INFEASIBLE))
        s.set_reduction(Sm.Reduction.PRIORITY, 10)
        self.assertIsNotNone(s.place_with(opts))

        # Improvement cycles: a scenario setting the placement records.
        self.assertFalse(s.get_improvement_cycles())
        self.assertEqual(p.get_n_improved(), 0)
        self.assertFalse(p.get_improvement_cycles())
        s.set_improvement_cycles(True)
        self.assertTrue(s.get_improvement_cycles())
        e = error_of(s.place_with, opts)  # cycles need employees proposing
        self.assertEqual(e.code, int(Sm.Error.INFEASIBLE))
        q = s.place()
        self.assertTrue(q.get_improvement_cycles())
        self.assertEqual(q.get_n_improved(), 0)
        self.assertEqual(Sm.DECIDED_BY_CYCLES, -4)
        s.set_improvement_cycles(False)
        self.assertNotEqual(q.checksum(), s.place().checksum())

    def test_simulation(self):
        s = small_scenario()
        opts = Sm.SimulationOptions.new()
        self.assertEqual(opts.version, 2)
        opts.n_runs = 20
        opts.n_threads = 2
        opts.mechanism = Sm.Mechanism.DA_PER_POSITION
        sim = s.simulate(opts)
        self.assertEqual((sim.get_n_runs(), sim.get_mechanism()),
                         (20, Sm.Mechanism.DA_PER_POSITION))
        self.assertEqual(sim.get_seed(), sim.get_draw_seed(0))
        self.assertEqual(sim.get_scenario().checksum(), s.checksum())
        for e in range(s.get_n_employees()):
            draws = [sim.get_outcome(e, k)[1].n_draws
                     for k in range(sim.get_n_outcomes(e))]
            self.assertEqual(sum(draws), 20)
        self.assertFalse(sim.get_outcome(99, 0)[0])
        for j in range(s.get_n_positions()):
            cut = [sim.get_cutoff(j, c)[1]
                   for c in range(-1, sim.get_n_classes(j))]
            self.assertEqual(sum(cut), 20)
        summary = sim.get_summary()
        self.assertEqual((summary.n_runs, summary.n_employees), (20, 3))
        self.assertEqual(sum(sim.get_first_choices_draws(k)[1]
                             for k in range(4)), 20)
        self.assertEqual(sum(sim.get_supernumerary_draws(k)[1]
                             for k in range(4)), 20)
        ranks = [sim.get_rank_count(p)[1]
                 for p in range(1, sim.get_max_preference() + 1)]
        self.assertTrue(all(n >= 0 for n in ranks))
        self.assertGreater(sim.get_worker_bytes(), 0)
        report_opts = Sm.ReportOptions.new()
        report_opts.language = Sm.Language.ENGLISH
        html = Sm.report_simulation_html([sim], report_opts)
        self.assertIn("<svg", html)
        self.assertIn("da-per-position", html)
        book = os.path.join(WORK, "simulation.xlsx")
        Sm.simulation_save_xlsx([sim], book)
        self.assertTrue(os.path.getsize(book) > 0)
        opts.n_runs = 0
        e = error_of(s.simulate, opts)
        self.assertEqual(e.code, int(Sm.Error.INVALID_VALUE))

    def test_files(self):
        s = small_scenario()
        folder = os.path.join(WORK, "files")
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        s.save_csv(os.path.join(folder, "csv"), Sm.CsvDelimiter.COMMA)
        s.save_json(os.path.join(folder, "s.json"))
        for loaded in (Sm.scenario_load_csv(os.path.join(folder, "csv"), None),
                       Sm.scenario_load_json(os.path.join(folder, "s.json"),
                                             None),
                       Sm.scenario_load(os.path.join(folder, "csv"), None),
                       Sm.Scenario.load_json_data(
                           open(os.path.join(folder, "s.json"), "rb").read(),
                           "s.json", None)):
            self.assertEqual(loaded.checksum(), s.checksum())
        problems = Sm.ProblemList.new()
        e = error_of(Sm.scenario_load_json_data, b'{"format": 1}', "bad.json",
                     problems)
        self.assertGreater(problems.get_n(), 0)
        first = problems.get(0)
        self.assertEqual(first.file, "bad.json")
        self.assertEqual(first.code, e.code)
        self.assertIsNotNone(first.copy().message)
        self.assertIsNone(problems.get(problems.get_n()))
        self.assertIn("bad.json", problems.format())
        self.assertEqual(problems.get_severity(0), Sm.Severity.ERROR)
        self.assertEqual(problems.count(Sm.Severity.ERROR), problems.get_n())
        self.assertEqual(problems.count(Sm.Severity.WARNING), 0)
        self.assertIsNone(problems.get_sheet(0))  # not from a workbook

        # Workbooks: a scenario through .xlsx comes back the same; the
        # template loads; a file that is no workbook is refused.
        s.save_xlsx(os.path.join(folder, "s.xlsx"))
        self.assertEqual(Sm.scenario_load_workbook(
            os.path.join(folder, "s.xlsx"), None).checksum(), s.checksum())
        e = error_of(Sm.scenario_load_workbook,
                     os.path.join(folder, "s.json"), None)
        self.assertEqual(e.domain, "sm-error-quark")
        template = Sm.Scenario.new_template()
        self.assertGreater(template.get_n_employees(), 0)
        self.assertIn("function", Sm.template_readme())

        p = s.place()
        p.save_csv(os.path.join(folder, "placements.csv"),
                   Sm.CsvDelimiter.SEMICOLON)
        p.save_json(os.path.join(folder, "placements.json"))
        p.save_xlsx(os.path.join(folder, "placements.xlsx"))
        with open(os.path.join(folder, "placements.xlsx"), "rb") as f:
            self.assertEqual(f.read(2), b"PK")  # a zip, as .xlsx are
        Sm.report_write_html(p, os.path.join(folder, "report.html"))
        market, matching = p.get_market(), p.get_matching()
        Sm.instance_write_file(market, os.path.join(folder, "market.txt"))
        Sm.solution_write_file(matching, os.path.join(folder, "matching.txt"))
        text = Sm.instance_to_text(market)
        self.assertEqual(text, open(os.path.join(folder, "market.txt")).read())
        self.assertEqual(Sm.solution_to_text(matching),
                         open(os.path.join(folder, "matching.txt")).read())
        again = Sm.instance_read_data(text.encode())
        self.assertEqual(again.get_n_entries(), market.get_n_entries())
        self.assertEqual(
            Sm.instance_read_file(os.path.join(folder, "market.txt"))
            .get_n_employees(), 3)
        self.assertEqual(
            Sm.instance_read_file_threaded(
                os.path.join(folder, "market.txt"), 2).get_n_entries(),
            market.get_n_entries())
        back = Sm.solution_read_data(market,
                                     Sm.solution_to_text(matching).encode())
        self.assertTrue(back.equal(matching))
        self.assertTrue(Sm.solution_read_file(
            market, os.path.join(folder, "matching.txt")).equal(matching))

    def test_letters(self):
        p = small_scenario().place()
        opts = Sm.LetterOptions.new()
        opts.language = Sm.Language.ENGLISH
        opts.regime = Sm.Regime.EMPLOYMENT_LAW
        settings = Sm.LetterSettings.new()
        self.assertTrue(settings.is_default())
        settings.regime = Sm.Regime.EMPLOYMENT_LAW
        settings.set_texts("Employer", "the director", "J. Jansen", None,
                           None)
        settings.set_dates(Sm.Date.new(2021, 4, 1), None)
        self.assertTrue(settings.check())
        self.assertFalse(settings.is_default())
        opts.set_settings(settings)
        letter = Sm.letter_render(p, 1, opts)
        self.assertIn("the director", letter)
        self.assertIn("2021", letter)
        bad = settings.copy()
        bad.set_texts("two\nlines", None, None, None, None)
        e = error_of(bad.check)
        self.assertEqual(e.code, int(Sm.Error.INVALID_VALUE))
        s = small_scenario()
        s.set_letter_settings(settings)
        self.assertEqual(s.get_letter_settings().deciding_body,
                         "the director")
        self.assertIn("nl-public", Sm.letter_template_names())
        self.assertEqual(Sm.letter_template_from_name("en-employment"),
                         (True, Sm.Language.ENGLISH,
                          Sm.Regime.EMPLOYMENT_LAW))
        self.assertFalse(Sm.letter_template_from_name("fr-public")[0])
        merge = Sm.letter_mail_merge(p, opts, "letters")
        self.assertEqual(len(merge.splitlines()), 4)  # header + 3 people
        report_opts = Sm.ReportOptions.new()
        report_opts.language = Sm.Language.ENGLISH
        self.assertIn("upernumerary", Sm.report_summary_text_with(
            p, report_opts))
        self.assertIn("#", Sm.report_summary_markdown_with(p, report_opts))
        self.assertIn("<svg", Sm.report_html_with(p, report_opts))
        letters = Sm.letter_render_all(p, opts)
        self.assertEqual(letters[1], letter)
        got = []
        Sm.letter_render_each(p, opts,
                              lambda i, text, n, data: got.append((i, text))
                              or True, None)
        self.assertEqual([t for _, t in got], letters)
        opts.set_template_text("{{employee_id}}: {{#supernumerary}}S"
                               "{{/supernumerary}}\n")
        self.assertEqual(Sm.letter_render_all(p, opts.copy()),
                         ["E1: \n", "E2: S\n", "E3: S\n"])
        opts.set_template_text("{{nonsense}}")
        self.assertEqual(error_of(Sm.letter_render, p, 0, opts).code,
                         int(Sm.Error.PARSE))
        opts.set_template_text(None)
        Sm.letter_write_all(p, os.path.join(WORK, "letters"), opts)
        self.assertTrue(os.path.exists(os.path.join(WORK, "letters", "E2.txt")))
        self.assertIn("{{", Sm.letter_get_default_template(
            Sm.Language.DUTCH, Sm.Regime.PUBLIC_LAW))


class Market(unittest.TestCase):
    def test_build_solve_check(self):
        self.assertGreater(Sm.market_estimate_bytes(10, 2, 20), 0)
        self.assertGreater(Sm.Market.estimate_bytes(10, 2, 20), 0)
        b = Sm.MarketBuilder.new_with_budget(3, 2, 0)
        b.reserve(6)
        b.set_n_threads(2)  # the same market for any number
        b.set_seats(0, 1)
        b.set_seats(1, 2)
        b.set_target_seats(1, 1)
        for e in range(3):
            b.set_preferences(e, [0, 1])
        b.set_priorities(0, [2, 1, 0])
        b.set_priorities(1, [0, 1, 2])
        self.assertEqual(b.add_group([0, 1], 2), 0)
        market = b.build()
        self.assertEqual((market.get_n_employees(), market.get_n_positions(),
                          market.get_n_entries(), market.get_seats(1),
                          market.get_total_seats(), market.get_target_seats(1),
                          market.get_n_groups(), market.get_group_cap(0),
                          market.get_position_group(1)),
                         (3, 2, 6, 2, 3, 1, 1, 2, 0))
        self.assertEqual(market.get_group_positions(0), [0, 1])
        self.assertTrue(market.caps_bind())
        self.assertEqual(market.find_choice(0, 1), 1)
        edges = market.get_employee_edges(2)
        self.assertEqual([(x.target, x.rank) for x in edges], [(0, 0), (1, 2)])
        self.assertEqual([x.target for x in market.get_position_edges(0)],
                         [2, 1, 0])
        matching = market.solve(Sm.Side.EMPLOYEES)
        self.assertEqual(matching.get_assignment(), [1, -1, 0])
        self.assertEqual((matching.get_n_employees(),
                          matching.get_n_positions(), matching.get_position(2),
                          matching.get_choice(0), matching.get_n_placed(),
                          matching.get_cutoff(0), matching.get_held(1)),
                         (3, 2, 0, 1, 2, 0, [0]))
        self.assertGreater(matching.get_n_proposals(), 0)
        report = Sm.matching_check(market, matching)
        self.assertTrue(report.is_valid() and report.is_stable())
        self.assertEqual(report.get_blocking_pairs(), [])
        self.assertGreaterEqual(len(report.get_cap_excused_pairs()), 1)
        bad = Sm.Matching.new_from_assignment(market, [0, 0, 0])
        report = Sm.matching_check(market, bad)
        self.assertFalse(report.is_valid())
        kinds = [v.kind for v in report.get_violations()]
        self.assertIn(Sm.ViolationKind.OVER_SEATS, kinds)
        self.assertIn(Sm.ViolationKind.OVER_CAP, kinds)
        e = error_of(Sm.Matching.new_from_assignment, market, [0])
        self.assertEqual(e.code, int(Sm.Error.INVALID_SIZE))
        e = error_of(market.solve, Sm.Side.POSITIONS)
        self.assertEqual(e.code, int(Sm.Error.INFEASIBLE))
        self.assertTrue(Sm.version().startswith("0."))

    def test_ties(self):
        b = Sm.MarketBuilder.new(3, 1)
        for e in range(3):
            b.set_preferences(e, [0])
        b.set_tied_priorities(0, [2, 0, 1], [0, 0, 1])
        market = b.build()
        self.assertTrue(market.has_ties())
        self.assertEqual([market.get_tie_class(0, r) for r in range(3)],
                         [0, 0, 1])
        self.assertEqual(market.get_n_tie_classes(0), 2)
        text = Sm.instance_to_text(market)
        self.assertTrue(text.startswith("hr-instance 2\n"))
        self.assertIn("\nP 0 (2 0) 1\n", text)
        self.assertTrue(Sm.instance_read_data(text.encode()).has_ties())
        # 0 is tied with 2, so 0 holding the seat is weakly stable.
        swapped = Sm.Matching.new_from_assignment(market, [0, -1, -1])
        self.assertTrue(Sm.matching_check(market, swapped).is_stable())
        s = small_scenario()
        tied = s.compile_with_ties()
        self.assertEqual(tied.get_n_entries(),
                         s.place().get_market().get_n_entries())


class BuiltInCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.out = os.path.join(WORK, "boh")
        shutil.rmtree(cls.out, ignore_errors=True)
        subprocess.run([TOOL, "demo", "--out", cls.out], check=True,
                       stdout=subprocess.DEVNULL)

    def test_placements_csv_identical_to_the_tool(self):
        s = Sm.scenario_load(os.path.join(self.out, "scenario"), None)
        p = s.place()
        mine = os.path.join(WORK, "python-placements.csv")
        p.save_csv(mine, Sm.CsvDelimiter.SEMICOLON)
        self.assertTrue(filecmp.cmp(mine, os.path.join(self.out,
                                                       "placements.csv"),
                                    shallow=False))
        self.assertGreater(s.get_n_employees(), 400)

    def test_one_liner(self):
        docs = open(DOCS, encoding="utf-8").read()
        self.assertIn(ONE_LINER, docs, "docs/bindings.md shows another command")
        python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") \
            else sys.executable
        run = subprocess.run(ONE_LINER.replace("python3", python, 1),
                             shell=True, cwd=WORK, check=True,
                             capture_output=True, text=True)
        self.assertRegex(run.stdout, r"^\d+ employees placed\n$")
        self.assertTrue(filecmp.cmp(os.path.join(WORK, "placements.csv"),
                                    os.path.join(self.out, "placements.csv"),
                                    shallow=False))


class Leaks(unittest.TestCase):
    def test_heap_does_not_grow(self):
        libc = ctypes.CDLL("libc.so.6")

        class MallInfo2(ctypes.Structure):
            _fields_ = [(n, ctypes.c_size_t) for n in (
                "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks",
                "fsmblks", "uordblks", "fordblks", "keepcost")]

        libc.mallinfo2.restype = MallInfo2

        def one_round():
            s = small_scenario()
            p = s.place()
            for i in range(s.get_n_employees()):
                p.get_outcome(i)
                s.get_employee(i)
                for k in range(p.get_n_refusals(i)):
                    refusal = p.get_refusal(i, k)[1]
                    Sm.refusal_to_sentence(p, i, refusal, Sm.Language.DUTCH)
            Sm.matching_check(p.get_market(), p.get_matching()).get_violations()
            issues = Sm.IssueList.new()
            s.validate(None, issues)
            problems = Sm.ProblemList.new()
            try:
                Sm.scenario_load_json_data(b"{}", None, problems)
            except GLib.Error:
                pass
            [problems.get(k) for k in range(problems.get_n())]
            Sm.letter_render(p, 1, Sm.LetterOptions.new())

        def in_use():
            gc.collect()
            return libc.mallinfo2().uordblks

        for _ in range(100):
            one_round()
        before = in_use()
        for _ in range(1000):
            one_round()
        grown = in_use() - before
        # What PyGObject and Python keep grows by about 20 bytes a round
        # (valgrind finds nothing lost in the library); leaking one name
        # per employee would add 3 strings, over 70 bytes a round.
        # Callbacks are left out: PyGObject 3.42 loses 48 bytes per call of
        # a (scope call) callback (g_callable_info_create_closure).
        self.assertLess(grown / 1000, 50, "heap grew by %d bytes" % grown)


class Coverage(unittest.TestCase):
    def test_every_function_called_here(self):
        ns = {"core": "http://www.gtk.org/introspection/core/1.0"}
        C = "{http://www.gtk.org/introspection/c/1.0}"
        namespace = ET.parse(GIR).getroot().find("core:namespace", ns)
        source = open(__file__, encoding="utf-8").read()
        missing = []
        for element in namespace.iter():
            tag = element.tag.split("}")[1]
            if tag not in ("function", "method", "constructor"):
                continue
            if element.get("introspectable") == "0" or element.get(
                    "shadowed-by"):
                continue
            name = element.get("shadows") or element.get("name")
            # Called (or handed to a call) as a method, or by its name in
            # the namespace.
            flat = element.get(C + "identifier")[len("sm_"):]
            if element.get("shadows"):
                flat = flat[: flat.rindex(element.get("name"))] + name
            if not re.search(r"\.(%s|%s)\b" % (name, flat), source):
                missing.append(flat)
        self.assertEqual(missing, [], "functions no test here calls: %s" % " ".join(missing))


if __name__ == "__main__":
    unittest.main(verbosity=2)
