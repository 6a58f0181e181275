// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Forkline {

// forkline.exe is a GUI-subsystem program (no console window opens behind the app), so when it
// is typed in a console it has none: this borrows the parent's console for the streams that
// are not already redirected to a pipe or a file, and makes it show UTF-8 (Korean) text.
// Windows only; does nothing when started from Explorer.
void attachParentConsole();

} // namespace Forkline
