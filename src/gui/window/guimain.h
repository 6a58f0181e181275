// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Forkline {

// Opens the main window; returns the application's exit code.
int guiMain(int argc, char** argv);
// Whether the window takes every option and file on the line (LaunchOptions).
bool launchOptionsAccepted(int argc, char** argv);
// Says on stderr, in the user's language, what the window does not take; returns 2.
int launchErrorMain(int argc, char** argv);

} // namespace Forkline
