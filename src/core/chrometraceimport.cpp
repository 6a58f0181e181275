// SPDX-License-Identifier: GPL-3.0-or-later
#include "chrometraceimport.h"

#include "chrometracebuilder.h"
#include "gzipreader.h"
#include "rawtraceevent.h"
#include "spliteventparser.h"
#include "traceblockreader.h"
#include "traceeventframer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <algorithm>
#include <cstring>

namespace Forkline {

namespace {

// lupdate files the tr() of a function outside any class under its namespace: "Forkline".
QString tr(const char* s, int n = -1)
{
    return QCoreApplication::translate("Forkline", s, nullptr, n);
}

using ReadFn = TraceBlockReader::ReadFn;

QString gib(qint64 bytes)
{
    return QString::number(double(bytes) / double(qint64(1) << 30), 'f', bytes % (qint64(1) << 30) ? 2 : 0);
}

QString withoutFinalStop(QString s)
{
    while (s.endsWith(QLatin1Char('.')))
        s.chop(1);
    return s;
}

std::unique_ptr<TraceEventParser> makeOneParser(JsonBackend backend)
{
    if (backend == JsonBackend::QtJson)
        return makeQtJsonEventParser();
    std::unique_ptr<TraceEventParser> parser = makeSimdjsonEventParser();
    if (!parser && backend == JsonBackend::Auto)
        parser = makeQtJsonEventParser();
    return parser;
}

int parseThreads(const ChromeTraceImportOptions& options)
{
    return options.parseThreads > 0 ? options.parseThreads : QThread::idealThreadCount();
}

std::unique_ptr<TraceEventParser> makeParser(const ChromeTraceImportOptions& options)
{
    std::unique_ptr<TraceEventParser> parser = makeOneParser(options.backend);
    if (!parser || parseThreads(options) < 2)
        return parser;
    // Parsing is most of an import; the model is built in file order on this thread.
    return std::make_unique<SplitEventParser>(std::move(parser), makeOneParser(options.backend));
}

// Over 80 lines on purpose: the loop of an import over the blocks the reader reads and frames,
// parsed into the model, with the cancel, progress and error exits that each step may take, kept
// in the order they run.
ChromeTraceImportResult importFrom(const QString& name, qint64 expectedSize, const ReadFn& read,
    const std::function<QString()>& readError, const ChromeTraceImportOptions& options,
    const std::function<qint64()>& position = {})
{
    auto failed = [](const QString& error) {
        ChromeTraceImportResult r;
        r.error = error;
        return r;
    };
    auto stop = [&options] {
        return (options.cancel && options.cancel->load(std::memory_order_relaxed))
            || (options.isCanceled && options.isCanceled());
    };
    auto canceled = [&] {
        ChromeTraceImportResult r = failed(tr("Opening %1 was canceled.").arg(name));
        r.canceled = true;
        return r;
    };
    double reported = -1;
    auto progress = [&](double p) {
        // A few hundred calls at most, whatever the size of the file.
        if (options.progress && (p - reported >= 0.004 || (p >= 1.0 && reported < 1.0))) {
            reported = p;
            options.progress(p);
        }
    };

    const std::unique_ptr<TraceEventParser> parser = makeParser(options);
    if (!parser)
        return failed(tr("Cannot open %1: this build of Forkline has no simdjson parser.").arg(name));

    ChromeTraceBuilder builder;
    // Reading and framing run a block ahead on a thread of their own where parsing has two. The
    // reader's buffers go before the model is finished.
    auto reader = std::make_unique<TraceBlockReader>(
        read, readError, position, expectedSize, options.maxFileSize, parseThreads(options) > 1);
    progress(0);
    for (;;) {
        if (stop())
            return canceled();
        const TraceBlockReader::Block& block = reader->next();
        if (block.readFailed)
            return failed(tr("Cannot read %1: %2.").arg(name, block.readError));
        if (block.tooLarge)
            return failed(tr("Cannot open %1: it is larger than %2 GiB, the most Forkline opens.")
                              .arg(name, gib(options.maxFileSize)));
        const std::vector<EventRange>& ranges = block.ranges;
        EventParseError parseError;
        const bool parsed = ranges.empty() || parser->parse(block.data, ranges, block.offset, &builder, &parseError);
        // Events are applied in order, so a refused one comes before any malformed one after it.
        if (builder.refused())
            return failed(
                tr("%1, byte %2: %3.").arg(name, QString::number(builder.refusalOffset()), builder.refusal()));
        if (!parsed) {
            const EventRange& bad = ranges[parseError.range];
            // Multi-argument arg(): a % in the file's name must not be taken for a marker.
            return failed(tr("%1, byte %2: traceEvents[%3] is not valid JSON (%4).")
                              .arg(name, QString::number(block.offset + qint64(bad.offset + parseError.offset)),
                                  QString::number(bad.index), withoutFinalStop(parseError.message)));
        }
        if (block.status == TraceEventFramer::Status::Error)
            return failed(tr("%1, byte %2: %3.")
                              .arg(name, QString::number(block.offset + qint64(block.errorPos)), block.errorText));
        if (block.bytes == 0)
            break;
        if (expectedSize > 0)
            progress(0.9 * std::min(1.0, double(block.position) / double(expectedSize)));
    }

    builder.skipped().notObject = reader->nonObjects();
    const qint64 elements = reader->elements();
    reader.reset();
    if (!builder.finish(stop, [&](double p) { progress(0.9 + 0.1 * p); }))
        return canceled();
    ChromeTraceImportResult result;
    result.model = builder.takeModel();
    result.events = elements;
    result.skipped = builder.skipped();
    result.unclosedSlices = builder.unclosedSlices();
    progress(1.0);
    return result;
}

} // namespace

QString ChromeTraceImportResult::skippedSummary() const
{
    const qint64 n = skipped.total();
    // A B without its E is drawn to the end of the trace: said, not done silently.
    // The count is worked out first: lupdate's parser loops forever on a template call among
    // translate()'s arguments.
    const int unclosedCount = int(std::min<qint64>(unclosedSlices, INT_MAX));
    const QString unclosed = unclosedSlices == 0
        ? QString()
        : QCoreApplication::translate(
            "Forkline", "Slices without an end: %n, drawn to the end of the trace.", nullptr, unclosedCount);
    if (n == 0)
        return unclosed;
    QStringList why;
    // A member function: lupdate would file a plain tr() here under the class, not under
    // "Forkline" where the wrapper looks, so these name their context.
    auto reason = [&why](qint64 count, const char* text) {
        const int shown = int(std::min<qint64>(count, INT_MAX));
        if (count > 0)
            why << QCoreApplication::translate("Forkline", text, nullptr, shown);
    };
    reason(skipped.phase, QT_TRANSLATE_N_NOOP("Forkline", "%n of a kind the timeline cannot show"));
    reason(skipped.metadata, QT_TRANSLATE_N_NOOP("Forkline", "%n metadata other than names"));
    reason(skipped.noPid, QT_TRANSLATE_N_NOOP("Forkline", "%n without a process id"));
    reason(skipped.badTime, QT_TRANSLATE_N_NOOP("Forkline", "%n without a usable time or duration"));
    reason(skipped.unmatched, QT_TRANSLATE_N_NOOP("Forkline", "%n ends without a beginning"));
    reason(skipped.notObject, QT_TRANSLATE_N_NOOP("Forkline", "%n not objects"));
    const int leftOut = int(std::min<qint64>(n, INT_MAX));
    const QString left = QCoreApplication::translate("Forkline", "Left out %n of %1 events: %2.", nullptr, leftOut)
                             .arg(QString::number(events), why.join(QStringLiteral(", ")));
    return unclosed.isEmpty() ? left : left + QLatin1Char(' ') + unclosed;
}

ChromeTraceImportResult importChromeTrace(const QString& path, const ChromeTraceImportOptions& options)
{
    const QString name = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    ChromeTraceImportResult refused;
    if (!info.exists()) {
        refused.error = tr("Cannot open %1: there is no such file.").arg(name);
        return refused;
    }
    if (info.isDir()) {
        refused.error = tr("Cannot open %1: it is a folder, not a trace file.").arg(name);
        return refused;
    }
    // Refuse before reading a byte: a file this big would not fit the model in memory anyway.
    if (info.isFile() && info.size() > options.maxFileSize) {
        refused.error = tr("Cannot open %1: it is %2 GiB, larger than %3 GiB, the most Forkline opens.")
                            .arg(name, gib(info.size()), gib(options.maxFileSize));
        return refused;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        refused.error = tr("Cannot open %1: %2.").arg(name, file.errorString());
        return refused;
    }
    const ReadFn raw = [&file](char* to, qint64 max) { return file.read(to, max); };
    const QByteArray head = file.peek(2);
    if (!GzipReader::looksLikeGzip(head.constData(), head.size()))
        return importFrom(
            name, info.isFile() ? info.size() : 0, raw, [&file] { return file.errorString(); }, options);
    // Gzipped whatever the file is called (.json.gz, .gz, or a .json that a tool compressed).
    if (!GzipReader::available()) {
        refused.error
            = tr("Cannot open %1: it is compressed with gzip, which this build of Forkline cannot read.").arg(name);
        return refused;
    }
    GzipReader gzip(raw);
    return importFrom(
        name, info.isFile() ? info.size() : 0, [&gzip](char* to, qint64 max) { return gzip.read(to, max); },
        [&] { return gzip.error().isEmpty() ? file.errorString() : gzip.error(); }, options,
        [&gzip] { return gzip.compressedRead(); });
}

ChromeTraceImportResult importChromeTraceData(
    const QByteArray& data, const QString& name, const ChromeTraceImportOptions& options)
{
    if (data.size() > options.maxFileSize) {
        ChromeTraceImportResult refused;
        refused.error = tr("Cannot open %1: it is %2 GiB, larger than %3 GiB, the most Forkline opens.")
                            .arg(name, gib(data.size()), gib(options.maxFileSize));
        return refused;
    }
    qint64 at = 0;
    return importFrom(
        name, data.size(),
        [&](char* to, qint64 max) {
            const qint64 n = std::min(max, qint64(data.size()) - at);
            std::memcpy(to, data.constData() + at, size_t(n));
            at += n;
            return n;
        },
        [] { return QString(); }, options);
}

bool loadChromeTrace(const QString& path, TraceModel* model, QString* error)
{
    ChromeTraceImportResult result = importChromeTrace(path);
    if (!result.ok()) {
        *error = result.error;
        return false;
    }
    *model = std::move(result.model);
    return true;
}

bool chromeTraceSimdjsonAvailable()
{
#if defined(FORKLINE_HAVE_SIMDJSON)
    return true;
#else
    return false;
#endif
}

} // namespace Forkline
