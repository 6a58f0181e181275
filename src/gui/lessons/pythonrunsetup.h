// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "collector.h"

#include <QString>

namespace Forkline {

struct Scenario;

// What Run does with a lesson that is a Python program: its file written out if it is a
// built-in one, checked with the chosen interpreter (PythonLauncher), started in its own
// folder. On failure `error` is the one line the message bar shows (a SyntaxError as
// "FILE:LINE:COL: SyntaxError: ...").
bool preparePythonRun(const Scenario& scenario, const QString& interpreter, Collector::Launch* launch, QString* note,
    QString* error, bool* gilEnabled = nullptr);

} // namespace Forkline
