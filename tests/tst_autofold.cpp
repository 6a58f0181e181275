// SPDX-License-Identifier: GPL-3.0-or-later
// AutoFold: which processes of a large run start folded, and that each is decided once.
#include "autofold.h"
#include "tracemodel.h"

#include <QTest>

using namespace Forkline;

namespace {

// `threads` lanes in process `pid`.
void addProcess(TraceModel* m, qint64 pid, int threads)
{
    m->ensureProcess(pid);
    for (int i = 0; i < threads; ++i) {
        const int lane = m->ensureLane(pid, pid * 100000 + i);
        m->setState(lane, i, State::Running);
    }
}

} // namespace

class TestAutoFold : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void smallRunsStayOpen();
    void busyProcessesOfALargeRunFold();
    void eachProcessIsFoldedOnce();
};

void TestAutoFold::smallRunsStayOpen()
{
    TraceModel m;
    addProcess(&m, 1, AutoFold::kManyLanes); // many threads, but not a large run
    AutoFold fold;
    QVERIFY(fold.update(m).isEmpty());
}

void TestAutoFold::busyProcessesOfALargeRunFold()
{
    TraceModel m;
    addProcess(&m, 1, 1); // main, one thread
    addProcess(&m, 2, 400);
    addProcess(&m, 3, AutoFold::kManyThreads); // not "many"
    addProcess(&m, 4, AutoFold::kManyThreads + 1);
    AutoFold fold;
    QCOMPARE(fold.update(m), (QList<qint64> { 2, 4 }));
}

void TestAutoFold::eachProcessIsFoldedOnce()
{
    TraceModel m;
    addProcess(&m, 1, 400);
    AutoFold fold;
    QCOMPARE(fold.update(m), QList<qint64> { 1 });
    // The person opened it again; the next frames of the run must not fold it back.
    addProcess(&m, 5, 20);
    QCOMPARE(fold.update(m), QList<qint64> { 5 });
    QVERIFY(fold.update(m).isEmpty());
}

QTEST_MAIN(TestAutoFold)
#include "tst_autofold.moc"
