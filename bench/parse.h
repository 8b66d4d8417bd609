/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sm-bench parse: the speed of reading an instance file, the text apart
 * from the build (parse.c). */
#pragma once

/* `sm-bench parse FILE [--threads T] [--rounds R]`: argv holds what
 * follows the command. Prints one key=value line per round and a summary
 * line to stdout; returns the exit status (0, 1 when the file cannot be
 * read, 2 on a usage error). */
int sm_bench_parse (int argc, char **argv);
