// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jsonvalue.h"
#include "scenario.h"

#include <QSet>
#include <functional>

namespace Forkline {

// What the step parsers need from the loader: its error reporting and member checks.
struct StepParser
{
    std::function<bool(const JsonValue& at, const QString& message)> fail;
    std::function<bool(const JsonValue& obj, const QStringList& allowed, const QString& what)> checkKeys;
    // Names of shared values used by load/store, checked once the whole file is read.
    std::vector<std::pair<QString, const JsonValue*>> sharedUses;
    // The process worker whose steps the loader is reading ("" elsewhere).
    QString processWorker;
    qint64 processCopies = 1; // how many processes run those steps (a worker group's count)
    // alloc steps, and touch steps of process workers, in file order: their total is capped
    // once the whole file is read (sizes of buffers allocated further down are known then).
    struct MemoryUse
    {
        QString buffer;
        qint64 mib = 0; // alloc: its size; touch: 0, the buffer's size is counted
        QString worker; // touch: the process worker that gets a copy
        const JsonValue* at = nullptr;
        qint64 copies = 1; // touch: how many processes of that name (a group's count)
    };
    std::vector<MemoryUse> memoryUses;
    // send and recv steps, checked against the pipes once the whole file is read.
    struct ChannelUse
    {
        QString name;
        bool send = false;
        bool timeout = false;
        const JsonValue* at = nullptr;
    };
    std::vector<ChannelUse> channelUses;
};

// True when the name of member i of `obj` came earlier in it. Called for i = 0, 1, 2, ... with
// the same `seen`: a step's few members are compared by looking back, bigger objects go through
// the hash, so loading stays linear in the size of the file.
bool repeatedMember(const JsonValue& obj, size_t i, QSet<QString>* seen);

// The step kinds of the data lessons (compute, locks, queues, shared values, memory).
QStringList dataStepKinds();
// Parses one of dataStepKinds(); `arg` is the value of the member that names the kind.
bool parseDataStep(StepParser& parser, const QString& kind, const JsonValue& s, const JsonValue& arg, Step* step);
// Top-level members of the data lessons: gil, switch_interval, shared, compare.
bool parseDataMembers(StepParser& parser, const JsonValue& root, Scenario* out);
// "pipes" and "process_locks", and the send and recv steps that use a pipe's ends
// (scenariochannels.cpp).
bool parseChannelMembers(StepParser& parser, const JsonValue& root, Scenario* out);
// The total of the scenario's buffers (kMaxAllocTotalMiB), once the whole file is read.
bool checkMemoryTotal(StepParser& parser);
// "workers": each entry read by `readWorker` (its spec, and its "count", 0 when it has none),
// then kept to kMaxThreadWorkers and kMaxProcessWorkers, its name checked unique among
// workers and groups, and a group expanded into its members (scenarioworkers.cpp).
bool parseWorkers(StepParser& parser, const JsonValue& ws, Scenario* out,
    const std::function<bool(const JsonValue&, WorkerSpec*, qint64*)>& readWorker);
// The workers a step's name stands for: one, every member of a group, or none.
std::vector<int> namedWorkers(const Scenario& sc, const QString& name);

} // namespace Forkline
