// SPDX-License-Identifier: GPL-3.0-or-later
// Opening trace files that are broken, odd or huge: a clear sentence or a counted skip,
// never a crash or a hang; the caller's model stays as it was; progress and cancel work.
#include "chrometrace.h"
#include "chrometraceimport.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QTest>
#include <thread>

using namespace Forkline;

namespace {

QList<JsonBackend> backends()
{
    QList<JsonBackend> list { JsonBackend::QtJson };
    if (chromeTraceSimdjsonAvailable())
        list.prepend(JsonBackend::Simdjson);
    return list;
}

const char* backendName(JsonBackend b)
{
    return b == JsonBackend::QtJson ? "qtjson" : "simdjson";
}

// A model the caller already has open.
TraceModel openModel()
{
    TraceModel m;
    m.title = QStringLiteral("already open");
    const int lane = m.ensureLane(1, 1);
    m.lane(lane).name = QStringLiteral("main");
    m.addSpan(lane, { 0, 1000, State::Running });
    m.addInstant(lane, 1000, InstantKind::End);
    return m;
}

// A few MB of events on a handful of lanes, for progress and cancel.
QByteArray manyEvents(int count)
{
    QByteArray out = "{\"traceEvents\":[\n";
    for (int i = 0; i < count; ++i) {
        out += "{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"running\",\"pid\":10,\"tid\":"
            + QByteArray::number(10 + i % 4) + ",\"ts\":" + QByteArray::number(i * 10) + ",\"dur\":5},\n";
    }
    out += "{\"ph\":\"i\",\"name\":\"end\",\"pid\":10,\"tid\":10,\"ts\":0}\n]}\n";
    return out;
}

} // namespace

class TestChromeImportLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badInput_data();
    void badInput();
    void missingAndFolder();
    void tooLarge();
    void tolerated_data();
    void tolerated();
    void oneLaneStress_data();
    void oneLaneStress();
    void progress();
    void cancel();
    void offThread();
    void manyCounterTracks();
};

void TestChromeImportLimits::badInput_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("expected"); // every piece must be in the sentence

    const QByteArray ours = chromeTrace(openModel());
    const int cut = ours.indexOf("\"ph\":\"X\"") + 4;
    QTest::newRow("not JSON") << QByteArray("hello, world\n")
                              << QStringList { QStringLiteral("byte 0"), QStringLiteral("not a Chrome trace") };
    QTest::newRow("a number") << QByteArray("42")
                              << QStringList { QStringLiteral("byte 0"), QStringLiteral("not a Chrome trace") };
    QTest::newRow("empty") << QByteArray() << QStringList { QStringLiteral("empty") };
    QTest::newRow("only blanks") << QByteArray(" \n\t ") << QStringList { QStringLiteral("empty") };
    QTest::newRow("ours, cut inside an event")
        << ours.left(cut)
        << QStringList { QStringLiteral("truncated"), QStringLiteral("traceEvents[3]"),
               QStringLiteral("byte %1").arg(ours.lastIndexOf('{', cut)) };
    QTest::newRow("cut between events") << QByteArray("{\"traceEvents\":[{\"ph\":\"i\",\"pid\":1,\"ts\":0},\n")
                                        << QStringList { QStringLiteral("truncated"), QStringLiteral("byte 43") };
    QTest::newRow("cut in a key") << QByteArray("{\"trace") << QStringList { QStringLiteral("truncated") };
    QTest::newRow("bad event") << QByteArray("{\"traceEvents\":[{\"ph\":\"i\",\"pid\":1,\"ts\":0},\n"
                                             "{\"ph\":\"X\",\"pid\":1 \"tid\":2}]}")
                               << QStringList { QStringLiteral("traceEvents[1]"), QStringLiteral("not valid JSON"),
                                      QStringLiteral("byte") };
    // (QJsonDocument takes an unknown escape for the letter itself, so this one is for simdjson.)
    QTest::newRow("bad escape, simdjson")
        << QByteArray("[{\"ph\":\"i\",\"name\":\"\\q\",\"pid\":1,\"ts\":0}]")
        << QStringList { QStringLiteral("traceEvents[0]"), QStringLiteral("not valid JSON") };
    QTest::newRow("bad UTF-8") << QByteArray("[{\"ph\":\"i\",\"name\":\"\xff\xfe\",\"pid\":1,\"ts\":0}]")
                               << QStringList { QStringLiteral("traceEvents[0]"), QStringLiteral("not valid JSON") };
    QTest::newRow("NaN") << QByteArray("[{\"ph\":\"i\",\"pid\":1,\"ts\":NaN}]")
                         << QStringList { QStringLiteral("traceEvents[0]"), QStringLiteral("not valid JSON") };
    QTest::newRow("nested 5000 deep") << "[{\"ph\":\"i\"},{\"args\":" + QByteArray(5000, '[') + QByteArray(5000, ']')
            + "}]"
                                      << QStringList { QStringLiteral("traceEvents[1]"), QStringLiteral("byte 1019"),
                                             QStringLiteral("nested more than 1000 levels") };
    QTest::newRow("other member nested 5000 deep")
        << "{\"meta\":" + QByteArray(5000, '[') + QByteArray(5000, ']') + ",\"traceEvents\":[]}"
        << QStringList { QStringLiteral("byte 1008"), QStringLiteral("nested more than 1000 levels") };
    QTest::newRow("traceEvents not an array")
        << QByteArray("{\"traceEvents\":{\"a\":1}}")
        << QStringList { QStringLiteral("byte 15"), QStringLiteral("traceEvents is not an array") };
    QTest::newRow("no traceEvents") << QByteArray("{\"meta\":{\"traceEvents\":[]}}")
                                    << QStringList { QStringLiteral("no traceEvents array") };
    QTest::newRow("text after the end") << QByteArray("{\"traceEvents\":[]} x")
                                        << QStringList { QStringLiteral("byte 19"), QStringLiteral("more text") };
    QTest::newRow("comma missing") << QByteArray("[{\"ph\":\"i\"} {\"ph\":\"i\"}]")
                                   << QStringList { QStringLiteral("byte 12"), QStringLiteral("traceEvents[0]") };
    QTest::newRow("colon missing") << QByteArray("{\"traceEvents\" []}")
                                   << QStringList { QStringLiteral("byte 15"), QStringLiteral("colon") };

    // Times out of range: a trace that spans more than a century, or whose times do not fit
    // a qint64 in nanoseconds, is refused with the event that made it so.
    QFile hostile(QStringLiteral(FORKLINE_TEST_DATA "/chrome/hostile-times.json"));
    QVERIFY(hostile.open(QIODevice::ReadOnly));
    QTest::newRow("slices 317 years apart") << hostile.readAll()
                                            << QStringList { QStringLiteral("byte 107"),
                                                   QStringLiteral("traceEvents[1] is 316.9 years after traceEvents[0]"),
                                                   QStringLiteral("at most 100 years") };
    QTest::newRow("101 years before the first")
        << QByteArray("[{\"ph\":\"i\",\"pid\":1,\"ts\":0},{\"ph\":\"i\",\"pid\":1,\"ts\":-3200000000000000}]")
        << QStringList { QStringLiteral("byte 27"),
               QStringLiteral("traceEvents[1] is 101.4 years before traceEvents[0]") };
    QTest::newRow("a counter far after") << QByteArray(
        "[{\"ph\":\"i\",\"pid\":1,\"ts\":5},{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"ts\":1e30},"
        "{\"ph\":\"C\",\"name\":\"m\",\"pid\":1,\"ts\":4000000000000000,\"args\":{\"v\":1}}]")
                                         << QStringList { QStringLiteral(
                                                "traceEvents[2] is 126.8 years after traceEvents[0]") };
    QTest::newRow("ts out of range") << QByteArray("[{\"ph\":\"i\",\"pid\":1,\"tid\":1,\"ts\":1e300}]")
                                     << QStringList { QStringLiteral("byte 1"), QStringLiteral("traceEvents[0]"),
                                            QStringLiteral("out of range") };
    QTest::newRow("ts out of range, as text")
        << QByteArray("[{\"ph\":\"i\",\"pid\":1,\"ts\":0},{\"ph\":\"B\",\"pid\":1,\"ts\":\"-9300000000000000\"}]")
        << QStringList { QStringLiteral("traceEvents[1]"), QStringLiteral("out of range") };
    QTest::newRow("a slice of 127 years") << QByteArray("[{\"ph\":\"X\",\"pid\":1,\"ts\":0,\"dur\":4000000000000000}]")
                                          << QStringList { QStringLiteral("traceEvents[0] lasts 126.8 years") };
    QTest::newRow("dur out of range") << QByteArray("[{\"ph\":\"X\",\"pid\":1,\"ts\":0,\"dur\":1e300}]")
                                      << QStringList { QStringLiteral("traceEvents[0] lasts over 292 years") };
    QTest::newRow("ends past the last nanosecond")
        << QByteArray("[{\"ph\":\"X\",\"pid\":1,\"ts\":9100000000000000,\"dur\":200000000000000}]")
        << QStringList { QStringLiteral("traceEvents[0] ends after the last time") };
    QTest::newRow("refused before a later bad event")
        << QByteArray("[{\"ph\":\"i\",\"pid\":1,\"ts\":1e300},{\"ph\":\"X\",\"pid\":1 \"tid\":2}]")
        << QStringList { QStringLiteral("traceEvents[0]"), QStringLiteral("out of range") };
}

void TestChromeImportLimits::badInput()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, expected);
    const bool simdjsonOnly = QByteArray(QTest::currentDataTag()).endsWith(", simdjson");
    if (simdjsonOnly && !chromeTraceSimdjsonAvailable())
        QSKIP("QJsonDocument lets this one through");
    QTemporaryDir dir;
    const QString path = ForklineTest::writeFile(dir, QStringLiteral("bad trace.json"), content);

    // The caller's model is left exactly as it was.
    TraceModel model = openModel();
    const QByteArray before = chromeTrace(model);
    QString error;
    QVERIFY(!loadChromeTrace(path, &model, &error));
    QCOMPARE(chromeTrace(model), before);
    QCOMPARE(model.title, QStringLiteral("already open"));

    for (JsonBackend b : backends()) {
        if (b == JsonBackend::QtJson && simdjsonOnly)
            continue;
        ChromeTraceImportOptions options;
        options.backend = b;
        const ChromeTraceImportResult r = importChromeTrace(path, options);
        QVERIFY2(!r.ok(), backendName(b));
        QVERIFY(!r.canceled);
        QVERIFY(r.model.isEmpty());
        // One sentence that names the file.
        QVERIFY2(r.error.contains(QDir::toNativeSeparators(path)), qPrintable(r.error));
        QVERIFY2(r.error.endsWith(QLatin1Char('.')), qPrintable(r.error));
        QVERIFY2(!r.error.contains(QLatin1Char('\n')), qPrintable(r.error));
        for (const QString& piece : expected)
            QVERIFY2(r.error.contains(piece),
                qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(backendName(b)), r.error)));
    }
}

void TestChromeImportLimits::missingAndFolder()
{
    QTemporaryDir dir;
    TraceModel model = openModel();
    QString error;
    const QString missing = dir.filePath(QStringLiteral("nothing.json"));
    QVERIFY(!loadChromeTrace(missing, &model, &error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(missing)) && error.contains(QStringLiteral("no such file")),
        qPrintable(error));
    QVERIFY(!loadChromeTrace(dir.path(), &model, &error));
    QVERIFY2(error.contains(QStringLiteral("folder")), qPrintable(error));
    QCOMPARE(model.title, QStringLiteral("already open"));
}

void TestChromeImportLimits::tooLarge()
{
    QTemporaryDir dir;
    const QString path = ForklineTest::writeFile(dir, QStringLiteral("big.json"), manyEvents(1000));
    ChromeTraceImportOptions options;
    options.maxFileSize = 4096;
    int progressCalls = 0;
    options.progress = [&progressCalls](double) { ++progressCalls; };
    const ChromeTraceImportResult r = importChromeTrace(path, options);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QStringLiteral("larger than")) && r.error.contains(path), qPrintable(r.error));
    QCOMPARE(progressCalls, 0); // refused before reading anything

    // The default limit is 2 GiB: a (sparse) file one byte larger is refused unread.
    QCOMPARE(ChromeTraceImportOptions().maxFileSize, qint64(2) << 30);
    QFile huge(dir.filePath(QStringLiteral("huge.json")));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    if (!huge.resize((qint64(2) << 30) + 1))
        QSKIP("no room for a sparse 2 GiB file here");
    huge.close();
    QElapsedTimer timer;
    timer.start();
    const ChromeTraceImportResult hugeResult = importChromeTrace(huge.fileName());
    QVERIFY2(hugeResult.error.contains(QStringLiteral("2.00 GiB, larger than 2 GiB")), qPrintable(hugeResult.error));
    QVERIFY(timer.elapsed() < 5000);
    const ChromeTraceImportResult data
        = importChromeTraceData(manyEvents(1000), QStringLiteral("memory.json"), options);
    QVERIFY(data.error.contains(QStringLiteral("memory.json")));
}

void TestChromeImportLimits::tolerated_data()
{
    QTest::addColumn<QByteArray>("events");
    QTest::addColumn<int>("lanes");
    QTest::addColumn<int>("spans");
    QTest::addColumn<QString>("skipped"); // which ChromeTraceSkips member counts one

    QTest::newRow("no pid") << QByteArray("{\"ph\":\"X\",\"name\":\"a\",\"tid\":1,\"ts\":0,\"dur\":1}") << 0 << 0
                            << QStringLiteral("noPid");
    // A pid written as a string that is no number is a process of its own, named so.
    QTest::newRow("pid a string, not a number")
        << QByteArray("{\"ph\":\"X\",\"pid\":\"main\",\"tid\":1,\"ts\":0,\"dur\":1}") << 1 << 1 << QString();
    QTest::newRow("pid neither number nor string")
        << QByteArray("{\"ph\":\"X\",\"pid\":[1],\"tid\":1,\"ts\":0,\"dur\":1}") << 0 << 0 << QStringLiteral("noPid");
    QTest::newRow("no tid: the process's main thread")
        << QByteArray("{\"ph\":\"X\",\"name\":\"a\",\"pid\":5,\"ts\":0,\"dur\":1}") << 1 << 1 << QString();
    QTest::newRow("pid as a string") << QByteArray("{\"ph\":\"X\",\"pid\":\"12\",\"tid\":\"13\",\"ts\":0,\"dur\":1}")
                                     << 1 << 1 << QString();
    QTest::newRow("negative duration") << QByteArray("{\"ph\":\"X\",\"pid\":1,\"tid\":1,\"ts\":5,\"dur\":-1}") << 0 << 0
                                       << QStringLiteral("badTime");
    QTest::newRow("X without dur") << QByteArray("{\"ph\":\"X\",\"pid\":1,\"tid\":1,\"ts\":5}") << 0 << 0
                                   << QStringLiteral("badTime");
    QTest::newRow("no ts") << QByteArray("{\"ph\":\"i\",\"pid\":1,\"tid\":1}") << 0 << 0 << QStringLiteral("badTime");
    QTest::newRow("ts not a number") << QByteArray("{\"ph\":\"i\",\"pid\":1,\"tid\":1,\"ts\":true}") << 0 << 0
                                     << QStringLiteral("badTime");
    // Times up to a century apart, and up to the ends of what a qint64 holds, are fine.
    QTest::newRow("99 years apart") << QByteArray("{\"ph\":\"i\",\"pid\":1,\"tid\":1,\"ts\":-1},"
                                                  "{\"ph\":\"i\",\"pid\":1,\"tid\":1,\"ts\":3124202399999999}")
                                    << 1 << 0 << QString();
    QTest::newRow("near the last nanosecond")
        << QByteArray("{\"ph\":\"X\",\"pid\":1,\"tid\":1,\"ts\":9000000000000000,\"dur\":1}") << 1 << 1 << QString();
    QTest::newRow("near the first nanosecond")
        << QByteArray("{\"ph\":\"i\",\"pid\":1,\"tid\":1,\"ts\":-9000000000000000}") << 1 << 0 << QString();
    // Numbers that once went through undefined behaviour on their way to a qint64.
    QTest::newRow("pid -0x8000000000000000")
        << QByteArray("{\"ph\":\"X\",\"pid\":\"-0x8000000000000000\",\"tid\":1,\"ts\":0,\"dur\":1}") << 1 << 1
        << QString();
    QTest::newRow("pid 1e300") << QByteArray("{\"ph\":\"X\",\"pid\":1e300,\"tid\":1,\"ts\":0,\"dur\":1}") << 0 << 0
                               << QStringLiteral("noPid");
    QTest::newRow("tid -1e300") << QByteArray("{\"ph\":\"X\",\"pid\":1,\"tid\":-1e300,\"ts\":0,\"dur\":1}") << 0 << 0
                                << QStringLiteral("noPid");
    QTest::newRow("code and ppid 1e300") << QByteArray(
        "{\"ph\":\"i\",\"name\":\"end\",\"pid\":1,\"tid\":1,\"ts\":0,\"args\":{\"code\":1e300}},"
        "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":1,\"args\":{\"name\":\"p\",\"ppid\":-1e300}}")
                                         << 1 << 0 << QString();
    QTest::newRow("E without B") << QByteArray("{\"ph\":\"E\",\"pid\":1,\"tid\":1,\"ts\":5}") << 0 << 0
                                 << QStringLiteral("unmatched");
    QTest::newRow("unknown phase") << QByteArray("{\"ph\":\"Q\",\"pid\":1,\"tid\":1,\"ts\":5}") << 0 << 0
                                   << QStringLiteral("phase");
    QTest::newRow("no phase") << QByteArray("{\"pid\":1,\"tid\":1,\"ts\":5}") << 0 << 0 << QStringLiteral("phase");
    QTest::newRow("not objects") << QByteArray("1, [2]") << 0 << 0 << QStringLiteral("notObject");
}

void TestChromeImportLimits::tolerated()
{
    QFETCH(QByteArray, events);
    QFETCH(int, lanes);
    QFETCH(int, spans);
    QFETCH(QString, skipped);
    for (JsonBackend b : backends()) {
        ChromeTraceImportOptions options;
        options.backend = b;
        const ChromeTraceImportResult r
            = importChromeTraceData("{\"traceEvents\":[" + events + "]}", QStringLiteral("t.json"), options);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.model.laneCount(), lanes);
        QCOMPARE(r.model.spanCount(), qint64(spans));
        const ChromeTraceSkips& s = r.skipped;
        const QHash<QString, qint64> counts { { QStringLiteral("noPid"), s.noPid },
            { QStringLiteral("badTime"), s.badTime }, { QStringLiteral("unmatched"), s.unmatched },
            { QStringLiteral("phase"), s.phase }, { QStringLiteral("notObject"), s.notObject },
            { QStringLiteral("metadata"), s.metadata } };
        const qint64 expected = skipped.isEmpty() ? 0 : (skipped == QLatin1String("notObject") ? 2 : 1);
        QCOMPARE(s.total(), expected);
        if (!skipped.isEmpty())
            QCOMPARE(counts.value(skipped), expected);
        QCOMPARE(r.skippedSummary().isEmpty(), expected == 0);
    }
}

void TestChromeImportLimits::oneLaneStress_data()
{
    QTest::addColumn<QByteArray>("pattern"); // %1: the event's number
    QTest::addColumn<bool>("reversed");
    QTest::newRow("B never ended, all nested") << QByteArray("{\"ph\":\"B\",\"pid\":1,\"tid\":1,\"ts\":%1}") << false;
    QTest::newRow("X backwards") << QByteArray("{\"ph\":\"X\",\"pid\":1,\"tid\":1,\"ts\":%1,\"dur\":0.5}") << true;
    QTest::newRow("X all overlapping") << QByteArray("{\"ph\":\"X\",\"pid\":1,\"tid\":1,\"ts\":%1,\"dur\":1e6}")
                                       << true;
    QTest::newRow("instants backwards") << QByteArray("{\"ph\":\"i\",\"pid\":1,\"tid\":1,\"ts\":%1}") << true;
    QTest::newRow("E without B") << QByteArray("{\"ph\":\"E\",\"pid\":1,\"tid\":1,\"ts\":%1}") << false;
}

void TestChromeImportLimits::oneLaneStress()
{
    // A million events on one lane in the worst orders: linear or n log n, never quadratic.
    // (Ten million take about ten times as long; see docs/trace-import.md.)
    QFETCH(QByteArray, pattern);
    QFETCH(bool, reversed);
    constexpr int kEvents = 1000000;
    const int at = pattern.indexOf("%1");
    const QByteArray head = pattern.left(at);
    const QByteArray tail = pattern.mid(at + 2);
    QByteArray json = "[";
    json.reserve(kEvents * (pattern.size() + 8));
    for (int i = 0; i < kEvents; ++i) {
        if (i)
            json += ",\n";
        json += head + QByteArray::number(reversed ? kEvents - i : i) + tail;
    }
    json += "]";
    QElapsedTimer timer;
    timer.start();
    const ChromeTraceImportResult r = importChromeTraceData(json, QStringLiteral("stress.json"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(timer.elapsed() < 60000, "a million events on one lane took over a minute");
    QCOMPARE(r.events, qint64(kEvents));
    if (r.model.laneCount() == 0)
        return;
    const std::vector<Span>& spans = r.model.lane(0).spans;
    for (size_t i = 1; i < spans.size(); ++i)
        QVERIFY(spans[i].start >= spans[i - 1].end);
    const std::vector<Instant>& instants = r.model.lane(0).instants;
    for (size_t i = 1; i < instants.size(); ++i)
        QVERIFY(instants[i].t >= instants[i - 1].t);
}

void TestChromeImportLimits::progress()
{
    const QByteArray json = manyEvents(200000); // about 20 MB: several blocks
    std::vector<double> seen;
    ChromeTraceImportOptions options;
    options.progress = [&seen](double p) { seen.push_back(p); };
    const ChromeTraceImportResult r = importChromeTraceData(json, QStringLiteral("p.json"), options);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.model.spanCount(), qint64(200000));
    QVERIFY(seen.size() >= 3);
    QVERIFY(seen.size() <= 300);
    QCOMPARE(seen.front(), 0.0);
    QCOMPARE(seen.back(), 1.0);
    QVERIFY(std::is_sorted(seen.begin(), seen.end()));
}

void TestChromeImportLimits::cancel()
{
    const QByteArray json = manyEvents(200000);
    // Canceled before it starts.
    std::atomic<bool> stop { true };
    ChromeTraceImportOptions options;
    options.cancel = &stop;
    ChromeTraceImportResult r = importChromeTraceData(json, QStringLiteral("c.json"), options);
    QVERIFY(r.canceled);
    QVERIFY(!r.ok());
    QVERIFY(r.model.isEmpty());
    QVERIFY2(r.error.contains(QStringLiteral("c.json")) && r.error.contains(QStringLiteral("canceled")),
        qPrintable(r.error));

    // Canceled half-way, through the function form (as QPromise::isCanceled would be).
    bool halfWay = false;
    ChromeTraceImportOptions byFunction;
    byFunction.progress = [&halfWay](double p) { halfWay = halfWay || p > 0.3; };
    byFunction.isCanceled = [&halfWay] { return halfWay; };
    r = importChromeTraceData(json, QStringLiteral("c.json"), byFunction);
    QVERIFY(halfWay);
    QVERIFY(r.canceled);
    QVERIFY(r.model.isEmpty());
}

void TestChromeImportLimits::offThread()
{
    // The GUI runs the import on a worker thread and cancels from its own.
    QTemporaryDir dir;
    const QString path = ForklineTest::writeFile(dir, QStringLiteral("t.json"), manyEvents(300000));
    std::atomic<bool> stop { false };
    std::atomic<bool> started { false };
    ChromeTraceImportResult result;
    std::thread worker([&] {
        ChromeTraceImportOptions options;
        options.cancel = &stop;
        options.progress = [&started](double p) {
            if (p > 0)
                started = true;
        };
        result = importChromeTrace(path, options);
    });
    QTRY_VERIFY_WITH_TIMEOUT(started.load(), 30000);
    stop = true;
    worker.join();
    QVERIFY(result.canceled || result.ok()); // a fast machine may finish first
    if (result.canceled)
        QVERIFY(result.model.isEmpty());
}

void TestChromeImportLimits::manyCounterTracks()
{
    // 50,000 counter series of one process, two samples each: each sample's track is found
    // through an index (a search through every track made this take about 40 s; it takes about
    // 1 s now, 4 s in a sanitizer build).
    constexpr int kTracks = 50000;
    QByteArray trace = "{\"traceEvents\":[\n";
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < kTracks; ++i) {
            trace += "{\"ph\":\"C\",\"name\":\"series " + QByteArray::number(i) + "\",\"pid\":7,\"ts\":"
                + QByteArray::number(round * 10) + ",\"args\":{\"MiB\":" + QByteArray::number(i + round) + "}},\n";
        }
    }
    trace += "{\"ph\":\"i\",\"pid\":7,\"ts\":20}\n]}\n";
    for (JsonBackend b : backends()) {
        ChromeTraceImportOptions options;
        options.backend = b;
        QElapsedTimer timer;
        timer.start();
        const ChromeTraceImportResult r = importChromeTraceData(trace, QStringLiteral("counters.json"), options);
        const qint64 ms = timer.elapsed();
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.model.counters().size(), size_t(kTracks));
        const CounterTrack& track = r.model.counters()[size_t(kTracks - 1)];
        QCOMPARE(track.samples.size(), size_t(2));
        QCOMPARE(track.samples[1].value, double(kTracks));
        QVERIFY2(ms < 20000, qPrintable(QStringLiteral("%1: %2 ms").arg(QLatin1String(backendName(b))).arg(ms)));
    }
}

QTEST_GUILESS_MAIN(TestChromeImportLimits)
#include "tst_chromeimportlimits.moc"
