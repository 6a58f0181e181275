// SPDX-License-Identifier: GPL-3.0-or-later
// A scenario's "workers": the limits on threads and processes, unique names, and the groups
// that a worker entry with "count" stands for.
#include "scenariosteps_p.h"

#include <QCoreApplication>
#include <algorithm>

namespace Forkline {

namespace {

// lupdate files the tr() of a function outside any class under its namespace: "Forkline".
QString tr(const char* s)
{
    return QCoreApplication::translate("Forkline", s);
}

// Worker and group names share one space: a step names either.
bool claimName(StepParser& p, const JsonValue& w, const QString& name, Scenario* out)
{
    if (out->workerIndexes.contains(name) || out->group(name))
        return p.fail(w, tr("two workers are named \"%1\"").arg(name));
    return true;
}

bool addWorker(StepParser& p, const JsonValue& w, WorkerSpec spec, Scenario* out)
{
    if (!claimName(p, w, spec.name, out))
        return false;
    out->workerIndexes.insert(spec.name, int(out->workers.size()));
    out->workers.push_back(std::move(spec));
    return true;
}

// NAME-1..NAME-N, each a copy of the entry; the group keeps where they are.
bool addGroup(StepParser& p, const JsonValue& w, const WorkerSpec& spec, qint64 count, Scenario* out)
{
    if (!claimName(p, w, spec.name, out))
        return false;
    out->groups.push_back({ spec.name, int(out->workers.size()), int(count) });
    for (qint64 i = 1; i <= count; ++i) {
        WorkerSpec member = spec;
        member.name = spec.name + QLatin1Char('-') + QString::number(i);
        if (!spec.label.isEmpty())
            member.label = spec.label + QLatin1Char('-') + QString::number(i);
        member.group = spec.name;
        if (!addWorker(p, w, std::move(member), out))
            return false;
    }
    return true;
}

} // namespace

bool parseWorkers(StepParser& p, const JsonValue& ws, Scenario* out,
    const std::function<bool(const JsonValue&, WorkerSpec*, qint64*)>& readWorker)
{
    if (!ws.isArray())
        return p.fail(ws, tr("\"workers\" must be an array"));
    int used[2] = { 0, 0 }; // threads, processes
    for (const JsonValue& w : ws.array) {
        WorkerSpec spec;
        qint64 count = 0;
        if (!readWorker(w, &spec, &count))
            return false;
        const bool thread = spec.kind == WorkerSpec::Kind::Thread;
        const int limit = thread ? kMaxThreadWorkers : kMaxProcessWorkers;
        int& n = used[thread ? 0 : 1];
        if (n + std::max<qint64>(count, 1) > limit) {
            const JsonValue* at = w.member(QStringLiteral("count"));
            return p.fail(at ? *at : w,
                thread ? tr("too many thread workers (at most %1 in a scenario)").arg(limit)
                       : tr("too many process workers (at most %1 in a scenario)").arg(limit));
        }
        n += int(std::max<qint64>(count, 1));
        if (!(count ? addGroup(p, w, spec, count, out) : addWorker(p, w, std::move(spec), out)))
            return false;
    }
    return true;
}

std::vector<int> namedWorkers(const Scenario& sc, const QString& name)
{
    if (const int i = sc.workerIndex(name); i >= 0)
        return { i };
    std::vector<int> members;
    if (const Scenario::Group* g = sc.group(name)) {
        for (int i = 0; i < g->count; ++i)
            members.push_back(g->first + i);
    }
    return members;
}

} // namespace Forkline
