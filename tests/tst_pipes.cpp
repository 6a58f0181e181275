// SPDX-License-Identifier: GPL-3.0-or-later
// multiprocessing.Pipe() and multiprocessing.Lock in scenarios, checked in the trace of real
// runs: a recv waits until the other end sends, each message is an arrow, a one-way pipe
// refuses the wrong direction, and one lock excludes the threads of every process.
#include "runutil.h"
#include "scenario.h"
#include "scenariopython.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace ForklineTest;

namespace {

RunResult runJson(const QByteArray& json)
{
    QTemporaryDir dir;
    return runScenario(writeFile(dir, QStringLiteral("pipes.json"), json));
}

// The longest span of state `s` on the lane, in ns (0: none).
qint64 longest(const Lane& l, State s)
{
    qint64 most = 0;
    for (const Span& sp : l.spans) {
        if (sp.state == s)
            most = std::max(most, sp.end - sp.start);
    }
    return most;
}

int completeArrows(const TraceModel& m, FlowKind kind, int from, int to)
{
    return int(std::count_if(m.flows().begin(), m.flows().end(),
        [&](const Flow& f) { return f.kind == kind && f.complete() && f.fromLane == from && f.toLane == to; }));
}

// Ping-pong over a duplex pipe between main and a child process: each side's recv waits for
// the other's send.
const QByteArray kPingPong = R"({"format": 1,
  "pipes": [{"ends": ["parent_conn", "child_conn"]}],
  "main": [{"start": "child"}, {"sleep": 0.3}, {"send": "parent_conn", "value": "ping"},
           {"recv": "parent_conn", "into": "r"}, {"print": "main got {r}"}, {"join": "child"}],
  "workers": [{"name": "child", "kind": "process", "steps": [
    {"recv": "child_conn", "into": "m"}, {"print": "child got {m}"}, {"sleep": 0.3},
    {"send": "child_conn", "value": "pong"}]}]})";

// Three processes and main take one multiprocessing.Lock three times each, holding it across
// a sleep: their "in" and "out" lines must pair up, one holder at a time.
const QByteArray kProcessLock = R"({"format": 1,
  "process_locks": ["lock"],
  "main": [{"start": "p1"}, {"start": "p2"}, {"start": "p3"},
           {"repeat": 3, "steps": [{"acquire": "lock"}, {"print": "MainThread in"}, {"sleep": 0.05},
                                   {"print": "MainThread out"}, {"release": "lock"}, {"sleep": 0.01}]},
           {"join": "p1"}, {"join": "p2"}, {"join": "p3"}],
  "workers": [
    {"name": "p1", "kind": "process", "steps": [{"repeat": 3, "steps": [{"acquire": "lock"}, {"print": "{name} in"},
      {"sleep": 0.05}, {"print": "{name} out"}, {"release": "lock"}, {"sleep": 0.01}]}]},
    {"name": "p2", "kind": "process", "steps": [{"repeat": 3, "steps": [{"acquire": "lock"}, {"print": "{name} in"},
      {"sleep": 0.05}, {"print": "{name} out"}, {"release": "lock"}, {"sleep": 0.01}]}]},
    {"name": "p3", "kind": "process", "steps": [{"repeat": 3, "steps": [{"acquire": "lock"}, {"print": "{name} in"},
      {"sleep": 0.05}, {"print": "{name} out"}, {"release": "lock"}, {"sleep": 0.01}]}]}
  ]})";

} // namespace

class TestPipes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pipeRecvWaitsAndArrowsGoBothWays()
    {
        const RunResult r = runJson(kPingPong);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.prints, QStringList({ QStringLiteral("child got ping"), QStringLiteral("main got pong") }));
        const int main = laneNamed(r.model, QStringLiteral("MainThread"));
        const int child = laneNamed(r.model, QStringLiteral("child"));
        QVERIFY(main >= 0 && child >= 0);
        QVERIFY(r.model.lane(main).pid != r.model.lane(child).pid);
        // Each recv waited for the other side's 0.3 s sleep, drawn as one wait on the pipe.
        QVERIFY2(longest(r.model.lane(child), State::WaitingQueue) >= 200000000,
            qPrintable(QString::number(longest(r.model.lane(child), State::WaitingQueue))));
        QVERIFY2(longest(r.model.lane(main), State::WaitingQueue) >= 200000000,
            qPrintable(QString::number(longest(r.model.lane(main), State::WaitingQueue))));
        QCOMPARE(completeArrows(r.model, FlowKind::Message, main, child), 1);
        QCOMPARE(completeArrows(r.model, FlowKind::Message, child, main), 1);
    }

    void oneWayPipe()
    {
        const RunResult r = runJson(R"({"format": 1, "pipes": [{"ends": ["r", "w"], "duplex": false}],
          "main": [{"start": "reader"}, {"send": "w", "value": "hello"}, {"join": "reader"}],
          "workers": [{"name": "reader", "kind": "process", "steps": [{"recv": "r", "into": "m"}, {"print": "{m}"}]}]})");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.prints, QStringList({ QStringLiteral("hello") }));
    }

    // Pipe(duplex=False): sending on the receiving end, or receiving on the sending end, is
    // refused before anything runs, with the line and column of the step and Python's words.
    void oneWayPipeRefusesTheWrongEnd_data()
    {
        QTest::addColumn<QByteArray>("step");
        QTest::addColumn<QString>("message");
        QTest::newRow("send on r") << QByteArray(R"({"send": "r", "value": 1})")
                                   << QStringLiteral("pipes.json:3:30: \"r\" is the receiving end of a one-way pipe "
                                                     "(duplex false): it cannot send (Python: OSError: connection is "
                                                     "read-only); send on \"w\"");
        QTest::newRow("recv on w") << QByteArray(R"({"recv": "w"})")
                                   << QStringLiteral("pipes.json:3:30: \"w\" is the sending end of a one-way pipe "
                                                     "(duplex false): it cannot receive (Python: OSError: connection "
                                                     "is write-only); recv on \"r\"");
        QTest::newRow("recv timeout") << QByteArray(R"({"recv": "r", "timeout": 1})")
                                      << QStringLiteral("pipes.json:3:30: \"r\" is a pipe end: its recv has no "
                                                        "timeout (Connection.recv() waits until a message comes)");
    }

    void oneWayPipeRefusesTheWrongEnd()
    {
        QFETCH(QByteArray, step);
        QFETCH(QString, message);
        const QByteArray json = "{\"format\": 1, \"pipes\": [{\"ends\": [\"r\", \"w\"], \"duplex\": false}],\n"
                                "  \"main\": [\n"
                                "    {\"print\": \"x\"}, "
            + step + "]}\n";
        Scenario sc;
        ScenarioError error;
        QVERIFY(!parseScenario(json, QStringLiteral("pipes.json"), &sc, &error));
        QCOMPARE(error.toString(), message);
        // `forkline run` says the same and exits 2 without running anything.
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("pipes.json"), json);
        const CliResult cli = runCli({ QStringLiteral("run"), path });
        QCOMPARE(cli.exitCode, 2);
        const QString err = QString::fromUtf8(cli.err);
        QVERIFY2(err.contains(message.mid(message.indexOf(QLatin1Char(' ')) + 1)), qPrintable(err));
        QVERIFY(cli.out.isEmpty());
    }

    void processLockExcludesAcrossProcesses()
    {
        const RunResult r = runJson(kProcessLock);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.prints.size(), 24);
        // Lines of different processes reach the console through different pipes, so their
        // order there proves nothing: the trace's marks, stamped on one clock, do.
        // In the trace: the moments between a lane's "in" and "out" marks never overlap
        // another lane's, and the lanes are four threads of four processes.
        struct Hold
        {
            qint64 from;
            qint64 to;
            int lane;
        };
        std::vector<Hold> holds;
        QSet<qint64> pids;
        for (const QString& name :
            { QStringLiteral("MainThread"), QStringLiteral("p1"), QStringLiteral("p2"), QStringLiteral("p3") }) {
            const int lane = laneNamed(r.model, name);
            QVERIFY2(lane >= 0, qPrintable(name));
            pids.insert(r.model.lane(lane).pid);
            qint64 in = -1;
            for (const Instant& mark : r.model.lane(lane).instants) {
                if (mark.kind != InstantKind::Print)
                    continue;
                const QString text = r.model.texts().at(mark.text);
                if (text.endsWith(QLatin1String(" in")))
                    in = mark.t;
                else if (text.endsWith(QLatin1String(" out")) && in >= 0)
                    holds.push_back({ in, mark.t, lane });
            }
        }
        QCOMPARE(pids.size(), 4);
        QCOMPARE(holds.size(), size_t(12));
        std::sort(holds.begin(), holds.end(), [](const Hold& a, const Hold& b) { return a.from < b.from; });
        for (size_t i = 1; i < holds.size(); ++i)
            QVERIFY2(holds[i].from >= holds[i - 1].to, qPrintable(QString::number(i)));
        // Somebody waited for the lock, and got it from another process's release: an arrow
        // from that release to the acquire.
        int waits = 0;
        int crossing = 0;
        for (const Lane& l : r.model.lanes())
            waits += int(std::count_if(
                l.spans.begin(), l.spans.end(), [](const Span& s) { return s.state == State::WaitingLock; }));
        for (const Flow& f : r.model.flows()) {
            if (f.kind == FlowKind::Lock && f.complete() && r.model.lane(f.fromLane).pid != r.model.lane(f.toLane).pid)
                ++crossing;
        }
        QVERIFY(waits > 0);
        QVERIFY(crossing > 0);
    }

    // Releasing a multiprocessing.Lock nobody holds raises what CPython raises.
    void processLockReleasedTooOften()
    {
        const RunResult r = runJson(R"({"format": 1, "process_locks": ["lock"],
          "main": [{"start": "p1"}, {"join": "p1"}, {"print": "{p1.exitcode}"}],
          "workers": [{"name": "p1", "kind": "process", "steps": [{"release": "lock"}]}]})");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.prints, QStringList({ QStringLiteral("1") }));
        const Lane& p1 = requireLane(r.model, QStringLiteral("p1"));
        QVERIFY(findInstant(p1, InstantKind::Failed,
            QStringLiteral("ValueError: semaphore or lock released too many times (lock)"), &r.model));
    }

    // The scenario's Python: a Pipe() and a multiprocessing.Lock at module level.
    void python()
    {
        Scenario sc;
        ScenarioError error;
        QVERIFY(parseScenario(kPingPong, QStringLiteral("p.json"), &sc, &error));
        const QString py = ScenarioPython::generate(sc).text();
        QVERIFY2(py.contains(QStringLiteral("parent_conn, child_conn = multiprocessing.Pipe()")), qPrintable(py));
        QVERIFY2(py.contains(QStringLiteral("parent_conn.send(\"ping\")")), qPrintable(py));
        QVERIFY2(py.contains(QStringLiteral("m = child_conn.recv()")), qPrintable(py));
        QVERIFY(parseScenario(kProcessLock, QStringLiteral("l.json"), &sc, &error));
        QVERIFY2(ScenarioPython::generate(sc).text().contains(QStringLiteral("lock = multiprocessing.Lock()")),
            qPrintable(ScenarioPython::generate(sc).text()));
    }
};

QTEST_GUILESS_MAIN(TestPipes)
#include "tst_pipes.moc"
