/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the umbrella header; includes every public header. */
#pragma once

#include <staffmatch/version.h>
#include <staffmatch/export.h>
#include <staffmatch/error.h>
#include <staffmatch/market.h>
#include <staffmatch/matching.h>
#include <staffmatch/solve.h>
#include <staffmatch/check.h>
#include <staffmatch/instance.h>
#include <staffmatch/solution.h>
#include <staffmatch/date.h>
#include <staffmatch/priority.h>
#include <staffmatch/scenario.h>
#include <staffmatch/placement.h>
#include <staffmatch/validate.h>
#include <staffmatch/explain.h>
#include <staffmatch/io.h>
#include <staffmatch/workbook.h>
#include <staffmatch/report.h>
#include <staffmatch/letter.h>
#include <staffmatch/simulation.h>
#include <staffmatch/export-ties.h>
#include <staffmatch/types.h>
#include <staffmatch/bindings.h>
