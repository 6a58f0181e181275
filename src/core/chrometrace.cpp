// SPDX-License-Identifier: GPL-3.0-or-later
#include "chrometrace.h"

#include "atomicfile.h"
#include "tracemodel.h"

#include <QBuffer>

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

void appendIds(QByteArray& out, const Lane& lane)
{
    out.append(",\"pid\":");
    out.append(QByteArray::number(lane.pid));
    out.append(",\"tid\":");
    out.append(QByteArray::number(lane.tid));
}

void appendLaneArgs(QByteArray& out, const Lane& lane, const TraceModel& model)
{
    out.append("\"worker\":");
    appendEscaped(out, lane.name);
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
            appendEscaped(out, l.name);
            out.append(',');
            appendLaneArgs(out, l, model);
            out.append("}}");
        }
    }
    for (const ProcessInfo& p : model.processes()) {
        for (int li : p.lanes) {
            const Lane& l = model.lane(li);
            bool laneFirst = true;
            auto laneArgs = [&](bool hasOtherArgs) {
                if (!laneFirst)
                    return;
                out.append(hasOtherArgs ? "," : ",\"args\":{");
                appendLaneArgs(out, l, model);
                if (!hasOtherArgs)
                    out.append('}');
                laneFirst = false;
            };
            size_t si = 0;
            size_t ii = 0;
            const bool hasOpen = l.open && model.endTime() > l.openSince;
            const size_t spanTotal = l.spans.size() + (hasOpen ? 1 : 0);
            while (si < spanTotal || ii < l.instants.size()) {
                const Span span = si < l.spans.size() ? l.spans[si]
                    : si < spanTotal                  ? Span { l.openSince, model.endTime(), l.openState }
                                                      : Span {};
                // At equal times an instant goes first: a fork mark precedes the span it starts.
                const bool takeSpan = si < spanTotal && (ii >= l.instants.size() || span.start < l.instants[ii].t);
                begin();
                if (takeSpan) {
                    out.append("{\"ph\":\"X\",\"cat\":\"state\",\"name\":");
                    appendName(out, model, span.name, stateName(span.state));
                    appendIds(out, l);
                    out.append(",\"ts\":");
                    appendMicros(out, span.start);
                    out.append(",\"dur\":");
                    appendMicros(out, span.end - span.start);
                    laneArgs(false);
                    out.append('}');
                    ++si;
                } else {
                    const Instant& in = l.instants[ii];
                    out.append("{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"event\",\"name\":");
                    appendName(out, model, in.name, instantName(in.kind));
                    appendIds(out, l);
                    out.append(",\"ts\":");
                    appendMicros(out, in.t);
                    const bool hasText = in.text >= 0;
                    if (hasText || in.code || laneFirst) {
                        out.append(",\"args\":{");
                        bool comma = false;
                        if (hasText) {
                            out.append("\"text\":");
                            appendEscaped(out, model.texts().at(in.text));
                            comma = true;
                        }
                        if (in.code) {
                            out.append(comma ? ",\"code\":" : "\"code\":");
                            out.append(QByteArray::number(in.code));
                            comma = true;
                        }
                        if (laneFirst) {
                            if (comma)
                                laneArgs(true);
                            else {
                                appendLaneArgs(out, l, model);
                                laneFirst = false;
                            }
                        }
                        out.append('}');
                    }
                    out.append('}');
                    ++ii;
                }
            }
        }
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
            out.append(QByteArray::number(s.value, 'g', 10));
            out.append("}}");
        }
    }
    for (const Flow& f : model.flows()) {
        if (!f.complete())
            continue;
        const Lane& from = model.lane(f.fromLane);
        const Lane& to = model.lane(f.toLane);
        begin();
        out.append("{\"ph\":\"s\",\"cat\":\"flow\",\"name\":\"");
        out.append(flowName(f.kind).toLatin1());
        out.append("\",\"id\":");
        out.append(QByteArray::number(f.id));
        appendIds(out, from);
        out.append(",\"ts\":");
        appendMicros(out, f.fromT);
        out.append('}');
        begin();
        out.append("{\"ph\":\"f\",\"bp\":\"e\",\"cat\":\"flow\",\"name\":\"");
        out.append(flowName(f.kind).toLatin1());
        out.append("\",\"id\":");
        out.append(QByteArray::number(f.id));
        appendIds(out, to);
        out.append(",\"ts\":");
        appendMicros(out, f.toT);
        out.append('}');
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
    QByteArray buf("pid,tid,worker,state,start_us,end_us,duration_us\n");
    for (const ProcessInfo& p : model.processes()) {
        for (int li : p.lanes) {
            const Lane& l = model.lane(li);
            const QByteArray worker = csvField(l.name);
            auto row = [&](const Span& s) {
                buf.append(QByteArray::number(l.pid)).append(',').append(QByteArray::number(l.tid)).append(',');
                buf.append(worker).append(',');
                buf.append(s.name >= 0 ? csvField(model.names().at(s.name)) : stateName(s.state).toLatin1());
                buf.append(',');
                appendMicros(buf, s.start);
                buf.append(',');
                appendMicros(buf, s.end);
                buf.append(',');
                appendMicros(buf, s.end - s.start);
                buf.append('\n');
            };
            for (const Span& s : l.spans)
                row(s);
            if (l.open && model.endTime() > l.openSince)
                row({ l.openSince, model.endTime(), l.openState });
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
