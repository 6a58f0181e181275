// SPDX-License-Identifier: GPL-3.0-or-later
// Runs real scenarios through the real runner process and checks the merged trace.
#include "runutil.h"

#include <QSignalSpy>
#include <QTest>

using namespace Forkline;

using namespace ForklineTest;

class TestRunner : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void buyerSeller();
    void threadIds();
    void daemonThreadsAreKilledAtExit();
    void nonDaemonThreadsAreJoinedAtExit();
    void stopAbortsEveryLane();
    void printedOrderFollowsTheGil_data();
    void printedOrderFollowsTheGil();
};

void TestRunner::buyerSeller()
{
    RunOptions options;
    options.timeScale = 0.02;
    const RunResult r = runScenario(QStringLiteral("buyer-seller"), options);
    QCOMPARE(r.exitCode, 0);
    const TraceModel& m = r.model;
    QCOMPARE(m.processes().size(), size_t(1));
    const int main = laneNamed(m, QStringLiteral("MainThread"));
    const int buyer = laneNamed(m, QStringLiteral("buyer"));
    const int seller = laneNamed(m, QStringLiteral("seller"));
    QVERIFY(main >= 0 && buyer >= 0 && seller >= 0);
    const Lane& lm = m.lane(main);
    const Lane& lb = m.lane(buyer);
    const Lane& ls = m.lane(seller);
    // One process: the workers share the main lane's PID, each has its own native thread id.
    QCOMPARE(lb.pid, lm.pid);
    QCOMPARE(ls.pid, lm.pid);
    QVERIFY(lb.tid != lm.tid);
    QVERIFY(ls.tid != lm.tid);
    QVERIFY(lb.tid != ls.tid);
    QCOMPARE(lb.label, QStringLiteral("매수"));
    QCOMPARE(lb.parent, main);

    auto printsOf = [&](const Lane& l) {
        return std::count_if(
            l.instants.begin(), l.instants.end(), [](const Instant& i) { return i.kind == InstantKind::Print; });
    };
    QCOMPARE(printsOf(lb), 20);
    QCOMPARE(printsOf(ls), 20);
    QCOMPARE(r.prints.first(), QStringLiteral("[메인] start"));
    QCOMPARE(r.prints.last(), QStringLiteral("[메인] 장 종료"));
    QCOMPARE(r.prints.size(), 42);

    // Both workers are alive at the same time: their lifetimes overlap.
    const Instant* bStart = findInstant(lb, InstantKind::Start);
    const Instant* sStart = findInstant(ls, InstantKind::Start);
    const Instant* bEnd = findInstant(lb, InstantKind::End);
    const Instant* sEnd = findInstant(ls, InstantKind::End);
    QVERIFY(bStart && sStart && bEnd && sEnd);
    QVERIFY(std::max(bStart->t, sStart->t) < std::min(bEnd->t, sEnd->t));
    // 20 sleeps of 20 ms each: a generous lower bound on each worker's life.
    QVERIFY(bEnd->t - bStart->t >= 20 * 20'000'000LL * 9 / 10);
    QVERIFY(firstStart(lb, State::Sleeping) >= 0);

    // Main waits in join() and both joins come after both ends.
    QVERIFY(firstStart(lm, State::WaitingJoin) >= 0);
    const Instant* joinB = findInstant(lm, InstantKind::Join, QStringLiteral("buyer"), &m);
    const Instant* joinS = findInstant(lm, InstantKind::Join, QStringLiteral("seller"), &m);
    QVERIFY(joinB && joinS);
    QVERIFY(joinB->t >= bEnd->t);
    QVERIFY(joinS->t >= sEnd->t);
    QVERIFY(joinS->t >= joinB->t);

    // Fork arrows from main to each worker and join arrows back.
    int forks = 0;
    int joins = 0;
    for (const Flow& f : m.flows()) {
        QVERIFY(f.complete());
        QVERIFY(f.toT >= f.fromT);
        if (f.kind == FlowKind::Fork && f.fromLane == main)
            ++forks;
        if (f.kind == FlowKind::Join && f.toLane == main)
            ++joins;
    }
    QCOMPARE(forks, 2);
    QCOMPARE(joins, 2);
    // Spans of every lane are sorted and disjoint.
    for (const Lane& l : m.lanes()) {
        for (size_t i = 1; i < l.spans.size(); ++i)
            QVERIFY(l.spans[i].start >= l.spans[i - 1].end);
    }
}

void TestRunner::threadIds()
{
    const RunResult r = runScenario(QStringLiteral("thread-ids"));
    QCOMPARE(r.exitCode, 0);
    const int main = laneNamed(r.model, QStringLiteral("MainThread"));
    const int foo = laneNamed(r.model, QStringLiteral("foo"));
    QVERIFY(main >= 0 && foo >= 0);
    const Lane& lm = r.model.lane(main);
    const Lane& lf = r.model.lane(foo);
    // The printed ids are the real ones the lanes carry.
    QCOMPARE(r.prints,
        QStringList({ QStringLiteral("process id %1").arg(lm.pid), QStringLiteral("thread id %1").arg(lf.tid),
            QStringLiteral("process id %1").arg(lm.pid) }));
}

void TestRunner::daemonThreadsAreKilledAtExit()
{
    // buyer-seller with daemon workers whose join is removed would need a new file; the
    // override makes both daemons, and main still joins them, so use a file instead.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("daemons.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"main": [{"print": "main start"}, {"start": "a"}, {"start": "b"}, {"sleep": 0.2},
               {"print": "main end"}],
      "workers": [
        {"name": "a", "daemon": true, "steps": [{"print": "a start"}, {"sleep": 30}, {"print": "a end"}]},
        {"name": "b", "daemon": true, "steps": [{"print": "b start"}, {"sleep": 30}, {"print": "b end"}]}]})");
    f.close();
    QElapsedTimer wall;
    wall.start();
    const RunResult r = runScenario(path);
    QCOMPARE(r.exitCode, 0);
    QVERIFY(wall.elapsed() < 20000); // nobody waited for the 30 s sleeps
    QVERIFY(!r.prints.contains(QStringLiteral("a end")));
    const Lane& main = requireLane(r.model, QStringLiteral("MainThread"));
    const Instant* mainExit = findInstant(main, InstantKind::MainExit);
    QVERIFY(mainExit);
    for (const QString& name : { QStringLiteral("a"), QStringLiteral("b") }) {
        const Lane& l = requireLane(r.model, name);
        QVERIFY(l.daemon);
        const Instant* killed = findInstant(l, InstantKind::Killed);
        QVERIFY2(killed, qPrintable(name));
        QVERIFY(killed->t >= mainExit->t);
        QVERIFY(killed->t - mainExit->t < 2'000'000'000LL);
        QVERIFY(!findInstant(l, InstantKind::End));
    }
}

void TestRunner::nonDaemonThreadsAreJoinedAtExit()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nondaemon.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"main": [{"start": "w"}, {"print": "main end"}],
      "workers": [{"name": "w", "steps": [{"sleep": 0.3}, {"print": "w end"}]}]})");
    f.close();
    const RunResult r = runScenario(path);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.prints, QStringList({ QStringLiteral("main end"), QStringLiteral("w end") }));
    const Lane& main = requireLane(r.model, QStringLiteral("MainThread"));
    const Lane& w = requireLane(r.model, QStringLiteral("w"));
    const Instant* mainExit = findInstant(main, InstantKind::MainExit);
    const Instant* wEnd = findInstant(w, InstantKind::End);
    QVERIFY(mainExit && wEnd);
    QVERIFY(wEnd->t > mainExit->t);
    // The implicit join at exit is a visible wait on the main lane, a state of its own
    // ("waiting: non-daemon threads (exit)"), not the join of a join() step.
    QVERIFY(firstStart(main, State::WaitingExit) >= mainExit->t);
    QCOMPARE(firstStart(main, State::WaitingJoin), qint64(-1));
    const Instant* mainEnd = findInstant(main, InstantKind::End);
    QVERIFY(mainEnd && mainEnd->t >= wEnd->t);
}

void TestRunner::stopAbortsEveryLane()
{
    Collector collector;
    Collector::Launch launch;
    launch.scenario = QStringLiteral("buyer-seller");
    launch.program = QStringLiteral(FORKLINE_BIN);
    QSignalSpy finished(&collector, &Collector::finished);
    QSignalSpy printed(&collector, &Collector::printed);
    QString error;
    QVERIFY(collector.start(launch, &error));
    // Wait until both workers have printed, then stop mid-run.
    QTRY_VERIFY_WITH_TIMEOUT(printed.count() >= 3, 20000);
    QElapsedTimer t;
    t.start();
    collector.stop();
    QVERIFY(finished.wait(10000));
    QVERIFY(t.elapsed() < 3000);
    const TraceModel& m = collector.model();
    QCOMPARE(m.laneCount(), 3);
    for (const Lane& l : m.lanes()) {
        QVERIFY(l.ended);
        QString kinds;
        for (const Instant& in : l.instants)
            kinds += instantName(in.kind) + QLatin1Char(' ');
        QVERIFY2(findInstant(l, InstantKind::Aborted), qPrintable(l.name + QLatin1String(": ") + kinds));
    }
    QCOMPARE(finished.first().first().toInt(), 130);
}

void TestRunner::printedOrderFollowsTheGil_data()
{
    // Under the GIL a started thread runs until it first blocks or prints before its starter
    // goes on, and a print lets a waiting thread run: the lessons' printed orders follow.
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("five daemon workers") << QStringList { QStringLiteral("run"), QStringLiteral("five-workers"),
        QStringLiteral("--time-scale"), QStringLiteral("0.05"), QStringLiteral("--daemon"), QStringLiteral("all=on") }
                                         << QStringList { QStringLiteral("main thread start"),
                                                QStringLiteral("sub thread start  thread 0"),
                                                QStringLiteral("sub thread start  thread 1"),
                                                QStringLiteral("sub thread start  thread 2"),
                                                QStringLiteral("sub thread start  thread 3"),
                                                QStringLiteral("sub thread start  thread 4"),
                                                QStringLiteral("main thread end") };
    QTest::newRow("daemon waiting for input")
        << QStringList { QStringLiteral("run"), QStringLiteral("input-worker-daemon") }
        << QStringList { QStringLiteral("[main] start"), QStringLiteral("[sub] start"), QStringLiteral("[main] end"),
               QStringLiteral("[main] 이제 메인 스레드는 자기 할일을 계속합니다."),
               QStringLiteral("[sub] 검색어를 입력하세요.") };
    QTest::newRow("different work") << QStringList { QStringLiteral("run"), QStringLiteral("foo-bar-baz") }
                                    << QStringList { QStringLiteral("This is foo"), QStringLiteral("This is bar"),
                                           QStringLiteral("This is baz") };
}

void TestRunner::printedOrderFollowsTheGil()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, expected);
    for (int attempt = 0; attempt < 3; ++attempt) {
        QProcess p;
        p.setStandardInputFile(QProcess::nullDevice());
        p.start(QStringLiteral(FORKLINE_BIN), args);
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QStringList lines
            = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines, expected);
    }
}

QTEST_GUILESS_MAIN(TestRunner)
#include "tst_runner.moc"
