// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"
#include "clicompare.h"
#include "platform.h"
#include "runnermain.h"
#include "window/guimain.h"

#include <QtGlobal>

#if defined(Q_OS_WIN)
#include "windowsconsole.h"
#endif

int main(int argc, char** argv)
{
    // The same binary is the app, the command line, the runner and every process worker:
    // a run's process tree is made of real copies of this program.
    if (Forkline::isProbeInvocation(argc, argv))
        Forkline::probeMain();
    // Before Qt opens anything: no file of its own may take the number of a closed stdin.
    Forkline::guardStandardStreams();
    if (Forkline::isRunnerInvocation(argc, argv))
        Forkline::runnerMain(argc, argv);
    const bool compare = Forkline::isCompareInvocation(argc, argv);
    if (compare || Forkline::isCliInvocation(argc, argv)) {
#if defined(Q_OS_WIN)
        // Only for the command line: a window attached to a console would close with it.
        Forkline::attachParentConsole();
#endif
        return compare ? Forkline::compareMain(argc, argv) : Forkline::cliMain(argc, argv);
    }
    // An option the window does not take is said on the command line, before any window.
    if (!Forkline::launchOptionsAccepted(argc, argv)) {
#if defined(Q_OS_WIN)
        Forkline::attachParentConsole();
#endif
        return Forkline::launchErrorMain(argc, argv);
    }
    return Forkline::guiMain(argc, argv);
}
