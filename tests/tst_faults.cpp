// SPDX-License-Identifier: GPL-3.0-or-later
// What the world outside a run can do to it: edit or delete its scenario file, start it with
// stdin closed, stop reading what it prints, kill its runner. Through the real binary.
#include "testutil.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

#if !defined(Q_OS_WIN)
#include <csignal>
#endif

using namespace ForklineTest;

namespace {

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void endedWorkerLosesNothingToABroadcast();
};

void TestFaults::endedWorkerLosesNothingToABroadcast()
{
#if defined(Q_OS_WIN)
    QSKIP("reads /proc");
#endif
    // A control line (Stop, terminate) goes to every process of the run, including one that has
    // just ended and whose end the collector has not yet taken in. Writing to it must not
    // throw away its last events, nor warn about a closed socket.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("device not open")));
    QTemporaryDir dir;
    const QString path = writeFile(dir, QStringLiteral("q.json"),
        R"({"main": [{"start": "q"}, {"sleep": 30}],
            "workers": [{"name": "q", "kind": "process", "steps": [{"print": "q up"}, {"sleep": 0.3}, {"print": "q bye"}]}]})");
    Collector collector;
    Collector::Launch launch;
    launch.scenario = path;
    launch.program = QStringLiteral(FORKLINE_BIN);
    QStringList prints;
    connect(&collector, &Collector::printed, this, [&prints](int, const QString& text) { prints << text; });
    QSignalSpy finished(&collector, &Collector::finished);
    QString error;
    QVERIFY(collector.start(launch, &error));
    QTRY_VERIFY_WITH_TIMEOUT(prints.contains(QStringLiteral("q up")), 20000);
    const qint64 q = collector.model().lane(laneNamed(collector.model(), QStringLiteral("q"))).pid;
    // No event loop from here: the collector cannot see q end.
    QElapsedTimer wait;
    wait.start();
    while (processAlive(q) && wait.elapsed() < 20000)
        QThread::msleep(20);
    QVERIFY(!processAlive(q));
    collector.terminateWorker(QStringLiteral("q"));
    QTRY_VERIFY_WITH_TIMEOUT(prints.contains(QStringLiteral("q bye")), 10000);
    collector.stop();
    QVERIFY(finished.wait(10000));
    const Lane& ql = collector.model().lane(laneNamed(collector.model(), QStringLiteral("q")));
    QVERIFY(findInstant(ql, InstantKind::End));
    QVERIFY(!findInstant(ql, InstantKind::Aborted));
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
