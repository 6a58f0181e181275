// SPDX-License-Identifier: GPL-3.0-or-later
#include "autofold.h"

#include "tracemodel.h"

namespace Forkline {

QList<qint64> AutoFold::update(const TraceModel& model)
{
    QList<qint64> fold;
    if (model.laneCount() <= kManyLanes)
        return fold;
    for (const ProcessInfo& p : model.processes()) {
        if (int(p.lanes.size()) > kManyThreads && !m_folded.contains(p.pid)) {
            m_folded.insert(p.pid);
            fold.append(p.pid);
        }
    }
    return fold;
}

} // namespace Forkline
