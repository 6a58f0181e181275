// SPDX-License-Identifier: GPL-3.0-or-later
// ChannelEvent::encode(): one event as one line of compact JSON, written directly. Every flow
// of a run encodes its events while it holds the run's emit lock, so this is on the path of
// every thread start: building a QJsonObject and its document cost more than all the rest of
// sending an event. The line is what QJsonDocument::toJson(Compact) wrote before (members in
// key order), and the reader in channelevent.cpp reads both alike.
#include "channelevent.h"

#include <QLocale>
#include <algorithm>
#include <array>
#include <charconv>
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
// characters escaped; appended to `out`.
void appendQuoted(QByteArray& out, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
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
}

QByteArray number(double v)
{
    // JSON has no infinity or NaN; QJsonDocument wrote null for them.
    if (!std::isfinite(v))
        return QByteArrayLiteral("null");
    return QByteArray::number(v, 'g', QLocale::FloatingPointShortest);
}

// The members of one line, written in key order as a QJsonObject kept them. The values go
// into one buffer as they come, and the line is put together from it at the end: an event
// costs two allocations, not one per member (a thousand threads starting send ten thousand).
class Members
{
public:
    Members() { m_values.reserve(160); }
    void add(const char* key, const QByteArray& value)
    {
        begin(key);
        m_values += value;
        end();
    }
    void add(const char* key, qint64 value)
    {
        char digits[24];
        const auto result = std::to_chars(digits, digits + sizeof digits, value);
        begin(key);
        m_values.append(digits, result.ptr - digits);
        end();
    }
    // A name of plain ASCII that needs no escaping, as a JSON string.
    void addName(const char* key, const char* ascii)
    {
        begin(key);
        m_values += '"';
        m_values += ascii;
        m_values += '"';
        end();
    }
    void add(const char* key, const QString& value)
    {
        begin(key);
        appendQuoted(m_values, value);
        end();
    }
    QByteArray line()
    {
        std::sort(m_members.begin(), m_members.begin() + m_count,
            [](const Member& a, const Member& b) { return std::strcmp(a.key, b.key) < 0; });
        QByteArray out;
        out.reserve(m_values.size() + 16 * m_count + 2);
        out += '{';
        for (int i = 0; i < m_count; ++i) {
            const Member& m = m_members[size_t(i)];
            if (i > 0)
                out += ',';
            out += '"';
            out += m.key;
            out += "\":";
            out.append(m_values.constData() + m.from, m.size);
        }
        out += '}';
        return out;
    }

private:
    struct Member
    {
        const char* key;
        qsizetype from;
        qsizetype size;
    };
    void begin(const char* key)
    {
        Q_ASSERT(m_count < int(m_members.size()));
        m_members[size_t(m_count)] = { key, m_values.size(), 0 };
    }
    void end()
    {
        Member& m = m_members[size_t(m_count++)];
        m.size = m_values.size() - m.from;
    }
    std::array<Member, 16> m_members {}; // an event has at most 12
    int m_count = 0;
    QByteArray m_values;
};

} // namespace

QByteArray ChannelEvent::encode() const
{
    Members o;
    o.addName("e", typeName(type));
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
        o.addName("kind", processLane ? "process" : "thread");
        o.add("daemon", daemon ? QByteArrayLiteral("true") : QByteArrayLiteral("false"));
        o.add("ppid", ppid);
        if (parentPid)
            o.add("parent", '[' + QByteArray::number(parentPid) + ',' + QByteArray::number(parentTid) + ']');
        break;
    case Type::State:
        o.addName("s", stateKey(state));
        if (!detail.isEmpty())
            o.add("detail", detail);
        break;
    case Type::Instant:
        o.addName("n", instantKey(instant));
        if (!name.isEmpty())
            o.add("name", name);
        if (!text.isNull())
            o.add("text", text);
        if (code)
            o.add("code", qint64(code));
        break;
    case Type::Flow:
        o.add("id", flowId);
        o.addName("ph", flowStart ? "s" : "f");
        o.addName("n", flowKey(flow));
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
