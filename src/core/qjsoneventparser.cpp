// SPDX-License-Identifier: GPL-3.0-or-later
// The portable event parser: QJsonDocument, one event at a time. Slower than simdjson and
// times go through a double (exact to the nanosecond below about 2^52 ns, 52 days), but it
// needs nothing beyond QtCore, so every build can open traces.
#include "rawtraceevent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <cstring>

namespace Forkline {

namespace {

class QtJsonEventParser : public TraceEventParser
{
public:
    bool parse(char* data, const std::vector<EventRange>& ranges, qint64 fileOffset, RawTraceEventSink* sink,
        EventParseError* error) override
    {
        for (size_t k = 0; k < ranges.size(); ++k) {
            QByteArray json = QByteArray::fromRawData(data + ranges[k].offset, qsizetype(ranges[k].length));
            QJsonParseError parseError;
            QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
            // QJsonDocument refuses a number beyond a double (1e400), which is valid JSON: it
            // becomes null, as if absent, and the event is read again (a copy, offsets kept).
            for (int retry = 0; retry < 64 && parseError.error == QJsonParseError::IllegalNumber; ++retry) {
                if (!nullOutNumber(&json, parseError.offset))
                    break;
                doc = QJsonDocument::fromJson(json, &parseError);
            }
            if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
                error->range = k;
                error->offset = size_t(std::max(0, parseError.offset));
                error->message = parseError.errorString();
                return false;
            }
            RawTraceEvent& e = startEvent(sink, &m_event, ranges[k], data, fileOffset);
            decode(doc.object(), e);
            sink->event(e);
        }
        return true;
    }

private:
    // The number that ends at `end` becomes "null" padded with blanks; false when there is none.
    static bool nullOutNumber(QByteArray* json, int end)
    {
        auto numeric
            = [](char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; };
        int from = std::min<int>(end, int(json->size()));
        while (from > 0 && numeric(json->at(from - 1)))
            --from;
        int to = from;
        while (to < json->size() && numeric(json->at(to)))
            ++to;
        if (to - from < 4)
            return false;
        char* d = json->data(); // detaches from the reader's buffer
        std::memcpy(d + from, "null", 4);
        std::memset(d + from + 4, ' ', size_t(to - from - 4));
        return true;
    }

    // The event holds views; their bytes live with it.
    static std::string_view keep(RawTraceEvent& e, const QString& s) { return e.keep(s.toStdString()); }

    static void string(RawTraceEvent& e, const QJsonObject& o, QLatin1String key, RawString* out)
    {
        const QJsonValue v = o.value(key);
        if (!v.isString())
            return;
        out->text = keep(e, v.toString());
        out->present = true;
    }

    static void integer(const QJsonValue& v, RawNumber* out)
    {
        if (v.isUndefined())
            return;
        out->present = true;
        if (v.isString()) {
            const QByteArray s = v.toString().toUtf8();
            out->valid = integerFromText(std::string_view(s.constData(), size_t(s.size())), &out->value);
        } else if (v.isDouble()) {
            out->valid = wholeFromDouble(v.toDouble(), &out->value);
        }
    }

    static void micros(const QJsonValue& v, RawNumber* out)
    {
        if (v.isUndefined())
            return;
        out->present = true;
        if (v.isDouble()) {
            out->valid = microsToNanos(v.toDouble(), &out->value, &out->outOfRange);
        } else if (v.isString()) {
            const QByteArray s = v.toString().toUtf8();
            out->valid
                = microsToNanos(std::string_view(s.constData(), size_t(s.size())), &out->value, &out->outOfRange);
        }
    }

    static void id(const QJsonValue& v, RawNumber* out)
    {
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            id(o.contains(QLatin1String("local")) ? o.value(QLatin1String("local")) : o.value(QLatin1String("global")),
                out);
        } else if (v.isString()) {
            const QByteArray s = v.toString().toUtf8();
            out->present = out->valid = true;
            if (!integerFromText(std::string_view(s.constData(), size_t(s.size())), &out->value))
                out->value = qint64(qHash(QByteArrayView(s), 0));
        } else {
            integer(v, out);
        }
    }

    static void args(const QJsonObject& a, RawTraceEvent& e)
    {
        e.hasArgs = true;
        for (auto it = a.begin(); it != a.end(); ++it) {
            // "at" is a flow's own time (the exporter's), read below, never a counter's value:
            // the simdjson reader takes it the same way.
            if (it.value().isDouble() && it.key() != QLatin1String("at")) {
                e.numbers.emplace_back(keep(e, it.key()), it.value().toDouble());
                if (it.key() == QLatin1String("code"))
                    integer(it.value(), &e.code);
                else if (it.key() == QLatin1String("ppid"))
                    integer(it.value(), &e.ppid);
                else if (it.key() == QLatin1String("line"))
                    integer(it.value(), &e.line);
            }
        }
        micros(a.value(QLatin1String("at")), &e.at);
        string(e, a, QLatin1String("name"), &e.argName);
        string(e, a, QLatin1String("worker"), &e.worker);
        string(e, a, QLatin1String("label"), &e.label);
        string(e, a, QLatin1String("kind"), &e.kind);
        string(e, a, QLatin1String("text"), &e.text);
        string(e, a, QLatin1String("scenario"), &e.scenario);
        string(e, a, QLatin1String("title"), &e.title);
        string(e, a, QLatin1String("file"), &e.file);
        string(e, a, QLatin1String("detail"), &e.detail);
        const QJsonValue daemon = a.value(QLatin1String("daemon"));
        if (daemon.isBool())
            e.daemon = daemon.toBool() ? 1 : 0;
        const QJsonValue parent = a.value(QLatin1String("parent"));
        if (parent.isArray() && parent.toArray().size() == 2) {
            integer(parent.toArray().at(0), &e.parentPid);
            integer(parent.toArray().at(1), &e.parentTid);
        }
    }

    static void decode(const QJsonObject& o, RawTraceEvent& e)
    {
        string(e, o, QLatin1String("ph"), &e.ph);
        string(e, o, QLatin1String("name"), &e.name);
        string(e, o, QLatin1String("cat"), &e.cat);
        string(e, o, QLatin1String("bp"), &e.bp);
        string(e, o, QLatin1String("s"), &e.scope);
        integer(o.value(QLatin1String("pid")), &e.pid);
        integer(o.value(QLatin1String("tid")), &e.tid);
        micros(o.value(QLatin1String("ts")), &e.ts);
        micros(o.value(QLatin1String("dur")), &e.dur);
        if (o.contains(QLatin1String("id")))
            id(o.value(QLatin1String("id")), &e.id);
        else if (o.contains(QLatin1String("id2")))
            id(o.value(QLatin1String("id2")), &e.id);
        const QJsonValue a = o.value(QLatin1String("args"));
        if (a.isObject())
            args(a.toObject(), e);
    }

    RawTraceEvent m_event;
};

} // namespace

std::unique_ptr<TraceEventParser> makeQtJsonEventParser()
{
    return std::make_unique<QtJsonEventParser>();
}

#if !defined(FORKLINE_HAVE_SIMDJSON)
std::unique_ptr<TraceEventParser> makeSimdjsonEventParser()
{
    return nullptr;
}
#endif

} // namespace Forkline
