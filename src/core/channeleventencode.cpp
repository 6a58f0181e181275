// SPDX-License-Identifier: GPL-3.0-or-later
// ChannelEvent::encode(): one event as one line of compact JSON, written directly. Every flow
// of a run encodes its events while it holds the run's emit lock, so this is on the path of
// every thread start: building a QJsonObject and its document cost more than all the rest of
// sending an event. The line is what QJsonDocument::toJson(Compact) wrote before (members in
// key order), and the reader in channelevent.cpp reads both alike.
#include "channelevent.h"

#include <QLocale>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

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

// A JSON string as QJsonDocument writes one: UTF-8, with quotes, backslashes and control
// characters escaped.
QByteArray quoted(const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray out;
    out.reserve(utf8.size() + 2);
    out += '"';
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (uchar(c) < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[uchar(c) >> 4];
                out += hex[uchar(c) & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

QByteArray quoted(const char* latin)
{
    return '"' + QByteArray(latin) + '"';
}

QByteArray number(double v)
{
    // JSON has no infinity or NaN; QJsonDocument wrote null for them.
    if (!std::isfinite(v))
        return QByteArrayLiteral("null");
    return QByteArray::number(v, 'g', QLocale::FloatingPointShortest);
}

// The members of one line, written in key order as a QJsonObject kept them.
class Members
{
public:
    void add(const char* key, QByteArray value) { m_members.push_back({ key, std::move(value) }); }
    void add(const char* key, qint64 value) { add(key, QByteArray::number(value)); }
    void add(const char* key, const QString& value) { add(key, quoted(value)); }
    QByteArray line()
    {
        std::sort(m_members.begin(), m_members.end(),
            [](const Member& a, const Member& b) { return std::strcmp(a.key, b.key) < 0; });
        QByteArray out;
        out.reserve(160);
        out += '{';
        for (const Member& m : m_members) {
            if (out.size() > 1)
                out += ',';
            out += '"';
            out += m.key;
            out += "\":";
            out += m.value;
        }
        out += '}';
        return out;
    }

private:
    struct Member
    {
        const char* key;
        QByteArray value;
    };
    std::vector<Member> m_members;
};

} // namespace

QByteArray ChannelEvent::encode() const
{
    Members o;
    o.add("e", quoted(typeName(type)));
    o.add("t", t);
    o.add("pid", pid);
    o.add("tid", tid);
    switch (type) {
    case Type::Process:
        o.add("ppid", ppid);
        o.add("name", name);
        break;
    case Type::Lane:
        o.add("name", name);
        if (!label.isEmpty())
            o.add("label", label);
        o.add("kind", quoted(processLane ? "process" : "thread"));
        o.add("daemon", daemon ? QByteArrayLiteral("true") : QByteArrayLiteral("false"));
        o.add("ppid", ppid);
        if (parentPid)
            o.add("parent", '[' + QByteArray::number(parentPid) + ',' + QByteArray::number(parentTid) + ']');
        break;
    case Type::State:
        o.add("s", stateName(state));
        if (!detail.isEmpty())
            o.add("detail", detail);
        break;
    case Type::Instant:
        o.add("n", instantName(instant));
        if (!name.isEmpty())
            o.add("name", name);
        if (!text.isNull())
            o.add("text", text);
        if (code)
            o.add("code", qint64(code));
        break;
    case Type::Flow:
        o.add("id", flowId);
        o.add("ph", quoted(flowStart ? "s" : "f"));
        o.add("n", flowName(flow));
        break;
    case Type::Done:
        o.add("code", qint64(code));
        break;
    case Type::Error:
        o.add("text", text);
        break;
    case Type::Counter:
        o.add("name", name);
        o.add("unit", text);
        o.add("v", number(value));
        break;
    }
    if (line > 0) {
        o.add("file", file);
        o.add("line", qint64(line));
    }
    return o.line();
}

} // namespace Forkline
