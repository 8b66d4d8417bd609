/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the SM_ERROR domain. */
#include <staffmatch/error.h>

G_DEFINE_QUARK (sm-error-quark, sm_error)
