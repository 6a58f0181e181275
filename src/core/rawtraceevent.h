// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <forward_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace Forkline {

// A string member of one trace event; `present` tells "" from absent. The text is UTF-8, in
// the reader's buffer or in the event's `decoded`: valid while the block of the file it came
// from is, and the event is not cleared.
struct RawString
{
    std::string_view text;
    bool present = false;
    bool operator==(std::string_view s) const { return present && text == s; }
    bool operator!=(std::string_view s) const { return !(*this == s); }
};

// A number member; `valid` is false when it is present but not usable (a string that is
// not a number, a fraction for an id, out of range). `outOfRange` tells a well-formed time
// too large for qint64 nanoseconds from one that is no number at all.
struct RawNumber
{
    qint64 value = 0;
    bool present = false;
    bool valid = false;
    bool outOfRange = false;
};

// The members of one Chrome trace event that Forkline uses that are plain values, so that
// RawTraceEvent::clear() resets them in one copy.
struct RawTraceEventFields
{
    qint64 index = 0; // position in traceEvents, from 0
    qint64 offset = 0; // byte offset of the event in the file
    std::string_view raw; // the event's own bytes (valid JSON), for the args Forkline keeps whole
    RawString ph, name, cat, bp, scope;
    RawNumber pid, tid, ts, dur, id;
    bool hasArgs = false; // set by a parser before it writes any of RawTraceEventArgs
};

// The members of an event's args that Forkline uses. Left blank, and not cleared, in an event
// without args: most events of most traces.
struct RawTraceEventArgs
{
    RawString argName, worker, label, kind, text, scenario, title;
    RawString file; // the program's source file behind the event (a Python run's)
    RawString detail; // what a slice's state is about (ours: "1 s" of a sleep)
    RawNumber ppid, code, parentPid, parentTid;
    RawNumber line; // its 1-based line in `file`
    RawNumber at; // a flow event's own time (ours), where ts is the start of the slice it binds to
    int daemon = -1; // -1 absent, 0 false, 1 true
};

// One Chrome trace event as decoded by a parser backend. Times are nanoseconds (the file has
// microseconds). Its strings are views into the parser's buffer or into `decoded`.
struct RawTraceEvent : RawTraceEventFields, RawTraceEventArgs
{
    std::vector<std::pair<std::string_view, double>> numbers; // every numeric member of args
    // Text a parser decoded itself (a string with a lone surrogate, QJsonDocument's strings) for
    // the views above: a list, so a view stays valid as more are kept, and nothing is allocated
    // for an event that needs none.
    std::forward_list<std::string> decoded;

    // Keeps `text` with the event; a view of it.
    std::string_view keep(std::string text)
    {
        decoded.push_front(std::move(text));
        return decoded.front();
    }
    void clear();
};

class RawTraceEventSink
{
public:
    virtual ~RawTraceEventSink() = default;
    virtual void event(const RawTraceEvent& event) = 0;
    // The event a parser decodes the next one into, then hands to event(): nullptr (the parser
    // reuses one of its own) unless the sink keeps events to apply later. A parser asks once
    // for each event it decodes, and asks again when it decodes that event again.
    virtual RawTraceEvent* place() { return nullptr; }
};

// Where one element of traceEvents lies in the reader's buffer.
struct EventRange
{
    size_t offset = 0;
    size_t length = 0;
    qint64 index = 0; // position in traceEvents
};

struct EventParseError
{
    size_t range = 0; // which of the ranges failed
    size_t offset = 0; // byte within that event, where known
    QString message;
};

// The event a parser decodes `range` into, cleared and placed: the sink's when it keeps events
// (RawTraceEventSink::place), else the parser's own `reused`.
RawTraceEvent& startEvent(
    RawTraceEventSink* sink, RawTraceEvent* reused, const EventRange& range, const char* data, qint64 fileOffset);

// Bytes the parsers may read past the last event (simdjson's SIMDJSON_PADDING).
constexpr size_t kEventParserPadding = 64;

// Decodes whole events (JSON objects) found by the framer and hands them to a sink.
class TraceEventParser
{
public:
    virtual ~TraceEventParser() = default;
    // `data` holds `ranges`, in order, with at least kEventParserPadding readable bytes after
    // the last one. A parser may overwrite the bytes between two of its events (not the events,
    // and only with blanks where they are not blank already).
    // Stops at the first malformed event and describes it in *error.
    virtual bool parse(char* data, const std::vector<EventRange>& ranges, qint64 fileOffset, RawTraceEventSink* sink,
        EventParseError* error)
        = 0;
};

std::unique_ptr<TraceEventParser> makeSimdjsonEventParser(); // nullptr when built without simdjson
std::unique_ptr<TraceEventParser> makeQtJsonEventParser();

// Microseconds as JSON number text ("12", "1.5", "-0.001", "2e3") to nanoseconds: exact for
// up to three decimals, rounded half away from zero beyond. False when not a number or out
// of range; *outOfRange (when given) is set only for a number beyond qint64 nanoseconds.
bool microsToNanos(std::string_view text, qint64* ns, bool* outOfRange = nullptr);
bool microsToNanos(double us, qint64* ns, bool* outOfRange = nullptr);
// A JSON number as a whole qint64: false for a fraction, infinity, NaN or a value out of range.
bool wholeFromDouble(double d, qint64* out);
// The text of a JSON string from just after its opening quote to its closing one, unescaped,
// with every lone surrogate (\ud800 alone) made U+FFFD: valid JSON that strict decoders refuse.
// False for an escape JSON does not have (\q, a \u without four hex digits).
bool decodeJsonString(const char* raw, std::string* out);
// An integer written as decimal or 0x-hex text (string ids, pids written as strings).
bool integerFromText(std::string_view text, qint64* out);

} // namespace Forkline
