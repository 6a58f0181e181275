// SPDX-License-Identifier: GPL-3.0-or-later
#include "locktable.h"

#include <QTest>
#include <atomic>
#include <thread>
#include <vector>

using namespace Forkline;

namespace {
constexpr int kWaitMs = 10000; // generous: the machine may be busy
const QString kLock = QStringLiteral("lock");

// acquire() as a thread with no GIL does it: wait for a release, try again.
void acquire(LockTable& locks, qint64 tid, LockTable::Release* last = nullptr, std::atomic<bool>* waiting = nullptr)
{
    quint64 generation = 0;
    LockTable::Release l;
    while (!locks.tryAcquire(kLock, tid, &generation, &l)) {
        if (waiting)
            *waiting = true;
        if (!locks.waitRelease(kLock, generation))
            return;
    }
    if (last)
        *last = l;
}
} // namespace

class TestLockTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void freeLockIsTakenAtOnce();
    void releaseWithoutHolding_data();
    void releaseWithoutHolding();
    void releaserMayTakeItBackAtOnce();
    void waiterLearnsWhichReleaseLetItIn();
    void namesAreSeparateLocks();
    void oneHolderAtATime();
    void abortWakesWaiters();
};

void TestLockTable::freeLockIsTakenAtOnce()
{
    LockTable locks;
    quint64 generation = 1;
    LockTable::Release last { 9, 9 };
    QVERIFY(locks.tryAcquire(kLock, 1, &generation, &last));
    QCOMPARE(generation, quint64(0));
    QCOMPARE(last.tid, qint64(0)); // never released: no arrow
    QVERIFY(!locks.tryAcquire(kLock, 2, &generation, &last));
    QVERIFY(locks.release(kLock, 1, 100));
}

void TestLockTable::releaseWithoutHolding_data()
{
    QTest::addColumn<bool>("usedBefore");
    QTest::newRow("never taken") << false;
    QTest::newRow("already released") << true;
}

void TestLockTable::releaseWithoutHolding()
{
    // Python: RuntimeError: release unlocked lock.
    QFETCH(bool, usedBefore);
    LockTable locks;
    if (usedBefore) {
        acquire(locks, 1);
        QVERIFY(locks.release(kLock, 1, 1));
    }
    QVERIFY(!locks.release(kLock, 2, 2));
}

void TestLockTable::releaserMayTakeItBackAtOnce()
{
    // CPython's Lock is not fair: the thread that releases it and asks again before anyone
    // else has run gets it, however long others have waited.
    LockTable locks;
    acquire(locks, 1);
    quint64 waiterGeneration = 0;
    LockTable::Release last;
    QVERIFY(!locks.tryAcquire(kLock, 2, &waiterGeneration, &last)); // thread 2 now waits
    QVERIFY(locks.release(kLock, 1, 10));
    quint64 generation = 0;
    QVERIFY(locks.tryAcquire(kLock, 1, &generation, &last));
    QCOMPARE(last.tid, qint64(1));
    // The waiter was woken by the release (its wait returns at once) but finds it taken.
    QVERIFY(locks.waitRelease(kLock, waiterGeneration));
    QVERIFY(!locks.tryAcquire(kLock, 2, &waiterGeneration, &last));
}

void TestLockTable::waiterLearnsWhichReleaseLetItIn()
{
    LockTable locks;
    acquire(locks, 1);
    std::atomic<bool> waiting { false };
    LockTable::Release last;
    std::thread other([&] { acquire(locks, 2, &last, &waiting); });
    QTRY_VERIFY_WITH_TIMEOUT(waiting.load(), kWaitMs);
    QVERIFY(locks.release(kLock, 1, 42));
    other.join();
    // The arrow of the timeline goes from that release to this acquire.
    QCOMPARE(last.tid, qint64(1));
    QCOMPARE(last.t, qint64(42));
    QVERIFY(locks.release(kLock, 2, 43)); // thread 2 held it
    QVERIFY(!locks.release(kLock, 2, 44));
}

void TestLockTable::namesAreSeparateLocks()
{
    LockTable locks;
    quint64 g = 0;
    LockTable::Release last;
    QVERIFY(locks.tryAcquire(QStringLiteral("a"), 1, &g, &last));
    QVERIFY(locks.tryAcquire(QStringLiteral("b"), 2, &g, &last));
}

void TestLockTable::oneHolderAtATime()
{
    LockTable locks;
    constexpr int kThreads = 4;
    constexpr int kRounds = 500;
    int counter = 0; // guarded by the lock alone
    std::atomic<int> inside { 0 };
    std::atomic<int> overlaps { 0 };
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&, tid = qint64(i + 1)] {
            for (int k = 0; k < kRounds; ++k) {
                acquire(locks, tid);
                if (++inside != 1)
                    ++overlaps;
                ++counter;
                --inside;
                locks.release(kLock, tid, k);
            }
        });
    }
    for (std::thread& t : threads)
        t.join();
    QCOMPARE(overlaps.load(), 0);
    QCOMPARE(counter, kThreads * kRounds);
}

void TestLockTable::abortWakesWaiters()
{
    LockTable locks;
    acquire(locks, 1);
    std::atomic<int> waiting { 0 };
    std::atomic<int> aborted { 0 };
    std::vector<std::thread> threads;
    for (qint64 tid : { 2, 3 }) {
        threads.emplace_back([&, tid] {
            quint64 g = 0;
            LockTable::Release last;
            if (!locks.tryAcquire(kLock, tid, &g, &last)) {
                ++waiting;
                if (!locks.waitRelease(kLock, g))
                    ++aborted;
            }
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(waiting.load(), 2, kWaitMs);
    locks.abort();
    for (std::thread& t : threads)
        t.join();
    QCOMPARE(aborted.load(), 2);
    quint64 g = 0;
    LockTable::Release last;
    QVERIFY(!locks.tryAcquire(QStringLiteral("other"), 4, &g, &last));
}

QTEST_GUILESS_MAIN(TestLockTable)
#include "tst_locktable.moc"
