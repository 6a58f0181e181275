// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Forkline {

// Opens the main window; returns the application's exit code.
int guiMain(int argc, char** argv);

} // namespace Forkline
