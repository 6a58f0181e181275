// SPDX-License-Identifier: GPL-3.0-or-later
// The fast event parser: simdjson's On-Demand API over a block of events at a time, reading
// only the members Forkline uses. Built when CMake finds simdjson (FORKLINE_HAVE_SIMDJSON).
#include "rawtraceevent.h"

#include <QCoreApplication>
#include <QHashFunctions>
#include <cmath>
#include <cstring>
#include <functional>
#include <simdjson.h>

namespace Forkline {

namespace {

namespace od = simdjson::ondemand;
using simdjson::error_code;
using simdjson::SUCCESS;

static_assert(simdjson::SIMDJSON_PADDING <= kEventParserPadding, "the reader must leave simdjson its padding");

// Valid JSON that simdjson refuses to decode: a string with a lone surrogate ("\ud800"), a
// number beyond 64 bits or beyond a double (1e400). Forkline reads few of the values in a
// trace, so such a value must not sink the whole import: strings are decoded here with U+FFFD
// for the lone half, numbers are read from their text (or left out when no double holds them).
error_code readString(od::value& v, RawString* out, RawTraceEvent* e)
{
    od::json_type type;
    if (auto err = v.type().get(type))
        return err;
    if (type != od::json_type::string)
        return SUCCESS; // of another type: as if absent
    // Up to the first quote without a backslash, the text is the bytes between the quotes, read
    // where they lie. Names are short: a plain loop, no library call.
    const std::string_view token = v.raw_json_token(); // "...", maybe blanks after
    size_t close = 1;
    while (close < token.size() && token[close] != '"' && token[close] != '\\')
        ++close;
    if (close < token.size() && token[close] == '"') {
        out->text = token.substr(1, close - 1);
        out->present = true;
        return SUCCESS;
    }
    // With escapes: unescaped by simdjson into its own buffer, which the next event reuses, so
    // the text is kept with the event (a sink may keep events: spliteventparser.h).
    std::string_view unescaped;
    if (v.get_string().get(unescaped) == SUCCESS) {
        out->text = e->keep(std::string(unescaped));
    } else {
        od::raw_json_string raw;
        if (auto err = v.get_raw_json_string().get(raw))
            return err;
        std::string text;
        if (!decodeJsonString(raw.raw(), &text))
            return simdjson::STRING_ERROR; // not a lone surrogate: malformed
        out->text = e->keep(std::move(text));
    }
    out->present = true;
    return SUCCESS;
}

// A key that outlives its member: its bytes in the event where it has no escapes, else a copy
// kept with the event (simdjson unescapes keys into a buffer the next event reuses).
std::string_view lastingKey(std::string_view key, RawTraceEvent* e)
{
    const std::less<const char*> before;
    const char* begin = e->raw.data();
    const char* end = begin + e->raw.size();
    if (!before(key.data(), begin) && !before(end, key.data() + key.size()))
        return key;
    return e->keep(std::string(key));
}

// A member's key. *skip is set for a key with a lone surrogate, which no key Forkline reads has.
error_code readKey(simdjson::simdjson_result<od::field>& member, od::field* field, std::string_view* key, bool* skip)
{
    if (auto err = std::move(member).get(*field))
        return err; // the object itself is malformed
    *skip = false;
    const char* raw = field->key().raw(); // taken first: unescaping the key lets go of it
    // A key without escapes is its own bytes: no copy into simdjson's string buffer. The event
    // was framed and indexed whole, so its closing quote is there.
    const char* q = raw;
    while (*q != '"' && *q != '\\')
        ++q;
    if (*q == '"') {
        *key = std::string_view(raw, size_t(q - raw));
        return SUCCESS;
    }
    if (field->unescaped_key().get(*key) == SUCCESS)
        return SUCCESS;
    std::string ignored;
    if (!decodeJsonString(raw, &ignored))
        return simdjson::STRING_ERROR;
    *skip = true;
    return SUCCESS;
}

// Calls visit(key, value) for each member of o whose key reads, up to the first error; a member
// whose key has escapes that do not decode to UTF-8 the way simdjson wants is left out (readKey).
template <typename Visit> error_code forEachMember(od::object& o, Visit&& visit)
{
    for (auto member : o) {
        od::field field;
        std::string_view key;
        bool skip = false;
        if (auto err = readKey(member, &field, &key, &skip))
            return err;
        if (skip)
            continue;
        od::value value;
        value = field.value();
        if (auto err = visit(key, value))
            return err;
    }
    return SUCCESS;
}

// A number simdjson cannot hold (more than 64 bits, beyond a double) as a double from its text.
bool doubleFromToken(od::value& v, double* out)
{
    const std::string_view token = v.raw_json_token();
    bool ok = false;
    *out = QByteArray::fromRawData(token.data(), qsizetype(token.size())).trimmed().toDouble(&ok);
    return ok && std::isfinite(*out);
}

error_code readInteger(od::value& v, RawNumber* out)
{
    out->present = true;
    // Most ids are plain integers: read at once. Any other value is not consumed by the
    // failed attempt and goes the long way below.
    int64_t whole = 0;
    if (v.get_int64().get(whole) == SUCCESS) {
        out->value = whole;
        out->valid = true;
        return SUCCESS;
    }
    od::json_type type;
    if (auto err = v.type().get(type))
        return err;
    if (type == od::json_type::string) {
        std::string_view s;
        if (auto err = v.get_string().get(s))
            return err;
        out->valid = integerFromText(s, &out->value);
        return SUCCESS;
    }
    if (type != od::json_type::number)
        return SUCCESS;
    simdjson::ondemand::number n;
    if (v.get_number().get(n) != SUCCESS)
        return SUCCESS; // beyond 64 bits or beyond a double: present, not usable
    if (n.is_int64()) {
        out->value = n.get_int64();
        out->valid = true;
    } else {
        out->valid = wholeFromDouble(n.as_double(), &out->value);
    }
    return SUCCESS;
}

error_code readMicros(od::value& v, RawNumber* out)
{
    out->present = true;
    od::json_type type;
    if (auto err = v.type().get(type))
        return err;
    if (type != od::json_type::number && type != od::json_type::string)
        return SUCCESS;
    std::string_view token;
    if (type == od::json_type::string) {
        if (auto err = v.get_string().get(token))
            return err;
    } else {
        token = v.raw_json_token(); // the number's own digits, trailing blanks and all
    }
    out->valid = microsToNanos(token, &out->value, &out->outOfRange);
    return SUCCESS;
}

// Flow ids: a number, or a string ("0x1f"); strings that are no number are hashed.
error_code readId(od::value& v, RawNumber* out)
{
    od::json_type type;
    if (auto err = v.type().get(type))
        return err;
    if (type == od::json_type::object) {
        od::object o;
        if (auto err = v.get_object().get(o))
            return err;
        return forEachMember(o, [out](std::string_view key, od::value& inner) {
            return key == "local" || key == "global" ? readId(inner, out) : SUCCESS;
        });
    }
    if (type == od::json_type::string) {
        std::string_view s;
        if (auto err = v.get_string().get(s))
            return err;
        out->present = out->valid = true;
        if (!integerFromText(s, &out->value))
            out->value = qint64(qHash(QByteArrayView(s.data(), qsizetype(s.size())), 0));
        return SUCCESS;
    }
    return readInteger(v, out);
}

error_code readArg(std::string_view key, od::value& value, RawTraceEvent* e)
{
    od::json_type type;
    if (auto err = value.type().get(type))
        return err;
    error_code err = SUCCESS;
    if (key == "at") {
        err = readMicros(value, &e->at);
    } else if (type == od::json_type::number) {
        simdjson::ondemand::number n;
        RawNumber* integer = key == "code" ? &e->code : key == "ppid" ? &e->ppid : key == "line" ? &e->line : nullptr;
        if (integer)
            integer->present = true;
        if (value.get_number().get(n) != SUCCESS) {
            double d = 0;
            if (doubleFromToken(value, &d))
                e->numbers.emplace_back(lastingKey(key, e), d);
            return SUCCESS;
        }
        const double d = n.as_double();
        e->numbers.emplace_back(lastingKey(key, e), d);
        if (integer) {
            if (n.is_int64()) {
                integer->valid = true;
                integer->value = n.get_int64();
            } else {
                integer->valid = wholeFromDouble(d, &integer->value);
            }
        }
    } else if (key == "name") {
        err = readString(value, &e->argName, e);
    } else if (key == "worker") {
        err = readString(value, &e->worker, e);
    } else if (key == "label") {
        err = readString(value, &e->label, e);
    } else if (key == "kind") {
        err = readString(value, &e->kind, e);
    } else if (key == "text") {
        err = readString(value, &e->text, e);
    } else if (key == "scenario") {
        err = readString(value, &e->scenario, e);
    } else if (key == "title") {
        err = readString(value, &e->title, e);
    } else if (key == "file") {
        err = readString(value, &e->file, e);
    } else if (key == "detail") {
        err = readString(value, &e->detail, e);
    } else if (key == "daemon" && type == od::json_type::boolean) {
        bool b = false;
        err = value.get_bool().get(b);
        e->daemon = b ? 1 : 0;
    } else if (key == "parent" && type == od::json_type::array) {
        od::array a;
        if ((err = value.get_array().get(a)))
            return err;
        int i = 0;
        for (auto item : a) {
            od::value iv;
            if ((err = item.get(iv)))
                return err;
            if (i < 2 && (err = readInteger(iv, i == 0 ? &e->parentPid : &e->parentTid)))
                return err;
            ++i;
        }
        if (i != 2)
            e->parentPid.valid = e->parentTid.valid = false;
    }
    return err;
}

error_code readArgs(od::value& v, RawTraceEvent* e)
{
    od::json_type type;
    if (auto err = v.type().get(type))
        return err;
    if (type != od::json_type::object)
        return SUCCESS;
    e->hasArgs = true;
    od::object o;
    if (auto err = v.get_object().get(o))
        return err;
    return forEachMember(o, [e](std::string_view key, od::value& value) { return readArg(key, value, e); });
}

// One member of an event; the switch on the key's length spares most string compares.
error_code decodeMember(std::string_view key, od::value& v, RawTraceEvent* e)
{
    error_code err = SUCCESS;
    switch (key.size()) {
    case 1:
        if (key == "s")
            err = readString(v, &e->scope, e);
        break;
    case 2:
        if (key == "ph")
            err = readString(v, &e->ph, e);
        else if (key == "ts")
            err = readMicros(v, &e->ts);
        else if (key == "id")
            err = readId(v, &e->id);
        else if (key == "bp")
            err = readString(v, &e->bp, e);
        break;
    case 3:
        if (key == "pid")
            err = readInteger(v, &e->pid);
        else if (key == "tid")
            err = readInteger(v, &e->tid);
        else if (key == "dur")
            err = readMicros(v, &e->dur);
        else if (key == "id2")
            err = readId(v, &e->id);
        else if (key == "cat")
            err = readString(v, &e->cat, e);
        break;
    case 4:
        if (key == "name")
            err = readString(v, &e->name, e);
        else if (key == "args")
            err = readArgs(v, e);
        break;
    default:
        break;
    }
    return err;
}

template <typename Doc> error_code decode(Doc& doc, RawTraceEvent* e)
{
    od::object o;
    if (auto err = doc.get_object().get(o))
        return err;
    return forEachMember(o, [e](std::string_view key, od::value& v) { return decodeMember(key, v, e); });
}

class SimdjsonEventParser : public TraceEventParser
{
public:
    bool parse(char* data, const std::vector<EventRange>& ranges, qint64 fileOffset, RawTraceEventSink* sink,
        EventParseError* error) override
    {
        if (ranges.empty())
            return true;
        // Events separated by blanks are a stream of documents that simdjson indexes in one
        // pass; the commas (and any non-object elements) between them go. Bytes already blank
        // are not written: another thread may be reading them (spliteventparser.h).
        for (size_t k = 1; k < ranges.size(); ++k) {
            for (size_t i = ranges[k - 1].offset + ranges[k - 1].length; i < ranges[k].offset; ++i) {
                if (data[i] != ' ')
                    data[i] = ' ';
            }
        }
        const size_t begin = ranges.front().offset;
        const size_t length = ranges.back().offset + ranges.back().length - begin;
        m_batch = std::max(m_batch, length + 1);
        od::document_stream stream;
        if (m_parser.iterate_many(data + begin, length, m_batch).get(stream))
            return locate(data, ranges, 0, fileOffset, sink, error);
        size_t k = 0;
        for (auto it = stream.begin(); it != stream.end(); ++it, ++k) {
            od::document_reference doc;
            if (k >= ranges.size() || (*it).get(doc))
                return locate(data, ranges, k, fileOffset, sink, error);
            RawTraceEvent& e = startEvent(sink, &m_event, ranges[k], data, fileOffset);
            if (decode(doc, &e))
                return locate(data, ranges, k, fileOffset, sink, error);
            sink->event(e);
        }
        if (k != ranges.size())
            return locate(data, ranges, k, fileOffset, sink, error);
        return true;
    }

private:
    // Something in the block is wrong: parse its events one by one from `from` on, to name
    // the first bad one and the place in it.
    bool locate(char* data, const std::vector<EventRange>& ranges, size_t from, qint64 fileOffset,
        RawTraceEventSink* sink, EventParseError* error)
    {
        for (size_t k = from; k < ranges.size(); ++k) {
            const char* start = data + ranges[k].offset;
            od::document doc;
            error_code err = m_single.iterate(start, ranges[k].length, ranges[k].length + kEventParserPadding).get(doc);
            const bool started = !err; // only a document that started knows where it stopped
            RawTraceEvent* e = nullptr;
            if (!err) {
                e = &startEvent(sink, &m_event, ranges[k], data, fileOffset);
                err = decode(doc, e);
            }
            if (!err) {
                sink->event(*e);
                continue;
            }
            error->range = k;
            error->offset = 0;
            const char* where = nullptr;
            if (started && !doc.current_location().get(where) && where >= start && where < start + ranges[k].length)
                error->offset = size_t(where - start);
            error->message = QString::fromUtf8(simdjson::error_message(err));
            return false;
        }
        // The batch failed but every event parses alone: blame the first one of the batch.
        error->range = std::min(from, ranges.size() - 1);
        error->offset = 0;
        error->message = QCoreApplication::translate("Forkline::ChromeTraceImport", "malformed JSON");
        return false;
    }

    od::parser m_parser;
    od::parser m_single;
    size_t m_batch = 1 << 20;
    RawTraceEvent m_event;
};

} // namespace

std::unique_ptr<TraceEventParser> makeSimdjsonEventParser()
{
    return std::make_unique<SimdjsonEventParser>();
}

} // namespace Forkline
