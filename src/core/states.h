// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <cstdint>

namespace Forkline {

// What a lane is doing during a span. The order is part of the file formats only through
// the names below; add new states at the end.
enum class State : std::uint8_t {
    Running,
    Sleeping,
    Computing,
    WaitingGil,
    WaitingLock,
    WaitingJoin,
    WaitingInput,
    WaitingQueue,
    WaitingExit, // the implicit join at exit: the main thread waits for non-daemon workers
    Deadlocked, // waits in a cycle of waits that nothing can break
    WaitingEvent, // Event.wait() or Condition.wait(): until another thread sets or notifies
    Count
};

enum class InstantKind : std::uint8_t {
    Fork, // on the parent, at start()
    Start, // the child's first moment
    Print,
    End,
    Join, // on the parent, when join() returns
    Killed,
    Terminated,
    Crashed,
    Aborted,
    Failed,
    MainExit,
    Send,
    Receive,
    Other, // a foreign trace's instant with a name of its own
    Signal, // on the caller, where it calls terminate() or kill(); code: the signal
    Deadlocked, // where a lane's wait closed (or joined) a cycle; text: the whole cycle
    Count
};

enum class FlowKind : std::uint8_t {
    Fork, // fork -> start
    Join, // end -> join
    Message, // send -> receive
    Lock, // release -> acquire
    Other,
    Signal, // terminate()/kill() -> the process's end
    Notify, // Event.set() or Condition.notify() -> the waiter's wake
    Count
};

QString stateName(State s); // "running", "waiting:gil", ...
bool stateFromName(const QString& name, State* out);
QString instantName(InstantKind k); // "fork", "main-exit", ...
bool instantFromName(const QString& name, InstantKind* out);
QString flowName(FlowKind k);
// The same names as plain ASCII, for writers that need no QString (the event channel's).
const char* stateKey(State s);
const char* instantKey(InstantKind k);
const char* flowKey(FlowKind k);
bool flowFromName(const QString& name, FlowKind* out);

// How a process's ending reads in Python's words: "SIGTERM (exitcode -15)" for a lane that a
// signal ended (the trace keeps the signal's number), "exitcode 1" for an end or failure with
// an exit code; empty when there is nothing to say.
QString endingCodeText(InstantKind k, qint32 code);
// "SIGTERM" for 15, ...; "signal N" for a number with no portable name.
QString signalName(int signal);

// An instant that closes its lane: after it the lane has no open span.
constexpr bool isTerminal(InstantKind k)
{
    return k == InstantKind::End || k == InstantKind::Killed || k == InstantKind::Terminated
        || k == InstantKind::Crashed || k == InstantKind::Aborted || k == InstantKind::Failed;
}

} // namespace Forkline
