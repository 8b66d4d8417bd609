/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: symbol visibility. Only functions marked SM_API are exported
 * from the shared library; everything else stays internal. */
#pragma once

#if defined(_WIN32) || defined(__CYGWIN__)
#if defined(SM_COMPILATION) && !defined(SM_STATIC)
#define SM_API __declspec(dllexport)
#else
#define SM_API
#endif
#elif defined(__GNUC__)
#define SM_API __attribute__ ((visibility ("default")))
#else
#define SM_API
#endif
