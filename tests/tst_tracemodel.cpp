// SPDX-License-Identifier: GPL-3.0-or-later
#include "channelevent.h"
#include "tracemodel.h"

#include <QSet>
#include <QTest>
#include <limits>

using namespace Forkline;

Q_DECLARE_METATYPE(Forkline::InstantKind)

namespace {

Lane laneWithSpans(const std::vector<std::pair<qint64, qint64>>& ranges)
{
    Lane lane;
    for (const auto& [start, end] : ranges)
        lane.spans.push_back({ start, end, State::Running });
    return lane;
}

ChannelEvent makeEvent(ChannelEvent::Type type, qint64 t, qint64 pid, qint64 tid)
{
    ChannelEvent ev;
    ev.type = type;
    ev.t = t;
    ev.pid = pid;
    ev.tid = tid;
    return ev;
}

// Every field encode() writes for the event's type, compared one by one.
void compareEvents(const ChannelEvent& a, const ChannelEvent& b)
{
    QCOMPARE(int(a.type), int(b.type));
    QCOMPARE(a.t, b.t);
    QCOMPARE(a.pid, b.pid);
    QCOMPARE(a.tid, b.tid);
    switch (a.type) {
    case ChannelEvent::Type::Process:
        QCOMPARE(a.ppid, b.ppid);
        QCOMPARE(a.name, b.name);
        break;
    case ChannelEvent::Type::Lane:
        QCOMPARE(a.name, b.name);
        QCOMPARE(a.label, b.label);
        QCOMPARE(a.processLane, b.processLane);
        QCOMPARE(a.daemon, b.daemon);
        QCOMPARE(a.ppid, b.ppid);
        QCOMPARE(a.parentPid, b.parentPid);
        QCOMPARE(a.parentTid, b.parentTid);
        break;
    case ChannelEvent::Type::State:
        QCOMPARE(int(a.state), int(b.state));
        break;
    case ChannelEvent::Type::Instant:
        QCOMPARE(int(a.instant), int(b.instant));
        QCOMPARE(a.text, b.text);
        QCOMPARE(a.text.isNull(), b.text.isNull());
        QCOMPARE(a.code, b.code);
        break;
    case ChannelEvent::Type::Flow:
        QCOMPARE(a.flowId, b.flowId);
        QCOMPARE(a.flowStart, b.flowStart);
        QCOMPARE(int(a.flow), int(b.flow));
        break;
    case ChannelEvent::Type::Done:
        QCOMPARE(a.code, b.code);
        break;
    case ChannelEvent::Type::Counter:
        QCOMPARE(a.name, b.name);
        QCOMPARE(a.text, b.text);
        QCOMPARE(a.value, b.value);
        break;
    case ChannelEvent::Type::Error:
        QCOMPARE(a.text, b.text);
        break;
    }
}

// Monotonic clock readings after months of uptime exceed 2^53: a double would round them.
constexpr qint64 kBoot = (qint64(1) << 53) + 1;

// One small run as the runner and a child process report it: main (pid 500) starts a
// thread and a child process, joins the thread, prints, and exits.
std::vector<ChannelEvent> runEvents()
{
    using T = ChannelEvent::Type;
    std::vector<ChannelEvent> evs;
    auto add = [&](ChannelEvent ev) { evs.push_back(ev); };

    ChannelEvent proc = makeEvent(T::Process, kBoot, 500, 500);
    proc.ppid = 42;
    proc.name = QStringLiteral("buyer-seller");
    add(proc);
    ChannelEvent main = makeEvent(T::Lane, kBoot, 500, 500);
    main.name = QStringLiteral("MainThread");
    main.processLane = true;
    main.ppid = 42;
    add(main);
    ChannelEvent st = makeEvent(T::State, kBoot, 500, 500);
    st.state = State::Running;
    add(st);
    ChannelEvent fork = makeEvent(T::Instant, kBoot + 1000, 500, 500);
    fork.instant = InstantKind::Fork;
    fork.text = QStringLiteral("buyer");
    add(fork);
    ChannelEvent forkFrom = makeEvent(T::Flow, kBoot + 1000, 500, 500);
    forkFrom.flowId = (qint64(500) << 24) | 1;
    forkFrom.flow = FlowKind::Fork;
    add(forkFrom);

    ChannelEvent buyer = makeEvent(T::Lane, kBoot + 1500, 500, 501);
    buyer.name = QStringLiteral("buyer");
    buyer.label = QStringLiteral("매수");
    buyer.daemon = true;
    buyer.ppid = 42;
    buyer.parentPid = 500;
    buyer.parentTid = 500;
    add(buyer);
    ChannelEvent forkTo = forkFrom;
    forkTo.t = kBoot + 1500;
    forkTo.tid = 501;
    forkTo.flowStart = false;
    add(forkTo);
    ChannelEvent bst = makeEvent(T::State, kBoot + 1500, 500, 501);
    bst.state = State::Running;
    add(bst);
    ChannelEvent print = makeEvent(T::Instant, kBoot + 1600, 500, 501);
    print.instant = InstantKind::Print;
    print.text = QStringLiteral("[매수] \"quoted\" \\ tab\t");
    add(print);
    ChannelEvent empty = makeEvent(T::Instant, kBoot + 1700, 500, 501);
    empty.instant = InstantKind::Print;
    empty.text = QLatin1String(""); // print("") is a line too
    add(empty);
    ChannelEvent sleep = makeEvent(T::State, kBoot + 1700, 500, 501);
    sleep.state = State::Sleeping;
    add(sleep);
    ChannelEvent wait = makeEvent(T::State, kBoot + 2000, 500, 500);
    wait.state = State::WaitingJoin;
    add(wait);

    // The child process reports before the parent's fork mark arrives (another stream).
    ChannelEvent childLane = makeEvent(T::Lane, kBoot + 2100, 600, 600);
    childLane.name = QStringLiteral("cruncher");
    childLane.processLane = true;
    childLane.ppid = 500;
    childLane.parentPid = 500;
    childLane.parentTid = 500;
    add(childLane);
    ChannelEvent childTo = makeEvent(T::Flow, kBoot + 2100, 600, 600);
    childTo.flowId = (qint64(500) << 24) | 3;
    childTo.flow = FlowKind::Fork;
    childTo.flowStart = false;
    add(childTo);
    ChannelEvent childFrom = makeEvent(T::Flow, kBoot + 2050, 500, 500);
    childFrom.flowId = childTo.flowId;
    childFrom.flow = FlowKind::Fork;
    add(childFrom);
    ChannelEvent cst = makeEvent(T::State, kBoot + 2100, 600, 600);
    cst.state = State::Computing;
    add(cst);
    ChannelEvent childThread = makeEvent(T::Lane, kBoot + 2200, 600, 601);
    childThread.name = QStringLiteral("helper");
    childThread.ppid = 500;
    childThread.parentPid = 600;
    childThread.parentTid = 600;
    add(childThread);
    ChannelEvent helperState = makeEvent(T::State, kBoot + 2200, 600, 601);
    helperState.state = State::Sleeping;
    add(helperState);
    // The parent reports the child's death; only the child knows its thread ids, so tid 0
    // stands for its main thread.
    ChannelEvent term = makeEvent(T::Instant, kBoot + 2900, 600, 0);
    term.instant = InstantKind::Terminated;
    term.code = 15;
    add(term);
    ChannelEvent memory = makeEvent(T::Counter, kBoot + 2500, 600, 600);
    memory.name = QStringLiteral("memory");
    memory.text = QStringLiteral("MiB");
    memory.value = 12.625;
    add(memory);
    ChannelEvent lateEnd = makeEvent(T::Instant, kBoot + 2950, 600, 600);
    lateEnd.instant = InstantKind::End;
    add(lateEnd);

    ChannelEvent end = makeEvent(T::Instant, kBoot + 3000, 500, 501);
    end.instant = InstantKind::End;
    add(end);
    ChannelEvent joinFrom = makeEvent(T::Flow, kBoot + 3000, 500, 501);
    joinFrom.flowId = (qint64(500) << 24) | 2;
    joinFrom.flow = FlowKind::Join;
    add(joinFrom);
    ChannelEvent joinTo = joinFrom;
    joinTo.t = kBoot + 3100;
    joinTo.tid = 500;
    joinTo.flowStart = false;
    add(joinTo);
    ChannelEvent joined = makeEvent(T::Instant, kBoot + 3100, 500, 500);
    joined.instant = InstantKind::Join;
    joined.text = QStringLiteral("buyer");
    add(joined);
    ChannelEvent back = makeEvent(T::State, kBoot + 3100, 500, 500);
    back.state = State::Running;
    add(back);
    ChannelEvent exitMark = makeEvent(T::Instant, kBoot + 4000, 500, 500);
    exitMark.instant = InstantKind::MainExit;
    add(exitMark);
    ChannelEvent mainEnd = makeEvent(T::Instant, kBoot + 4000, 500, 500);
    mainEnd.instant = InstantKind::End;
    add(mainEnd);
    ChannelEvent error = makeEvent(T::Error, kBoot + 4000, 500, 500);
    error.text = QStringLiteral("Exception in buyer: boom");
    add(error);
    ChannelEvent done = makeEvent(T::Done, kBoot + 4001, 500, 500);
    done.code = 1;
    add(done);
    return evs;
}

} // namespace

class TestTraceModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lanesAndProcesses();
    void mainThreadLeadsItsProcess_data();
    void mainThreadLeadsItsProcess();
    void mainThreadIdLearnedLater();
    void setStateMakesSpans();
    void terminalInstantsCloseSpans_data();
    void terminalInstantsCloseSpans();
    void instantsStaySorted();
    void flows_data();
    void flows();
    void closeAll();
    void firstSpanEndingAfter_data();
    void firstSpanEndingAfter();
    void times();
    void prints();
    void counters();
    void eventRoundTrip();
    void decodeRejectsMalformed_data();
    void decodeRejectsMalformed();
    void decodeReadsAsQJsonDocumentDoes_data();
    void decodeReadsAsQJsonDocumentDoes();
    void applyEvents();
};

void TestTraceModel::lanesAndProcesses()
{
    TraceModel m;
    QVERIFY(m.isEmpty());
    QCOMPARE(m.laneIndex(1, 1), -1);
    QCOMPARE(m.process(1), nullptr);

    const int a = m.ensureLane(10, 10);
    const int b = m.ensureLane(10, 11);
    const int c = m.ensureLane(20, 20);
    QCOMPARE(a, 0);
    QCOMPARE(b, 1);
    QCOMPARE(c, 2);
    QCOMPARE(m.ensureLane(10, 11), b); // idempotent
    QCOMPARE(m.laneCount(), 3);
    QCOMPARE(m.laneIndex(10, 11), b);
    QCOMPARE(m.laneIndex(11, 10), -1);
    QCOMPARE(m.lane(b).pid, qint64(10));
    QCOMPARE(m.lane(b).tid, qint64(11));
    QVERIFY(!m.isEmpty());

    QCOMPARE(m.processes().size(), size_t(2));
    QCOMPARE(m.processes()[0].pid, qint64(10));
    QCOMPARE(m.processes()[0].lanes, (std::vector<int> { a, b }));
    QCOMPARE(m.processes()[1].pid, qint64(20));
    QCOMPARE(m.processes()[1].lanes, (std::vector<int> { c }));
    QCOMPARE(m.process(20), &m.processes()[1]);

    // ensureProcess alone makes a process with no lanes; a later lane joins it.
    ProcessInfo& p = m.ensureProcess(30);
    p.ppid = 10;
    QCOMPARE(&m.ensureProcess(30), &m.processes()[2]);
    const int d = m.ensureLane(30, 31);
    QCOMPARE(m.process(30)->ppid, qint64(10));
    QCOMPARE(m.process(30)->lanes, (std::vector<int> { d }));
}

void TestTraceModel::mainThreadLeadsItsProcess_data()
{
    QTest::addColumn<qint64>("mainTid");
    // Which thread is the main one is said, not read from the ids: only on Linux is it pid.
    QTest::newRow("Linux: tid == pid") << qint64(77);
    QTest::newRow("macOS, Windows: an id of its own") << qint64(259);
}

void TestTraceModel::mainThreadLeadsItsProcess()
{
    QFETCH(qint64, mainTid);
    TraceModel m;
    // Worker threads report before the main thread is seen.
    const int w1 = m.ensureLane(77, 79);
    const int w2 = m.ensureLane(77, 78);
    QCOMPARE(m.mainLane(77), -1);
    const int main = m.ensureMainLane(77, mainTid);
    const int w3 = m.ensureLane(77, 80);
    QCOMPARE(m.process(77)->lanes, (std::vector<int> { main, w1, w2, w3 }));
    QCOMPARE(m.lane(main).kind, LaneKind::Process);
    QCOMPARE(m.mainLane(77), main);
    QCOMPARE(m.ensureMainLane(77, mainTid), main);
    QCOMPARE(m.ensureMainLane(77, 0), main); // "the main thread, whatever its id"
    // A thread whose id happens to be the pid is no main thread unless said.
    TraceModel other;
    const int t = other.ensureLane(5, 6);
    const int same = other.ensureLane(5, 5);
    QCOMPARE(other.process(5)->lanes, (std::vector<int> { t, same }));
    QCOMPARE(other.lane(same).kind, LaneKind::Thread);
}

void TestTraceModel::mainThreadIdLearnedLater()
{
    // A parent reports its child's end (tid 0: only the child knows its thread ids) before the
    // child's own first events arrive on their channel.
    TraceModel m;
    ChannelEvent end = makeEvent(ChannelEvent::Type::Instant, kBoot + 100, 600, 0);
    end.instant = InstantKind::Terminated;
    end.code = 15;
    QVERIFY(applyEvent(m, end, kBoot));
    const int lane = m.mainLane(600);
    QVERIFY(lane >= 0);
    QCOMPARE(m.lane(lane).tid, qint64(0));
    ChannelEvent own = makeEvent(ChannelEvent::Type::Lane, kBoot + 50, 600, 4242);
    own.processLane = true;
    own.name = QStringLiteral("cruncher");
    QVERIFY(applyEvent(m, own, kBoot));
    // One lane: the one the parent's report made now has the child's id.
    QCOMPARE(m.laneCount(), 1);
    QCOMPARE(m.laneIndex(600, 4242), lane);
    QCOMPARE(m.laneIndex(600, 0), -1);
    QCOMPARE(m.lane(lane).name, QStringLiteral("cruncher"));
    QCOMPARE(m.lane(lane).instants.size(), size_t(1));
    QCOMPARE(m.lane(lane).instants[0].kind, InstantKind::Terminated);
}

void TestTraceModel::applyEvents()
{
    TraceModel m;
    for (const ChannelEvent& ev : runEvents()) {
        ChannelEvent decoded;
        QVERIFY(ChannelEvent::decode(ev.encode(), &decoded));
        QVERIFY(applyEvent(m, decoded, kBoot));
    }

    // Two processes, the runner first; lanes grouped under their process.
    QCOMPARE(m.processes().size(), size_t(2));
    const ProcessInfo& runner = m.processes()[0];
    QCOMPARE(runner.pid, qint64(500));
    QCOMPARE(runner.ppid, qint64(42));
    QCOMPARE(runner.name, QStringLiteral("buyer-seller"));
    QCOMPARE(runner.lanes.size(), size_t(2));
    const ProcessInfo& child = m.processes()[1];
    QCOMPARE(child.pid, qint64(600));
    QCOMPARE(child.ppid, qint64(500));
    QCOMPARE(child.name, QStringLiteral("cruncher")); // from its main lane

    const int mainIdx = m.laneIndex(500, 500);
    const int buyerIdx = m.laneIndex(500, 501);
    const int childIdx = m.laneIndex(600, 600);
    QCOMPARE(runner.lanes[0], mainIdx);
    QCOMPARE(runner.lanes[1], buyerIdx);
    const Lane& main = m.lane(mainIdx);
    const Lane& buyer = m.lane(buyerIdx);
    const Lane& cruncher = m.lane(childIdx);
    QCOMPARE(main.name, QStringLiteral("MainThread"));
    QCOMPARE(main.kind, LaneKind::Process);
    QCOMPARE(main.parent, -1);
    QCOMPARE(buyer.name, QStringLiteral("buyer"));
    QCOMPARE(buyer.label, QStringLiteral("매수"));
    QCOMPARE(buyer.kind, LaneKind::Thread);
    QVERIFY(buyer.daemon);
    QCOMPARE(buyer.parent, mainIdx);
    QCOMPARE(cruncher.kind, LaneKind::Process);
    QCOMPARE(cruncher.parent, mainIdx);

    // Times are rebased on t0 and kept to the nanosecond.
    QCOMPARE(main.spans.size(), size_t(3));
    QCOMPARE(main.spans[0].start, qint64(0));
    QCOMPARE(main.spans[0].end, qint64(2000));
    QCOMPARE(main.spans[0].state, State::Running);
    QCOMPARE(main.spans[1].end, qint64(3100));
    QCOMPARE(main.spans[1].state, State::WaitingJoin);
    QCOMPARE(main.spans[2].end, qint64(4000));
    QVERIFY(main.ended);
    QCOMPARE(buyer.spans.size(), size_t(2));
    QCOMPARE(buyer.spans[0].start, qint64(1500));
    QCOMPARE(buyer.spans[1].state, State::Sleeping);
    QCOMPARE(buyer.spans[1].end, qint64(3000));
    QCOMPARE(cruncher.spans.size(), size_t(1));
    QCOMPARE(cruncher.spans[0].state, State::Computing);
    QCOMPARE(cruncher.spans[0].end, qint64(2900));
    // The first report of an end wins: the late "end" is dropped.
    QCOMPARE(cruncher.instants.size(), size_t(1));
    QCOMPARE(cruncher.instants.back().kind, InstantKind::Terminated);
    QCOMPARE(cruncher.instants.back().code, 15);
    QVERIFY(cruncher.ended);
    // A terminated process takes its threads with it, at the same moment.
    QCOMPARE(m.laneIndex(600, 0), -1);
    QCOMPARE(child.lanes.size(), size_t(2));
    const Lane& helper = m.lane(m.laneIndex(600, 601));
    QCOMPARE(helper.parent, childIdx);
    QVERIFY(helper.ended);
    QCOMPARE(helper.instants.back().kind, InstantKind::Terminated);
    QCOMPARE(helper.spans.size(), size_t(1));
    QCOMPARE(helper.spans[0].start, qint64(2200));
    QCOMPARE(helper.spans[0].end, qint64(2900));
    QCOMPARE(m.startTime(), qint64(0));
    QCOMPARE(m.endTime(), qint64(4000)); // "done" and "error" carry no moment of the timeline

    // Fork and join arrows, including the one whose head arrived first.
    QCOMPARE(m.flows().size(), size_t(3));
    for (const Flow& f : m.flows())
        QVERIFY(f.complete());
    QCOMPARE(m.flows()[0].kind, FlowKind::Fork);
    QCOMPARE(m.flows()[0].fromLane, mainIdx);
    QCOMPARE(m.flows()[0].toLane, buyerIdx);
    QCOMPARE(m.flows()[1].toLane, childIdx);
    QCOMPARE(m.flows()[1].fromT, qint64(2050));
    QCOMPARE(m.flows()[2].kind, FlowKind::Join);
    QCOMPARE(m.flows()[2].fromLane, buyerIdx);
    QCOMPARE(m.flows()[2].toLane, mainIdx);
    QCOMPARE(m.flows()[2].toT, qint64(3100));

    // The child's memory sample became a counter track of its process.
    QCOMPARE(m.counters().size(), size_t(1));
    QCOMPARE(m.counters()[0].pid, qint64(600));
    QCOMPARE(m.counters()[0].name, QStringLiteral("memory"));
    QCOMPARE(m.counters()[0].unit, QStringLiteral("MiB"));
    QCOMPARE(m.counters()[0].samples.size(), size_t(1));
    QCOMPARE(m.counters()[0].samples[0].t, qint64(2500));
    QCOMPARE(m.counters()[0].samples[0].value, 12.625);

    // Both printed lines, the empty one included, in order.
    QCOMPARE(m.prints().size(), size_t(2));
    QCOMPARE(m.texts().at(m.prints()[0].text), QStringLiteral("[매수] \"quoted\" \\ tab\t"));
    QVERIFY(m.prints()[1].text >= 0);
    QVERIFY(m.texts().at(m.prints()[1].text).isEmpty());
}

QTEST_GUILESS_MAIN(TestTraceModel)
#include "tst_tracemodel.moc"
