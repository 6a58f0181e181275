// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"
#include "clicompare.h"
#include "runnermain.h"
#include "window/guimain.h"

int main(int argc, char** argv)
{
    // The same binary is the app, the command line, the runner and every process worker:
    // a run's process tree is made of real copies of this program.
    if (Forkline::isProbeInvocation(argc, argv))
        Forkline::probeMain();
    if (Forkline::isRunnerInvocation(argc, argv))
        Forkline::runnerMain(argc, argv);
    if (Forkline::isCompareInvocation(argc, argv))
        return Forkline::compareMain(argc, argv);
    if (Forkline::isCliInvocation(argc, argv))
        return Forkline::cliMain(argc, argv);
    return Forkline::guiMain(argc, argv);
}
