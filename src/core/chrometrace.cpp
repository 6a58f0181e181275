// SPDX-License-Identifier: GPL-3.0-or-later
// Over 500 lines: the one writer of the Chrome trace contract, its time text and flow anchoring
// kept beside the events they serve. The next split is flows and their anchors into a file.
#include "chrometrace.h"

#include "atomicfile.h"
#include "rawtraceevent.h"
#include "traceargs.h"
#include "tracemodel.h"

#include <QBuffer>
#include <QLocale>
#include <cmath>
#include <memory>
#include <unordered_map>

namespace Forkline {

namespace {

void appendEscaped(QByteArray& out, const QString& text)
{
    out.append('"');
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (uchar(c) < 0x20) {
                char buf[8];
                qsnprintf(buf, sizeof buf, "\\u%04x", unsigned(uchar(c)));
                out.append(buf);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
}

// Microseconds with nanosecond precision, without trailing zeros ("1.5", "12", "0.001").
void appendMicros(QByteArray& out, qint64 ns)
{
    const bool negative = ns < 0;
    const quint64 v = negative ? quint64(-ns) : quint64(ns);
    if (negative)
        out.append('-');
    out.append(QByteArray::number(v / 1000));
    unsigned frac = unsigned(v % 1000);
    if (frac) {
        char buf[5];
        qsnprintf(buf, sizeof buf, ".%03u", frac);
        int len = 4;
        while (buf[len - 1] == '0')
            --len;
        out.append(buf, len);
    }
}

// The double a JavaScript reader makes of the text appendMicros() writes. Below 2^53 ns the
// division is exact on both operands, so IEEE rounds it as strtod rounds the decimal text.
double microsAsDouble(qint64 ns)
{
    return double(ns) / 1000.0;
}

constexpr qint64 kExactNs = qint64(1) << 53; // beyond, no double holds every nanosecond

bool exactInDouble(qint64 ns)
{
    return ns > -kExactNs && ns < kExactNs;
}

// The shortest text of d, and whether it reads back (as our importer reads it) as `ns`.
bool microsText(double d, qint64 ns, QByteArray* text)
{
    *text = QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
    qint64 back = 0;
    return microsToNanos(std::string_view(text->constData(), size_t(text->size())), &back) && back == ns;
}

// A dur text that lasts `ns` and, added in doubles to `ts` as JavaScript readers do, gives
// exactly `end`: the plain decimal when it does (most slices), else the nearest double that
// does. False when no double does (the binades of ts and end can make the sum skip it).
bool durationText(double ts, double end, qint64 ns, QByteArray* text)
{
    if (ts + microsAsDouble(ns) == end) {
        text->clear();
        appendMicros(*text, ns);
        return true;
    }
    const double guess = end - ts;
    for (int k = 0; k < 7; ++k) { // the guess and three neighbours on either side
        double d = guess;
        for (int i = 0; i < (k + 1) / 2; ++i)
            d = std::nextafter(d, k % 2 ? HUGE_VAL : -HUGE_VAL);
        if (ts + d == end && microsText(d, ns, text))
            return true;
    }
    return false;
}

// Times are decimal microseconds with nanosecond digits, and a JavaScript reader (speedscope,
// DevTools) adds ts + dur in doubles: 40780.402 + 12283.933 is 53064.33500000001, past the
// next slice's 53064.335, and the next state is then nested in this one. So a slice that ends
// where the next begins gets a dur that adds up to the next one's ts exactly (durationText()),
// and where no dur can, the next one's ts is written as the sum itself (shortest digits, read
// back as the same nanoseconds by Forkline). Those starts are kept here, per lane, by time.
class LaneTimes
{
public:
    // The spans of one depth of the lane (a nested level has no open span).
    LaneTimes(const Lane& lane, const TraceModel& model, int depth = 0)
        : m_lane(lane)
        , m_spans(TraceModel::spansAt(lane, depth))
        , m_count(m_spans.size() + (depth == 0 && lane.open && model.endTime() > lane.openSince ? 1 : 0))
        , m_end(model.endTime())
    {
        QByteArray text;
        for (size_t i = 0; i + 1 < m_count; ++i) {
            const Span cur = span(i);
            const Span next = span(i + 1);
            if (next.start != cur.end || !exactInDouble(cur.start) || !exactInDouble(next.start))
                continue;
            const double ts = startDouble(cur.start);
            if (durationText(ts, microsAsDouble(next.start), cur.end - cur.start, &text))
                continue;
            const double sum = ts + microsAsDouble(cur.end - cur.start);
            if (microsText(sum, next.start, &text))
                m_shifted.insert(next.start, sum);
        }
    }

    Span span(size_t i) const
    {
        return i < m_spans.size() ? m_spans[i] : Span { m_lane.openSince, m_end, m_lane.openState, m_lane.openName };
    }
    size_t count() const { return m_count; }

    double startDouble(qint64 ns) const { return m_shifted.value(ns, microsAsDouble(ns)); }

    void appendStart(QByteArray& out, qint64 ns) const
    {
        auto it = m_shifted.constFind(ns);
        if (it == m_shifted.constEnd())
            appendMicros(out, ns);
        else
            out.append(QByteArray::number(*it, 'g', QLocale::FloatingPointShortest));
    }

    void appendDuration(QByteArray& out, size_t i) const
    {
        const Span s = span(i);
        QByteArray text;
        if (exactInDouble(s.start) && exactInDouble(s.end)) {
            const bool joined = i + 1 < m_count && span(i + 1).start == s.end;
            const double end = joined ? startDouble(s.end) : microsAsDouble(s.end);
            if (durationText(startDouble(s.start), end, s.end - s.start, &text)) {
                out.append(text);
                return;
            }
        }
        appendMicros(out, s.end - s.start);
    }

private:
    const Lane& m_lane;
    const std::vector<Span>& m_spans;
    size_t m_count = 0;
    qint64 m_end = 0;
    QHash<qint64, double> m_shifted;
};

// The line of the program behind an event at t: the first one the lane has at that time.
const SourcePoint* sourceAt(const Lane& lane, qint64 t)
{
    const auto it = std::lower_bound(
        lane.sources.begin(), lane.sources.end(), t, [](const SourcePoint& p, qint64 v) { return p.t < v; });
    return it != lane.sources.end() && it->t == t ? &*it : nullptr;
}

// "file":...,"line":N in an event's args, which Perfetto and DevTools list with the event.
void appendSource(QByteArray& out, const TraceModel& model, const SourcePoint& p)
{
    out.append("\"file\":");
    appendEscaped(out, model.sourceFiles().at(p.file));
    out.append(",\"line\":");
    out.append(QByteArray::number(p.line));
}

// Counter values keep every digit: whole numbers as integers, others in the shortest text that
// reads back as the same double.
void appendNumber(QByteArray& out, double v)
{
    if (!std::isfinite(v)) {
        out.append("null"); // JSON has no infinities; readers leave the sample out
        return;
    }
    if (v == std::trunc(v) && std::fabs(v) < 9.0e15) {
        out.append(QByteArray::number(qint64(v)));
        return;
    }
    out.append(QByteArray::number(v, 'g', QLocale::FloatingPointShortest));
}

// The non-empty slices a lane exports, its open one last.
std::vector<Span> exportedSpans(const TraceModel& model, const Lane& lane)
{
    std::vector<Span> spans;
    spans.reserve(lane.spans.size() + 1);
    for (const Span& s : lane.spans) {
        if (s.end > s.start)
            spans.push_back(s);
    }
    if (lane.open && model.endTime() > lane.openSince)
        spans.push_back({ lane.openSince, model.endTime(), lane.openState, lane.openName });
    return spans;
}

// Where a flow event goes so that Perfetto and Chrome DevTools attach it to a slice. DevTools
// binds a flow event to the event of the same cat, pid, tid and ts; Perfetto binds a flow's
// start to the slice open on its thread at its ts and draws the arrow from that slice's end,
// and its end (bp:"e") to the enclosing slice, drawn to that slice's start. So a flow event is
// written at the start of a slice: for a start, the slice that ends at the arrow's time (the
// arrow then leaves from exactly there), else the one that encloses it, else the one before;
// for an end, the slice that begins at the arrow's time, else the one that encloses it, else
// the next one. The arrow's own time rides along in args.at when it differs.
qint64 flowAnchor(const std::vector<Span>& spans, qint64 t, bool source)
{
    if (spans.empty())
        return t;
    // First slice that ends after t, or at t for a source.
    auto it = std::lower_bound(
        spans.begin(), spans.end(), t, [source](const Span& s, qint64 v) { return source ? s.end < v : s.end <= v; });
    if (it != spans.end() && it->start <= t)
        return it->start; // ends at t (source) or encloses t
    if (source)
        return it != spans.begin() ? std::prev(it)->start : it->start;
    return it != spans.end() ? it->start : std::prev(it)->start;
}

void appendIds(QByteArray& out, const Lane& lane)
{
    out.append(",\"pid\":");
    out.append(QByteArray::number(lane.pid));
    out.append(",\"tid\":");
    out.append(QByteArray::number(lane.tid));
}

// A lane with no name of its own (a foreign trace without thread_name) is written with one, so
// that other viewers list it as something; the same name goes in both places it is written,
// so the file reads back as it was written.
QString laneName(const Lane& lane)
{
    return lane.name.isEmpty() ? QStringLiteral("thread %1").arg(lane.tid) : lane.name;
}

void appendLaneArgs(QByteArray& out, const Lane& lane, const TraceModel& model)
{
    out.append("\"worker\":");
    appendEscaped(out, laneName(lane));
    if (!lane.label.isEmpty()) {
        out.append(",\"label\":");
        appendEscaped(out, lane.label);
    }
    out.append(",\"kind\":");
    out.append(lane.kind == LaneKind::Process ? "\"process\"" : "\"thread\"");
    out.append(",\"daemon\":");
    out.append(lane.daemon ? "true" : "false");
    if (lane.parent >= 0) {
        const Lane& p = model.lane(lane.parent);
        out.append(",\"parent\":[");
        out.append(QByteArray::number(p.pid));
        out.append(',');
        out.append(QByteArray::number(p.tid));
        out.append(']');
    }
}

// A foreign trace's own slice or instant name goes back out as it came in.
void appendName(QByteArray& out, const TraceModel& model, qint32 name, const QString& builtin)
{
    if (name >= 0) {
        appendEscaped(out, model.names().at(name));
        return;
    }
    out.append('"');
    out.append(builtin.toLatin1());
    out.append('"');
}

// An instant's text and code as args members; false when it has neither.
bool appendTextAndCode(QByteArray& out, const TraceModel& model, const Instant& in)
{
    bool comma = false;
    if (in.text >= 0) {
        out.append("\"text\":");
        appendEscaped(out, model.texts().at(in.text));
        comma = true;
    }
    if (in.code) {
        out.append(comma ? ",\"code\":" : "\"code\":");
        out.append(QByteArray::number(in.code));
        comma = true;
    }
    return comma;
}

// A mark of a whole process ("s":"p") or, without one, of the whole trace ("s":"g").
void appendScopedInstant(QByteArray& out, const TraceModel& model, const Instant& in, const ProcessInfo* process)
{
    out.append(process ? "{\"ph\":\"i\",\"s\":\"p\",\"cat\":\"event\",\"name\":"
                       : "{\"ph\":\"i\",\"s\":\"g\",\"cat\":\"event\",\"name\":");
    appendName(out, model, in.name, instantName(in.kind));
    if (process) {
        out.append(",\"pid\":");
        out.append(QByteArray::number(process->pid));
    }
    out.append(",\"ts\":");
    appendMicros(out, in.t);
    if (in.text >= 0 || in.code) {
        out.append(",\"args\":{");
        appendTextAndCode(out, model, in);
        out.append('}');
    }
    out.append('}');
}

// A foreign event's own args. On a lane's first event, which carries our lane description, a
// member of the same key is left out: read back, the description's keys are ours, so writing
// both would not come back as it went out.
QByteArray ownArgs(const TraceModel& model, const Lane& l, bool laneFirst, int depth, size_t index, bool span)
{
    if (span ? l.spanArgs.empty() : l.instantArgs.empty())
        return {};
    const QByteArray own = span ? model.spanArgs(l, depth, index) : model.instantArgs(l, index);
    if (!laneFirst || own.isEmpty())
        return own;
    return QByteArray::fromStdString(filterArgs(std::string_view(own.constData(), size_t(own.size())), isLaneArgKey));
}

// What an event of a lane carries in its args, each part only when there is one.
struct EventArgs
{
    const Instant* instant = nullptr; // its text and code; none for a slice
    const SourcePoint* source = nullptr; // the line of code behind it
    int detail = -1; // a slice's state detail (model.names()), written first: the contract names a slice by its state
    bool* laneFirst = nullptr; // true on the lane's first event, which takes the lane's description
    const QByteArray& own; // a foreign event's own args (ownArgs), written last
};

// The one "args" member of a lane's slice or instant; nothing at all when it has no part.
void appendEventArgs(QByteArray& out, const TraceModel& model, const Lane& l, const EventArgs& args)
{
    const bool text = args.instant && (args.instant->text >= 0 || args.instant->code);
    if (!text && args.detail < 0 && !args.source && !*args.laneFirst && args.own.isEmpty())
        return;
    out.append(",\"args\":{");
    bool comma = args.instant && appendTextAndCode(out, model, *args.instant);
    const auto separate = [&] {
        if (comma)
            out.append(',');
        comma = true;
    };
    if (args.detail >= 0) {
        separate();
        out.append("\"detail\":");
        appendEscaped(out, model.names().at(args.detail));
    }
    if (args.source) {
        separate();
        appendSource(out, model, *args.source);
    }
    if (*args.laneFirst) {
        separate();
        appendLaneArgs(out, l, model);
        *args.laneFirst = false;
    }
    if (!args.own.isEmpty()) {
        separate();
        out.append(args.own);
    }
    out.append('}');
}

// A lane's slices of every depth and its instants, in time order: at equal times an instant goes
// first (a fork mark precedes the span it starts), then the outer slice before the inner one,
// the order in which the importer stacks them again. The lane's description rides on its
// first event; a foreign event's own args follow what Forkline writes itself.
template <typename Begin> void appendLaneEvents(QByteArray& out, Begin&& begin, const TraceModel& model, const Lane& l)
{
    bool laneFirst = true;
    std::vector<std::unique_ptr<LaneTimes>> levels; // LaneTimes holds a reference: not movable
    for (int depth = 0; depth < TraceModel::depthCount(l); ++depth)
        levels.push_back(std::make_unique<LaneTimes>(l, model, depth));
    std::vector<size_t> next(levels.size(), 0);
    size_t ii = 0;
    while (true) {
        int depth = -1; // the level whose next slice comes first
        for (int d = 0; d < int(levels.size()); ++d) {
            if (next[size_t(d)] < levels[size_t(d)]->count()
                && (depth < 0
                    || levels[size_t(d)]->span(next[size_t(d)]).start
                        < levels[size_t(depth)]->span(next[size_t(depth)]).start))
                depth = d;
        }
        if (depth < 0 && ii >= l.instants.size())
            break;
        const bool takeSpan = depth >= 0
            && (ii >= l.instants.size() || levels[size_t(depth)]->span(next[size_t(depth)]).start < l.instants[ii].t);
        begin();
        if (takeSpan) {
            const LaneTimes& times = *levels[size_t(depth)];
            const size_t si = next[size_t(depth)]++;
            const Span span = times.span(si);
            out.append("{\"ph\":\"X\",\"cat\":\"state\",\"name\":");
            appendName(out, model, span.name, stateName(span.state));
            appendIds(out, l);
            out.append(",\"ts\":");
            times.appendStart(out, span.start);
            out.append(",\"dur\":");
            times.appendDuration(out, si);
            // The state's detail, the line of code behind it, our lane description, then the
            // slice's own args (a foreign trace's), each when there is one. The detail is an arg:
            // the contract names a span by its state.
            const QByteArray own = ownArgs(model, l, laneFirst, depth, si, true);
            appendEventArgs(out, model, l, { nullptr, sourceAt(l, span.start), span.detail(), &laneFirst, own });
            out.append('}');
            continue;
        }
        const QByteArray own = ownArgs(model, l, laneFirst, 0, ii, false);
        const Instant& in = l.instants[ii++];
        out.append("{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"event\",\"name\":");
        appendName(out, model, in.name, instantName(in.kind));
        appendIds(out, l);
        out.append(",\"ts\":");
        appendMicros(out, in.t);
        appendEventArgs(out, model, l, { &in, sourceAt(l, in.t), -1, &laneFirst, own });
        out.append('}');
    }
}
} // namespace

// Over 80 lines on purpose: the file is written in one pass, section by section (run, names,
// each lane's spans and instants, counters, flows) into one buffer with one comma state, the
// order the round trip through importChromeTrace() relies on.
QByteArray chromeTrace(const TraceModel& model)
{
    QByteArray out;
    out.reserve(int(std::min<qint64>(model.spanCount() * 110 + 4096, 1LL << 30)));
    out.append("{\"traceEvents\":[");
    bool first = true;
    auto begin = [&] {
        out.append(first ? "\n" : ",\n");
        first = false;
    };
    if (!model.title.isEmpty() || !model.scenario.isEmpty()) {
        // The run's own metadata rides on a metadata event Chrome's viewers ignore.
        begin();
        out.append("{\"ph\":\"M\",\"name\":\"forkline_run\",\"pid\":0,\"tid\":0,\"args\":{\"scenario\":");
        appendEscaped(out, model.scenario);
        out.append(",\"title\":");
        appendEscaped(out, model.title);
        out.append("}}");
    }
    for (const ProcessInfo& p : model.processes()) {
        begin();
        out.append("{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":");
        out.append(QByteArray::number(p.pid));
        out.append(",\"tid\":");
        out.append(QByteArray::number(p.pid));
        out.append(",\"args\":{\"name\":");
        appendEscaped(out, p.name);
        out.append(",\"ppid\":");
        out.append(QByteArray::number(p.ppid));
        out.append("}}");
        for (int li : p.lanes) {
            const Lane& l = model.lane(li);
            begin();
            out.append("{\"ph\":\"M\",\"name\":\"thread_name\"");
            appendIds(out, l);
            out.append(",\"args\":{\"name\":");
            appendEscaped(out, laneName(l));
            out.append(',');
            appendLaneArgs(out, l, model);
            out.append("}}");
        }
    }
    for (const ProcessInfo& p : model.processes()) {
        for (int li : p.lanes)
            appendLaneEvents(out, begin, model, model.lane(li));
        for (const Instant& in : p.instants) {
            begin();
            appendScopedInstant(out, model, in, &p);
        }
    }
    for (const Instant& in : model.globalInstants()) {
        begin();
        appendScopedInstant(out, model, in, nullptr);
    }
    for (const CounterTrack& c : model.counters()) {
        for (const CounterSample& s : c.samples) {
            begin();
            out.append("{\"ph\":\"C\",\"cat\":\"counter\",\"name\":");
            appendEscaped(out, c.name);
            out.append(",\"pid\":");
            out.append(QByteArray::number(c.pid));
            out.append(",\"tid\":");
            out.append(QByteArray::number(c.pid));
            out.append(",\"ts\":");
            appendMicros(out, s.t);
            out.append(",\"args\":{");
            appendEscaped(out, c.unit.isEmpty() ? c.name : c.unit);
            out.append(':');
            appendNumber(out, s.value);
            out.append("}}");
        }
    }
    // Flows share the slices' cat: DevTools attaches a flow event only to an event of its cat.
    std::unordered_map<int, std::pair<std::vector<Span>, std::unique_ptr<LaneTimes>>> laneSpans;
    auto spansOf = [&](int lane) -> const std::pair<std::vector<Span>, std::unique_ptr<LaneTimes>>& {
        auto it = laneSpans.find(lane);
        if (it == laneSpans.end())
            it = laneSpans
                     .emplace(lane,
                         std::make_pair(exportedSpans(model, model.lane(lane)),
                             std::make_unique<LaneTimes>(model.lane(lane), model)))
                     .first;
        return it->second;
    };
    auto flowEvent = [&](const Flow& f, bool source) {
        const int lane = source ? f.fromLane : f.toLane;
        const qint64 t = source ? f.fromT : f.toT;
        const auto& [spans, times] = spansOf(lane);
        const qint64 anchor = flowAnchor(spans, t, source);
        begin();
        out.append(source ? "{\"ph\":\"s\"" : "{\"ph\":\"f\",\"bp\":\"e\"");
        out.append(",\"cat\":\"state\",\"name\":\"");
        out.append(flowName(f.kind).toLatin1());
        out.append("\",\"id\":");
        out.append(QByteArray::number(f.id));
        appendIds(out, model.lane(lane));
        out.append(",\"ts\":");
        times->appendStart(out, anchor); // the very text of the slice's ts: DevTools compares the numbers
        if (anchor != t) {
            out.append(",\"args\":{\"at\":");
            appendMicros(out, t);
            out.append('}');
        }
        out.append('}');
    };
    for (const Flow& f : model.flows()) {
        if (!f.complete())
            continue;
        flowEvent(f, true);
        flowEvent(f, false);
    }
    out.append("\n]}\n");
    return out;
}

bool writeChromeTrace(const TraceModel& model, QIODevice* out)
{
    const QByteArray data = chromeTrace(model);
    return out->write(data) == data.size();
}

namespace {
QByteArray csvField(const QString& text)
{
    QByteArray field = text.toUtf8();
    if (field.contains(',') || field.contains('"') || field.contains('\n') || field.contains('\r'))
        field = '"' + field.replace("\"", "\"\"") + '"';
    return field;
}
} // namespace

bool writeSpansCsv(const TraceModel& model, QIODevice* out)
{
    // depth: 0 for a lane's own spans, 1 for a slice inside one of them (a foreign trace's
    // nesting), and so on; a lane's rows come depth by depth, each in time order.
    QByteArray buf("pid,tid,worker,state,start_us,end_us,duration_us,depth\n");
    for (const ProcessInfo& p : model.processes()) {
        for (int li : p.lanes) {
            const Lane& l = model.lane(li);
            const QByteArray worker = csvField(l.name);
            auto row = [&](const Span& s, int depth) {
                buf.append(QByteArray::number(l.pid)).append(',').append(QByteArray::number(l.tid)).append(',');
                buf.append(worker).append(',');
                buf.append(s.name >= 0 ? csvField(model.names().at(s.name)) : stateName(s.state).toLatin1());
                buf.append(',');
                appendMicros(buf, s.start);
                buf.append(',');
                appendMicros(buf, s.end);
                buf.append(',');
                appendMicros(buf, s.end - s.start);
                buf.append(',').append(QByteArray::number(depth)).append('\n');
            };
            for (const Span& s : l.spans)
                row(s, 0);
            if (l.open && model.endTime() > l.openSince)
                row({ l.openSince, model.endTime(), l.openState, l.openName }, 0);
            for (size_t d = 0; d < l.nested.size(); ++d) {
                for (const Span& s : l.nested[d])
                    row(s, int(d + 1));
            }
            if (buf.size() > (1 << 20)) {
                if (out->write(buf) != buf.size())
                    return false;
                buf.clear();
            }
        }
    }
    return out->write(buf) == buf.size();
}

bool saveChromeTrace(const TraceModel& model, const QString& path, QString* error)
{
    *error = writeFileAtomically(path, chromeTrace(model));
    return error->isEmpty();
}

bool saveSpansCsv(const TraceModel& model, const QString& path, QString* error)
{
    *error = writeFileAtomically(path, [&model](QIODevice* out) { return writeSpansCsv(model, out); });
    return error->isEmpty();
}

} // namespace Forkline
