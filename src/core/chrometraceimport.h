// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracemodel.h"

#include <QString>
#include <atomic>
#include <functional>

namespace Forkline {

// Events of a trace file that the model cannot show, by reason. None of them stops an import.
struct ChromeTraceSkips
{
    qint64 phase = 0; // a phase the timeline has no place for: samples, async, objects, marks ...
    qint64 metadata = 0; // metadata other than process/thread names (sort indexes, labels ...)
    qint64 noPid = 0; // no usable pid (a global instant, say): no lane to put it on
    qint64 badTime = 0; // no usable ts, an X without dur, a negative duration, an E before its B
    qint64 unmatched = 0; // an E without a B, a flow step or end without its start
    qint64 notObject = 0; // an element of traceEvents that is not an object
    qint64 total() const { return phase + metadata + noPid + badTime + unmatched + notObject; }
};

struct ChromeTraceImportResult
{
    TraceModel model; // empty unless ok()
    QString error; // one sentence naming the file (and the byte or event where known); empty when ok
    bool canceled = false;
    qint64 events = 0; // elements of traceEvents read
    ChromeTraceSkips skipped;
    qint64 unclosedSlices = 0; // B without E: kept, ending where the trace ends
    bool ok() const { return error.isEmpty() && !canceled; }
    // A sentence for a status bar about what was left out, and the slices that never ended
    // ("" when there is neither).
    QString skippedSummary() const;
};

// A trace may span at most this long: a century of 365.25-day years, so the difference of any
// two of its times fits a qint64 with room to spare. A longer one, or a time beyond qint64
// nanoseconds, is refused naming the event (docs/trace-import.md).
constexpr qint64 kNsPerYear = 31557600000000000LL;
constexpr int kMaxTraceYears = 100;
constexpr qint64 kMaxTraceSpanNs = kMaxTraceYears * kNsPerYear;

enum class JsonBackend {
    Auto, // simdjson when the build has it, else QtJson
    Simdjson,
    QtJson, // QJsonDocument, one event at a time: slower, works everywhere
};

struct ChromeTraceImportOptions
{
    // Called from the importing thread with 0..1, a few hundred times at most.
    std::function<void(double)> progress;
    // Either stops the import at the next check (every few MB or every few thousand
    // items while the model is assembled); the result is then canceled, with an error.
    const std::atomic<bool>* cancel = nullptr;
    std::function<bool()> isCanceled; // e.g. [&promise] { return promise.isCanceled(); }
    // Files larger than this are refused before anything is read.
    qint64 maxFileSize = qint64(2) << 30;
    JsonBackend backend = JsonBackend::Auto;
    // Threads that parse events: 0 for two where the machine has more than one core (the
    // importing thread and a helper), 1 for the importing thread alone. The result is the same.
    int parseThreads = 0;
};

// Reads a Chrome Trace Event file ({"traceEvents": [...]} or a bare array; ours or another
// tool's) into a model. Thread-safe and self-contained, so the GUI can run it with
//   QtConcurrent::run([path](QPromise<ChromeTraceImportResult>& promise) {
//       ChromeTraceImportOptions o;
//       o.progress = [&promise](double p) { promise.setProgressValue(int(p * 1000)); };
//       o.isCanceled = [&promise] { return promise.isCanceled(); };
//       promise.addResult(importChromeTrace(path, o));
//   });
// (setProgressRange(0, 1000) first). Memory stays near the size of the model: the file is
// read in blocks of a few MB, never whole. Our own files come back exactly: export ->
// import -> export gives the same bytes. Mapping, limits and errors: docs/trace-import.md.
ChromeTraceImportResult importChromeTrace(const QString& path, const ChromeTraceImportOptions& options = {});
// The same for bytes in memory; `name` stands for the file in error sentences.
ChromeTraceImportResult importChromeTraceData(
    const QByteArray& data, const QString& name, const ChromeTraceImportOptions& options = {});

// Convenience: on success replaces *model and returns true; on failure leaves *model as it
// was and puts the sentence in *error.
bool loadChromeTrace(const QString& path, TraceModel* model, QString* error);

bool chromeTraceSimdjsonAvailable();

} // namespace Forkline
