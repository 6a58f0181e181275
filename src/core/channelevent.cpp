// SPDX-License-Identifier: GPL-3.0-or-later
#include "channelevent.h"

#include "tracemodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Forkline {

namespace {
const char* typeName(ChannelEvent::Type t)
{
    switch (t) {
    case ChannelEvent::Type::Process:
        return "proc";
    case ChannelEvent::Type::Lane:
        return "lane";
    case ChannelEvent::Type::State:
        return "state";
    case ChannelEvent::Type::Instant:
        return "inst";
    case ChannelEvent::Type::Flow:
        return "flow";
    case ChannelEvent::Type::Done:
        return "done";
    case ChannelEvent::Type::Error:
        return "error";
    case ChannelEvent::Type::Counter:
        return "ctr";
    }
    return "?";
}
} // namespace

QByteArray ChannelEvent::encode() const
{
    QJsonObject o;
    o.insert(QStringLiteral("e"), QLatin1String(typeName(type)));
    o.insert(QStringLiteral("t"), t);
    o.insert(QStringLiteral("pid"), pid);
    o.insert(QStringLiteral("tid"), tid);
    switch (type) {
    case Type::Process:
        o.insert(QStringLiteral("ppid"), ppid);
        o.insert(QStringLiteral("name"), name);
        break;
    case Type::Lane:
        o.insert(QStringLiteral("name"), name);
        if (!label.isEmpty())
            o.insert(QStringLiteral("label"), label);
        o.insert(QStringLiteral("kind"), processLane ? QStringLiteral("process") : QStringLiteral("thread"));
        o.insert(QStringLiteral("daemon"), daemon);
        o.insert(QStringLiteral("ppid"), ppid);
        if (parentPid)
            o.insert(QStringLiteral("parent"), QJsonArray { parentPid, parentTid });
        break;
    case Type::State:
        o.insert(QStringLiteral("s"), stateName(state));
        break;
    case Type::Instant:
        o.insert(QStringLiteral("n"), instantName(instant));
        if (!text.isNull())
            o.insert(QStringLiteral("text"), text);
        if (code)
            o.insert(QStringLiteral("code"), code);
        break;
    case Type::Flow:
        o.insert(QStringLiteral("id"), flowId);
        o.insert(QStringLiteral("ph"), flowStart ? QStringLiteral("s") : QStringLiteral("f"));
        o.insert(QStringLiteral("n"), flowName(flow));
        break;
    case Type::Done:
        o.insert(QStringLiteral("code"), code);
        break;
    case Type::Error:
        o.insert(QStringLiteral("text"), text);
        break;
    case Type::Counter:
        o.insert(QStringLiteral("name"), name);
        o.insert(QStringLiteral("unit"), text);
        o.insert(QStringLiteral("v"), value);
        break;
    }
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool ChannelEvent::decode(const QByteArray& line, ChannelEvent* out)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(line, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonObject o = doc.object();
    const QString e = o.value(QLatin1String("e")).toString();
    ChannelEvent ev;
    ev.t = o.value(QLatin1String("t")).toInteger();
    ev.pid = o.value(QLatin1String("pid")).toInteger();
    ev.tid = o.value(QLatin1String("tid")).toInteger();
    if (e == QLatin1String("proc")) {
        ev.type = Type::Process;
        ev.ppid = o.value(QLatin1String("ppid")).toInteger();
        ev.name = o.value(QLatin1String("name")).toString();
    } else if (e == QLatin1String("lane")) {
        ev.type = Type::Lane;
        ev.name = o.value(QLatin1String("name")).toString();
        ev.label = o.value(QLatin1String("label")).toString();
        ev.processLane = o.value(QLatin1String("kind")).toString() == QLatin1String("process");
        ev.daemon = o.value(QLatin1String("daemon")).toBool();
        ev.ppid = o.value(QLatin1String("ppid")).toInteger();
        const QJsonArray parent = o.value(QLatin1String("parent")).toArray();
        if (parent.size() == 2) {
            ev.parentPid = parent.at(0).toInteger();
            ev.parentTid = parent.at(1).toInteger();
        }
    } else if (e == QLatin1String("state")) {
        ev.type = Type::State;
        if (!stateFromName(o.value(QLatin1String("s")).toString(), &ev.state))
            return false;
    } else if (e == QLatin1String("inst")) {
        ev.type = Type::Instant;
        if (!instantFromName(o.value(QLatin1String("n")).toString(), &ev.instant))
            return false;
        const QJsonValue text = o.value(QLatin1String("text"));
        if (text.isString())
            ev.text = text.toString();
        ev.code = o.value(QLatin1String("code")).toInt();
    } else if (e == QLatin1String("flow")) {
        ev.type = Type::Flow;
        ev.flowId = o.value(QLatin1String("id")).toInteger();
        ev.flowStart = o.value(QLatin1String("ph")).toString() != QLatin1String("f");
        if (!flowFromName(o.value(QLatin1String("n")).toString(), &ev.flow))
            ev.flow = FlowKind::Other;
    } else if (e == QLatin1String("done")) {
        ev.type = Type::Done;
        ev.code = o.value(QLatin1String("code")).toInt();
    } else if (e == QLatin1String("ctr")) {
        ev.type = Type::Counter;
        ev.name = o.value(QLatin1String("name")).toString();
        ev.text = o.value(QLatin1String("unit")).toString();
        ev.value = o.value(QLatin1String("v")).toDouble();
    } else if (e == QLatin1String("error")) {
        ev.type = Type::Error;
        ev.text = o.value(QLatin1String("text")).toString();
    } else {
        return false;
    }
    *out = ev;
    return true;
}

namespace {
// tid 0 names a process's main thread: a parent sees its child die, but only the child
// knows its own thread ids.
int laneFor(TraceModel& model, qint64 pid, qint64 tid)
{
    if (tid != 0)
        return model.ensureLane(pid, tid);
    if (const ProcessInfo* p = model.process(pid)) {
        for (int li : p->lanes) {
            if (model.lane(li).kind == LaneKind::Process)
                return li;
        }
    }
    return model.ensureLane(pid, pid);
}

void addInstant(TraceModel& model, const ChannelEvent& ev, qint64 t)
{
    const int index = laneFor(model, ev.pid, ev.tid);
    if (isTerminal(ev.instant) && model.lane(index).ended)
        return; // a lane ends once: the first report of its end wins
    model.addInstant(index, t, ev.instant, ev.text, ev.code);
    // A process that is killed, terminated or crashes takes all of its threads with it.
    const bool processDied = ev.instant == InstantKind::Killed || ev.instant == InstantKind::Terminated
        || ev.instant == InstantKind::Crashed || ev.instant == InstantKind::Aborted;
    if (!processDied || model.lane(index).kind != LaneKind::Process)
        return;
    if (const ProcessInfo* p = model.process(ev.pid)) {
        const std::vector<int> lanes = p->lanes;
        for (int li : lanes) {
            if (li != index && !model.lane(li).ended)
                model.addInstant(li, t, ev.instant, {}, ev.code);
        }
    }
}
} // namespace

bool applyEvent(TraceModel& model, const ChannelEvent& ev, qint64 t0)
{
    const qint64 t = ev.t - t0;
    switch (ev.type) {
    case ChannelEvent::Type::Process: {
        ProcessInfo& p = model.ensureProcess(ev.pid);
        p.ppid = ev.ppid;
        p.name = ev.name;
        return true;
    }
    case ChannelEvent::Type::Lane: {
        const int index = model.ensureLane(ev.pid, ev.tid);
        Lane& l = model.lane(index);
        l.name = ev.name;
        l.label = ev.label;
        l.kind = ev.processLane ? LaneKind::Process : LaneKind::Thread;
        l.daemon = ev.daemon;
        if (ev.parentPid)
            l.parent = model.ensureLane(ev.parentPid, ev.parentTid);
        if (ev.processLane) {
            ProcessInfo& p = model.ensureProcess(ev.pid);
            if (ev.ppid)
                p.ppid = ev.ppid;
            if (p.name.isEmpty())
                p.name = ev.name;
        }
        model.noteTime(t);
        return true;
    }
    case ChannelEvent::Type::State:
        model.setState(model.ensureLane(ev.pid, ev.tid), t, ev.state);
        return true;
    case ChannelEvent::Type::Instant:
        addInstant(model, ev, t);
        return true;
    case ChannelEvent::Type::Flow:
        if (ev.flowStart)
            model.flowFrom(ev.flowId, ev.flow, model.ensureLane(ev.pid, ev.tid), t);
        else
            model.flowTo(ev.flowId, ev.flow, model.ensureLane(ev.pid, ev.tid), t);
        return true;
    case ChannelEvent::Type::Counter:
        model.addCounter(ev.pid, ev.name, ev.text, t, ev.value);
        return true;
    case ChannelEvent::Type::Done:
    case ChannelEvent::Type::Error:
        return true;
    }
    return false;
}

} // namespace Forkline
