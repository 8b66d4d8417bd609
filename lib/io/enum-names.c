/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the names of the io layer's enums. See
 * core/enum-names-private.h. */

#include <staffmatch/io.h>

#include "core/enum-names-private.h"

SM_ENUM_NAMES_DEFINE (csv_delimiter, SmCsvDelimiter, "semicolon", "comma")
