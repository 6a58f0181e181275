// SPDX-License-Identifier: GPL-3.0-or-later
// The building blocks of the synchronisation lessons: join(timeout), is_alive(), Event,
// Semaphore, RLock, Condition, an endless loop and {elapsed}. Print order is CPython 3.11's
// for the same programs (written beside each case); waits and arrows are checked in the trace.
#include "runutil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ForklineTest;

namespace {

RunResult runJson(const QByteArray& json)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("primitive.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(json) != json.size())
        return {};
    f.close();
    return runScenario(path);
}

int spans(const Lane& l, State s)
{
    int n = 0;
    for (const Span& sp : l.spans)
        n += sp.state == s;
    return n;
}

// Complete arrows of that kind from lane `from` to lane `to` (-1: any).
int arrows(const TraceModel& m, FlowKind kind, int from = -1, int to = -1)
{
    int n = 0;
    for (const Flow& f : m.flows()) {
        if (f.kind == kind && f.complete() && (from < 0 || f.fromLane == from) && (to < 0 || f.toLane == to))
            ++n;
    }
    return n;
}

} // namespace

class TestPrimitives : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // t.join(0.2); print(t.is_alive()); t.join(); print(t.is_alive())  ->  True, False
    void joinTimeoutAndIsAlive()
    {
        const RunResult r
            = runJson(R"({"main": [{"print": "{th1.alive}"}, {"start": "th1"}, {"join": "th1", "timeout": 0.2},
            {"print": "{th1.alive}"}, {"join": "th1"}, {"print": "{th1.alive}"}],
            "workers": [{"name": "th1", "steps": [{"sleep": 1}]}]})");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.prints, QStringList({ QStringLiteral("False"), QStringLiteral("True"), QStringLiteral("False") }));
        const Lane& main = requireLane(r.model, QStringLiteral("MainThread"));
        QCOMPARE(spans(main, State::WaitingJoin), 2);
        int joins = 0;
        for (const Instant& in : main.instants)
            joins += in.kind == InstantKind::Join;
        QCOMPARE(joins, 1); // the join that timed out has no mark
        QCOMPARE(arrows(r.model, FlowKind::Join), 1);
        // The timed join stopped waiting after about 0.2 s, not at th1's end.
        const Span* first = nullptr;
        for (const Span& s : main.spans) {
            if (s.state == State::WaitingJoin && !first)
                first = &s;
        }
        QVERIFY(first);
        QVERIFY2(first->end - first->start >= 150000000LL && first->end - first->start < 900000000LL,
            qPrintable(QString::number(first->end - first->start)));
    }

    void elapsed()
    {
        const RunResult r = runJson(R"({"main": [{"sleep": 0.3}, {"print": "{elapsed}"}]})");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.prints.size(), 1);
        bool ok = false;
        const double t = r.prints.first().toDouble(&ok);
        QVERIFY2(ok && t >= 0.3 && t < 10, qPrintable(r.prints.first()));
        QCOMPARE(r.prints.first().section(QLatin1Char('.'), 1).size(), 2);
    }

    // The built-in Event lesson. CPython prints the three "waiting" lines, then the signal,
    // then "running" and "finished" for each runner in an order that changes from run to run.
    void eventStartSignal()
    {
        const RunResult r = runScenario(QStringLiteral("event-start"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.prints.size(), 11);
        for (int i = 0; i < 3; ++i)
            QVERIFY2(r.prints.at(i).endsWith(QLatin1String("waiting for the signal")), qPrintable(r.prints.at(i)));
        QCOMPARE(r.prints.at(3), QStringLiteral("starter: ready, set, go!"));
        for (int i = 4; i < 7; ++i)
            QVERIFY2(r.prints.at(i).endsWith(QLatin1String(": running")), qPrintable(r.prints.at(i)));
        QCOMPARE(r.prints.last(), QStringLiteral("starter: everyone finished"));
        const int main = laneNamed(r.model, QStringLiteral("MainThread"));
        QVERIFY(main >= 0);
        for (int i = 1; i <= 3; ++i) {
            const QString name = QStringLiteral("runner %1").arg(i);
            const Lane& lane = requireLane(r.model, name);
            QCOMPARE(spans(lane, State::WaitingEvent), 1);
            QCOMPARE(arrows(r.model, FlowKind::Notify, main, laneNamed(r.model, name)), 1);
        }
    }

    // go.wait(0.2) -> False; go.set(); go.wait() -> True at once; go.clear(); go.wait(0.1) -> False
    void eventTimeoutAndClear()
    {
        const RunResult r = runJson(R"({"main": [{"wait": "go", "timeout": 0.2, "into": "a"}, {"print": "{a}"},
            {"set": "go"}, {"wait": "go", "into": "b"}, {"print": "{b}"}, {"clear": "go"},
            {"wait": "go", "timeout": 0.1, "into": "c"}, {"print": "{c}"}]})");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.prints, QStringList({ QStringLiteral("False"), QStringLiteral("True"), QStringLiteral("False") }));
        QCOMPARE(spans(requireLane(r.model, QStringLiteral("MainThread")), State::WaitingEvent), 2);
        QCOMPARE(arrows(r.model, FlowKind::Notify), 0);
    }

    // The built-in Semaphore lesson: never more than two between "working" and "done"; the
    // two late workers wait for the semaphore and get an arrow from the release that let
    // them in.
    void semaphoreAtMostTwo()
    {
        const RunResult r = runScenario(QStringLiteral("semaphore-pool"));
        QCOMPARE(r.exitCode, 0);
        int inside = 0;
        int most = 0;
        for (const QString& line : r.prints) {
            inside += line.endsWith(QLatin1String(": working")) ? 1 : line.endsWith(QLatin1String(": done")) ? -1 : 0;
            most = std::max(most, inside);
        }
        QCOMPARE(most, 2);
        QCOMPARE(r.prints.last(), QStringLiteral("all workers done"));
        int waited = 0;
        for (int i = 1; i <= 4; ++i)
            waited += spans(requireLane(r.model, QStringLiteral("worker %1").arg(i)), State::WaitingLock);
        QCOMPARE(waited, 2);
        QCOMPARE(arrows(r.model, FlowKind::Lock), 2);
    }

    void semaphoreValue()
    {
        const RunResult r
            = runJson(R"({"semaphores": {"pool": 2}, "main": [{"acquire": "pool"}, {"print": "{pool.value}"},
            {"release": "pool"}, {"release": "pool"}, {"print": "{pool.value}"}]})");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.prints, QStringList({ QStringLiteral("1"), QStringLiteral("3") }));
    }

    // r = RLock(): the owner takes it twice; th1 waits until both releases; a release by a
    // thread that does not own it is an error.
    void rlock()
    {
        const RunResult r = runJson(R"({"rlocks": ["r"],
            "main": [{"acquire": "r"}, {"acquire": "r"}, {"start": "th1"}, {"sleep": 0.2}, {"release": "r"},
                     {"print": "main released once"}, {"sleep": 0.2}, {"release": "r"}, {"join": "th1"},
                     {"start": "th2"}, {"join": "th2"}],
            "workers": [{"name": "th1", "steps": [{"acquire": "r"}, {"print": "th1 has it"}]},
                        {"name": "th2", "steps": [{"release": "r"}]}]})");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.prints, QStringList({ QStringLiteral("main released once"), QStringLiteral("th1 has it") }));
        QCOMPARE(spans(requireLane(r.model, QStringLiteral("th1")), State::WaitingLock), 1);
        const Lane& th2 = requireLane(r.model, QStringLiteral("th2"));
        const Instant* failed = findInstant(th2, InstantKind::Failed);
        QVERIFY(failed);
        QVERIFY(r.model.texts().at(failed->text).contains(QLatin1String("cannot release un-acquired lock")));
    }

    // with cv: cv.wait() in two consumers; the producer notifies one, then all. CPython:
    // "c1 waits", "c2 waits", "notify one", "c1 woke", "notify all", "c2 woke".
    void condition()
    {
        const RunResult r = runJson(R"({"conditions": {"cv": "lock"},
            "main": [{"start": "c1"}, {"start": "c2"}, {"sleep": 0.2},
                     {"acquire": "lock"}, {"print": "notify one"}, {"notify": "cv"}, {"release": "lock"}, {"sleep": 0.2},
                     {"acquire": "lock"}, {"print": "notify all"}, {"notify_all": "cv"}, {"release": "lock"},
                     {"join": "c1"}, {"join": "c2"}],
            "workers": [
              {"name": "c1", "steps": [{"acquire": "lock"}, {"print": "c1 waits"}, {"wait": "cv", "into": "ok"}, {"print": "c1 woke {ok}"}, {"release": "lock"}]},
              {"name": "c2", "steps": [{"sleep": 0.05}, {"acquire": "lock"}, {"print": "c2 waits"}, {"wait": "cv"}, {"print": "c2 woke"}, {"release": "lock"}]}]})");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.prints,
            QStringList({ QStringLiteral("c1 waits"), QStringLiteral("c2 waits"), QStringLiteral("notify one"),
                QStringLiteral("c1 woke True"), QStringLiteral("notify all"), QStringLiteral("c2 woke") }));
        const int main = laneNamed(r.model, QStringLiteral("MainThread"));
        QCOMPARE(arrows(r.model, FlowKind::Notify, main, laneNamed(r.model, QStringLiteral("c1"))), 1);
        QCOMPARE(arrows(r.model, FlowKind::Notify, main, laneNamed(r.model, QStringLiteral("c2"))), 1);
        QCOMPARE(spans(requireLane(r.model, QStringLiteral("c2")), State::WaitingEvent), 1);
    }

    void conditionNeedsItsLock()
    {
        const RunResult r = runJson(R"({"conditions": {"cv": "lock"}, "main": [{"notify": "cv"}]})");
        QCOMPARE(r.exitCode, 1);
        const Instant* failed = findInstant(requireLane(r.model, QStringLiteral("MainThread")), InstantKind::Failed);
        QVERIFY(failed);
        QVERIFY(r.model.texts().at(failed->text).contains(QLatin1String("cannot notify on un-acquired lock")));
    }

    // p = Process(target=spin); p.start(); time.sleep(0.3); p.terminate(); p.join(); print(p.exitcode) -> -15
    void spinUntilTerminated()
    {
        const RunResult r = runJson(R"({"main": [{"start": "p"}, {"sleep": 0.3}, {"terminate": "p"}, {"join": "p"},
            {"print": "{exitcode}"}],
            "workers": [{"name": "p", "kind": "process", "steps": [{"spin": "forever"}]}]})");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.prints, QStringList({ QStringLiteral("-15") }));
        const Lane& p = requireLane(r.model, QStringLiteral("p"));
        QCOMPARE(spans(p, State::Computing) >= 1, true);
        QVERIFY(findInstant(p, InstantKind::Terminated));
    }
};

QTEST_GUILESS_MAIN(TestPrimitives)
#include "tst_primitives.moc"
