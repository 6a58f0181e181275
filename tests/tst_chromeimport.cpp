// SPDX-License-Identifier: GPL-3.0-or-later
// Opening Chrome trace files: ours back byte for byte, other tools' flattened and named
// exactly, and the portable QJsonDocument parser agreeing with simdjson.
#include "chrometrace.h"
#include "chrometraceimport.h"
#include "rawtraceevent.h"
#include "testutil.h"

#include <QBuffer>
#include <QTest>

using namespace Forkline;
using ForklineTest::runCli;

namespace {

QString dataFile(const char* name)
{
    return QStringLiteral(FORKLINE_TEST_DATA "/chrome/") + QLatin1String(name);
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

ChromeTraceImportResult importBytes(const QByteArray& data, JsonBackend backend = JsonBackend::Auto)
{
    ChromeTraceImportOptions options;
    options.backend = backend;
    return importChromeTraceData(data, QStringLiteral("test.json"), options);
}

QList<JsonBackend> backends()
{
    QList<JsonBackend> list { JsonBackend::QtJson };
    if (chromeTraceSimdjsonAvailable())
        list.prepend(JsonBackend::Simdjson);
    return list;
}

// A lane's spans as "start-end name" in nanoseconds, names as the exporter writes them.
QStringList segments(const TraceModel& m, int lane)
{
    QStringList out;
    for (const Span& s : m.lane(lane).spans)
        out << QStringLiteral("%1-%2 %3").arg(s.start).arg(s.end).arg(m.nameOf(s));
    return out;
}

// Every slice of a lane, depth by depth: "DEPTH FROM-TO NAME".
QStringList slices(const TraceModel& m, int lane)
{
    QStringList out;
    for (int depth = 0; depth < TraceModel::depthCount(m.lane(lane)); ++depth) {
        for (const Span& s : TraceModel::spansAt(m.lane(lane), depth))
            out << QStringLiteral("%1 %2-%3 %4").arg(depth).arg(s.start).arg(s.end).arg(m.nameOf(s));
    }
    return out;
}

// A model with everything the exporter writes: foreign names, escapes, an empty text, exit
// codes, labels, parents, a lane without events, a process without lanes, counters with and
// without a unit, an open span, flows in either order and one never finished.
TraceModel builtModel()
{
    TraceModel m;
    m.title = QStringLiteral("A \"quoted\" title\twith a tab");
    m.scenario = QStringLiteral("built");
    ProcessInfo& runner = m.ensureProcess(1000);
    runner.ppid = 999;
    runner.name = QStringLiteral("runner");
    const int main = m.ensureLane(1000, 1000);
    m.lane(main).name = QStringLiteral("MainThread");
    m.lane(main).kind = LaneKind::Process;
    const int worker = m.ensureLane(1000, 1001);
    m.lane(worker).name = QStringLiteral("일꾼, \"one\"");
    m.lane(worker).label = QStringLiteral("매수");
    m.lane(worker).daemon = true;
    m.lane(worker).parent = main;
    m.ensureLane(1000, 1002); // a lane with no events and no name
    m.ensureProcess(3000).name = QStringLiteral("no lanes");
    const int child = m.ensureLane(2000, 2000);
    m.lane(child).name = QStringLiteral("child");
    m.lane(child).kind = LaneKind::Process;
    m.lane(child).parent = main;

    m.addInstant(main, 0, InstantKind::Start);
    m.setState(main, 0, State::Running);
    m.addInstant(main, 10, InstantKind::Fork, QStringLiteral("w"));
    m.flowFrom(5, FlowKind::Fork, main, 10);
    m.setState(main, 10, State::WaitingJoin);
    m.flowTo(5, FlowKind::Fork, worker, 12);
    m.addInstant(worker, 12, InstantKind::Print, QStringLiteral("")); // empty, not absent
    m.addInstant(worker, 13, InstantKind::Print, QStringLiteral("\x01\\\"\n\r\t 끝"));
    m.addSpan(worker, { 12, 20, State::Running });
    m.addSpan(worker, { 20, 20, State::Sleeping, m.internName(QStringLiteral("zero")) });
    m.addSpan(worker, { 20, 1234567891, State::Running, m.internName(QStringLiteral("json.parse \"x\"")) });
    m.addInstant(worker, 1234567891, InstantKind::Other, {}, 0, m.internName(QStringLiteral("GC")));
    m.addInstant(worker, 1234567891, InstantKind::Other);
    m.addInstant(worker, 1234567892, InstantKind::Crashed, {}, -11);
    m.flowTo(6, FlowKind::Message, main, 1234567900); // the end came first
    m.flowFrom(6, FlowKind::Message, worker, 1234567890);
    m.flowFrom(7, FlowKind::Lock, worker, 30); // never received
    m.setState(child, 50, State::Computing);
    m.addInstant(child, 60, InstantKind::Terminated, {}, 15);
    m.setState(child, 70, State::WaitingGil); // still open at the end
    m.addCounter(2000, QStringLiteral("memory"), QStringLiteral("MiB"), 55, 20.609375);
    m.addCounter(2000, QStringLiteral("memory"), QStringLiteral("MiB"), 65, 1e-7);
    m.addCounter(1000, QStringLiteral("queue"), QString(), 40, 3);
    m.setState(main, 1234567900, State::Running);
    m.addInstant(main, 1234567999, InstantKind::End);
    return m;
}

} // namespace

class TestChromeImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTripRuns_data();
    void roundTripRuns();
    void roundTripBuilt();
    void mainLaneOfIdZero();
    void foreign();
    void foreignReexportIsStable();
    void nestedStayWhole();
    void argsKept();
    void stateDetailsRoundTrip();
    void categoriesKept();
    void scopesAsyncAndStringIds();
    void bareArray();
    void nesting_data();
    void nesting();
    void flows();
    void flowsPairByIdCatAndName();
    void ownFlowTimes();
    void unreadableValues();
    void sortIndex();
    void gzip_data();
    void gzip();
    void gzipDamaged();
    void fallbackAgrees_data();
    void fallbackAgrees();
    void micros_data();
    void micros();

private:
    QTemporaryDir m_dir;
    QStringList m_runs; // traces written by real runs
};

void TestChromeImport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QList<QStringList> runs {
        { QStringLiteral("buyer-seller") },
        { QStringLiteral("sub-process") },
        { QStringLiteral("five-workers"), QStringLiteral("--daemon"), QStringLiteral("all=on") },
        { QStringLiteral("subprocess-terminate") },
    };
    for (const QStringList& run : runs) {
        const QString path = m_dir.filePath(run.first() + QStringLiteral(".json"));
        const auto r = runCli(QStringList { QStringLiteral("run") } + run
            + QStringList { QStringLiteral("--time-scale"), QStringLiteral("0.02"), QStringLiteral("--trace"), path });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        m_runs << path;
    }
}

void TestChromeImport::roundTripRuns_data()
{
    QTest::addColumn<int>("run");
    QTest::addColumn<JsonBackend>("backend");
    for (int i = 0; i < 4; ++i) {
        for (JsonBackend b : backends())
            QTest::addRow("%d %s", i, b == JsonBackend::QtJson ? "qtjson" : "simdjson") << i << b;
    }
}

void TestChromeImport::roundTripRuns()
{
    QFETCH(int, run);
    QFETCH(JsonBackend, backend);
    const QString path = m_runs.at(run);
    ChromeTraceImportOptions options;
    options.backend = backend;
    const ChromeTraceImportResult r = importChromeTrace(path, options);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.skipped.total(), qint64(0));
    QVERIFY(r.model.spanCount() > 0);
    QVERIFY(!r.model.scenario.isEmpty());
    const QByteArray original = readAll(path);
    QVERIFY(!original.isEmpty());
    QCOMPARE(chromeTrace(r.model), original); // byte for byte
}

void TestChromeImport::roundTripBuilt()
{
    const TraceModel model = builtModel();
    const QByteArray first = chromeTrace(model);
    for (JsonBackend b : backends()) {
        const ChromeTraceImportResult r = importBytes(first, b);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(chromeTrace(r.model), first);
        QCOMPARE(r.model.title, model.title);
        QCOMPARE(r.model.laneCount(), model.laneCount());
        QCOMPARE(r.model.processes().size(), model.processes().size());
        // What the file carries comes back into the model itself, not only into the bytes.
        const int worker = r.model.laneIndex(1000, 1001);
        const Lane& w = r.model.lane(worker);
        QCOMPARE(w.label, QStringLiteral("매수"));
        QVERIFY(w.daemon);
        QCOMPARE(w.parent, r.model.laneIndex(1000, 1000));
        QCOMPARE(w.instants.front().kind, InstantKind::Print);
        QVERIFY(!r.model.texts().at(w.instants.front().text).isNull());
        QCOMPARE(r.model.nameOf(w.spans.at(2)), QStringLiteral("json.parse \"x\""));
        QCOMPARE(w.spans.at(2).state, State::Running);
        QCOMPARE(w.spans.at(2).end, qint64(1234567891));
        QCOMPARE(r.model.nameOf(w.instants.at(2)), QStringLiteral("GC"));
        QCOMPARE(w.instants.back().code, -11);
        QCOMPARE(r.model.counters().size(), size_t(2));
        QCOMPARE(r.model.counters().at(1).unit, QString());
        QCOMPARE(r.model.prints().size(), size_t(2));
    }
}

// A child ended before it reported its own thread id has a main lane of id 0 (its parent's
// report); a thread of that process whose id happens to equal the pid is then not its main one.
// Our file says which lane is which, and the import must not guess over it.
void TestChromeImport::mainLaneOfIdZero()
{
    TraceModel model;
    const int child = model.ensureMainLane(4100, 0);
    model.lane(child).name = QStringLiteral("child");
    model.addInstant(child, 300, InstantKind::Killed, {}, 15);
    const int thread = model.ensureLane(4100, 4100);
    model.setState(thread, 100, State::Sleeping);
    model.addInstant(thread, 300, InstantKind::End);
    QCOMPARE(model.processes().front().lanes.front(), child);
    const QByteArray first = chromeTrace(model);
    for (JsonBackend b : backends()) {
        const ChromeTraceImportResult r = importBytes(first, b);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const ProcessInfo* p = r.model.process(4100);
        QVERIFY(p);
        QCOMPARE(p->lanes.size(), size_t(2));
        QCOMPARE(r.model.lane(p->lanes.front()).tid, qint64(0));
        QCOMPARE(r.model.lane(p->lanes.front()).kind, LaneKind::Process);
        QCOMPARE(r.model.lane(r.model.laneIndex(4100, 4100)).kind, LaneKind::Thread);
        QCOMPARE(chromeTrace(r.model), first);
    }
}

void TestChromeImport::foreign()
{
    for (JsonBackend b : backends()) {
        ChromeTraceImportOptions options;
        options.backend = b;
        const ChromeTraceImportResult r = importChromeTrace(dataFile("foreign.json"), options);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const TraceModel& m = r.model;
        QCOMPARE(r.events, qint64(27));
        QCOMPARE(r.skipped.phase, qint64(1)); // P (sample)
        QCOMPARE(r.skipped.metadata, qint64(0)); // its thread_sort_index orders its threads
        QCOMPARE(r.skipped.noPid, qint64(1)); // an X without pid
        QCOMPARE(r.skipped.badTime, qint64(1)); // negative duration
        QCOMPARE(r.skipped.unmatched, qint64(1)); // E without B
        QCOMPARE(r.skipped.notObject, qint64(0));
        QCOMPARE(r.unclosedSlices, qint64(2)); // a B and an async b
        QVERIFY(!r.skippedSummary().isEmpty());

        QCOMPARE(m.processes().size(), size_t(2));
        QCOMPARE(m.processes().at(0).name, QStringLiteral("Browser"));
        const int main = m.laneIndex(7, 70);
        const int io = m.laneIndex(7, 71);
        const int other = m.laneIndex(8, 80);
        QVERIFY(main >= 0 && io >= 0 && other >= 0);
        QCOMPARE(m.laneCount(), 4); // and the async track "Async"
        QCOMPARE(m.globalInstants().size(), size_t(1)); // vsync, across every lane
        QCOMPARE(m.lane(main).name, QStringLiteral("CrBrowserMain"));
        QCOMPARE(m.lane(io).name, QStringLiteral("IOThread"));

        // B/E and X nested three deep, each slice whole at its depth.
        QCOMPARE(slices(m, main),
            QStringList({ QStringLiteral("0 100000-200000 MessageLoop::Run"), QStringLiteral("1 110000-160000 Task"),
                QStringLiteral("2 120000-130000 running"), QStringLiteral("2 140000-145500 Layout") }));
        QCOMPARE(m.lane(main).nested.at(1).at(0).name, -1); // one of our states: no name of its own
        QCOMPARE(m.lane(main).nested.at(1).at(0).state, State::Running);
        QCOMPARE(segments(m, io),
            QStringList({ QStringLiteral("135000-155000 ReadFile"), QStringLiteral("160000-200000 sleeping") }));
        QCOMPARE(m.lane(io).spans.at(1).state, State::Sleeping);
        // A B without its E lasts to the end of the trace (320 µs).
        QCOMPARE(slices(m, other),
            QStringList({ QStringLiteral("0 300000-320000 open"), QStringLiteral("1 310000-320000 computing") }));

        QCOMPARE(m.lane(main).instants.size(), size_t(1));
        const Instant& mark = m.lane(main).instants.front();
        QCOMPARE(mark.kind, InstantKind::Other);
        QCOMPARE(m.nameOf(mark), QStringLiteral("mark \"one\""));
        QCOMPARE(m.texts().at(mark.text), QStringLiteral("hello"));
        QCOMPARE(m.lane(io).instants.size(), size_t(1));
        QCOMPARE(m.lane(io).instants.front().kind, InstantKind::Fork); // an "I" named like ours
        QCOMPARE(m.lane(io).instants.front().t, qint64(150000));

        // The f has no bp:"e", so it binds to the next slice on its thread: ReadFile at 135 µs.
        QCOMPARE(m.flows().size(), size_t(1));
        const Flow& f = m.flows().front();
        QCOMPARE(f.id, qint64(0x1f));
        QCOMPARE(f.fromLane, main);
        QCOMPARE(f.fromT, qint64(125000));
        QCOMPARE(f.toLane, io);
        QCOMPARE(f.toT, qint64(135000));

        // Samples sorted by time; a two-series counter becomes two tracks.
        QCOMPARE(m.counters().size(), size_t(3));
        const CounterTrack& heap = m.counters().at(0);
        QCOMPARE(heap.name, QStringLiteral("Heap"));
        QCOMPARE(heap.unit, QStringLiteral("MB"));
        QCOMPARE(heap.samples.size(), size_t(2));
        QCOMPARE(heap.samples.at(0).t, qint64(100000));
        QCOMPARE(heap.samples.at(0).value, 10.0);
        QCOMPARE(heap.samples.at(1).value, 12.5);
        QCOMPARE(m.counters().at(1).name, QStringLiteral("Sizes cats"));
        QCOMPARE(m.counters().at(1).samples.at(0).value, 3.0);
        QCOMPARE(m.counters().at(2).name, QStringLiteral("Sizes dogs"));

        // Our exporter writes the foreign names back.
        const QByteArray out = chromeTrace(m);
        QVERIFY(out.contains("\"name\":\"MessageLoop::Run\""));
        QVERIFY(out.contains("\"name\":\"mark \\\"one\\\"\""));
    }
}

// clang -ftime-trace writes each slice when it ends, the inner ones first: ExecuteCompiler
// (9.9 s) holds Frontend and Backend, which hold Source, OptModule and RunPass. Each comes back
// as the one event it is, at its depth, in the model, the CSV and the re-export.
void TestChromeImport::nestedStayWhole()
{
    for (JsonBackend b : backends()) {
        const ChromeTraceImportResult r = importBytes(readAll(dataFile("time-trace.json")), b);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.skipped.total(), qint64(0));
        const TraceModel& m = r.model;
        const int clang = m.laneIndex(4242, 4242);
        QVERIFY(clang >= 0);
        QCOMPARE(slices(m, clang),
            QStringList({ QStringLiteral("0 0-9900000000 ExecuteCompiler"),
                QStringLiteral("1 1000000-1501000000 Frontend"), QStringLiteral("1 1580000000-9880000000 Backend"),
                QStringLiteral("2 1200000-301200000 Source"), QStringLiteral("2 1600000000-1635000000 OptModule"),
                QStringLiteral("2 1700000000-1700700000 RunPass") }));
        QCOMPARE(m.spanCount(), qint64(8));

        QBuffer csv;
        QVERIFY(csv.open(QIODevice::WriteOnly));
        QVERIFY(writeSpansCsv(m, &csv));
        const QList<QByteArray> rows = csv.data().split('\n');
        QVERIFY(rows.contains("4242,4242,clang,ExecuteCompiler,0,9900000,9900000,0"));
        QVERIFY(rows.contains("4242,4242,clang,Backend,1580000,9880000,8300000,1"));
        QVERIFY(rows.contains("4242,4242,clang,RunPass,1700000,1700700,700,2"));
        QCOMPARE(rows.size() - 2, 8); // one row per event, header and final newline aside

        const QByteArray out = chromeTrace(m);
        QVERIFY(out.contains("\"name\":\"ExecuteCompiler\",\"pid\":4242,\"tid\":4242,\"ts\":0,\"dur\":9900000"));
        QCOMPARE(out.count("\"ph\":\"X\""), 8);
        const ChromeTraceImportResult again = importBytes(out, b);
        QVERIFY2(again.ok(), qPrintable(again.error));
        QCOMPARE(slices(again.model, again.model.laneIndex(4242, 4242)), slices(m, clang));
        QCOMPARE(chromeTrace(again.model), out);
    }
}

// Args Forkline does not read itself stay with their event, as compact JSON with their own
// text, and go back out: clang's "detail", a number no double holds, keys with escapes.
// A run's state details go out as args.detail of a slice still named by its state (the contract
// names spans by state), come back into the spans, and go out again byte for byte; a foreign
// slice's args.detail stays one of its own args.
void TestChromeImport::stateDetailsRoundTrip()
{
    TraceModel model;
    const int lane = model.ensureLane(10, 10);
    model.lane(lane).name = QStringLiteral("MainThread");
    model.setState(lane, 0, State::Sleeping, QStringLiteral("1 s"));
    model.setState(lane, 1000, State::WaitingJoin, QStringLiteral("th\"1\""));
    model.setState(lane, 2000, State::Running);
    model.addSource(lane, 2000, QStringLiteral("main.py"), 7);
    model.setState(lane, 3000, State::Computing, QStringLiteral("0..5e7"));
    model.addSource(lane, 3000, QStringLiteral("main.py"), 9);
    model.closeAll(4000);
    const QByteArray first = chromeTrace(model);
    QVERIFY2(first.contains("\"name\":\"sleeping\""), first.constData());
    QVERIFY2(first.contains("\"args\":{\"detail\":\"1 s\",\"worker\":\"MainThread\""), first.constData());
    QVERIFY2(first.contains("\"name\":\"waiting:join\""), first.constData());
    QVERIFY2(first.contains("\"args\":{\"detail\":\"0..5e7\",\"file\":\"main.py\",\"line\":9}"), first.constData());
    for (JsonBackend b : backends()) {
        const ChromeTraceImportResult r = importBytes(first, b);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const Lane& l = r.model.lane(r.model.laneIndex(10, 10));
        QCOMPARE(l.spans.size(), size_t(4));
        QCOMPARE(r.model.detailOf(l.spans[0]), QStringLiteral("1 s"));
        QCOMPARE(r.model.detailOf(l.spans[1]), QStringLiteral("th\"1\""));
        QCOMPARE(r.model.nameOf(l.spans[1]), QStringLiteral("waiting:join"));
        QCOMPARE(r.model.detailOf(l.spans[2]), QString());
        QCOMPARE(r.model.detailOf(l.spans[3]), QStringLiteral("0..5e7"));
        QVERIFY(l.spanArgs.empty()); // the details are the model's, not kept twice as args
        QCOMPARE(chromeTrace(r.model), first);
    }
    const QByteArray foreign = "{\"traceEvents\":[{\"ph\":\"X\",\"pid\":1,\"tid\":1,\"ts\":0,\"dur\":10,"
                               "\"name\":\"Source\",\"args\":{\"detail\":\"a.cpp\"}}]}";
    for (JsonBackend b : backends()) {
        const ChromeTraceImportResult r = importBytes(foreign, b);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const Lane& l = r.model.lane(0);
        QCOMPARE(r.model.nameOf(l.spans[0]), QStringLiteral("Source"));
        QCOMPARE(r.model.detailOf(l.spans[0]), QString());
        QCOMPARE(r.model.spanArgs(l, 0, 0), QByteArray("\"detail\":\"a.cpp\""));
    }
}

// Each slice's `cat` is kept, at every depth, through the nesting that reorders them.
void TestChromeImport::categoriesKept()
{
    for (JsonBackend b : backends()) {
        ChromeTraceImportOptions options;
        options.backend = b;
        const ChromeTraceImportResult r = importChromeTrace(dataFile("categories.json"), options);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const TraceModel& m = r.model;
        const Lane& main = m.lane(m.laneIndex(1, 1));
        QCOMPARE(TraceModel::depthCount(main), 3);
        QCOMPARE(m.categoryOf(main, 0, 0), QStringLiteral("toplevel"));
        QCOMPARE(m.categoryOf(main, 0, 1), QStringLiteral("toplevel"));
        QCOMPARE(m.nameOf(TraceModel::spansAt(main, 1)[1]), QStringLiteral("Layout"));
        QCOMPARE(m.categoryOf(main, 1, 0), QStringLiteral("v8"));
        QCOMPARE(m.categoryOf(main, 1, 1), QStringLiteral("blink"));
        QCOMPARE(m.categoryOf(main, 2, 0), QStringLiteral("v8"));
        const Lane& gpu = m.lane(m.laneIndex(1, 2));
        QCOMPARE(m.categoryOf(gpu, 0, 0), QStringLiteral("gpu"));
        QCOMPARE(m.categoryOf(gpu, 0, 1), QStringLiteral("gpu"));
        QCOMPARE(m.categoryOf(gpu, 0, 2), QString()); // Idle has none
        QVERIFY(gpu.categories.size() <= 2); // runs, not one entry a slice
    }
}

void TestChromeImport::argsKept()
{
    const QByteArray json = "{\"traceEvents\":["
                            "{\"ph\":\"X\",\"pid\":1,\"tid\":1,\"ts\":0,\"dur\":10,\"name\":\"outer\",\"args\":{}},"
                            "{\"ph\":\"X\",\"pid\":1,\"tid\":1,\"ts\":2,\"dur\":3,\"name\":\"inner\","
                            "\"args\" : { \"detail\" : \"a b.cpp\" , \"n\": [1, 2 ,{\"x\": \" y \"}] }},"
                            "{\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":1,\"ts\":4,\"name\":\"mark\","
                            "\"args\":{\"text\":\"hi\",\"big\":123456789012345678901234567890,\"huge\":1e400,"
                            "\"k\\u0065y\":\"\\ud800\",\"code\":3}},"
                            "{\"ph\":\"X\",\"pid\":1,\"tid\":1,\"ts\":20,\"dur\":1,\"name\":\"plain\"}"
                            "]}";
    for (JsonBackend b : backends()) {
        const ChromeTraceImportResult r = importBytes(json, b);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const TraceModel& m = r.model;
        const Lane& lane = m.lane(0);
        QCOMPARE(m.spanArgs(lane, 0, 0), QByteArray()); // outer: empty args keep nothing
        QCOMPARE(m.spanArgs(lane, 0, 1), QByteArray()); // plain: none
        QCOMPARE(m.spanArgs(lane, 1, 0), QByteArray("\"detail\":\"a b.cpp\",\"n\":[1,2,{\"x\":\" y \"}]"));
        QCOMPARE(lane.spanArgs.size(), size_t(1)); // only events that have some
        // The text and code the model reads go back out from the model, not twice.
        QCOMPARE(m.instantArgs(lane, 0),
            QByteArray("\"big\":123456789012345678901234567890,\"huge\":1e400,\"k\\u0065y\":\"\\ud800\""));
        QCOMPARE(lane.instants.front().code, 3);
        QCOMPARE(TraceModel::spanIndex(lane, 1, lane.nested.at(0).at(0)), qint64(0));

        const QByteArray out = chromeTrace(m);
        QVERIFY(out.contains(",\"args\":{\"detail\":\"a b.cpp\",\"n\":[1,2,{\"x\":\" y \"}]}"));
        QVERIFY(out.contains("\"text\":\"hi\",\"code\":3,\"big\":123456789012345678901234567890"));
        const ChromeTraceImportResult again = importBytes(out, b);
        QVERIFY2(again.ok(), qPrintable(again.error));
        QCOMPARE(again.model.spanArgs(again.model.lane(0), 1, 0), m.spanArgs(lane, 1, 0));
        QCOMPARE(chromeTrace(again.model), out);
    }
    // Our own lane description rides on a lane's first event and is no foreign arg.
    const ChromeTraceImportResult clang = importChromeTrace(dataFile("time-trace.json"));
    QVERIFY2(clang.ok(), qPrintable(clang.error));
    const QByteArray once = chromeTrace(clang.model);
    QVERIFY(once.contains("\"name\":\"Source\",\"pid\":4242,\"tid\":4242,\"ts\":1200,\"dur\":300000,"
                          "\"args\":{\"detail\":\"/usr/include/stdio.h\"}"));
    const ChromeTraceImportResult back = importBytes(once);
    QVERIFY2(back.ok(), qPrintable(back.error));
    const Lane& first = back.model.lane(back.model.laneIndex(4242, 4242));
    QCOMPARE(back.model.spanArgs(first, 0, 0), QByteArray()); // ExecuteCompiler: only ours
    QCOMPARE(chromeTrace(back.model), once);
}

// Marks of a process ("s":"p") go on the process and global ones ("s":"g") on the trace, not on
// a made-up thread; async slices get a track per process, cat and name; a pid or tid written as
// a string is a track named so. All of it goes back out and reads back the same.
void TestChromeImport::scopesAsyncAndStringIds()
{
    const QByteArray json
        = "{\"traceEvents\":["
          "{\"ph\":\"X\",\"pid\":\"renderer\",\"tid\":\"compositor\",\"ts\":0,\"dur\":10,\"name\":\"Paint\"},"
          "{\"ph\":\"i\",\"s\":\"p\",\"pid\":7,\"ts\":5,\"name\":\"navigationStart\",\"args\":{\"text\":\"go\"}},"
          "{\"ph\":\"i\",\"s\":\"g\",\"ts\":6,\"name\":\"vsync\"},"
          "{\"ph\":\"b\",\"cat\":\"net\",\"id\":1,\"pid\":7,\"tid\":70,\"ts\":10,\"name\":\"Request\"},"
          "{\"ph\":\"b\",\"cat\":\"net\",\"id\":2,\"pid\":7,\"tid\":71,\"ts\":12,\"name\":\"Request\"},"
          "{\"ph\":\"n\",\"cat\":\"net\",\"id\":1,\"pid\":7,\"ts\":13,\"name\":\"Request\"},"
          "{\"ph\":\"e\",\"cat\":\"net\",\"id\":1,\"pid\":7,\"ts\":20,\"name\":\"Request\"},"
          "{\"ph\":\"e\",\"cat\":\"net\",\"id\":2,\"pid\":7,\"ts\":25},"
          "{\"ph\":\"S\",\"cat\":\"old\",\"id\":\"0x5\",\"pid\":7,\"ts\":30,\"name\":\"Load\"},"
          "{\"ph\":\"F\",\"cat\":\"old\",\"id\":\"0x5\",\"pid\":7,\"ts\":40,\"name\":\"Load\"},"
          "{\"ph\":\"b\",\"cat\":\"net\",\"id\":3,\"pid\":7,\"ts\":50,\"name\":\"Never\"},"
          "{\"ph\":\"e\",\"cat\":\"net\",\"id\":9,\"pid\":7,\"ts\":45}"
          "]}";
    for (JsonBackend b : backends()) {
        const ChromeTraceImportResult r = importBytes(json, b);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.skipped.noPid, qint64(0));
        QCOMPARE(r.skipped.phase, qint64(0));
        QCOMPARE(r.skipped.badTime, qint64(0));
        QCOMPARE(r.skipped.metadata, qint64(0));
        QCOMPARE(r.skipped.total(), qint64(1)); // the e whose b never came
        QCOMPARE(r.skipped.unmatched, qint64(1));
        QCOMPARE(r.unclosedSlices, qint64(1)); // Never
        const TraceModel& m = r.model;
        QStringList lanes;
        for (const ProcessInfo& p : m.processes()) {
            for (int li : p.lanes)
                lanes << p.name + QLatin1Char('/') + m.lane(li).name;
        }
        QCOMPARE(lanes,
            QStringList({ QStringLiteral("renderer/compositor"), QStringLiteral("/Request"), QStringLiteral("/Load"),
                QStringLiteral("/Never") }));
        const ProcessInfo* seven = m.process(7);
        QVERIFY(seven);
        QCOMPARE(seven->instants.size(), size_t(1));
        QCOMPARE(m.nameOf(seven->instants.front()), QStringLiteral("navigationStart"));
        QCOMPARE(m.texts().at(seven->instants.front().text), QStringLiteral("go"));
        QCOMPARE(m.laneIndex(7, 7), -1); // no made-up main thread for it
        QCOMPARE(m.globalInstants().size(), size_t(1));
        QCOMPARE(m.nameOf(m.globalInstants().front()), QStringLiteral("vsync"));
        const int request = seven->lanes.at(0);
        QCOMPARE(slices(m, request),
            QStringList({ QStringLiteral("0 10000-20000 Request"), QStringLiteral("1 12000-25000 Request") }));
        QCOMPARE(m.lane(request).instants.size(), size_t(1)); // the n
        QCOMPARE(slices(m, seven->lanes.at(1)), QStringList { QStringLiteral("0 30000-40000 Load") });
        QCOMPARE(slices(m, seven->lanes.at(2)), QStringList { QStringLiteral("0 50000-50000 Never") });

        const QByteArray out = chromeTrace(m);
        QVERIFY(out.contains("{\"ph\":\"i\",\"s\":\"p\",\"cat\":\"event\",\"name\":\"navigationStart\",\"pid\":7,"
                             "\"ts\":5,\"args\":{\"text\":\"go\"}}"));
        QVERIFY(out.contains("{\"ph\":\"i\",\"s\":\"g\",\"cat\":\"event\",\"name\":\"vsync\",\"ts\":6}"));
        const ChromeTraceImportResult again = importBytes(out, b);
        QVERIFY2(again.ok(), qPrintable(again.error));
        QCOMPARE(again.skipped.total(), qint64(0));
        QCOMPARE(again.model.globalInstants().size(), size_t(1));
        QCOMPARE(chromeTrace(again.model), out);
    }
}

void TestChromeImport::foreignReexportIsStable()
{
    const ChromeTraceImportResult first = importChromeTrace(dataFile("foreign.json"));
    QVERIFY2(first.ok(), qPrintable(first.error));
    const QByteArray once = chromeTrace(first.model);
    const ChromeTraceImportResult second = importBytes(once);
    QVERIFY2(second.ok(), qPrintable(second.error));
    QCOMPARE(second.skipped.total(), qint64(0));
    QCOMPARE(chromeTrace(second.model), once);
}

void TestChromeImport::bareArray()
{
    const QByteArray events = "[{\"ph\":\"X\",\"name\":\"a\",\"pid\":1,\"tid\":2,\"ts\":1,\"dur\":2},\n"
                              "1, \"two\", null, [3], {\"ph\":\"i\",\"name\":\"b\",\"pid\":1,\"tid\":2,\"ts\":4}";
    for (JsonBackend b : backends()) {
        // Closed, and (as the format allows) with the closing bracket or the last comma missing.
        for (const QByteArray& text : QList<QByteArray> { events + "]", events + ",\n", events }) {
            const ChromeTraceImportResult r = importBytes(text, b);
            QVERIFY2(r.ok(), qPrintable(r.error));
            QCOMPARE(r.events, qint64(6));
            QCOMPARE(r.skipped.notObject, qint64(4));
            QCOMPARE(r.model.laneCount(), 1);
            QCOMPARE(segments(r.model, 0), QStringList { QStringLiteral("1000-3000 a") });
            QCOMPARE(r.model.lane(0).instants.size(), size_t(1));
        }
    }
}

void TestChromeImport::nesting_data()
{
    QTest::addColumn<QByteArray>("events");
    QTest::addColumn<QStringList>("expected");
    auto x = [](int ts, int dur, const char* name) {
        return QStringLiteral("{\"ph\":\"X\",\"pid\":1,\"tid\":1,\"ts\":%1,\"dur\":%2,\"name\":\"%3\"},")
            .arg(ts)
            .arg(dur)
            .arg(QLatin1String(name))
            .toUtf8();
    };
    auto be = [](char ph, int ts, const char* name) {
        return QStringLiteral("{\"ph\":\"%1\",\"pid\":1,\"tid\":1,\"ts\":%2,\"name\":\"%3\"},")
            .arg(QLatin1Char(ph))
            .arg(ts)
            .arg(QLatin1String(name))
            .toUtf8();
    };
    auto seg = [](int depth, int from, int to, const char* name) {
        return QStringLiteral("%1 %2-%3 %4").arg(depth).arg(from * 1000).arg(to * 1000).arg(QLatin1String(name));
    };
    QTest::newRow("disjoint, out of order")
        << x(20, 5, "b") + x(0, 10, "a") << QStringList { seg(0, 0, 10, "a"), seg(0, 20, 25, "b") };
    QTest::newRow("child at the parent's start")
        << x(0, 10, "p") + x(0, 4, "c") << QStringList { seg(0, 0, 10, "p"), seg(1, 0, 4, "c") };
    QTest::newRow("child at the parent's end")
        << x(0, 10, "p") + x(6, 4, "c") << QStringList { seg(0, 0, 10, "p"), seg(1, 6, 10, "c") };
    QTest::newRow("same start and length: the later one is inside")
        << x(0, 10, "first") + x(0, 10, "second") << QStringList { seg(0, 0, 10, "first"), seg(1, 0, 10, "second") };
    QTest::newRow("overlap without nesting: the later one below, neither cut")
        << x(0, 10, "a") + x(5, 10, "b") << QStringList { seg(0, 0, 10, "a"), seg(1, 5, 15, "b") };
    QTest::newRow("under an overlap, deeper still") << x(0, 10, "a") + x(5, 15, "b")
            + x(15, 3, "c") << QStringList { seg(0, 0, 10, "a"), seg(1, 5, 20, "b"), seg(2, 15, 18, "c") };
    QTest::newRow("back to the top after a nest") << x(0, 10, "a") + x(2, 1, "c")
            + x(20, 10, "d") << QStringList { seg(0, 0, 10, "a"), seg(0, 20, 30, "d"), seg(1, 2, 3, "c") };
    QTest::newRow("zero length kept as a tick")
        << x(0, 10, "p") + x(5, 0, "tick") << QStringList { seg(0, 0, 10, "p"), seg(1, 5, 5, "tick") };
    QTest::newRow("E closes the latest B, whatever its name") << be('B', 0, "outer") + be('B', 2, "inner")
            + be('E', 4, "outer") + be('E', 8, "inner") << QStringList { seg(0, 0, 8, "outer"), seg(1, 2, 4, "inner") };
    QTest::newRow("X inside B/E") << be('B', 0, "task") + x(1, 2, "running") + be('E', 5, "task")
                                  << QStringList { seg(0, 0, 5, "task"), seg(1, 1, 3, "running") };
    QTest::newRow("E before its B drops the slice")
        << x(0, 2, "a") + be('B', 10, "late") + be('E', 5, "late") << QStringList { seg(0, 0, 2, "a") };
    QTest::newRow("deep") << be('B', 0, "1") + be('B', 1, "2") + be('B', 2, "3") + be('E', 3, "") + be('E', 4, "")
            + be('E', 5, "")
                          << QStringList { seg(0, 0, 5, "1"), seg(1, 1, 4, "2"), seg(2, 2, 3, "3") };
}

void TestChromeImport::nesting()
{
    QFETCH(QByteArray, events);
    QFETCH(QStringList, expected);
    events.chop(1);
    for (JsonBackend b : backends()) {
        const ChromeTraceImportResult r = importBytes("[" + events + "]", b);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.model.laneCount(), 1);
        QCOMPARE(slices(r.model, 0), expected);
        // Whatever came in, the model's contract holds at every depth: sorted and disjoint.
        for (int depth = 0; depth < TraceModel::depthCount(r.model.lane(0)); ++depth) {
            const std::vector<Span>& spans = TraceModel::spansAt(r.model.lane(0), depth);
            QVERIFY(!spans.empty());
            for (size_t i = 1; i < spans.size(); ++i)
                QVERIFY(spans[i].start >= spans[i - 1].end);
        }
        // Written out, read back and written again: the same bytes, every slice whole.
        const QByteArray once = chromeTrace(r.model);
        const ChromeTraceImportResult again = importBytes(once, b);
        QVERIFY2(again.ok(), qPrintable(again.error));
        QCOMPARE(slices(again.model, 0), expected);
        QCOMPARE(chromeTrace(again.model), once);
    }
}

void TestChromeImport::flows()
{
    const QByteArray json = "{\"traceEvents\":["
                            "{\"ph\":\"X\",\"pid\":1,\"tid\":1,\"ts\":0,\"dur\":100,\"name\":\"a\"},"
                            "{\"ph\":\"X\",\"pid\":1,\"tid\":2,\"ts\":50,\"dur\":10,\"name\":\"b\"},"
                            "{\"ph\":\"s\",\"id\":\"chain\",\"pid\":1,\"tid\":1,\"ts\":10,\"name\":\"message\"},"
                            "{\"ph\":\"t\",\"id\":\"chain\",\"pid\":1,\"tid\":2,\"ts\":20,\"name\":\"message\"},"
                            "{\"ph\":\"f\",\"bp\":\"e\",\"id\":\"chain\",\"pid\":1,\"tid\":1,\"ts\":30,"
                            "\"name\":\"message\"},"
                            "{\"ph\":\"s\",\"id2\":{\"local\":\"0x10\"},\"pid\":1,\"tid\":1,\"ts\":40},"
                            "{\"ph\":\"f\",\"id2\":{\"local\":\"0x10\"},\"pid\":1,\"tid\":2,\"ts\":45},"
                            "{\"ph\":\"s\",\"id\":16,\"pid\":1,\"tid\":2,\"ts\":61},"
                            "{\"ph\":\"f\",\"bp\":\"e\",\"id\":16,\"pid\":1,\"tid\":1,\"ts\":70},"
                            "{\"ph\":\"f\",\"id\":99,\"pid\":1,\"tid\":1,\"ts\":80},"
                            "{\"ph\":\"s\",\"pid\":1,\"tid\":1,\"ts\":80}"
                            "]}";
    for (JsonBackend b : backends()) {
        const ChromeTraceImportResult r = importBytes(json, b);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.skipped.unmatched, qint64(2)); // an f without s, an s without id
        const TraceModel& m = r.model;
        const int one = m.laneIndex(1, 1);
        const int two = m.laneIndex(1, 2);
        QStringList arrows;
        for (const Flow& f : m.flows())
            arrows << QStringLiteral("%1 %2@%3 -> %4@%5")
                          .arg(flowName(f.kind))
                          .arg(f.fromLane == one ? 1 : 2)
                          .arg(f.fromT / 1000)
                          .arg(f.toLane == one      ? 1
                                  : f.toLane == two ? 2
                                                    : 0)
                          .arg(f.toT / 1000);
        // s -> t -> f is two arrows; without bp:"e" the end moves to the next slice (b at 50);
        // id 16 is taken by then, so the file's second 16 gets an id of its own.
        QCOMPARE(arrows,
            QStringList({ QStringLiteral("message 1@10 -> 2@20"), QStringLiteral("message 2@20 -> 1@30"),
                QStringLiteral("flow 1@40 -> 2@50"), QStringLiteral("flow 2@61 -> 1@70") }));
        QSet<qint64> ids;
        for (const Flow& f : m.flows())
            ids.insert(f.id);
        QCOMPARE(ids.size(), 4);
        QVERIFY(ids.contains(16));
    }
}

// A flow is its id, cat and name, as Perfetto pairs them: PyTorch traces reuse small ids
// across flow kinds.
void TestChromeImport::flowsPairByIdCatAndName()
{
    for (JsonBackend b : backends()) {
        const ChromeTraceImportResult r = importBytes(readAll(dataFile("flow-keys.json")), b);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QStringList arrows;
        for (const Flow& f : r.model.flows()) {
            if (f.complete())
                arrows << QStringLiteral("%1 -> %2").arg(f.fromT / 1000).arg(f.toT / 1000);
        }
        QCOMPARE(arrows, QStringList({ QStringLiteral("10 -> 30"), QStringLiteral("20 -> 40") }));
        QCOMPARE(r.skipped.unmatched, qint64(1)); // id 2's end is another kind of flow than its start
    }
}

// Our flow events sit at the start of the slice they bind to, with the arrow's time in args.at.
void TestChromeImport::ownFlowTimes()
{
    const QByteArray json
        = "[{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"running\",\"pid\":1,\"tid\":1,\"ts\":0,\"dur\":50},"
          "{\"ph\":\"X\",\"cat\":\"state\",\"name\":\"running\",\"pid\":1,\"tid\":2,\"ts\":20,\"dur\":50},"
          "{\"ph\":\"s\",\"cat\":\"state\",\"name\":\"join\",\"id\":3,\"pid\":1,\"tid\":1,\"ts\":0,"
          "\"args\":{\"at\":50.001}},"
          "{\"ph\":\"f\",\"bp\":\"e\",\"cat\":\"state\",\"name\":\"join\",\"id\":3,\"pid\":1,\"tid\":2,"
          "\"ts\":20,\"args\":{\"at\":60}}]";
    for (JsonBackend b : backends()) {
        const ChromeTraceImportResult r = importBytes(json, b);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.model.flows().size(), size_t(1));
        QCOMPARE(r.model.flows().front().fromT, qint64(50001));
        QCOMPARE(r.model.flows().front().toT, qint64(60000));
        QCOMPARE(r.model.flows().front().kind, FlowKind::Join);
    }
}

// Valid JSON that no part of Forkline reads: numbers beyond 64 bits or beyond a double, lone
// surrogates in names, texts and keys. None of it may fail the import.
void TestChromeImport::unreadableValues()
{
    const QByteArray json = readAll(dataFile("unreadable-values.json"));
    QVERIFY(!json.isEmpty());
    for (JsonBackend b : backends()) {
        const ChromeTraceImportResult r = importBytes(json, b);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const TraceModel& m = r.model;
        const int lane = m.laneIndex(1, 1);
        QVERIFY(lane >= 0);
        QVERIFY(m.lane(lane).name.startsWith(QLatin1String("main ")));
        const QStringList spans = segments(m, lane);
        QCOMPARE(spans.size(), 2);
        QVERIFY2(spans[0].startsWith(QLatin1String("10000-15000 lone ")) && spans[0].endsWith(QLatin1String(" high")),
            qPrintable(spans[0]));
        QCOMPARE(spans[1], QStringLiteral("20000-25000 pair ") + QString::fromUtf8("\xF0\x9F\x98\x80"));
        // The counter keeps the number it can hold.
        QCOMPARE(m.counters().size(), size_t(1));
        QCOMPARE(m.counters().front().samples.size(), size_t(1));
        QCOMPARE(m.counters().front().samples.front().value, 7.0);
        QCOMPARE(m.lane(lane).instants.size(), size_t(1));
    }
}

// process_sort_index and thread_sort_index order processes and threads as viewers do: lower
// first, stably, what has none counting as 0.
void TestChromeImport::sortIndex()
{
    for (JsonBackend b : backends()) {
        const ChromeTraceImportResult r = importBytes(readAll(dataFile("sort-index.json")), b);
        QVERIFY2(r.ok(), qPrintable(r.error));
        const TraceModel& m = r.model;
        QStringList order;
        for (const ProcessInfo& p : m.processes()) {
            QStringList tids;
            for (int lane : p.lanes)
                tids << QString::number(m.lane(lane).tid);
            order << p.name + QLatin1Char(':') + tids.join(QLatin1Char(','));
        }
        QCOMPARE(order, QStringList({ QStringLiteral("B:2"), QStringLiteral("A:13,12,11") }));
        QCOMPARE(r.skipped.metadata, qint64(1)); // a sort index without its number
        QCOMPARE(m.process(1)->name, QStringLiteral("A")); // found by pid after the reordering
    }
}

void TestChromeImport::gzip_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("saveAs");
    QTest::newRow(".json.gz") << dataFile("foreign.json.gz") << QStringLiteral("trace.json.gz");
    QTest::newRow(".gz") << dataFile("foreign.json.gz") << QStringLiteral("trace.gz");
    QTest::newRow("two members") << dataFile("foreign-members.gz") << QStringLiteral("members.gz");
}

// DevTools and Bazel save traces gzipped: such a file reads as the plain one does.
void TestChromeImport::gzip()
{
    QFETCH(QString, file);
    QFETCH(QString, saveAs);
    const QString path = m_dir.filePath(saveAs);
    QFile::remove(path);
    QVERIFY(QFile::copy(file, path));
    const ChromeTraceImportResult plain = importChromeTrace(dataFile("foreign.json"));
    QVERIFY2(plain.ok(), qPrintable(plain.error));
    for (JsonBackend b : backends()) {
        ChromeTraceImportOptions options;
        options.backend = b;
        const ChromeTraceImportResult r = importChromeTrace(path, options);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.events, plain.events);
        QCOMPARE(chromeTrace(r.model), chromeTrace(plain.model));
    }
}

void TestChromeImport::gzipDamaged()
{
    QByteArray bytes = readAll(dataFile("foreign.json.gz"));
    QVERIFY(bytes.size() > 40);
    const QString cut = m_dir.filePath(QStringLiteral("cut.json.gz"));
    const QString bad = m_dir.filePath(QStringLiteral("bad.json.gz"));
    ForklineTest::writeFile(m_dir, QStringLiteral("cut.json.gz"), bytes.left(bytes.size() / 2));
    bytes[20] = char(~bytes[20]);
    bytes[21] = char(~bytes[21]);
    ForklineTest::writeFile(m_dir, QStringLiteral("bad.json.gz"), bytes);
    for (const QString& path : { cut, bad }) {
        const ChromeTraceImportResult r = importChromeTrace(path);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.contains(QLatin1String("gzip")), qPrintable(r.error));
    }
}

void TestChromeImport::fallbackAgrees_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("foreign") << dataFile("foreign.json");
    for (int i = 0; i < m_runs.size(); ++i)
        QTest::addRow("run %d", i) << m_runs.at(i);
    const QString built = m_dir.filePath(QStringLiteral("built.json"));
    QString error;
    QVERIFY(saveChromeTrace(builtModel(), built, &error));
    QTest::newRow("built") << built;
}

void TestChromeImport::fallbackAgrees()
{
    if (!chromeTraceSimdjsonAvailable())
        QSKIP("this build has only the QJsonDocument parser");
    QFETCH(QString, path);
    ChromeTraceImportOptions fast;
    fast.backend = JsonBackend::Simdjson;
    ChromeTraceImportOptions portable;
    portable.backend = JsonBackend::QtJson;
    const ChromeTraceImportResult a = importChromeTrace(path, fast);
    const ChromeTraceImportResult b = importChromeTrace(path, portable);
    QVERIFY2(a.ok(), qPrintable(a.error));
    QVERIFY2(b.ok(), qPrintable(b.error));
    QCOMPARE(chromeTrace(b.model), chromeTrace(a.model));
    QCOMPARE(b.model.texts(), a.model.texts());
    QCOMPARE(b.model.names(), a.model.names());
    QCOMPARE(b.model.spanCount(), a.model.spanCount());
    QCOMPARE(b.events, a.events);
    QCOMPARE(b.skipped.total(), a.skipped.total());
    QCOMPARE(b.unclosedSlices, a.unclosedSlices);
}

void TestChromeImport::micros_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("ns");
    QTest::newRow("integer") << QByteArray("12") << true << qint64(12000);
    QTest::newRow("three decimals") << QByteArray("1234.567") << true << qint64(1234567);
    QTest::newRow("negative") << QByteArray("-1.5") << true << qint64(-1500);
    QTest::newRow("past 2^53 ns") << QByteArray("9007199254740.993") << true << qint64(9007199254740993);
    QTest::newRow("rounds half away") << QByteArray("0.0005") << true << qint64(1);
    QTest::newRow("rounds down") << QByteArray("0.0004999") << true << qint64(0);
    QTest::newRow("exponent") << QByteArray("1.5e3") << true << qint64(1500000);
    QTest::newRow("negative exponent") << QByteArray("25E-1") << true << qint64(2500);
    QTest::newRow("trailing blanks") << QByteArray("7 \n") << true << qint64(7000);
    QTest::newRow("zero") << QByteArray("-0") << true << qint64(0);
    QTest::newRow("too large") << QByteArray("1e20") << false << qint64(0);
    QTest::newRow("not a number") << QByteArray("12abc") << false << qint64(0);
    QTest::newRow("dot alone") << QByteArray("1.") << false << qint64(0);
    QTest::newRow("empty") << QByteArray("") << false << qint64(0);
}

void TestChromeImport::micros()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(qint64, ns);
    qint64 out = 0;
    QCOMPARE(microsToNanos(std::string_view(text.constData(), size_t(text.size())), &out), ok);
    if (ok)
        QCOMPARE(out, ns);
}

QTEST_GUILESS_MAIN(TestChromeImport)
#include "tst_chromeimport.moc"
