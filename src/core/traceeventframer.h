// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rawtraceevent.h"

#include <QString>
#include <vector>

namespace Forkline {

// Finds the elements of a Chrome trace's event array in a stream of bytes that arrives in
// blocks, without parsing them: it only follows strings, brackets and the top-level
// structure ({"traceEvents": [...], ...} or a bare [...]). Each complete object element
// becomes an EventRange for a parser; the values of other top-level members are skipped
// unread. So memory stays at one block, whatever the size of the file.
class TraceEventFramer
{
public:
    enum class Status { More, Done, Error };

    // Scans data[0, size) from where the previous call stopped; appends every event that
    // is now complete to *events (offsets into data).
    Status scan(const char* data, size_t size, std::vector<EventRange>* events);
    // The input has ended. A bare array may stop after any complete event (the Trace Event
    // Format allows the closing bracket to be missing, so a crashed writer's file loads).
    Status finish();

    // The first byte the framer still needs; everything before it may be dropped.
    size_t keepFrom() const;
    // The caller dropped n bytes from the front of its buffer.
    void shift(size_t n);

    qint64 elements() const { return m_elements; } // elements of traceEvents so far
    qint64 nonObjects() const { return m_nonObjects; }
    // After Error: where (offset into the last data) and what, as a phrase.
    size_t errorPos() const { return m_errorPos; }
    QString errorText() const { return m_error; }

private:
    enum class State {
        Start,
        ObjectKey, // after { or ,: a key or }
        InKey,
        Colon,
        ObjectValue,
        AfterObjectValue, // , or }
        ArrayElement, // after [ or ,: an element or ]
        InEvent,
        AfterElement, // , or ]
        SkipValue,
        End,
    };
    enum class Scan { Closed, More, TooDeep };
    static constexpr int kMaxDepth = 1000;

    Status fail(size_t pos, const QString& what);
    Status tooDeep();
    void closeArray();
    // The trace object's closing brace: false (and the error said) when it held no traceEvents.
    bool closeObject();
    // Scans an object or array up to its matching bracket.
    Scan scanNested(const char* data, size_t size);
    Scan skipScalar(const char* data, size_t size);

    State m_state = State::Start;
    State m_afterSkip = State::AfterObjectValue;
    size_t m_pos = 0;
    size_t m_start = 0; // of the event or key being scanned
    int m_depth = 0;
    bool m_inString = false;
    bool m_escape = false;
    bool m_skipIsScalar = false;
    bool m_skipStarted = false;
    bool m_bare = false;
    bool m_keyIsEvents = false;
    bool m_sawEvents = false;
    qint64 m_elements = 0;
    qint64 m_nonObjects = 0;
    size_t m_errorPos = 0;
    QString m_error;
};

} // namespace Forkline
