// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "states.h"

#include <QByteArray>
#include <QString>

namespace Forkline {

class TraceModel;

// One record on the event channel (runner/worker -> collector), one JSON object a line.
// Times are absolute monotonic nanoseconds (steady clock, shared by all processes of the
// machine); the collector subtracts the run's start.
struct ChannelEvent
{
    enum class Type : std::uint8_t { Process, Lane, State, Instant, Flow, Done, Error, Counter };
    Type type = Type::Instant;
    qint64 t = 0;
    qint64 pid = 0;
    qint64 tid = 0;
    // Process / Lane; also an Instant of kind Other: its own name ("expect"), with its args
    // as JSON members in `text`
    qint64 ppid = 0;
    QString name;
    QString label;
    bool processLane = false;
    bool daemon = false;
    qint64 parentPid = 0;
    qint64 parentTid = 0;
    // State
    State state = State::Running;
    QString detail; // what the state is about: "1 s" of a sleep, the worker a join waits for
    // Instant
    InstantKind instant = InstantKind::Other;
    QString text; // print text, error sentence
    qint32 code = 0;
    // Flow
    qint64 flowId = 0;
    bool flowStart = true;
    FlowKind flow = FlowKind::Other;
    // Counter (name, unit in `text`)
    double value = 0;
    // Optional, any type: the line of the user's program that caused the event (a Python
    // run's `print()`, `sleep()`, `start()` ...). Written only when line > 0; readers that do
    // not know the keys skip them.
    QString file;
    qint32 line = 0;

    QByteArray encode() const; // without the trailing newline
    static bool decode(const QByteArray& line, ChannelEvent* out);
    // decode() through QJsonDocument: slower, and the reference for any line. decode() reads
    // the lines encode() writes directly and leaves anything else to this.
    static bool decodeJson(const QByteArray& line, ChannelEvent* out);
};

// Applies one event to the model; times are rebased on t0. Returns false for a malformed one,
// which includes one more than 50 years from t0 (so that the run's trace can be opened again).
bool applyEvent(TraceModel& model, const ChannelEvent& event, qint64 t0);

} // namespace Forkline
