// SPDX-License-Identifier: GPL-3.0-or-later
#include "channelevent.h"
#include "chrometrace.h"
#include "chrometraceimport.h"
#include "tracemodel.h"

#include <QElapsedTimer>
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
    QCOMPARE(a.file, b.file);
    QCOMPARE(a.line, b.line);
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
        QCOMPARE(a.detail, b.detail);
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
    wait.detail = QStringLiteral("매수 \"buyer\"");
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
    void stateDetails();
    void lateStatesDoNotOverlap();
    void laneIsNotItsOwnParent();
    void eventsAFewCenturiesAwayAreMalformed();
    void terminalInstantsCloseSpans_data();
    void terminalInstantsCloseSpans();
    void lateStatesFillInBeforeTheEnd();
    void overlayRunning();
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
    void sourceLineRoundTrip();
    void sourceLinesKept();
    void applyEvents();
    void parentNamedWhileLanesGrow();
    void eventTimesSaturate_data();
    void eventTimesSaturate();
    void manyCounterTracks();
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

// What a state is about rides on its span, and a new detail in the same state is a new span: a
// second sleep right after the first is drawn as two boxes with their own seconds.
void TestTraceModel::stateDetails()
{
    TraceModel m;
    const int lane = m.ensureLane(1, 1);
    m.setState(lane, 0, State::Sleeping, QStringLiteral("1 s"));
    m.setState(lane, 10, State::Sleeping, QStringLiteral("1 s")); // the same: no new span
    m.setState(lane, 20, State::Sleeping, QStringLiteral("2 s"));
    m.setState(lane, 30, State::WaitingJoin, QStringLiteral("th1"));
    m.setState(lane, 40, State::Running);
    m.closeAll(50);
    const Lane& l = m.lane(lane);
    QCOMPARE(l.spans.size(), size_t(4));
    QCOMPARE(m.detailOf(l.spans[0]), QStringLiteral("1 s"));
    QCOMPARE(l.spans[0].end, qint64(20));
    QCOMPARE(m.detailOf(l.spans[1]), QStringLiteral("2 s"));
    QCOMPARE(m.detailOf(l.spans[2]), QStringLiteral("th1"));
    QCOMPARE(m.detailOf(l.spans[3]), QString());
    // Named by the state all the same: a detail is not a foreign slice's own name.
    QCOMPARE(m.nameOf(l.spans[2]), QStringLiteral("waiting:join"));
    QCOMPARE(l.spans[2].detail(), m.names().indexOf(QStringLiteral("th1")));

    // Through the channel: the detail is read back into the span.
    TraceModel run;
    ChannelEvent ev = makeEvent(ChannelEvent::Type::State, 100, 7, 7);
    ev.state = State::Computing;
    ev.detail = QStringLiteral("0..5e7");
    ChannelEvent back;
    QVERIFY(ChannelEvent::decode(ev.encode(), &back));
    QVERIFY(applyEvent(run, back, 0));
    ev.state = State::Running;
    ev.detail.clear();
    ev.t = 200;
    QVERIFY(applyEvent(run, ev, 0));
    QCOMPARE(run.lane(0).spans.size(), size_t(1));
    QCOMPARE(run.detailOf(run.lane(0).spans[0]), QStringLiteral("0..5e7"));
}

void TestTraceModel::setStateMakesSpans()
{
    TraceModel m;
    const int l = m.ensureLane(1, 1);
    m.setState(l, 10, State::Running);
    QVERIFY(m.lane(l).open);
    QCOMPARE(m.lane(l).openSince, qint64(10));
    QVERIFY(m.lane(l).spans.empty());

    m.setState(l, 30, State::Sleeping);
    QCOMPARE(m.lane(l).spans.size(), size_t(1));
    QCOMPARE(m.lane(l).spans[0].start, qint64(10));
    QCOMPARE(m.lane(l).spans[0].end, qint64(30));
    QCOMPARE(m.lane(l).spans[0].state, State::Running);
    QCOMPARE(m.lane(l).openState, State::Sleeping);

    // The same state again continues the open span.
    m.setState(l, 40, State::Sleeping);
    QCOMPARE(m.lane(l).spans.size(), size_t(1));
    QCOMPARE(m.lane(l).openSince, qint64(30));

    // A change at the very moment the span opened leaves no empty span behind.
    m.setState(l, 50, State::WaitingJoin);
    m.setState(l, 50, State::Running);
    QCOMPARE(m.lane(l).spans.size(), size_t(2));
    QCOMPARE(m.lane(l).spans[1].end, qint64(50));
    QCOMPARE(m.lane(l).spans[1].state, State::Sleeping);
    QCOMPARE(m.lane(l).openState, State::Running);
    QCOMPARE(m.lane(l).openSince, qint64(50));
    QCOMPARE(m.spanCount(), qint64(2));

    // Spans stay sorted and disjoint.
    const auto& spans = m.lane(l).spans;
    for (size_t i = 0; i < spans.size(); ++i) {
        QVERIFY(spans[i].start < spans[i].end);
        if (i > 0)
            QVERIFY(spans[i - 1].end <= spans[i].start);
    }

    // addSpan appends a closed span as an importer would.
    const int other = m.ensureLane(1, 2);
    m.addSpan(other, { 100, 250, State::Computing });
    QCOMPARE(m.lane(other).spans.size(), size_t(1));
    QVERIFY(!m.lane(other).open);
    QCOMPARE(m.spanCount(), qint64(3));
    QCOMPARE(m.endTime(), qint64(250));
}

// A parent reports its child's end on its own socket; the child's last states may be read
// after that report. They must neither reopen the lane nor overlap its spans.
void TestTraceModel::lateStatesDoNotOverlap()
{
    TraceModel m;
    const int l = m.ensureLane(7, 7);
    m.setState(l, 10, State::Running);
    m.setState(l, 20, State::Sleeping);
    m.addInstant(l, 40, InstantKind::Terminated, {}, 15);
    m.setState(l, 30, State::Computing); // written by the child before it was terminated
    QVERIFY(m.lane(l).ended);
    QVERIFY(!m.lane(l).open);
    m.setState(l, 5, State::WaitingLock); // earlier than the lane's spans
    m.closeAll(100);
    // The child's own last state fills in the time before its end; the one from before every
    // span has nothing to go into and is dropped.
    const auto& spans = m.lane(l).spans;
    QCOMPARE(spans.size(), size_t(3));
    QCOMPARE(spans[0].start, qint64(10));
    QCOMPARE(spans[1].start, qint64(20));
    QCOMPARE(spans[1].end, qint64(30));
    QCOMPARE(spans[2].start, qint64(30));
    QCOMPARE(spans[2].end, qint64(40));
    QCOMPARE(spans[2].state, State::Computing);

    // A thread id used again later starts the lane again.
    m.setState(l, 50, State::Running);
    QVERIFY(m.lane(l).open);

    // An open lane keeps its span from where it began.
    const int other = m.ensureLane(7, 8);
    m.setState(other, 10, State::Running);
    m.setState(other, 20, State::Sleeping);
    m.setState(other, 15, State::WaitingGil);
    m.closeAll(100);
    QCOMPARE(m.lane(other).spans.size(), size_t(2));
    QCOMPARE(m.lane(other).spans[0].end, qint64(20));
    QCOMPARE(m.lane(other).spans[1].start, qint64(20));
    QCOMPARE(m.lane(other).spans[1].state, State::Sleeping);
}

void TestTraceModel::laneIsNotItsOwnParent()
{
    TraceModel m;
    ChannelEvent lane = makeEvent(ChannelEvent::Type::Lane, kBoot, 40, 41);
    lane.parentPid = 40;
    lane.parentTid = 41;
    QVERIFY(applyEvent(m, lane, kBoot));
    QCOMPARE(m.laneCount(), 1);
    QCOMPARE(m.lane(0).parent, -1);

    lane.parentTid = 40;
    QVERIFY(applyEvent(m, lane, kBoot));
    QCOMPARE(m.lane(m.laneIndex(40, 41)).parent, m.laneIndex(40, 40));
}

// The run's own trace must import again, and the importer refuses one that spans more than
// kMaxTraceSpanNs.
void TestTraceModel::eventsAFewCenturiesAwayAreMalformed()
{
    TraceModel m;
    const qint64 half = kMaxTraceSpanNs / 2;
    ChannelEvent early = makeEvent(ChannelEvent::Type::State, kBoot - half, 40, 40);
    ChannelEvent late = makeEvent(ChannelEvent::Type::Instant, kBoot + half, 40, 40);
    late.instant = InstantKind::End;
    QVERIFY(applyEvent(m, early, kBoot));
    QVERIFY(applyEvent(m, late, kBoot));
    const QByteArray trace = chromeTrace(m);
    const ChromeTraceImportResult back = importChromeTraceData(trace, QStringLiteral("run.json"));
    QVERIFY2(back.ok(), qPrintable(back.error));

    for (const qint64 t : { kBoot + half + 1, kBoot - half - 1, std::numeric_limits<qint64>::max(),
             std::numeric_limits<qint64>::min() }) {
        ChannelEvent far = makeEvent(ChannelEvent::Type::State, t, 40, 41);
        QVERIFY(!applyEvent(m, far, kBoot));
    }
    QCOMPARE(m.laneIndex(40, 41), -1);
    QCOMPARE(m.startTime(), -half);
    QCOMPARE(m.endTime(), half);
}

void TestTraceModel::terminalInstantsCloseSpans_data()
{
    QTest::addColumn<InstantKind>("kind");
    QTest::addColumn<bool>("terminal");

    QTest::newRow("end") << InstantKind::End << true;
    QTest::newRow("killed") << InstantKind::Killed << true;
    QTest::newRow("terminated") << InstantKind::Terminated << true;
    QTest::newRow("crashed") << InstantKind::Crashed << true;
    QTest::newRow("aborted") << InstantKind::Aborted << true;
    QTest::newRow("failed") << InstantKind::Failed << true;
    QTest::newRow("fork") << InstantKind::Fork << false;
    QTest::newRow("start") << InstantKind::Start << false;
    QTest::newRow("print") << InstantKind::Print << false;
    QTest::newRow("join") << InstantKind::Join << false;
    QTest::newRow("main-exit") << InstantKind::MainExit << false;
    QTest::newRow("send") << InstantKind::Send << false;
    QTest::newRow("receive") << InstantKind::Receive << false;
    QTest::newRow("other") << InstantKind::Other << false;
}

void TestTraceModel::terminalInstantsCloseSpans()
{
    QFETCH(InstantKind, kind);
    QFETCH(bool, terminal);

    QCOMPARE(isTerminal(kind), terminal);
    TraceModel m;
    const int l = m.ensureLane(5, 5);
    m.setState(l, 100, State::Sleeping);
    m.addInstant(l, 175, kind, QStringLiteral("why"), 9);

    const Lane& lane = m.lane(l);
    QCOMPARE(lane.instants.size(), size_t(1));
    QCOMPARE(lane.instants[0].t, qint64(175));
    QCOMPARE(lane.instants[0].kind, kind);
    QCOMPARE(lane.instants[0].code, 9);
    QCOMPARE(m.texts().at(lane.instants[0].text), QStringLiteral("why"));
    QCOMPARE(lane.open, !terminal);
    QCOMPARE(lane.ended, terminal);
    if (terminal) {
        QCOMPARE(lane.spans.size(), size_t(1));
        QCOMPARE(lane.spans[0].start, qint64(100));
        QCOMPARE(lane.spans[0].end, qint64(175));
        QCOMPARE(lane.spans[0].state, State::Sleeping);
        // A state after the end reopens the lane (an imported trace may do this).
        m.setState(l, 200, State::Running);
        QVERIFY(m.lane(l).open);
        QVERIFY(!m.lane(l).ended);
    } else {
        QVERIFY(lane.spans.empty());
        QCOMPARE(lane.openSince, qint64(100));
    }
}

void TestTraceModel::lateStatesFillInBeforeTheEnd()
{
    // A parent reports its child killed at 500 before the child's own reports of 100 and
    // 300 are read: they fill in the lane up to its end, which stays the end.
    TraceModel m;
    const int l = m.ensureLane(7, 7);
    m.addInstant(l, 500, InstantKind::Killed, {}, 9);
    m.setState(l, 100, State::Running);
    m.setState(l, 300, State::Sleeping);
    m.setState(l, 300, State::Sleeping);
    m.addInstant(l, 100, InstantKind::Start);
    const Lane& lane = m.lane(l);
    QVERIFY(lane.ended);
    QVERIFY(!lane.open);
    QCOMPARE(lane.spans.size(), size_t(2));
    QCOMPARE(lane.spans[0].start, qint64(100));
    QCOMPARE(lane.spans[0].end, qint64(300));
    QCOMPARE(lane.spans[0].state, State::Running);
    QCOMPARE(lane.spans[1].start, qint64(300));
    QCOMPARE(lane.spans[1].end, qint64(500));
    QCOMPARE(lane.spans[1].state, State::Sleeping);
    QCOMPARE(lane.instants.back().kind, InstantKind::Killed);
    // After the end, a state still reopens it, as before.
    m.setState(l, 600, State::Running);
    QVERIFY(m.lane(l).open);
}

void TestTraceModel::overlayRunning()
{
    // Measured stretches replace only what the lane reported as running.
    TraceModel m;
    const int l = m.ensureLane(3, 4);
    m.setState(l, 0, State::Running);
    m.setState(l, 100, State::Sleeping);
    m.setState(l, 200, State::Running);
    m.closeAll(400);
    const qint64 before = m.spanCount();
    m.overlayRunning(l, { { 50, 150 }, { 250, 300 }, { 350, 500 } }, State::WaitingGil);
    const std::vector<Span>& sp = m.lane(l).spans;
    const std::vector<std::tuple<qint64, qint64, State>> expected { { 0, 50, State::Running },
        { 50, 100, State::WaitingGil }, { 100, 200, State::Sleeping }, { 200, 250, State::Running },
        { 250, 300, State::WaitingGil }, { 300, 350, State::Running }, { 350, 400, State::WaitingGil } };
    QCOMPARE(sp.size(), expected.size());
    for (size_t i = 0; i < sp.size(); ++i) {
        QCOMPARE(sp[i].start, std::get<0>(expected[i]));
        QCOMPARE(sp[i].end, std::get<1>(expected[i]));
        QCOMPARE(int(sp[i].state), int(std::get<2>(expected[i])));
    }
    QCOMPARE(m.spanCount(), before + 4);
}

void TestTraceModel::instantsStaySorted()
{
    TraceModel m;
    const int l = m.ensureLane(1, 1);
    m.addInstant(l, 10, InstantKind::Start);
    m.addInstant(l, 30, InstantKind::Print, QStringLiteral("b"));
    m.addInstant(l, 20, InstantKind::Print, QStringLiteral("a")); // late
    m.addInstant(l, 30, InstantKind::Join); // same time: after the earlier one
    m.addInstant(l, 5, InstantKind::Fork);

    const auto& in = m.lane(l).instants;
    QCOMPARE(in.size(), size_t(5));
    QCOMPARE(in[0].kind, InstantKind::Fork);
    QCOMPARE(in[1].kind, InstantKind::Start);
    QCOMPARE(m.texts().at(in[2].text), QStringLiteral("a"));
    QCOMPARE(m.texts().at(in[3].text), QStringLiteral("b"));
    QCOMPARE(in[4].kind, InstantKind::Join);
    QCOMPARE(in[4].text, -1); // no text given
    QCOMPARE(in[1].text, -1);

    // An empty text is still a text (print("") prints an empty line).
    m.addInstant(l, 40, InstantKind::Print, QLatin1String(""));
    QVERIFY(m.lane(l).instants.back().text >= 0);
    QCOMPARE(m.texts().at(m.lane(l).instants.back().text), QString());
}

void TestTraceModel::flows_data()
{
    QTest::addColumn<bool>("fromFirst");
    QTest::newRow("from, then to") << true;
    QTest::newRow("to, then from") << false;
}

void TestTraceModel::flows()
{
    QFETCH(bool, fromFirst);

    TraceModel m;
    const int parent = m.ensureLane(1, 1);
    const int child = m.ensureLane(2, 2);
    if (fromFirst) {
        m.flowFrom(77, FlowKind::Fork, parent, 100);
        QCOMPARE(m.flows().size(), size_t(1));
        QVERIFY(!m.flows()[0].complete());
        m.flowTo(77, FlowKind::Fork, child, 180);
    } else {
        // Another process's stream may deliver the arrow's head first.
        m.flowTo(77, FlowKind::Fork, child, 180);
        QCOMPARE(m.flows().size(), size_t(1));
        QVERIFY(!m.flows()[0].complete());
        m.flowFrom(77, FlowKind::Fork, parent, 100);
    }
    m.flowFrom(78, FlowKind::Join, child, 300); // never completed

    QCOMPARE(m.flows().size(), size_t(2));
    const Flow& f = m.flows()[0];
    QVERIFY(f.complete());
    QCOMPARE(f.id, qint64(77));
    QCOMPARE(f.kind, FlowKind::Fork);
    QCOMPARE(f.fromLane, parent);
    QCOMPARE(f.toLane, child);
    QCOMPARE(f.fromT, qint64(100));
    QCOMPARE(f.toT, qint64(180));
    QVERIFY(!m.flows()[1].complete());
    QCOMPARE(m.flows()[1].kind, FlowKind::Join);
    QCOMPARE(m.startTime(), qint64(100));
    QCOMPARE(m.endTime(), qint64(300));
}

void TestTraceModel::closeAll()
{
    TraceModel m;
    const int a = m.ensureLane(1, 1);
    const int b = m.ensureLane(1, 2);
    const int c = m.ensureLane(1, 3);
    const int d = m.ensureLane(1, 4);
    m.setState(a, 0, State::Running);
    m.setState(b, 10, State::WaitingInput);
    m.addInstant(b, 20, InstantKind::End); // already closed
    m.setState(c, 50, State::Sleeping); // opens exactly at the close: no empty span

    m.closeAll(50);
    QCOMPARE(m.lane(a).spans.size(), size_t(1));
    QCOMPARE(m.lane(a).spans[0].end, qint64(50));
    QVERIFY(!m.lane(a).open);
    QCOMPARE(m.lane(b).spans.size(), size_t(1));
    QCOMPARE(m.lane(b).spans[0].end, qint64(20));
    QVERIFY(m.lane(c).spans.empty());
    QVERIFY(!m.lane(c).open);
    QVERIFY(m.lane(d).spans.empty());
    QCOMPARE(m.spanCount(), qint64(2));
    QCOMPARE(m.endTime(), qint64(50));

    // A later close reaches further in time but adds nothing once all is closed.
    m.closeAll(90);
    QCOMPARE(m.spanCount(), qint64(2));
    QCOMPARE(m.endTime(), qint64(90));
}

void TestTraceModel::firstSpanEndingAfter_data()
{
    QTest::addColumn<qint64>("t");
    QTest::addColumn<int>("index");

    // Spans [0,10) [10,20) [25,40) [40,41)
    QTest::newRow("before all") << qint64(-5) << 0;
    QTest::newRow("at first start") << qint64(0) << 0;
    QTest::newRow("inside first") << qint64(9) << 0;
    QTest::newRow("at first end") << qint64(10) << 1; // [0,10) does not reach past 10
    QTest::newRow("inside second") << qint64(19) << 1;
    QTest::newRow("at second end") << qint64(20) << 2;
    QTest::newRow("in a gap") << qint64(22) << 2;
    QTest::newRow("inside third") << qint64(39) << 2;
    QTest::newRow("at third end") << qint64(40) << 3;
    QTest::newRow("at last end") << qint64(41) << 4;
    QTest::newRow("after all") << qint64(1000) << 4;
}

void TestTraceModel::firstSpanEndingAfter()
{
    QFETCH(qint64, t);
    QFETCH(int, index);

    const Lane lane = laneWithSpans({ { 0, 10 }, { 10, 20 }, { 25, 40 }, { 40, 41 } });
    QCOMPARE(int(TraceModel::firstSpanEndingAfter(lane, t)), index);
    QCOMPARE(int(TraceModel::firstSpanEndingAfter(Lane {}, t)), 0);

    // The same answer as a linear scan, on a lane long enough for the search to matter.
    std::vector<std::pair<qint64, qint64>> ranges;
    for (qint64 i = 0; i < 1000; ++i)
        ranges.push_back({ i * 3, i * 3 + 2 });
    const Lane big = laneWithSpans(ranges);
    const qint64 probe = t * 7 + 1500;
    size_t linear = 0;
    while (linear < big.spans.size() && big.spans[linear].end <= probe)
        ++linear;
    QCOMPARE(TraceModel::firstSpanEndingAfter(big, probe), linear);
}

void TestTraceModel::times()
{
    TraceModel m;
    QCOMPARE(m.startTime(), qint64(0));
    QCOMPARE(m.endTime(), qint64(0));
    const int l = m.ensureLane(1, 1);
    m.addInstant(l, 500, InstantKind::Start);
    QCOMPARE(m.startTime(), qint64(500));
    QCOMPARE(m.endTime(), qint64(500));
    m.setState(l, 700, State::Running);
    m.noteTime(-20); // a child's clock reading from before the run's start
    QCOMPARE(m.startTime(), qint64(-20));
    QCOMPARE(m.endTime(), qint64(700));
}

void TestTraceModel::prints()
{
    TraceModel m;
    const int a = m.ensureLane(1, 1);
    const int b = m.ensureLane(1, 2);
    m.addInstant(a, 10, InstantKind::Print, QStringLiteral("first"));
    m.addInstant(b, 12, InstantKind::Fork, QStringLiteral("not a print"));
    m.addInstant(b, 11, InstantKind::Print, QStringLiteral("second, arrived late"));
    m.addInstant(a, 20, InstantKind::Print, QStringLiteral("third"));

    // The console keeps arrival order, whatever the timestamps.
    const auto& p = m.prints();
    QCOMPARE(p.size(), size_t(3));
    QCOMPARE(p[0].lane, a);
    QCOMPARE(p[0].t, qint64(10));
    QCOMPARE(m.texts().at(p[0].text), QStringLiteral("first"));
    QCOMPARE(p[1].lane, b);
    QCOMPARE(p[1].t, qint64(11));
    QCOMPARE(m.texts().at(p[1].text), QStringLiteral("second, arrived late"));
    QCOMPARE(p[2].lane, a);
    QCOMPARE(m.texts().at(p[2].text), QStringLiteral("third"));
}

void TestTraceModel::counters()
{
    TraceModel m;
    m.addCounter(7, QStringLiteral("memory"), QStringLiteral("MiB"), 100, 1.5);
    m.addCounter(8, QStringLiteral("memory"), QStringLiteral("MiB"), 120, 4);
    m.addCounter(7, QStringLiteral("memory"), QStringLiteral("MiB"), 200, 2.5);
    m.addCounter(7, QStringLiteral("memory"), QStringLiteral("MiB"), 200, 3); // same moment: kept
    m.addCounter(7, QStringLiteral("memory"), QStringLiteral("MiB"), 150, 9); // late: dropped
    m.addCounter(7, QStringLiteral("threads"), QString(), 300, 2);

    // One track per process and name, in order of appearance.
    const auto& c = m.counters();
    QCOMPARE(c.size(), size_t(3));
    QCOMPARE(c[0].pid, qint64(7));
    QCOMPARE(c[0].name, QStringLiteral("memory"));
    QCOMPARE(c[0].samples.size(), size_t(3));
    QCOMPARE(c[0].samples[1].t, qint64(200));
    QCOMPARE(c[0].samples[1].value, 2.5);
    QCOMPARE(c[0].samples[2].value, 3.0);
    QCOMPARE(c[1].pid, qint64(8));
    QCOMPARE(c[1].samples.size(), size_t(1));
    QCOMPARE(c[2].name, QStringLiteral("threads"));
    QVERIFY(c[2].unit.isEmpty());
    QCOMPARE(m.startTime(), qint64(100));
    QCOMPARE(m.endTime(), qint64(300));
    QVERIFY(m.isEmpty()); // samples alone make no lanes
}

void TestTraceModel::eventRoundTrip()
{
    const std::vector<ChannelEvent> evs = runEvents();
    QSet<int> types;
    for (const ChannelEvent& ev : evs) {
        const QByteArray line = ev.encode();
        QVERIFY(!line.contains('\n')); // one event, one line
        ChannelEvent back;
        QVERIFY2(ChannelEvent::decode(line, &back), line.constData());
        compareEvents(ev, back);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(back.encode(), line);
        types.insert(int(ev.type));
    }
    QCOMPARE(types.size(), 8); // every event type took part

    // Every state, instant and flow kind survives by name.
    for (int s = 0; s < int(State::Count); ++s) {
        ChannelEvent ev = makeEvent(ChannelEvent::Type::State, 1, 2, 3);
        ev.state = State(s);
        ChannelEvent back;
        QVERIFY(ChannelEvent::decode(ev.encode(), &back));
        QCOMPARE(int(back.state), s);
    }
    for (int k = 0; k < int(InstantKind::Count); ++k) {
        ChannelEvent ev = makeEvent(ChannelEvent::Type::Instant, 1, 2, 3);
        ev.instant = InstantKind(k);
        ev.code = -k;
        ChannelEvent back;
        QVERIFY(ChannelEvent::decode(ev.encode(), &back));
        QCOMPARE(int(back.instant), k);
        QCOMPARE(back.code, -k);
        QVERIFY(back.text.isNull());
    }
    for (int f = 0; f < int(FlowKind::Count); ++f) {
        for (bool start : { true, false }) {
            ChannelEvent ev = makeEvent(ChannelEvent::Type::Flow, 1, 2, 3);
            ev.flow = FlowKind(f);
            ev.flowStart = start;
            ev.flowId = std::numeric_limits<qint64>::max() - f;
            ChannelEvent back;
            QVERIFY(ChannelEvent::decode(ev.encode(), &back));
            compareEvents(ev, back);
        }
    }
}

void TestTraceModel::decodeRejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("line");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << QByteArray("print hello");
    QTest::newRow("truncated") << QByteArray(R"({"e":"state","t":1,"pid":2,"tid":3,"s":"running")");
    QTest::newRow("array") << QByteArray(R"([{"e":"state"}])");
    QTest::newRow("unknown type") << QByteArray(R"({"e":"bogus","t":1,"pid":2,"tid":3})");
    QTest::newRow("no type") << QByteArray(R"({"t":1,"pid":2,"tid":3})");
    QTest::newRow("unknown state") << QByteArray(R"({"e":"state","t":1,"pid":2,"tid":3,"s":"dancing"})");
    QTest::newRow("unknown instant") << QByteArray(R"({"e":"inst","t":1,"pid":2,"tid":3,"n":"explode"})");
}

void TestTraceModel::decodeRejectsMalformed()
{
    QFETCH(QByteArray, line);

    ChannelEvent ev;
    ev.name = QStringLiteral("untouched");
    QVERIFY(!ChannelEvent::decode(line, &ev));
    QCOMPARE(ev.name, QStringLiteral("untouched"));
}

void TestTraceModel::decodeReadsAsQJsonDocumentDoes_data()
{
    QTest::addColumn<QByteArray>("line");

    int i = 0;
    for (const ChannelEvent& ev : runEvents())
        QTest::addRow("event %d", i++) << ev.encode();
    ChannelEvent print = makeEvent(ChannelEvent::Type::Instant, 5, 6, 7);
    print.instant = InstantKind::Print;
    print.text = QStringLiteral("탭\t과 \"따옴표\", \\ 그리고 \u0001");
    QTest::newRow("escapes") << print.encode();
    print.text = QStringLiteral("[매수] 체결 ✓");
    QTest::newRow("utf-8") << print.encode();
    print.text = QString(QLatin1String(""));
    QTest::newRow("empty text") << print.encode();
    QTest::newRow("spaces, other order") << QByteArray(
        R"({ "tid": 3, "e": "state", "s": "running", "t": 2, "pid": 1 })");
    QTest::newRow("fraction") << QByteArray(R"({"e":"state","pid":1,"s":"running","t":2.5,"tid":3})");
    QTest::newRow("exponent") << QByteArray(R"({"e":"state","pid":1,"s":"running","t":1e3,"tid":3})");
    QTest::newRow("twice") << QByteArray(R"({"e":"state","pid":1,"s":"running","t":1,"t":2,"tid":3})");
    QTest::newRow("unknown key") << QByteArray(R"({"e":"state","pid":1,"s":"running","t":1,"tid":3,"x":[]})");
    QTest::newRow("huge code") << QByteArray(R"({"code":4294967296,"e":"done","pid":1,"t":1,"tid":3})");
    QTest::newRow("object value") << QByteArray(R"({"e":"inst","n":"print","pid":1,"t":1,"text":{},"tid":3})");
    QTest::newRow("trailing bytes") << QByteArray(R"({"e":"state","pid":1,"s":"running","t":1,"tid":3}x)");
    QTest::newRow("torn") << QByteArray(R"({"e":"inst","n":"print","pid":1,"t":1,"text":"half)");
    QTest::newRow("counter") << QByteArray(
        R"({"e":"ctr","name":"memory","pid":1,"t":1,"tid":0,"unit":"MiB","v":1.25e2})");
    // What the Python tracer writes: the user's file and line on any event.
    QTest::newRow("source") << QByteArray(
        R"({"e":"state","t":5,"pid":1,"tid":3,"s":"sleeping","file":"/home/t/수업.py","line":12})");
    QTest::newRow("source, escaped file")
        << QByteArray(R"({"e":"inst","t":5,"pid":1,"tid":3,"n":"print","text":"x","file":"C:\\a\\b.py","line":3})");
    QTest::newRow("negative line") << QByteArray(
        R"({"e":"state","t":5,"pid":1,"tid":3,"s":"running","file":"a.py","line":-4})");
    // Numbers and text that are not JSON: QJsonDocument refuses the line, so decode() must too.
    QTest::newRow("leading zeros") << QByteArray(R"({"e":"state","s":"waiting:queue","t":00})");
    QTest::newRow("leading zero, negative") << QByteArray(R"({"e":"state","pid":-01,"s":"running","t":1,"tid":3})");
    QTest::newRow("plus sign") << QByteArray(R"({"e":"ctr","name":"m","pid":1,"t":1,"tid":0,"unit":"u","v":+1})");
    QTest::newRow("bare point") << QByteArray(R"({"e":"ctr","name":"m","pid":1,"t":1,"tid":0,"unit":"u","v":1.})");
    QTest::newRow("bare exponent") << QByteArray(R"({"e":"ctr","name":"m","pid":1,"t":1,"tid":0,"unit":"u","v":2e})");
    QTest::newRow("negative zero") << QByteArray(R"({"e":"ctr","name":"m","pid":1,"t":-0,"tid":0,"unit":"u","v":-0})");
    QTest::newRow("not utf-8") << QByteArray(
        "{\"e\":\"inst\",\"n\":\"print\",\"pid\":1,\"t\":1,\"text\":\"\xff\",\"tid\":3}");
    QTest::newRow("kind escaped") << QByteArray(
        R"({"daemon":false,"e":"lane","kind":"proc\u0065ss","name":"M","pid":4,"ppid":0,"t":1,"tid":4})");
    QTest::newRow("flow end escaped") << QByteArray(
        R"({"e":"flow","id":1,"n":"fork","ph":"\u0066","pid":1,"t":1,"tid":1})");
}

void TestTraceModel::decodeReadsAsQJsonDocumentDoes()
{
    QFETCH(QByteArray, line);

    ChannelEvent fast;
    ChannelEvent reference;
    const bool read = ChannelEvent::decode(line, &fast);
    QCOMPARE(read, ChannelEvent::decodeJson(line, &reference));
    if (read)
        compareEvents(reference, fast);
}

void TestTraceModel::sourceLineRoundTrip()
{
    // Optional keys: written only when there is a line, read by both readers, and a line
    // without them reads as before.
    for (const ChannelEvent::Type type : { ChannelEvent::Type::State, ChannelEvent::Type::Instant,
             ChannelEvent::Type::Flow, ChannelEvent::Type::Lane }) {
        ChannelEvent ev = makeEvent(type, 10, 20, 30);
        ev.file = QStringLiteral("/tmp/레슨/buyer.py");
        ev.line = 42;
        const QByteArray line = ev.encode();
        QVERIFY(line.contains(R"("line":42)"));
        ChannelEvent fast;
        ChannelEvent slow;
        QVERIFY(ChannelEvent::decode(line, &fast));
        QVERIFY(ChannelEvent::decodeJson(line, &slow));
        compareEvents(ev, fast);
        compareEvents(ev, slow);
        if (QTest::currentTestFailed())
            return;
    }
    ChannelEvent plain = makeEvent(ChannelEvent::Type::State, 1, 2, 3);
    QVERIFY(!plain.encode().contains("file"));
    QVERIFY(!plain.encode().contains("line"));
    ChannelEvent back;
    QVERIFY(ChannelEvent::decode(plain.encode(), &back));
    QVERIFY(back.file.isEmpty());
    QCOMPARE(back.line, 0);
}

// The model keeps each event's line of the user's program, per lane and in time order, so
// the code pane can go from an event to its line and back.
void TestTraceModel::sourceLinesKept()
{
    TraceModel m;
    const QList<QByteArray> lines = {
        R"({"e":"state","t":5,"pid":1,"tid":3,"s":"sleeping","file":"/p/a.py","line":12})",
        R"({"e":"inst","t":9,"pid":1,"tid":3,"n":"print","text":"x","file":"/p/a.py","line":13})",
        R"({"e":"inst","t":7,"pid":1,"tid":4,"n":"print","text":"y","file":"/p/b.py","line":2})",
        R"({"e":"inst","t":8,"pid":1,"tid":3,"n":"print","text":"late","file":"/p/a.py","line":14})",
        R"({"e":"state","t":10,"pid":1,"tid":3,"s":"running"})",
    };
    for (const QByteArray& line : lines) {
        ChannelEvent ev;
        QVERIFY(ChannelEvent::decode(line, &ev));
        QVERIFY(applyEvent(m, ev, 0));
    }
    QCOMPARE(m.sourceFiles(), QStringList({ QStringLiteral("/p/a.py"), QStringLiteral("/p/b.py") }));
    QCOMPARE(m.sourceFileIndex(QStringLiteral("/p/b.py")), 1);
    QCOMPARE(m.sourceFileIndex(QStringLiteral("/p/c.py")), -1);
    const Lane& a = m.lane(m.laneIndex(1, 3));
    QCOMPARE(a.sources.size(), size_t(3)); // the event without a line has none
    QCOMPARE(a.sources[0].line, 12);
    QCOMPARE(a.sources[1].line, 14); // the late one in its place
    QCOMPARE(a.sources[1].t, qint64(8));
    QCOMPARE(a.sources[2].line, 13);
    const Lane& b = m.lane(m.laneIndex(1, 4));
    QCOMPARE(b.sources.size(), size_t(1));
    QCOMPARE(b.sources[0].file, 1);
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
    QCOMPARE(m.detailOf(main.spans[1]), QStringLiteral("매수 \"buyer\""));
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

void TestTraceModel::parentNamedWhileLanesGrow()
{
    // A lane line that names a parent not seen yet adds two lanes at once. Whatever the
    // number of lanes before it, one of them fills the vector's capacity, so the lanes move
    // between the child's and the parent's creation: the child must still get its parent.
    for (int before = 0; before <= 70; ++before) {
        TraceModel m;
        for (int i = 0; i < before; ++i)
            QVERIFY(applyEvent(m, makeEvent(ChannelEvent::Type::Lane, 10, 100, 1000 + i), 0));
        ChannelEvent child = makeEvent(ChannelEvent::Type::Lane, 20, 200, 201);
        child.name = QStringLiteral("worker");
        child.label = QStringLiteral("일꾼");
        child.daemon = true;
        child.parentPid = 300;
        child.parentTid = 300;
        QVERIFY(applyEvent(m, child, 0));
        QCOMPARE(m.laneCount(), before + 2);
        const int index = m.laneIndex(200, 201);
        const int parent = m.laneIndex(300, 300);
        QVERIFY(index >= 0 && parent >= 0);
        const Lane& lane = m.lane(index);
        QCOMPARE(lane.parent, parent);
        QCOMPARE(lane.name, QStringLiteral("worker"));
        QCOMPARE(lane.label, QStringLiteral("일꾼"));
        QVERIFY(lane.daemon);
    }
}

void TestTraceModel::eventTimesSaturate_data()
{
    QTest::addColumn<qint64>("t");
    QTest::addColumn<qint64>("t0");
    QTest::addColumn<bool>("applied");
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    constexpr qint64 kMin = std::numeric_limits<qint64>::min();
    QTest::newRow("ordinary") << qint64(5000) << qint64(1000) << true;
    QTest::newRow("far before the run's start") << kMin << qint64(1000) << false;
    QTest::newRow("far after a start before 0") << kMax << qint64(-1000) << false;
    QTest::newRow("far after a start after 0") << kMax << qint64(1000) << false;
}

void TestTraceModel::eventTimesSaturate()
{
    QFETCH(qint64, t);
    QFETCH(qint64, t0);
    QFETCH(bool, applied);
    // A stamp from a broken or hostile process: rebased on t0 it neither wraps round to the
    // other end of the range nor stretches the run past what a trace can hold.
    TraceModel m;
    QCOMPARE(applyEvent(m, makeEvent(ChannelEvent::Type::Lane, t, 1, 1), t0), applied);
    QCOMPARE(m.isEmpty(), !applied);
    if (applied) {
        QCOMPARE(m.startTime(), t - t0);
        QCOMPARE(m.endTime(), t - t0);
    }
}

void TestTraceModel::manyCounterTracks()
{
    // One track per (pid, name) is found through an index: 50,000 tracks fed round-robin took
    // tens of seconds when each sample searched every track.
    constexpr int kTracks = 50000;
    QStringList names;
    for (int i = 0; i < kTracks; ++i)
        names << QStringLiteral("series %1").arg(i);
    TraceModel m;
    QElapsedTimer timer;
    timer.start();
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < kTracks; ++i)
            m.addCounter(7, names[i], QStringLiteral("MiB"), 100 * round, i + round);
    }
    const qint64 ms = timer.elapsed();
    QCOMPARE(m.counters().size(), size_t(kTracks));
    QCOMPARE(m.counters()[12345].name, QStringLiteral("series 12345"));
    QCOMPARE(m.counters()[12345].samples.size(), size_t(3));
    QCOMPARE(m.counters()[12345].samples[2].value, 12347.0);
    QVERIFY2(ms < 5000, qPrintable(QStringLiteral("%1 ms").arg(ms)));
}

QTEST_GUILESS_MAIN(TestTraceModel)
#include "tst_tracemodel.moc"
