// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QtGlobal>

namespace Forkline {

// System-wide monotonic clock in nanoseconds: CLOCK_MONOTONIC on Linux, mach time on macOS,
// QueryPerformanceCounter on Windows. All processes of one machine share its origin, so
// events from different PIDs line up on one axis.
qint64 monotonicNs();
// CPU time the calling thread has used, in nanoseconds (CLOCK_THREAD_CPUTIME_ID,
// GetThreadTimes). A system call on Linux (about 1 us), not for tight loops.
qint64 threadCpuNs();
qint64 currentPid();
// The process that started this one. A worker forked by the fork server (forkserver.h) has
// the server as its parent in the system; the process that asked for it is its parent for
// the run, as it would be had it spawned the worker itself: setParentPidOverride() says so.
qint64 parentPid();
void setParentPidOverride(qint64 pid);
// The kernel's id of the calling thread (gettid, pthread_threadid_np, GetCurrentThreadId),
// the number Python's threading.get_native_id() returns.
qint64 currentTid();
// Resident memory of this process in bytes (what a task manager shows), 0 if unknown.
qint64 residentBytes();
// Every process below `pid` in the process tree, children first (Linux reads /proc; empty
// where the system offers no cheap way to tell).
QList<qint64> descendantProcesses(qint64 pid);
// Whether process `pid` is known to have ended: gone, or a zombie that its parent has not
// reaped yet (Linux reads /proc/PID/stat). False where the system cannot tell cheaply.
bool processHasEnded(qint64 pid);
// Ends a process at once (SIGKILL, TerminateProcess); false if it could not be signalled.
bool killProcess(qint64 pid);

// Call first thing in main(). A program started with stdin, stdout or stderr closed would
// have the next file it opens (Qt's event fd, a socket) take that number, then read its input
// from it or write its output into it, and pass it to its children as theirs: each closed
// one is opened on the null device instead. Windows has no such reuse and is left alone.
void guardStandardStreams();
// Whether stdin was closed when guardStandardStreams() ran (never on Windows), as Python's
// sys.stdin is None then.
bool standardInputWasClosed();

} // namespace Forkline
