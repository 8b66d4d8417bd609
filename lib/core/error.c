/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the SM_ERROR domain. */
#include <staffmatch/error.h>

/* clang-format off */
G_DEFINE_QUARK (sm-error-quark, sm_error)
/* clang-format on */
