// SPDX-License-Identifier: GPL-3.0-or-later
// Over 500 lines: the one decoder of the channel format, each event kind's checks beside the
// fields it reads. The next split is by direction (reading lines, applying them to the model).
#include "channelevent.h"

#include "chrometraceimport.h"
#include "timearithmetic.h"
#include "tracemodel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <charconv>
#include <cstring>

namespace Forkline {

namespace {

// Every line on the channel is one flat object of strings, integers, a number, a boolean and
// a [pid, tid] pair, as encode() writes it. A busy run sends a hundred thousand a second to
// the window's thread; reading them directly costs a fraction of building a QJsonDocument.
// Anything this reader does not expect is left to QJsonDocument (decodeJson below), whose
// reading is the reference.
class FlatLine
{
public:
    explicit FlatLine(const QByteArray& line)
        : m_p(line.constData())
        , m_end(line.constData() + line.size())
    { }

    struct Text
    {
        const char* begin = nullptr;
        const char* end = nullptr;
        bool escaped = false;
        bool is(const char* s) const
        {
            const size_t n = std::strlen(s);
            return !escaped && size_t(end - begin) == n && std::memcmp(begin, s, n) == 0;
        }
        QString toString() const { return QString::fromUtf8(begin, end - begin); }
    };

    bool eat(char c)
    {
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }
    bool atEnd() const { return m_p == m_end; }

    bool text(Text* out)
    {
        if (!eat('"'))
            return false;
        out->begin = m_p;
        out->escaped = false;
        while (m_p < m_end && *m_p != '"') {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c < 0x20)
                return false;
            if (c == '\\') {
                out->escaped = true;
                if (++m_p == m_end)
                    return false;
            }
            ++m_p;
        }
        out->end = m_p;
        return eat('"');
    }

    bool integer(qint64* out)
    {
        const char* end = jsonNumberEnd();
        if (!end)
            return false;
        const auto [next, error] = std::from_chars(m_p, end, *out);
        if (error != std::errc() || next != end)
            return false; // a fraction, an exponent or out of range: QJsonDocument's rules apply
        m_p = next;
        return true;
    }

    bool number(double* out)
    {
        const char* end = jsonNumberEnd();
        if (!end)
            return false;
        bool ok = false;
        *out = QByteArray::fromRawData(m_p, end - m_p).toDouble(&ok);
        m_p = end;
        return ok;
    }

    bool boolean(bool* out)
    {
        for (const auto& [word, value] : { std::pair("true", true), std::pair("false", false) }) {
            const size_t n = std::strlen(word);
            if (size_t(m_end - m_p) >= n && std::memcmp(m_p, word, n) == 0) {
                m_p += n;
                *out = value;
                return true;
            }
        }
        return false;
    }

private:
    // The end of the number at m_p when it is written as JSON allows (no leading zeros, no
    // '+', digits on both sides of the point); nullptr otherwise, for QJsonDocument to refuse.
    const char* jsonNumberEnd() const
    {
        const char* p = m_p;
        const auto digits = [&p, this] {
            const char* from = p;
            while (p < m_end && *p >= '0' && *p <= '9')
                ++p;
            return p - from;
        };
        if (p < m_end && *p == '-')
            ++p;
        const char* first = p;
        const auto whole = digits();
        if (whole == 0 || (whole > 1 && *first == '0'))
            return nullptr;
        if (p < m_end && *p == '.') {
            ++p;
            if (digits() == 0)
                return nullptr;
        }
        if (p < m_end && (*p == 'e' || *p == 'E')) {
            ++p;
            if (p < m_end && (*p == '+' || *p == '-'))
                ++p;
            if (digits() == 0)
                return nullptr;
        }
        return p;
    }

    const char* m_p;
    const char* m_end;
};

// Over 80 lines on purpose: one pass over a channel line reads each key encode() writes into a
// local, then builds the event; it is the collector's hot path during a flood of prints.
bool decodeFlat(const QByteArray& line, ChannelEvent* out)
{
    FlatLine in(line);
    if (!in.eat('{'))
        return false;
    FlatLine::Text e, s, n, kind, ph, name, label, text, unit, file, detail;
    bool hasText = false;
    qint64 code = 0;
    qint64 ppid = 0;
    bool daemon = false;
    qint64 parent[2] = { 0, 0 };
    qint64 flowId = 0;
    qint64 sourceLine = 0;
    double value = 0;
    ChannelEvent ev;
    quint32 seen = 0;
    if (!in.eat('}')) {
        do {
            FlatLine::Text key;
            if (!in.text(&key) || key.escaped || !in.eat(':'))
                return false;
            // The keys encode() writes, each once; anything else goes the long way.
            static const char* const keys[] = { "e", "t", "pid", "tid", "ppid", "name", "label", "kind", "daemon",
                "parent", "s", "n", "text", "code", "id", "ph", "unit", "v", "file", "line", "detail" };
            int k = 0;
            while (k < int(std::size(keys)) && !key.is(keys[k]))
                ++k;
            if (k == int(std::size(keys)) || (seen & (1u << k)))
                return false;
            seen |= 1u << k;
            bool ok = false;
            switch (k) {
            case 0:
                ok = in.text(&e);
                break;
            case 1:
                ok = in.integer(&ev.t);
                break;
            case 2:
                ok = in.integer(&ev.pid);
                break;
            case 3:
                ok = in.integer(&ev.tid);
                break;
            case 4:
                ok = in.integer(&ppid);
                break;
            case 5:
                ok = in.text(&name);
                break;
            case 6:
                ok = in.text(&label);
                break;
            case 7:
                ok = in.text(&kind);
                break;
            case 8:
                ok = in.boolean(&daemon);
                break;
            case 9:
                ok = in.eat('[') && in.integer(&parent[0]) && in.eat(',') && in.integer(&parent[1]) && in.eat(']');
                break;
            case 10:
                ok = in.text(&s);
                break;
            case 11:
                ok = in.text(&n);
                break;
            case 12:
                ok = in.text(&text);
                hasText = true;
                break;
            case 13:
                ok = in.integer(&code) && code >= INT_MIN && code <= INT_MAX;
                break;
            case 14:
                ok = in.integer(&flowId);
                break;
            case 15:
                ok = in.text(&ph);
                break;
            case 16:
                ok = in.text(&unit);
                break;
            case 17:
                ok = in.number(&value);
                break;
            case 18:
                ok = in.text(&file);
                break;
            case 19:
                ok = in.integer(&sourceLine) && sourceLine >= 0 && sourceLine <= INT_MAX;
                break;
            case 20:
                ok = in.text(&detail);
                break;
            }
            if (!ok)
                return false;
        } while (in.eat(','));
        if (!in.eat('}'))
            return false;
    }
    if (!in.atEnd())
        return false;
    // Escapes and empty strings are rare: QJsonDocument's reading of them is the one to keep.
    // So is text that is not UTF-8, which QJsonDocument refuses where fromUtf8() would patch it.
    for (const FlatLine::Text* t : { &e, &s, &n, &kind, &ph, &name, &label, &text, &unit, &file, &detail }) {
        if (t->begin && (t->begin == t->end || t->escaped || !QByteArrayView(t->begin, t->end).isValidUtf8()))
            return false;
    }
    const auto latin1 = [](const FlatLine::Text& t) { return QString::fromLatin1(t.begin, t.end - t.begin); };
    if (e.is("proc")) {
        ev.type = ChannelEvent::Type::Process;
        ev.ppid = ppid;
        ev.name = name.toString();
    } else if (e.is("lane")) {
        ev.type = ChannelEvent::Type::Lane;
        ev.name = name.toString();
        ev.label = label.toString();
        ev.processLane = kind.is("process");
        ev.daemon = daemon;
        ev.ppid = ppid;
        ev.parentPid = parent[0];
        ev.parentTid = parent[1];
    } else if (e.is("state")) {
        ev.type = ChannelEvent::Type::State;
        if (!stateFromName(latin1(s), &ev.state))
            return false;
        if (detail.begin)
            ev.detail = detail.toString();
    } else if (e.is("inst")) {
        ev.type = ChannelEvent::Type::Instant;
        if (!instantFromName(latin1(n), &ev.instant))
            return false;
        if (hasText)
            ev.text = text.toString();
        ev.name = name.toString();
        ev.code = qint32(code);
    } else if (e.is("flow")) {
        ev.type = ChannelEvent::Type::Flow;
        ev.flowId = flowId;
        ev.flowStart = !ph.is("f");
        if (!flowFromName(latin1(n), &ev.flow))
            ev.flow = FlowKind::Other;
    } else if (e.is("done")) {
        ev.type = ChannelEvent::Type::Done;
        ev.code = qint32(code);
    } else if (e.is("ctr")) {
        ev.type = ChannelEvent::Type::Counter;
        ev.name = name.toString();
        ev.text = unit.toString();
        ev.value = value;
    } else if (e.is("error")) {
        ev.type = ChannelEvent::Type::Error;
        ev.text = text.toString();
    } else {
        return false;
    }
    if (sourceLine > 0) {
        ev.file = file.toString();
        ev.line = qint32(sourceLine);
    }
    *out = ev;
    return true;
}

} // namespace

bool ChannelEvent::decode(const QByteArray& line, ChannelEvent* out)
{
    return decodeFlat(line, out) || decodeJson(line, out);
}

bool ChannelEvent::decodeJson(const QByteArray& line, ChannelEvent* out)
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
        ev.detail = o.value(QLatin1String("detail")).toString();
    } else if (e == QLatin1String("inst")) {
        ev.type = Type::Instant;
        if (!instantFromName(o.value(QLatin1String("n")).toString(), &ev.instant))
            return false;
        const QJsonValue text = o.value(QLatin1String("text"));
        if (text.isString())
            ev.text = text.toString();
        ev.name = o.value(QLatin1String("name")).toString();
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
    const qint64 sourceLine = o.value(QLatin1String("line")).toInteger();
    if (sourceLine > 0 && sourceLine <= INT_MAX) {
        ev.file = o.value(QLatin1String("file")).toString();
        ev.line = qint32(sourceLine);
    }
    *out = ev;
    return true;
}

namespace {
// tid 0 names a process's main thread: a parent sees its child die, but only the child
// knows its own thread ids.
int laneFor(TraceModel& model, qint64 pid, qint64 tid)
{
    return tid != 0 ? model.ensureLane(pid, tid) : model.ensureMainLane(pid, 0);
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

// A mark with a name of its own (a scenario's `expect` outcome): like a foreign trace's
// instant, its name is kept and `text` holds its args as JSON members, which a saved trace
// writes back as they are. Members that are not JSON would make that trace unreadable.
bool addNamedInstant(TraceModel& model, const ChannelEvent& ev, qint64 t)
{
    const QByteArray members = ev.text.toUtf8();
    if (!members.isEmpty() && !QJsonDocument::fromJson("{" + members + "}").isObject())
        return false;
    const int index = laneFor(model, ev.pid, ev.tid);
    model.addInstant(index, t, InstantKind::Other, {}, 0, model.internName(ev.name));
    if (members.isEmpty())
        return true;
    // Where it went: after any instant of the same time, as addInstant() places it.
    const std::vector<Instant>& instants = model.lane(index).instants;
    const auto after
        = std::upper_bound(instants.begin(), instants.end(), t, [](qint64 v, const Instant& i) { return v < i.t; });
    model.addInstantArgs(index, qint32(after - instants.begin() - 1), members.toStdString());
    return true;
}
} // namespace

bool applyEvent(TraceModel& model, const ChannelEvent& ev, qint64 t0)
{
    // A line from a process that stamps nonsense (or a torn clock) may hold any t at all.
    const qint64 t = subNs(ev.t, t0);
    // A run's trace must open again, and an import refuses a trace spanning more than
    // kMaxTraceSpanNs: an event further than half that from the run's start is malformed.
    if (t > kMaxTraceSpanNs / 2 || t < -kMaxTraceSpanNs / 2)
        return false;
    if (ev.line > 0
        && (ev.type == ChannelEvent::Type::State || ev.type == ChannelEvent::Type::Instant
            || ev.type == ChannelEvent::Type::Flow))
        model.addSource(laneFor(model, ev.pid, ev.tid), t, ev.file, ev.line);
    switch (ev.type) {
    case ChannelEvent::Type::Process: {
        ProcessInfo& p = model.ensureProcess(ev.pid);
        p.ppid = ev.ppid;
        p.name = ev.name;
        return true;
    }
    case ChannelEvent::Type::Lane: {
        const int index = ev.processLane ? model.ensureMainLane(ev.pid, ev.tid) : model.ensureLane(ev.pid, ev.tid);
        // The parent's lane first: ensureLane may grow the lanes, which would leave a Lane&
        // taken before it pointing into freed memory.
        const int parent = ev.parentPid ? model.ensureLane(ev.parentPid, ev.parentTid) : -1;
        Lane& l = model.lane(index);
        l.name = ev.name;
        l.label = ev.label;
        l.kind = ev.processLane ? LaneKind::Process : LaneKind::Thread;
        l.daemon = ev.daemon;
        // A lane is not its own parent (the importer drops that too, so an export reads back
        // the same).
        if (parent >= 0 && parent != index)
            l.parent = parent;
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
    case ChannelEvent::Type::State: {
        const int index = laneFor(model, ev.pid, ev.tid);
        const Lane& l = model.lane(index);
        // Each process has a socket of its own: a child's last states can arrive after its
        // parent's report of its death. They must not reopen the lane that death ended.
        if (l.ended && !l.instants.empty() && t <= l.instants.back().t)
            return true;
        model.setState(index, t, ev.state, ev.detail);
        return true;
    }
    case ChannelEvent::Type::Instant:
        if (ev.instant == InstantKind::Other && !ev.name.isEmpty())
            return addNamedInstant(model, ev, t);
        addInstant(model, ev, t);
        return true;
    case ChannelEvent::Type::Flow:
        // tid 0 too: a parent draws the arrows from a child that a signal ended.
        if (ev.flowStart)
            model.flowFrom(ev.flowId, ev.flow, laneFor(model, ev.pid, ev.tid), t);
        else
            model.flowTo(ev.flowId, ev.flow, laneFor(model, ev.pid, ev.tid), t);
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
