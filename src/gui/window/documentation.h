// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Forkline {

// Where the documentation that comes with the program is: README.md with docs/ beside it,
// installed to share/doc/forkline (CMAKE_INSTALL_DOCDIR) and copied there in the build tree.
// Found relative to the program, so it reads offline wherever the program was put.
namespace Documentation {

// README.md's absolute path, looked for from `programDir` (by default the running program's
// folder); empty when there is none.
QString readme(const QString& programDir = {});
// The same documents on the project's site, for a program without its files.
QString onlineReadme();

} // namespace Documentation
} // namespace Forkline
