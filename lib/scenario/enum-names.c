/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the names of the scenario layer's enums, as the scenario
 * and placement files, the reports and the tool write them. See
 * core/enum-names-private.h. */

#include <staffmatch/explain.h>
#include <staffmatch/placement.h>
#include <staffmatch/priority.h>
#include <staffmatch/scenario.h>
#include <staffmatch/validate.h>

#include "core/enum-names-private.h"

SM_ENUM_NAMES_DEFINE (status, SmStatus, "placed", "follows-work",
                      "supernumerary", "manual")

SM_ENUM_NAMES_DEFINE (reason, SmReason, "not-eligible", "full", "cap", "manual",
                      "reflection", "manual-seat")

SM_ENUM_NAMES_DEFINE (filter, SmFilter, "none", "grade", "fit",
                      "qualifications")

SM_ENUM_NAMES_DEFINE (criterion, SmCriterion, "fit", "same-grade",
                      "committee-score", "service", "age", "travel")

SM_ENUM_NAMES_DEFINE (fit, SmFit, "same", "interchangeable", "suitable",
                      "reasonable", "none")

SM_ENUM_NAMES_DEFINE (direction, SmDirection, "high", "low")

SM_ENUM_NAMES_DEFINE (tie_breaking, SmTieBreaking, "single", "per-position")

SM_ENUM_NAMES_DEFINE (granularity, SmGranularity, "days", "months", "years")

SM_ENUM_NAMES_DEFINE (reduction, SmReduction, "priority", "reflection")

SM_ENUM_NAMES_DEFINE (organisation_kind, SmOrganisationKind, "receiving",
                      "default")

SM_ENUM_NAMES_DEFINE (severity, SmSeverity, "warning", "error")
