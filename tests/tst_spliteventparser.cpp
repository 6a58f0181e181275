// SPDX-License-Identifier: GPL-3.0-or-later
#include "chrometrace.h"
#include "chrometraceimport.h"
#include "rawtraceevent.h"
#include "spliteventparser.h"
#include "traceeventframer.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace Forkline;

namespace {

QByteArray describe(const RawString& s)
{
    return s.present ? '"' + QByteArray(s.text.data(), qsizetype(s.text.size())) + '"' : QByteArray("-");
}

QByteArray describe(const RawNumber& n)
{
    if (!n.present)
        return "-";
    return QByteArray::number(n.value) + (n.valid ? "" : "!") + (n.outOfRange ? "^" : "");
}

// Every member of an event as text, so two runs can be compared event by event.
QByteArray describe(const RawTraceEvent& e)
{
    QByteArray out = QByteArray::number(e.index) + '@' + QByteArray::number(e.offset) + ' '
        + QByteArray(e.raw.data(), qsizetype(e.raw.size())) + " =>";
    for (const RawString* s : { &e.ph, &e.name, &e.cat, &e.bp, &e.scope, &e.argName, &e.worker, &e.label, &e.kind,
             &e.text, &e.scenario, &e.title, &e.file, &e.detail })
        out += ' ' + describe(*s);
    for (const RawNumber* n :
        { &e.pid, &e.tid, &e.ts, &e.dur, &e.id, &e.ppid, &e.code, &e.parentPid, &e.parentTid, &e.line, &e.at })
        out += ' ' + describe(*n);
    out += ' ' + QByteArray::number(e.daemon) + (e.hasArgs ? " args" : "");
    for (const auto& [key, value] : e.numbers)
        out += ' ' + QByteArray(key.data(), qsizetype(key.size())) + '=' + QByteArray::number(value, 'g', 17);
    return out;
}

class Recorder : public RawTraceEventSink
{
public:
    void event(const RawTraceEvent& e) override { events.push_back(describe(e)); }
    std::vector<QByteArray> events;
};

// One event of many kinds: names with escapes and lone surrogates (decoded by the parser, not
// read in place), numbers as strings and beyond 64 bits, ids as objects, args of every kind.
QByteArray randomEvent(QRandomGenerator& rng, int i)
{
    const QByteArray n = QByteArray::number(i);
    switch (rng.bounded(8)) {
    case 0:
        return "{\"ph\":\"X\",\"name\":\"slice " + n + "\",\"pid\":1,\"tid\":" + QByteArray::number(rng.bounded(4))
            + ",\"ts\":" + n + ".125,\"dur\":0.5}";
    case 1:
        return "{\"ph\":\"i\",\"s\":\"t\",\"name\":\"esc \\\"" + n
            + "\\\" \\ud800 \\u00e9\",\"pid\":\"0x1f\",\"tid\":2,"
              "\"ts\":\""
            + n + "\",\"args\":{\"text\":\"line\\n" + n + "\",\"big\":123456789012345678901234567890,\"x\":1e400}}";
    case 2:
        return "{\"ph\":\"C\",\"name\":\"memory\",\"pid\":1,\"ts\":" + n + ",\"args\":{\"MiB\":" + n
            + ".25,\"\\u004dem\":7,\"code\":3,\"line\":-7,\"ppid\":2.0,\"at\":\"" + n + ".5\"}}";
    case 3:
        return "{\"ph\":\"s\",\"cat\":\"flow\",\"name\":\"m\",\"id2\":{\"local\":\"0x" + QByteArray::number(i, 16)
            + "\"},\"pid\":1,\"tid\":1,\"ts\":" + n + ",\"bp\":\"e\"}";
    case 4:
        return "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":1,\"tid\":3,\"args\":{\"name\":\"worker " + n
            + "\",\"daemon\":true,\"parent\":[1,2],\"worker\":\"w\",\"label\":\"l\",\"kind\":\"k\",\"scenario\":\"s\","
              "\"title\":\"t\",\"file\":\"f.py\",\"detail\":\"d\"}}";
    case 5:
        return "{ \"ph\" : \"B\" , \"name\" : \"spaced\" , \"pid\" : 1 , \"tid\" : 1 , \"ts\" : " + n + " }";
    case 6:
        return "{\"ph\":\"E\",\"pid\":1,\"tid\":1,\"ts\":" + n + ",\"name\":\"\\u0041\\/\"}";
    default:
        return "{\"ph\":\"X\",\"name\":\"k\",\"\\ud800\":1,\"pid\":1.5,\"tid\":1e2,\"ts\":-" + n + ",\"dur\":\"bad\"}";
    }
}

struct Outcome
{
    std::vector<QByteArray> events;
    bool ok = true;
    size_t errorRange = 0;
    size_t errorOffset = 0;
    QString message;
};

// Frames `trace` (a bare array in one buffer) and parses its events in blocks of `block` ranges.
Outcome parseAll(QByteArray trace, TraceEventParser* parser, size_t block)
{
    trace.append(QByteArray(qsizetype(kEventParserPadding), '\0'));
    char* data = trace.data();
    TraceEventFramer framer;
    std::vector<EventRange> all;
    framer.scan(data, size_t(trace.size()) - kEventParserPadding, &all);
    Outcome out;
    Recorder sink;
    for (size_t from = 0; from < all.size() && out.ok; from += block) {
        const std::vector<EventRange> ranges(
            all.begin() + qptrdiff(from), all.begin() + qptrdiff(std::min(all.size(), from + block)));
        EventParseError error;
        if (!parser->parse(data, ranges, 1000, &sink, &error)) {
            out.ok = false;
            out.errorRange = from + error.range;
            out.errorOffset = error.offset;
            out.message = error.message;
        }
    }
    out.events = std::move(sink.events);
    return out;
}

std::unique_ptr<TraceEventParser> oneParser(bool simdjson)
{
    return simdjson ? makeSimdjsonEventParser() : makeQtJsonEventParser();
}

} // namespace

class TestSplitEventParser : public QObject
{
    Q_OBJECT

private:
    static void backends()
    {
        QTest::addColumn<bool>("simdjson");
        if (chromeTraceSimdjsonAvailable())
            QTest::newRow("simdjson") << true;
        QTest::newRow("QJsonDocument") << false;
    }

private Q_SLOTS:
    void sameEventsAsOneParser_data() { backends(); }
    // Blocks of every size from below the split threshold to many times it: the events reach
    // the sink as one parser hands them over, member for member and in order.
    void sameEventsAsOneParser()
    {
        QFETCH(bool, simdjson);
        QRandomGenerator rng(5);
        QByteArray trace = "[";
        for (int i = 0; i < 3000; ++i)
            trace += (i ? ",\n" : "") + randomEvent(rng, i);
        trace += "]";
        const std::unique_ptr<TraceEventParser> one = oneParser(simdjson);
        const Outcome expected = parseAll(trace, one.get(), 3000);
        QVERIFY(expected.ok);
        QCOMPARE(expected.events.size(), size_t(3000));
        SplitEventParser split(oneParser(simdjson), oneParser(simdjson), 8);
        double largestShare = 0;
        for (const size_t block : { 5, 8, 9, 64, 333, 1000, 3000 }) {
            const Outcome got = parseAll(trace, &split, block);
            QVERIFY(got.ok);
            QCOMPARE(got.events.size(), expected.events.size());
            for (size_t i = 0; i < got.events.size(); ++i)
                QCOMPARE(got.events[i], expected.events[i]);
            largestShare = std::max(largestShare, split.lastBackShare());
        }
        QVERIFY(largestShare > 0); // the helper did take part
    }

    void firstErrorAsOneParser_data() { backends(); }
    // A malformed event in the calling thread's part, in the helper's, or one in each: the
    // same first error, at the same byte, after the same events.
    void firstErrorAsOneParser()
    {
        QFETCH(bool, simdjson);
        QRandomGenerator rng(9);
        for (const std::vector<int>& bad : std::vector<std::vector<int>> { { 10 }, { 150 }, { 199 }, { 30, 170 } }) {
            QByteArray trace = "[";
            for (int i = 0; i < 200; ++i) {
                QByteArray event = randomEvent(rng, i);
                if (std::find(bad.begin(), bad.end(), i) != bad.end())
                    event = "{\"ph\":\"X\",\"name\" \"broken\",\"pid\":1}"; // no colon
                trace += (i ? "," : "") + event;
            }
            trace += "]";
            const std::unique_ptr<TraceEventParser> one = oneParser(simdjson);
            const Outcome expected = parseAll(trace, one.get(), 200);
            QVERIFY(!expected.ok);
            QCOMPARE(expected.errorRange, size_t(bad.front()));
            SplitEventParser split(oneParser(simdjson), oneParser(simdjson), 16);
            for (int round = 0; round < 3; ++round) { // the split moves as the parser learns
                const Outcome got = parseAll(trace, &split, 200);
                QCOMPARE(got.ok, false);
                QCOMPARE(got.errorRange, expected.errorRange);
                QCOMPARE(got.errorOffset, expected.errorOffset);
                QCOMPARE(got.message, expected.message);
                QCOMPARE(got.events, expected.events);
            }
        }
    }

    // Whole imports with one parsing thread and with two: the same model, down to the bytes of
    // its export, for every trace among the test files that opens.
    void importsAlike()
    {
        // And one large enough that its blocks are split: a hundred thousand events.
        QRandomGenerator rng(11);
        QByteArray big = "{\"traceEvents\":[";
        for (int i = 0; i < 100000; ++i)
            big += (i ? ",\n" : "") + randomEvent(rng, i);
        big += "]}";
        QTemporaryDir dir;
        QFile generated(dir.filePath(QStringLiteral("generated.json")));
        QVERIFY(generated.open(QIODevice::WriteOnly) && generated.write(big) == big.size());
        generated.close();
        QStringList paths { generated.fileName() };
        QDirIterator it(QStringLiteral(FORKLINE_TEST_DATA), { QStringLiteral("*.json"), QStringLiteral("*.gz") },
            QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            paths << it.next();
        QVERIFY(paths.size() > 10);
        int compared = 0;
        for (const QString& path : std::as_const(paths)) {
            ChromeTraceImportOptions one;
            one.parseThreads = 1;
            ChromeTraceImportOptions two;
            two.parseThreads = 2;
            const ChromeTraceImportResult a = importChromeTrace(path, one);
            const ChromeTraceImportResult b = importChromeTrace(path, two);
            QCOMPARE(b.error, a.error);
            QCOMPARE(b.events, a.events);
            QCOMPARE(b.skipped.total(), a.skipped.total());
            if (!a.ok())
                continue;
            QCOMPARE(chromeTrace(b.model), chromeTrace(a.model));
            ++compared;
        }
        QVERIFY(compared > 5);
    }
};

QTEST_GUILESS_MAIN(TestSplitEventParser)
#include "tst_spliteventparser.moc"
