// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSet>

namespace Forkline {

class TraceModel;

// Which processes a window folds by itself. A run of 10,000 threads is ten thousand rows,
// most of them alike: once a run has more than kManyLanes lanes, each process with more than
// kManyThreads threads starts folded to its header (a bar of when it lived), and a click
// opens it. Each process is decided once, so one that the person opens stays open while the
// run goes on and when the finished run's model replaces the live one.
class AutoFold
{
public:
    static constexpr int kManyLanes = 300;
    static constexpr int kManyThreads = 10;

    // The pids of `model` to fold now (none twice).
    QList<qint64> update(const TraceModel& model);

private:
    QSet<qint64> m_folded;
};

} // namespace Forkline
