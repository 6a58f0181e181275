// SPDX-License-Identifier: GPL-3.0-or-later
#include "chrometrace.h"
#include "chrometraceimport.h"
#include "tracemodel.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Forkline;

namespace {

const QString kPrinted = QStringLiteral("[매수] \"hi\"\n\\ \x01 end");

// A small run built by hand: main (pid 1000) forks and joins "buyer", a daemon "watch"
// sleeps to the end, and a child process "sub" (pid 2000) computes until terminated.
TraceModel sampleModel()
{
    TraceModel m;
    m.title = QStringLiteral("Buyer and seller");
    m.scenario = QStringLiteral("buyer-seller");
    ProcessInfo& runner = m.ensureProcess(1000);
    runner.ppid = 1;
    runner.name = QStringLiteral("buyer-seller");

    const int main = m.ensureLane(1000, 1000);
    m.lane(main).name = QStringLiteral("MainThread");
    m.lane(main).kind = LaneKind::Process;
    const int buyer = m.ensureLane(1000, 1001);
    m.lane(buyer).name = QStringLiteral("buyer");
    m.lane(buyer).label = QStringLiteral("매수");
    m.lane(buyer).daemon = true;
    m.lane(buyer).parent = main;
    const int watch = m.ensureLane(1000, 1002);
    m.lane(watch).name = QStringLiteral("watch, \"dog\"");
    m.lane(watch).daemon = true;
    m.lane(watch).parent = main;
    ProcessInfo& child = m.ensureProcess(2000);
    child.ppid = 1000;
    child.name = QStringLiteral("sub");
    const int sub = m.ensureLane(2000, 2000);
    m.lane(sub).name = QStringLiteral("sub");
    m.lane(sub).kind = LaneKind::Process;
    m.lane(sub).parent = main;

    m.addInstant(main, 0, InstantKind::Start);
    m.setState(main, 0, State::Running);
    m.addInstant(main, 1500, InstantKind::Fork, QStringLiteral("buyer"));
    m.setState(main, 1500, State::WaitingJoin);
    m.flowFrom(7, FlowKind::Fork, main, 1500);

    m.addInstant(buyer, 1600, InstantKind::Start);
    m.flowTo(7, FlowKind::Fork, buyer, 1600);
    m.setState(buyer, 1600, State::Running);
    m.addInstant(buyer, 1601, InstantKind::Print, kPrinted);
    m.setState(buyer, 1700, State::Sleeping);
    m.flowFrom(10, FlowKind::Message, buyer, 1800); // never received: no arrow

    m.flowTo(9, FlowKind::Fork, sub, 5000); // the child's stream came first
    m.flowFrom(9, FlowKind::Fork, main, 4000);
    m.addInstant(sub, 5000, InstantKind::Start);
    m.setState(sub, 5000, State::Computing);

    m.addInstant(buyer, 2000000, InstantKind::End);
    m.flowFrom(8, FlowKind::Join, buyer, 2000000);
    m.flowTo(8, FlowKind::Join, main, 2000001);
    m.addInstant(main, 2000001, InstantKind::Join, QStringLiteral("buyer"));
    m.setState(main, 2000001, State::Running);
    m.setState(watch, 2100000, State::Sleeping); // still asleep when the run ends
    m.addInstant(sub, 2500000, InstantKind::Terminated, {}, 15);
    m.addInstant(main, 2500000, InstantKind::Print, QStringLiteral("done"));
    m.addInstant(main, 3000000, InstantKind::MainExit);
    m.addInstant(main, 3000000, InstantKind::End);

    m.addCounter(1000, QStringLiteral("memory"), QStringLiteral("MiB"), 0, 10.5);
    m.addCounter(1000, QStringLiteral("memory"), QStringLiteral("MiB"), 1000000, 12);
    m.addCounter(2000, QStringLiteral("memory"), QString(), 5000, 3);
    return m;
}

QJsonArray traceEvents(const QByteArray& json)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError) {
        qWarning("not JSON at %d: %s", err.offset, qPrintable(err.errorString()));
        return {};
    }
    return doc.object().value(QLatin1String("traceEvents")).toArray();
}

QString phase(const QJsonObject& e)
{
    return e.value(QLatin1String("ph")).toString();
}

QString laneKey(const QJsonObject& e)
{
    return QStringLiteral("%1/%2")
        .arg(e.value(QLatin1String("pid")).toInteger())
        .arg(e.value(QLatin1String("tid")).toInteger());
}

QJsonObject args(const QJsonObject& e)
{
    return e.value(QLatin1String("args")).toObject();
}

// Non-metadata events of one lane, in file order.
QList<QJsonObject> laneEvents(const QJsonArray& events, qint64 pid, qint64 tid, const QString& ph = {})
{
    QList<QJsonObject> out;
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        if (phase(e) == QLatin1String("M") || e.value(QLatin1String("pid")).toInteger() != pid
            || e.value(QLatin1String("tid")).toInteger() != tid)
            continue;
        if (ph.isEmpty() || phase(e) == ph)
            out.append(e);
    }
    return out;
}

// A lane's own events (spans and instants; flows are arrows between lanes), in file order.
QList<QJsonObject> ownEvents(const QJsonArray& events, qint64 pid, qint64 tid)
{
    QList<QJsonObject> out;
    for (const QJsonObject& e : laneEvents(events, pid, tid)) {
        if (phase(e) == QLatin1String("X") || phase(e) == QLatin1String("i"))
            out.append(e);
    }
    return out;
}

} // namespace

class TestChromeTrace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wellFormed();
    void metadata();
    void spans();
    void instants();
    void flows();
    void flowsBindToSlices();
    void timesAddUpInDoubles();
    void countersKeepEveryDigit();
    void unnamedLanes();
    void laneArgsOnFirstEvent();
    void counters();
    void microseconds_data();
    void microseconds();
    void deterministic();
    void emptyModel();
    void saveToFile();
    void csv();
};

void TestChromeTrace::wellFormed()
{
    const QByteArray json = chromeTrace(sampleModel());
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    QCOMPARE(err.error, QJsonParseError::NoError);
    QVERIFY(doc.isObject());
    QCOMPARE(doc.object().keys(), QStringList { QStringLiteral("traceEvents") });
    const QJsonArray events = doc.object().value(QLatin1String("traceEvents")).toArray();
    QVERIFY(!events.isEmpty());
    const QSet<QString> phases { QStringLiteral("M"), QStringLiteral("X"), QStringLiteral("i"), QStringLiteral("s"),
        QStringLiteral("f"), QStringLiteral("C") };
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        QVERIFY2(phases.contains(phase(e)), qPrintable(phase(e)));
        QVERIFY(e.value(QLatin1String("name")).isString());
        QVERIFY(e.value(QLatin1String("pid")).isDouble());
        QVERIFY(e.value(QLatin1String("tid")).isDouble());
        if (phase(e) != QLatin1String("M"))
            QVERIFY(e.value(QLatin1String("ts")).isDouble());
    }
}

void TestChromeTrace::metadata()
{
    const TraceModel model = sampleModel();
    const QJsonArray events = traceEvents(chromeTrace(model));
    QHash<qint64, QString> processNames;
    QHash<QString, QString> threadNames;
    QJsonObject run;
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        if (phase(e) != QLatin1String("M"))
            continue;
        const QString name = e.value(QLatin1String("name")).toString();
        if (name == QLatin1String("process_name"))
            processNames.insert(
                e.value(QLatin1String("pid")).toInteger(), args(e).value(QLatin1String("name")).toString());
        else if (name == QLatin1String("thread_name"))
            threadNames.insert(laneKey(e), args(e).value(QLatin1String("name")).toString());
        else if (name == QLatin1String("forkline_run"))
            run = args(e);
    }
    QCOMPARE(processNames.size(), 2);
    QCOMPARE(processNames.value(1000), QStringLiteral("buyer-seller"));
    QCOMPARE(processNames.value(2000), QStringLiteral("sub"));
    QCOMPARE(threadNames.size(), model.laneCount());
    QCOMPARE(threadNames.value(QStringLiteral("1000/1000")), QStringLiteral("MainThread"));
    QCOMPARE(threadNames.value(QStringLiteral("1000/1001")), QStringLiteral("buyer"));
    QCOMPARE(threadNames.value(QStringLiteral("1000/1002")), QStringLiteral("watch, \"dog\""));
    QCOMPARE(threadNames.value(QStringLiteral("2000/2000")), QStringLiteral("sub"));
    QCOMPARE(run.value(QLatin1String("scenario")).toString(), QStringLiteral("buyer-seller"));
    QCOMPARE(run.value(QLatin1String("title")).toString(), QStringLiteral("Buyer and seller"));

    // Metadata comes before any other event, so a streaming reader names lanes first.
    bool seenOther = false;
    for (const QJsonValue& v : events) {
        if (phase(v.toObject()) != QLatin1String("M"))
            seenOther = true;
        else
            QVERIFY(!seenOther);
    }
}

void TestChromeTrace::spans()
{
    const TraceModel model = sampleModel();
    const QByteArray json = chromeTrace(model);
    const QJsonArray events = traceEvents(json);

    struct Expected
    {
        qint64 pid, tid;
        QList<std::tuple<QString, double, double>> spans; // state, ts, dur (µs)
    };
    const QList<Expected> expected {
        { 1000, 1000,
            { { QStringLiteral("running"), 0, 1.5 }, { QStringLiteral("waiting:join"), 1.5, 1998.501 },
                { QStringLiteral("running"), 2000.001, 999.999 } } },
        { 1000, 1001, { { QStringLiteral("running"), 1.6, 0.1 }, { QStringLiteral("sleeping"), 1.7, 1998.3 } } },
        // Open at the end: written up to endTime() (3000 µs).
        { 1000, 1002, { { QStringLiteral("sleeping"), 2100, 900 } } },
        { 2000, 2000, { { QStringLiteral("computing"), 5, 2495 } } },
    };
    int total = 0;
    for (const Expected& lane : expected) {
        const QList<QJsonObject> xs = laneEvents(events, lane.pid, lane.tid, QStringLiteral("X"));
        QCOMPARE(xs.size(), lane.spans.size());
        for (int i = 0; i < xs.size(); ++i) {
            const auto& [state, ts, dur] = lane.spans.at(i);
            QCOMPARE(xs[i].value(QLatin1String("name")).toString(), state);
            QCOMPARE(xs[i].value(QLatin1String("cat")).toString(), QStringLiteral("state"));
            QCOMPARE(xs[i].value(QLatin1String("ts")).toDouble(), ts);
            QCOMPARE(xs[i].value(QLatin1String("dur")).toDouble(), dur);
        }
        total += int(xs.size());
    }
    QCOMPARE(total, int(model.spanCount()) + 1); // the open span is written too

    // The numbers are written exactly, as decimal microseconds with nanosecond digits.
    QVERIFY(json.contains("\"ts\":0,\"dur\":1.5"));
    QVERIFY(json.contains("\"ts\":1.5,\"dur\":1998.501"));
    QVERIFY(json.contains("\"ts\":2000.001,\"dur\":999.999"));
    QVERIFY(json.contains("\"ts\":1.7,\"dur\":1998.3"));
    QVERIFY(json.contains("\"ts\":2100,\"dur\":900"));
}

void TestChromeTrace::instants()
{
    const QJsonArray events = traceEvents(chromeTrace(sampleModel()));

    const QList<QJsonObject> main = laneEvents(events, 1000, 1000, QStringLiteral("i"));
    QStringList names;
    for (const QJsonObject& e : main) {
        names.append(e.value(QLatin1String("name")).toString());
        QCOMPARE(e.value(QLatin1String("s")).toString(), QStringLiteral("t"));
    }
    QCOMPARE(names,
        (QStringList { QStringLiteral("start"), QStringLiteral("fork"), QStringLiteral("join"), QStringLiteral("print"),
            QStringLiteral("main-exit"), QStringLiteral("end") }));
    QCOMPARE(main[1].value(QLatin1String("ts")).toDouble(), 1.5);
    QCOMPARE(args(main[1]).value(QLatin1String("text")).toString(), QStringLiteral("buyer"));
    QCOMPARE(args(main[3]).value(QLatin1String("text")).toString(), QStringLiteral("done"));
    QCOMPARE(main[3].value(QLatin1String("ts")).toDouble(), 2500.0);
    QVERIFY(!args(main[4]).contains(QLatin1String("text")));

    // A print's text comes back exactly, quotes, newline, backslash and control bytes included.
    const QList<QJsonObject> buyer = laneEvents(events, 1000, 1001, QStringLiteral("i"));
    QCOMPARE(buyer.size(), 3);
    QCOMPARE(buyer[1].value(QLatin1String("name")).toString(), QStringLiteral("print"));
    QCOMPARE(buyer[1].value(QLatin1String("ts")).toDouble(), 1.601);
    QCOMPARE(args(buyer[1]).value(QLatin1String("text")).toString(), kPrinted);

    const QList<QJsonObject> sub = laneEvents(events, 2000, 2000, QStringLiteral("i"));
    QCOMPARE(sub.size(), 2);
    QCOMPARE(sub[1].value(QLatin1String("name")).toString(), QStringLiteral("terminated"));
    QCOMPARE(args(sub[1]).value(QLatin1String("code")).toInt(), 15);

    // A lane's spans and instants are in time order; at equal times the instant comes first.
    const QList<QJsonObject> all = ownEvents(events, 1000, 1000);
    QCOMPARE(all.size(), main.size() + 3);
    for (int i = 1; i < all.size(); ++i)
        QVERIFY(all[i - 1].value(QLatin1String("ts")).toDouble() <= all[i].value(QLatin1String("ts")).toDouble());
    QCOMPARE(phase(all[0]), QStringLiteral("i")); // start before the running span, both at 0
    QCOMPARE(phase(all[1]), QStringLiteral("X"));
    QCOMPARE(phase(all[2]), QStringLiteral("i")); // fork before waiting:join, both at 1.5
    QCOMPARE(phase(all[3]), QStringLiteral("X"));
}

void TestChromeTrace::flows()
{
    const QJsonArray events = traceEvents(chromeTrace(sampleModel()));
    QHash<qint64, QJsonObject> starts;
    QHash<qint64, QJsonObject> finishes;
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        const qint64 id = e.value(QLatin1String("id")).toInteger();
        if (phase(e) == QLatin1String("s")) {
            QVERIFY2(!starts.contains(id), "one id per arrow");
            starts.insert(id, e);
        } else if (phase(e) == QLatin1String("f")) {
            QVERIFY2(!finishes.contains(id), "one id per arrow");
            QCOMPARE(e.value(QLatin1String("bp")).toString(), QStringLiteral("e"));
            finishes.insert(id, e);
        }
    }
    // Three complete arrows; the message that was never received is left out.
    QCOMPARE(QSet<qint64>(starts.keyBegin(), starts.keyEnd()), (QSet<qint64> { 7, 8, 9 }));
    QCOMPARE(QSet<qint64>(finishes.keyBegin(), finishes.keyEnd()), (QSet<qint64> { 7, 8, 9 }));

    QCOMPARE(starts[7].value(QLatin1String("name")).toString(), QStringLiteral("fork"));
    QCOMPARE(laneKey(starts[7]), QStringLiteral("1000/1000"));
    // The fork ends main's first running slice: the flow binds to that slice, at its start.
    QCOMPARE(starts[7].value(QLatin1String("ts")).toDouble(), 0.0);
    QCOMPARE(args(starts[7]).value(QLatin1String("at")).toDouble(), 1.5);
    QCOMPARE(laneKey(finishes[7]), QStringLiteral("1000/1001"));
    QCOMPARE(finishes[7].value(QLatin1String("ts")).toDouble(), 1.6);
    QCOMPARE(starts[8].value(QLatin1String("name")).toString(), QStringLiteral("join"));
    QCOMPARE(laneKey(starts[8]), QStringLiteral("1000/1001"));
    QCOMPARE(laneKey(finishes[8]), QStringLiteral("1000/1000"));
    QCOMPARE(finishes[8].value(QLatin1String("ts")).toDouble(), 2000.001);
    QCOMPARE(laneKey(starts[9]), QStringLiteral("1000/1000"));
    // Main waits for buyer from 1.5 µs: the fork at 4 µs binds to that slice, at its start.
    QCOMPARE(starts[9].value(QLatin1String("ts")).toDouble(), 1.5);
    QCOMPARE(args(starts[9]).value(QLatin1String("at")).toDouble(), 4.0);
    QCOMPARE(laneKey(finishes[9]), QStringLiteral("2000/2000"));
    QCOMPARE(finishes[9].value(QLatin1String("ts")).toDouble(), 5.0);
}

// Perfetto binds a flow's start to the slice open at its ts and draws the arrow from that
// slice's end; DevTools binds a flow event to the event of the same cat, pid, tid and ts. The
// join leaves buyer when its last slice has ended: the flow goes on that slice, at its start,
// in the slices' cat, and its own time rides in args.at.
void TestChromeTrace::flowsBindToSlices()
{
    const QJsonArray events = traceEvents(chromeTrace(sampleModel()));
    QJsonObject join;
    for (const QJsonValue& v : events) {
        if (phase(v.toObject()) == QLatin1String("s") && v.toObject().value(QLatin1String("id")).toInteger() == 8)
            join = v.toObject();
    }
    QCOMPARE(join.value(QLatin1String("cat")).toString(), QStringLiteral("state"));
    QCOMPARE(join.value(QLatin1String("ts")).toDouble(), 1.7); // buyer's sleeping slice, 1.7 -> 2000 µs
    QCOMPARE(args(join).value(QLatin1String("at")).toDouble(), 2000.0);
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        if (phase(e) == QLatin1String("s") || phase(e) == QLatin1String("f")) {
            QCOMPARE(e.value(QLatin1String("cat")).toString(), QStringLiteral("state"));
            bool bound = false;
            for (const QJsonObject& x : laneEvents(events, e.value(QLatin1String("pid")).toInteger(),
                     e.value(QLatin1String("tid")).toInteger(), QStringLiteral("X")))
                bound = bound || x.value(QLatin1String("ts")).toDouble() == e.value(QLatin1String("ts")).toDouble();
            QVERIFY2(bound, qPrintable(QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact))));
        }
    }
}

// A JavaScript reader adds ts + dur in doubles: a slice must end exactly where the next begins.
// 40780.402 + 12283.933 is 53064.33500000001 in a double, past the next slice's 53064.335.
void TestChromeTrace::timesAddUpInDoubles()
{
    TraceModel m;
    const int lane = m.ensureLane(1, 1);
    // No dur reaches 30781.122 from 9713.596 in doubles (the sum skips it): the next slice's ts is
    // written as the sum. 40780.402 -> 53064.335 is the case above; then a few thousand slices.
    std::vector<qint64> bounds { 9713596, 30781122, 40780402, 53064335 };
    quint64 x = 88172645463325252ULL;
    while (bounds.size() < 3000) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        bounds.push_back(bounds.back() + 1 + qint64(x % 90000000));
    }
    for (size_t i = 1; i < bounds.size(); ++i)
        m.addSpan(lane, { bounds[i - 1], bounds[i], State::Running });
    const QByteArray json = chromeTrace(m);
    const QList<QJsonObject> spans = laneEvents(traceEvents(json), 1, 1, QStringLiteral("X"));
    QCOMPARE(spans.size(), int(bounds.size()) - 1);
    for (int i = 1; i < spans.size(); ++i) {
        const double end
            = spans[i - 1].value(QLatin1String("ts")).toDouble() + spans[i - 1].value(QLatin1String("dur")).toDouble();
        QVERIFY2(end == spans[i].value(QLatin1String("ts")).toDouble(), qPrintable(QString::number(i)));
    }
    // And Forkline reads the same nanoseconds back.
    const ChromeTraceImportResult back = importChromeTraceData(json, QStringLiteral("t.json"));
    QVERIFY2(back.ok(), qPrintable(back.error));
    QCOMPARE(back.model.lane(0).spans.size(), bounds.size() - 1);
    for (size_t i = 1; i < bounds.size(); ++i) {
        QCOMPARE(back.model.lane(0).spans[i - 1].start, bounds[i - 1]);
        QCOMPARE(back.model.lane(0).spans[i - 1].end, bounds[i]);
    }
    QCOMPARE(chromeTrace(back.model), json);
    QVERIFY2(json.contains("\"ts\":30781.122000000003") || json.contains("\"ts\":30781.121999999996"),
        json.left(600).constData());
}

// Counters keep every digit; NaN-free values come back as the same double.
void TestChromeTrace::countersKeepEveryDigit()
{
    TraceModel m;
    m.ensureLane(1, 1);
    const double values[] = { 102085492736.0, 0.1 + 0.2, 1e-300, -123456.789012345678, 9007199254740993.0, 1e300 };
    qint64 t = 0;
    for (const double v : values)
        m.addCounter(1, QStringLiteral("bytes"), {}, t++, v);
    const QByteArray json = chromeTrace(m);
    QVERIFY2(json.contains("\"bytes\":102085492736}"), json.constData());
    QList<double> back;
    for (const QJsonValue& v : traceEvents(json)) {
        if (phase(v.toObject()) == QLatin1String("C"))
            back << args(v.toObject()).value(QLatin1String("bytes")).toDouble();
    }
    QCOMPARE(back.size(), int(std::size(values)));
    for (int i = 0; i < back.size(); ++i)
        QVERIFY2(back[i] == values[i], qPrintable(QString::number(back[i], 'g', 17)));
}

// A lane without a name (a foreign trace without thread_name) is written with one.
void TestChromeTrace::unnamedLanes()
{
    TraceModel m;
    m.addSpan(m.ensureLane(5, 7), { 0, 1000, State::Running });
    const QJsonArray events = traceEvents(chromeTrace(m));
    bool named = false;
    for (const QJsonValue& v : events) {
        const QJsonObject e = v.toObject();
        if (e.value(QLatin1String("name")).toString() == QLatin1String("thread_name"))
            named = args(e).value(QLatin1String("name")).toString() == QLatin1String("thread 7");
    }
    QVERIFY(named);
    QCOMPARE(
        args(laneEvents(events, 5, 7).first()).value(QLatin1String("worker")).toString(), QStringLiteral("thread 7"));
}

void TestChromeTrace::laneArgsOnFirstEvent()
{
    const QJsonArray events = traceEvents(chromeTrace(sampleModel()));
    struct Expected
    {
        qint64 pid, tid;
        QString worker, kind;
        bool daemon;
        QString firstPhase;
    };
    const QList<Expected> lanes {
        { 1000, 1000, QStringLiteral("MainThread"), QStringLiteral("process"), false, QStringLiteral("i") },
        { 1000, 1001, QStringLiteral("buyer"), QStringLiteral("thread"), true, QStringLiteral("i") },
        { 1000, 1002, QStringLiteral("watch, \"dog\""), QStringLiteral("thread"), true, QStringLiteral("X") },
        { 2000, 2000, QStringLiteral("sub"), QStringLiteral("process"), false, QStringLiteral("i") },
    };
    for (const Expected& lane : lanes) {
        const QList<QJsonObject> own = ownEvents(events, lane.pid, lane.tid);
        QVERIFY(!own.isEmpty());
        QCOMPARE(phase(own[0]), lane.firstPhase);
        const QJsonObject a = args(own[0]);
        QCOMPARE(a.value(QLatin1String("worker")).toString(), lane.worker);
        QCOMPARE(a.value(QLatin1String("kind")).toString(), lane.kind);
        QVERIFY(a.value(QLatin1String("daemon")).isBool());
        QCOMPARE(a.value(QLatin1String("daemon")).toBool(), lane.daemon);
        for (int i = 1; i < own.size(); ++i)
            QVERIFY(!args(own[i]).contains(QLatin1String("worker")));
    }
    // The label and the parent lane ride along where there are any.
    const QJsonObject buyer = args(ownEvents(events, 1000, 1001).first());
    QCOMPARE(buyer.value(QLatin1String("label")).toString(), QStringLiteral("매수"));
    QCOMPARE(buyer.value(QLatin1String("parent")).toArray(), (QJsonArray { 1000, 1000 }));
    const QJsonObject main = args(ownEvents(events, 1000, 1000).first());
    QVERIFY(!main.contains(QLatin1String("label")));
    QVERIFY(!main.contains(QLatin1String("parent")));
}

void TestChromeTrace::counters()
{
    const QJsonArray events = traceEvents(chromeTrace(sampleModel()));
    QList<QJsonObject> samples;
    for (const QJsonValue& v : events) {
        if (phase(v.toObject()) == QLatin1String("C"))
            samples.append(v.toObject());
    }
    // One C event per sample, on the process's track, the value under the unit's name.
    QCOMPARE(samples.size(), 3);
    QCOMPARE(samples[0].value(QLatin1String("name")).toString(), QStringLiteral("memory"));
    QCOMPARE(laneKey(samples[0]), QStringLiteral("1000/1000"));
    QCOMPARE(samples[0].value(QLatin1String("ts")).toDouble(), 0.0);
    QCOMPARE(args(samples[0]).value(QLatin1String("MiB")).toDouble(), 10.5);
    QCOMPARE(samples[1].value(QLatin1String("ts")).toDouble(), 1000.0);
    QCOMPARE(args(samples[1]).value(QLatin1String("MiB")).toDouble(), 12.0);
    QCOMPARE(laneKey(samples[2]), QStringLiteral("2000/2000"));
    QCOMPARE(samples[2].value(QLatin1String("ts")).toDouble(), 5.0);
    QCOMPARE(args(samples[2]).value(QLatin1String("memory")).toDouble(), 3.0); // no unit: the name
}

void TestChromeTrace::microseconds_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("one ns") << qint64(0) << qint64(1) << QByteArray("\"ts\":0,\"dur\":0.001");
    QTest::newRow("whole µs") << qint64(1000) << qint64(3000) << QByteArray("\"ts\":1,\"dur\":2");
    QTest::newRow("no trailing zeros") << qint64(10) << qint64(1000010) << QByteArray("\"ts\":0.01,\"dur\":1000");
    QTest::newRow("three digits") << qint64(1234567) << qint64(1234568) << QByteArray("\"ts\":1234.567,\"dur\":0.001");
    QTest::newRow("just under a µs") << qint64(999) << qint64(1000) << QByteArray("\"ts\":0.999,\"dur\":0.001");
    // 40780.402 + 12283.933 is 53064.33500000001 in a double: the dur that adds up instead.
    QTest::newRow("adds up in doubles") << qint64(40780402) << qint64(53064335)
                                        << QByteArray("\"ts\":40780.402,\"dur\":12283.932999999997");
    QTest::newRow("before the start") << qint64(-1500) << qint64(0) << QByteArray("\"ts\":-1.5,\"dur\":1.5");
    QTest::newRow("past 2^53 ns") << (qint64(1) << 53) + 1 << (qint64(1) << 53) + 2
                                  << QByteArray("\"ts\":9007199254740.993,\"dur\":0.001");
}

void TestChromeTrace::microseconds()
{
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(QByteArray, text);

    TraceModel m;
    m.addSpan(m.ensureLane(1, 1), { start, end, State::Running });
    const QByteArray json = chromeTrace(m);
    QVERIFY2(json.contains(text), json.constData());
    QCOMPARE(traceEvents(json).size(), 3); // process_name, thread_name, the span
}

void TestChromeTrace::deterministic()
{
    const TraceModel model = sampleModel();
    const QByteArray first = chromeTrace(model);
    QCOMPARE(chromeTrace(model), first);
    QCOMPARE(chromeTrace(sampleModel()), first); // an identical model built anew
    const TraceModel copy = model;
    QCOMPARE(chromeTrace(copy), first);

    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(writeChromeTrace(model, &buffer));
    QCOMPARE(buffer.data(), first);
}

void TestChromeTrace::emptyModel()
{
    const TraceModel empty;
    const QByteArray json = chromeTrace(empty);
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    QCOMPARE(err.error, QJsonParseError::NoError);
    QVERIFY(doc.object().value(QLatin1String("traceEvents")).isArray());
    QVERIFY(doc.object().value(QLatin1String("traceEvents")).toArray().isEmpty());

    QBuffer csv;
    QVERIFY(csv.open(QIODevice::WriteOnly));
    QVERIFY(writeSpansCsv(empty, &csv));
    QCOMPARE(csv.data(), QByteArray("pid,tid,worker,state,start_us,end_us,duration_us,depth\n"));
}

void TestChromeTrace::saveToFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const TraceModel model = sampleModel();
    QString error;
    const QString path = dir.filePath(QStringLiteral("run.json"));
    QVERIFY2(saveChromeTrace(model, path, &error), qPrintable(error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), chromeTrace(model));

    const QString csvPath = dir.filePath(QStringLiteral("run.csv"));
    QVERIFY2(saveSpansCsv(model, csvPath, &error), qPrintable(error));
    QVERIFY(QFile(csvPath).size() > 0);

    const QString bad = dir.filePath(QStringLiteral("no/such/dir/run.json"));
    QVERIFY(!saveChromeTrace(model, bad, &error));
    QVERIFY2(error.contains(bad), qPrintable(error));
    QVERIFY(!QFile::exists(bad));
}

void TestChromeTrace::csv()
{
    const TraceModel model = sampleModel();
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(writeSpansCsv(model, &buffer));
    const QList<QByteArray> lines = buffer.data().split('\n');
    QVERIFY(buffer.data().endsWith('\n'));
    const QList<QByteArray> expected {
        "pid,tid,worker,state,start_us,end_us,duration_us,depth",
        "1000,1000,MainThread,running,0,1.5,1.5,0",
        "1000,1000,MainThread,waiting:join,1.5,2000.001,1998.501,0",
        "1000,1000,MainThread,running,2000.001,3000,999.999,0",
        "1000,1001,buyer,running,1.6,1.7,0.1,0",
        "1000,1001,buyer,sleeping,1.7,2000,1998.3,0",
        "1000,1002,\"watch, \"\"dog\"\"\",sleeping,2100,3000,900,0", // open span, quoted name
        "2000,2000,sub,computing,5,2500,2495,0",
        "",
    };
    QCOMPARE(lines, expected);
    // One row per span, open ones included.
    QCOMPARE(lines.size() - 2, int(model.spanCount()) + 1);
}

QTEST_GUILESS_MAIN(TestChromeTrace)
#include "tst_chrometrace.moc"
