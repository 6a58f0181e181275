// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Forkline {

// `--fl-probe-start`: prints the monotonic clock at the program's first moment and exits.
// forkline-bench spawns it as the plainest possible process start, to compare with ours.
bool isProbeInvocation(int argc, char** argv);
[[noreturn]] void probeMain();

// True when argv asks for the hidden runner or worker mode (see runnerMain).
bool isRunnerInvocation(int argc, char** argv);
// The entry point of a scenario process: `--fl-runner` runs `main`, `--fl-worker NAME` runs
// one process worker. Never returns (exits with the process's code).
[[noreturn]] void runnerMain(int argc, char** argv);

} // namespace Forkline
