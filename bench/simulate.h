/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* sm-bench: the speed of simulated lottery draws (simulate.c). */
#pragma once

/* `sm-bench simulate [--quick]`: argv holds the options after the
 * command. Prints one key=value line per case to stdout; returns the exit
 * status (0, 1 when a case fails, 2 on a usage error). */
int sm_bench_simulate (int argc, char **argv);
