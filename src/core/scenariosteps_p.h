// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jsonvalue.h"
#include "scenario.h"

#include <functional>

namespace Forkline {

// What the step parsers need from the loader: its error reporting and member checks.
struct StepParser
{
    std::function<bool(const JsonValue& at, const QString& message)> fail;
    std::function<bool(const JsonValue& obj, const QStringList& allowed, const QString& what)> checkKeys;
    // Names of shared values used by load/store, checked once the whole file is read.
    std::vector<std::pair<QString, const JsonValue*>> sharedUses;
};

// The step kinds of the data lessons (compute, locks, queues, shared values, memory).
QStringList dataStepKinds();
// Parses one of dataStepKinds(); `arg` is the value of the member that names the kind.
bool parseDataStep(StepParser& parser, const QString& kind, const JsonValue& s, const JsonValue& arg, Step* step);
// Top-level members of the data lessons: gil, switch_interval, shared, compare.
bool parseDataMembers(StepParser& parser, const JsonValue& root, Scenario* out);

} // namespace Forkline
