// SPDX-License-Identifier: GPL-3.0-or-later
// The data lessons through the real runner: exact sums, the simulated GIL, locks, queues,
// memory, and the speed comparison.
#include "compare/speedupchart.h"
#include "comparison.h"
#include "runutil.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ForklineTest;

namespace {

std::vector<Span> spansIn(const Lane& l, State s)
{
    std::vector<Span> out;
    for (const Span& sp : l.spans) {
        if (sp.state == s)
            out.push_back(sp);
    }
    return out;
}

qint64 overlap(const std::vector<Span>& a, const std::vector<Span>& b)
{
    qint64 total = 0;
    for (const Span& x : a) {
        for (const Span& y : b)
            total += std::max<qint64>(0, std::min(x.end, y.end) - std::max(x.start, y.start));
    }
    return total;
}

qint64 totalOf(const std::vector<Span>& spans)
{
    qint64 t = 0;
    for (const Span& s : spans)
        t += s.end - s.start;
    return t;
}

QString sumText(qint64 from, qint64 to)
{
    // Sum of [from, to) in closed form; exact in 64 bits for the ranges tested here.
    const qint64 n = to - from;
    return QString::number((from + to - 1) * n / 2);
}

} // namespace

class TestGil : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exactSums_data();
    void exactSums();
    void gilOnNeverComputesTwice();
    void gilOffComputesSideBySide();
    void switchIntervalShapesTheTurns();
    void counterRaceAndLock_data();
    void counterRaceAndLock();
    void queueMessagesAreArrows();
    void recvWithoutSenderEndsOnStop();
    void recvTimeoutRaisesEmpty();
    void memoryIsSampledPerProcess();
    void badDataInput_data();
    void badDataInput();
    void compareHasEveryVariant();
    void chartRendersOffscreen();
};

void TestGil::exactSums_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("one thread") << QStringLiteral("gil-sum-single") << QStringLiteral("Result : ");
    QTest::newRow("two threads") << QStringLiteral("gil-sum") << QStringLiteral("Result : ");
    QTest::newRow("two processes") << QStringLiteral("gil-sum-processes") << QStringLiteral("result: ");
}

void TestGil::exactSums()
{
    QFETCH(QString, scenario);
    QFETCH(QString, prefix);
    for (const double scale : { 0.001, 0.013 }) {
        const auto r
            = runCli({ QStringLiteral("run"), scenario, QStringLiteral("--work-scale"), QString::number(scale) });
        QCOMPARE(r.exitCode, 0);
        const qint64 to = qint64(std::llround(1e8 * scale));
        QCOMPARE(QString::fromUtf8(r.out).trimmed(), prefix + sumText(0, to));
    }
}

void TestGil::gilOnNeverComputesTwice()
{
    RunOptions o;
    o.workScale = 0.03; // a few hundred ms of compute per thread: many switch intervals
    const RunResult r = runScenario(QStringLiteral("gil-sum"), o);
    QCOMPARE(r.exitCode, 0);
    const auto a = spansIn(requireLane(r.model, QStringLiteral("th1")), State::Computing);
    const auto b = spansIn(requireLane(r.model, QStringLiteral("th2")), State::Computing);
    QVERIFY(a.size() > 3 && b.size() > 3); // they took turns, many times
    QCOMPARE(overlap(a, b), 0);
    QVERIFY(!spansIn(requireLane(r.model, QStringLiteral("th1")), State::WaitingGil).empty());
}

void TestGil::gilOffComputesSideBySide()
{
    RunOptions o;
    o.workScale = 0.03;
    o.gil = 0;
    const RunResult r = runScenario(QStringLiteral("gil-sum"), o);
    QCOMPARE(r.exitCode, 0);
    const auto a = spansIn(requireLane(r.model, QStringLiteral("th1")), State::Computing);
    const auto b = spansIn(requireLane(r.model, QStringLiteral("th2")), State::Computing);
    QCOMPARE(a.size(), size_t(1));
    QCOMPARE(b.size(), size_t(1));
    // Generous: on a busy 2-core machine they still overlap for most of their time.
    QVERIFY2(overlap(a, b) > std::min(totalOf(a), totalOf(b)) / 4, "threads did not compute in parallel");
    QVERIFY(spansIn(requireLane(r.model, QStringLiteral("th1")), State::WaitingGil).empty());
}

void TestGil::switchIntervalShapesTheTurns()
{
    RunOptions o;
    o.workScale = 0.03;
    o.switchInterval = 0.05; // ten times the default: ten times fewer, longer turns
    const RunResult r = runScenario(QStringLiteral("gil-sum"), o);
    QCOMPARE(r.exitCode, 0);
    const auto a = spansIn(requireLane(r.model, QStringLiteral("th1")), State::Computing);
    QVERIFY(a.size() >= 2);
    // Every turn but the last lasts at least about one interval.
    for (size_t i = 0; i + 1 < a.size(); ++i)
        QVERIFY2(a[i].end - a[i].start >= 40'000'000, qPrintable(QString::number(a[i].end - a[i].start)));
}

void TestGil::counterRaceAndLock_data()
{
    QTest::addColumn<bool>("gil");
    QTest::newRow("gil on") << true;
    QTest::newRow("gil off") << false;
}

void TestGil::counterRaceAndLock()
{
    QFETCH(bool, gil);
    const QString gilArg = gil ? QStringLiteral("on") : QStringLiteral("off");
    // With the GIL the threads take their turns in the same order every run, so every run
    // loses updates. Without it the OS interleaves them: a run that loses none is possible
    // in principle, so up to three runs are allowed to show the loss.
    int lostRuns = 0;
    const int runs = gil ? 1 : 3;
    for (int i = 0; i < runs && lostRuns == 0; ++i) {
        const auto race
            = runCli({ QStringLiteral("run"), QStringLiteral("counter-race"), QStringLiteral("--gil"), gilArg });
        QCOMPARE(race.exitCode, 0);
        const QString raceOut = QString::fromUtf8(race.out).trimmed();
        QVERIFY2(raceOut.startsWith(QStringLiteral("counter = ")), qPrintable(raceOut));
        const int count = raceOut.section(QLatin1Char(' '), 2, 2).toInt();
        QVERIFY2(count > 0 && count <= 4000, qPrintable(raceOut));
        lostRuns += count < 4000;
    }
    QVERIFY2(lostRuns > 0, "the unlocked counter lost no update");

    // The lock makes every run exact, with or without the GIL.
    RunOptions o;
    o.gil = gil ? 1 : 0;
    const RunResult locked = runScenario(QStringLiteral("counter-lock"), o);
    QCOMPARE(locked.exitCode, 0);
    QCOMPARE(locked.prints.last(), QStringLiteral("counter = 4000 (expected 4000)"));
    // Every wait that ends in the lock is an arrow from a release on another lane. (With the
    // GIL, CPython's unfair lock leaves these short critical sections uncontended:
    // tst_semantics counts the waits.)
    for (const Flow& f : locked.model.flows()) {
        if (f.kind == FlowKind::Lock && f.complete()) {
            QVERIFY(f.toT >= f.fromT);
            QVERIFY(f.fromLane != f.toLane);
        }
    }
}

void TestGil::queueMessagesAreArrows()
{
    RunOptions o;
    o.timeScale = 0.1;
    const RunResult r = runScenario(QStringLiteral("producer-consumer"), o);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(r.prints.contains(QStringLiteral("[consumer] got item 4")));
    int messages = 0;
    for (const Flow& f : r.model.flows())
        messages += f.kind == FlowKind::Message && f.complete();
    QCOMPARE(messages, 5);
    QVERIFY(!spansIn(requireLane(r.model, QStringLiteral("consumer")), State::WaitingQueue).empty());

    // Between processes the messages cross a real socket, and still make arrows.
    RunOptions p;
    p.workScale = 0.002;
    const RunResult procs = runScenario(QStringLiteral("gil-sum-processes"), p);
    QCOMPARE(procs.exitCode, 0);
    int crossing = 0;
    for (const Flow& f : procs.model.flows()) {
        if (f.kind == FlowKind::Message && f.complete())
            crossing += procs.model.lane(f.fromLane).pid != procs.model.lane(f.toLane).pid;
    }
    QCOMPARE(crossing, 2);
}

void TestGil::recvWithoutSenderEndsOnStop()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("wait.json"),
        R"({"main": [{"print": "waiting"}, {"recv": "nobody", "into": "x"}, {"print": "never"}]})");
    Collector collector;
    Collector::Launch launch;
    launch.scenario = path;
    launch.program = QStringLiteral(FORKLINE_BIN);
    QSignalSpy printed(&collector, &Collector::printed);
    QSignalSpy finished(&collector, &Collector::finished);
    QString error;
    QVERIFY(collector.start(launch, &error));
    QTRY_VERIFY_WITH_TIMEOUT(printed.count() == 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(
        collector.model().laneCount() == 1 && collector.model().lane(0).openState == State::WaitingQueue, 20000);
    collector.stop();
    QVERIFY(finished.wait(10000));
    const Lane& main = collector.model().lane(0);
    QVERIFY(findInstant(main, InstantKind::Aborted));
    QVERIFY(!spansIn(main, State::WaitingQueue).empty());
}

void TestGil::recvTimeoutRaisesEmpty()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("timeout.json"),
        R"({"main": [{"recv": "nobody", "into": "x", "timeout": 0.2}, {"print": "never"}]})");
    const auto r = runCli({ QStringLiteral("run"), path });
    QCOMPARE(r.exitCode, 1); // an exception in the main thread fails the program
    QVERIFY(r.err.contains("queue.Empty"));
    QVERIFY(!r.out.contains("never"));
}

void TestGil::memoryIsSampledPerProcess()
{
    RunOptions o;
    o.timeScale = 0.2;
    const RunResult r = runScenario(QStringLiteral("memory-share"), o);
    QCOMPARE(r.exitCode, 0);
    const Lane& main = requireLane(r.model, QStringLiteral("MainThread"));
    const Lane& p1 = requireLane(r.model, QStringLiteral("process1"));
    auto peak = [&](qint64 pid) {
        double m = 0;
        for (const CounterTrack& c : r.model.counters()) {
            if (c.pid == pid && c.name == QLatin1String("memory")) {
                for (const CounterSample& s : c.samples)
                    m = std::max(m, s.value);
            }
        }
        return m;
    };
    // The 256 MiB buffer shows in the main process once, and again in each child that copies it.
    QVERIFY2(peak(main.pid) > 250, qPrintable(QString::number(peak(main.pid))));
    QVERIFY2(peak(p1.pid) > 250, qPrintable(QString::number(peak(p1.pid))));
}

void TestGil::badDataInput_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");
    QTest::newRow("compute too big") << QByteArray(R"({"main": [{"compute": "sum", "from": 0, "to": 2000000000000}]})")
                                     << QStringLiteral("at most");
    QTest::newRow("switch interval too small")
        << QByteArray(R"({"switch_interval": 0.00001, "main": []})") << QStringLiteral("switch_interval");
    QTest::newRow("switch interval too large")
        << QByteArray(R"({"switch_interval": 2, "main": []})") << QStringLiteral("switch_interval");
    QTest::newRow("undeclared shared") << QByteArray(R"({"main": [{"load": "counter", "into": "v"}]})")
                                       << QStringLiteral("not declared");
    QTest::newRow("unknown compute") << QByteArray(R"({"main": [{"compute": "product", "from": 0, "to": 5}]})")
                                     << QStringLiteral("\"compute\" takes");
}

void TestGil::badDataInput()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("bad.json"), json);
    const auto r = runCli({ QStringLiteral("run"), path });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY(QString::fromUtf8(r.err).startsWith(path + QLatin1Char(':')));
    // The command-line switch has the same limits.
    const auto cli = runCli(
        { QStringLiteral("run"), QStringLiteral("gil-sum"), QStringLiteral("--switch-interval"), QStringLiteral("5") });
    QCOMPARE(cli.exitCode, 2);
}

void TestGil::compareHasEveryVariant()
{
    QTemporaryDir dir;
    const QString json = dir.filePath(QStringLiteral("cmp.json"));
    const QString chart = dir.filePath(QStringLiteral("chart.png"));
    const auto r = runCli({ QStringLiteral("compare"), QStringLiteral("gil-sum"), QStringLiteral("--work-scale"),
        QStringLiteral("0.005"), QStringLiteral("--json"), json, QStringLiteral("--chart"), chart });
    QCOMPARE(r.exitCode, 0);
    QFile f(json);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonArray variants
        = QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("variants")).toArray();
    QCOMPARE(variants.size(), 6);
    QSet<QString> seen;
    for (const QJsonValue& v : variants) {
        const QJsonObject o = v.toObject();
        for (const char* key :
            { "name", "kind", "workers", "gil", "wall_s", "speedup", "result", "contended", "other_cpu" })
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(QLatin1String("result")).toString(), sumText(0, 500000));
        QVERIFY(o.value(QLatin1String("wall_s")).toDouble() > 0);
        seen.insert(o.value(QLatin1String("name")).toString()
            + (o.value(QLatin1String("gil")).toBool() ? QLatin1String("+") : QLatin1String("-")));
    }
    QCOMPARE(seen.size(), 6);
    QVERIFY(r.out.contains("2 processes"));
    QImage image(chart);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), 1920);
}

void TestGil::chartRendersOffscreen()
{
    std::vector<VariantResult> results(4);
    const char* names[] = { "1 thread", "2 threads", "1 thread", "2 threads" };
    const double speedups[] = { 1.0, 0.97, 1.0, 1.9 };
    for (size_t i = 0; i < 4; ++i) {
        results[i].name = QLatin1String(names[i]);
        results[i].gil = i < 2;
        results[i].speedup = speedups[i];
        results[i].ok = true;
    }
    SpeedupChart chart;
    chart.resize(640, 400);
    chart.setResults(results, QStringLiteral("test"));
    const QImage shot = chart.grab().toImage();
    QVERIFY(!shot.isNull());
    // The GIL-on bars are drawn in their blue.
    bool blue = false;
    for (int y = 0; y < shot.height() && !blue; y += 2) {
        for (int x = 0; x < shot.width() && !blue; x += 2)
            blue = shot.pixelColor(x, y) == QColor(0x00, 0x72, 0xB2);
    }
    QVERIFY(blue);
}

QTEST_MAIN(TestGil)
#include "tst_gil.moc"
