// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Forkline {

// True when argv asks for the hidden runner or worker mode (see runnerMain).
bool isRunnerInvocation(int argc, char** argv);
// The entry point of a scenario process: `--fl-runner` runs `main`, `--fl-worker NAME` runs
// one process worker. Never returns (exits with the process's code).
[[noreturn]] void runnerMain(int argc, char** argv);

} // namespace Forkline
