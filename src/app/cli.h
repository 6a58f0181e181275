// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Forkline {

// True when argv names a command-line mode (list, run, render, help, --help, --version), or
// starts with a word that is no command and no file (a typo, a file that is not there): the
// command line then says so, and no window opens. compare has its own entry (clicompare.h),
// options the window does not take are the window's to refuse (guimain.h).
bool isCliInvocation(int argc, char** argv);
int cliMain(int argc, char** argv);
// cliMain() once the application is there: `arguments` as QCoreApplication::arguments().
int cliCommand(const QStringList& arguments);

} // namespace Forkline
