// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracemodel.h"

#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#if defined(Q_OS_WIN)
#include <qt_windows.h>
#else
#include <cerrno>
#include <csignal>
#endif

namespace ForklineTest {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the real forkline binary with `args` and returns what it printed.
inline CliResult runCli(const QStringList& args, const QByteArray& input = {}, int timeoutMs = 120000)
{
    QProcess p;
    p.start(QStringLiteral(FORKLINE_BIN), args);
    p.waitForStarted();
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    CliResult r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

using namespace Forkline;

inline int laneNamed(const TraceModel& m, const QString& name)
{
    for (int i = 0; i < m.laneCount(); ++i) {
        if (m.lane(i).name == name)
            return i;
    }
    return -1;
}

// The lane of that name. A missing one fails the test with the names there are, and the rest
// of the test sees an empty lane, so a test checks on instead of reading out of bounds.
inline const Lane& requireLane(const TraceModel& m, const QString& name)
{
    const int index = laneNamed(m, name);
    if (index >= 0)
        return m.lane(index);
    QStringList names;
    for (const Lane& l : m.lanes())
        names << l.name;
    const QString message
        = QStringLiteral("no lane named \"%1\"; the model has: %2")
              .arg(name, names.isEmpty() ? QStringLiteral("no lanes") : names.join(QStringLiteral(", ")));
    QTest::qFail(qPrintable(message), __FILE__, __LINE__);
    static const Lane missing;
    return missing;
}

inline const Instant* findInstant(
    const Lane& lane, InstantKind kind, const QString& text = {}, const TraceModel* m = nullptr)
{
    for (const Instant& in : lane.instants) {
        if (in.kind != kind)
            continue;
        if (!text.isEmpty() && (!m || in.text < 0 || m->texts().at(in.text) != text))
            continue;
        return &in;
    }
    return nullptr;
}

inline qint64 firstStart(const Lane& l, State s)
{
    for (const Span& sp : l.spans) {
        if (sp.state == s)
            return sp.start;
    }
    return -1;
}

// Writes a scenario (or any) file into `dir` and returns its path.
inline QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

// True while a process with this pid exists and has not ended. Asks the OS, on every platform:
// POSIX signal 0 (ESRCH once it is gone; a zombie, ended but not yet reaped, counts as ended
// where /proc tells), Windows the process's exit code.
inline bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
#if defined(Q_OS_WIN)
    HANDLE h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid));
    if (!h)
        return false;
    DWORD code = 0;
    const bool running = GetExitCodeProcess(h, &code) && code == STILL_ACTIVE;
    CloseHandle(h);
    return running;
#else
    if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true; // no /proc (macOS): signal 0 reached it
    const QByteArray line = stat.readAll();
    const int close = line.lastIndexOf(')');
    return close > 0 && line.size() > close + 2 && line.at(close + 2) != 'Z';
#endif
}

} // namespace ForklineTest
