/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* staffmatch: the names that files, reports and the tool give to the
 * values of public enums, and the pair of functions each enum gets.
 * Not installed.
 *
 * Every public enum users see has sm_<enum>_to_string() and
 * sm_<enum>_from_string(), declared in the header of the enum. Each layer
 * defines its enums' tables in its own enum-names.c, one NULL-terminated
 * table per enum with the names at the values' indices, and
 * SM_ENUM_NAMES_DEFINE turns a table into the two functions, so no writer
 * or reader keeps a copy. Writers call the public functions; readers that
 * list the known names in a message use the tables below.
 */
#pragma once

#include <glib.h>

/* The index of @text in the NULL-terminated @names, or -1. */
int sm_enum__find (const char *const *names, const char *text);

extern const char *const sm_enum__side_names[];
extern const char *const sm_enum__violation_kind_names[];
extern const char *const sm_enum__status_names[];
extern const char *const sm_enum__reason_names[];
extern const char *const sm_enum__filter_names[];
extern const char *const sm_enum__criterion_names[];
extern const char *const sm_enum__fit_names[];
extern const char *const sm_enum__direction_names[];
extern const char *const sm_enum__tie_breaking_names[];
extern const char *const sm_enum__granularity_names[];
extern const char *const sm_enum__reduction_names[];
extern const char *const sm_enum__organisation_kind_names[];
extern const char *const sm_enum__severity_names[];
extern const char *const sm_enum__language_names[];
extern const char *const sm_enum__regime_names[];
extern const char *const sm_enum__csv_delimiter_names[];

/* Defines the table sm_enum__<name>_names (the names given, then NULL)
 * and from it sm_<name>_to_string (Type) and sm_<name>_from_string (text,
 * Type *out). A value outside the table is a programmer error (a critical,
 * NULL); an unknown name is FALSE and leaves *out untouched. */
#define SM_ENUM_NAMES_DEFINE(name, Type, ...)                                  \
  const char *const sm_enum__##name##_names[] = { __VA_ARGS__, NULL };         \
  const char *sm_##name##_to_string (Type value)                               \
  {                                                                            \
    int n = (int) G_N_ELEMENTS (sm_enum__##name##_names) - 1;                  \
    g_return_val_if_fail ((int) value >= 0 && (int) value < n, NULL);          \
    return sm_enum__##name##_names[value];                                     \
  }                                                                            \
  gboolean sm_##name##_from_string (const char *text, Type *value_out)         \
  {                                                                            \
    g_return_val_if_fail (text != NULL, FALSE);                                \
    int k = sm_enum__find (sm_enum__##name##_names, text);                     \
    if (k < 0)                                                                 \
      return FALSE;                                                            \
    if (value_out != NULL)                                                     \
      *value_out = (Type) k;                                                   \
    return TRUE;                                                               \
  }
