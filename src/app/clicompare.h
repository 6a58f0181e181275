// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace Forkline {

// `forkline compare`: the one command that may need Widgets (its chart is a Qt Charts
// scene), so it lives beside the window rather than with list, run and render.
bool isCompareInvocation(int argc, char** argv);
int compareMain(int argc, char** argv);

} // namespace Forkline
