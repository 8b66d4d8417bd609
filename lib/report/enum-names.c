/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the names of the report layer's enums, as the tool's
 * options and the manifest write them. See core/enum-names-private.h. */

#include <staffmatch/letter.h>

#include "core/enum-names-private.h"

SM_ENUM_NAMES_DEFINE (language, SmLanguage, "nl", "en")

SM_ENUM_NAMES_DEFINE (regime, SmRegime, "public", "employment")
