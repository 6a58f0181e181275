// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracemodel.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
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

#if defined(Q_OS_LINUX)
#include <cerrno>
#include <cstring>
#include <sys/mount.h>
#include <unistd.h>
#endif

namespace ForklineTest {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Gives a started program `input` and the end of its stdin, waits for it (killed after
// `timeoutMs`) and returns what it printed.
inline CliResult finishCli(QProcess& p, const QByteArray& input = {}, int timeoutMs = 120000)
{
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

// Runs the real forkline binary with `args` and returns what it printed.
inline CliResult runCli(const QStringList& args, const QByteArray& input = {}, int timeoutMs = 120000)
{
    QProcess p;
    p.start(QStringLiteral(FORKLINE_BIN), args);
    return finishCli(p, input, timeoutMs);
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

// A tiny tmpfs of its own for a test: a disk that fills up or turns read-only on demand,
// which chmod cannot give when tests run as root (as in CI). Linux and root only; elsewhere
// whyNot() says why, for QSKIP. Unmounted when it goes out of scope.
class ScratchMount
{
public:
    explicit ScratchMount(qint64 bytes = 16 * 1024)
    {
#if defined(Q_OS_LINUX)
        if (geteuid() != 0) {
            m_whyNot = QStringLiteral("needs root to mount a small tmpfs");
            return;
        }
        if (!m_dir.isValid()) {
            m_whyNot = QStringLiteral("no temporary folder for the mount point");
            return;
        }
        const QByteArray options = "size=" + QByteArray::number(bytes) + ",mode=0755";
        if (::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs", 0, options.constData()) != 0) {
            m_whyNot = QStringLiteral("cannot mount a tmpfs: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
            return;
        }
        m_mounted = true;
#else
        Q_UNUSED(bytes);
        m_whyNot = QStringLiteral("mounting a tmpfs is Linux only");
#endif
    }
    ~ScratchMount()
    {
        unmount();
    }
    ScratchMount(const ScratchMount&) = delete;
    ScratchMount& operator=(const ScratchMount&) = delete;

    bool isMounted() const
    {
        return m_mounted;
    }
    QString whyNot() const
    {
        return m_whyNot;
    }
    QString path() const
    {
        return m_dir.path();
    }
    QString filePath(const QString& name) const
    {
        return m_dir.filePath(name);
    }

    // Takes every free byte with a file named "filler".
    bool fill()
    {
        QFile filler(filePath(QStringLiteral("filler")));
        if (!filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return false;
        const QByteArray block(4096, 'f');
        while (filler.write(block) > 0) { }
        return true;
    }

    bool makeReadOnly()
    {
#if defined(Q_OS_LINUX)
        return m_mounted
            && ::mount(nullptr, QFile::encodeName(path()).constData(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) == 0;
#else
        return false;
#endif
    }

    void unmount()
    {
#if defined(Q_OS_LINUX)
        // Lazily, so a file a failed test left open cannot keep the mount.
        if (m_mounted)
            ::umount2(QFile::encodeName(path()).constData(), MNT_DETACH);
#endif
        m_mounted = false;
    }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
    QString m_whyNot;
};

// The names in a folder, for checking that nothing (a temporary file) was left behind.
inline QStringList filesIn(const QString& folder)
{
    QStringList names;
    const QFileInfoList entries = QDir(folder).entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QFileInfo& e : entries)
        names << e.fileName();
    names.sort();
    return names;
}

} // namespace ForklineTest
