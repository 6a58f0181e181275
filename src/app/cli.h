// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Forkline {

// True when argv names a command-line mode (list, run, render, compare, --help, --version).
bool isCliInvocation(int argc, char** argv);
int cliMain(int argc, char** argv);

} // namespace Forkline
