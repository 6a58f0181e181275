// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

class QIODevice;

namespace Forkline {

class TraceModel;

// Writes the model as a Chrome Trace Event file ({"traceEvents": [...]}, see
// ARCHITECTURE.md). Open spans are written up to the model's end time. Deterministic:
// the same model always gives the same bytes.
bool writeChromeTrace(const TraceModel& model, QIODevice* out);
QByteArray chromeTrace(const TraceModel& model);

// One row per span: pid,tid,worker,state,start_us,end_us,duration_us.
bool writeSpansCsv(const TraceModel& model, QIODevice* out);

// Saves to a file; on failure returns false with a sentence in `error`.
bool saveChromeTrace(const TraceModel& model, const QString& path, QString* error);
bool saveSpansCsv(const TraceModel& model, const QString& path, QString* error);

} // namespace Forkline
