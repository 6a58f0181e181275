// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineexport.h"

#include "tracemodel.h"

namespace Forkline {

bool exportTimeline(const TraceModel&, const QString& path, const ImageExportOptions&, QString* error)
{
    *error = QStringLiteral("cannot draw %1 yet").arg(path);
    return false;
}

} // namespace Forkline
