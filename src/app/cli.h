// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Forkline {

// True when argv names a command-line mode (list, run, render, --help, --version); compare
// has its own entry (clicompare.h).
bool isCliInvocation(int argc, char** argv);
int cliMain(int argc, char** argv);

} // namespace Forkline
