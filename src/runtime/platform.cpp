// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <chrono>

#if defined(Q_OS_WIN)
#ifndef NOMINMAX
#define NOMINMAX // the SDK's min and max macros break std::max and numeric_limits<T>::max()
#endif
#include <windows.h>
// after windows.h, which they need
#include <psapi.h>
#include <tlhelp32.h>
#else
#include <cerrno>
#include <csignal>
#include <ctime>
#include <fcntl.h>
#include <pthread.h>
#include <sys/types.h>
#include <unistd.h>
#if defined(Q_OS_LINUX)
#include <cstdio>
#include <sys/syscall.h>
#endif
#if defined(Q_OS_MACOS)
#include <mach/mach.h>
#endif
#endif

namespace Forkline {

namespace {
bool g_stdinWasClosed = false;
} // namespace

void guardStandardStreams()
{
#if defined(Q_OS_WIN)
    // Handles, not numbers: nothing Qt opens becomes stdin. And forkline.exe is a GUI program
    // that starts with no standard handles at all until the command line borrows a console
    // (attachParentConsole), so their absence here says nothing about the user's stdin.
#else
    for (int fd = 0; fd <= 2; ++fd) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        if (fd == 0)
            g_stdinWasClosed = true;
        // The lowest free number: this one, as those below it are open by now.
        const int null = ::open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
        if (null >= 0 && null != fd) {
            ::dup2(null, fd);
            ::close(null);
        }
    }
#endif
}

bool standardInputWasClosed()
{
    return g_stdinWasClosed;
}

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

qint64 threadCpuNs()
{
#if defined(Q_OS_WIN)
    FILETIME created, exited, kernel, user;
    if (!GetThreadTimes(GetCurrentThread(), &created, &exited, &kernel, &user))
        return monotonicNs();
    const auto ticks = [](const FILETIME& f) { return (qint64(f.dwHighDateTime) << 32) | qint64(f.dwLowDateTime); };
    return (ticks(kernel) + ticks(user)) * 100; // 100 ns units
#else
    timespec ts {};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return monotonicNs();
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
#endif
}

qint64 currentPid()
{
#if defined(Q_OS_WIN)
    return qint64(GetCurrentProcessId());
#else
    return qint64(getpid());
#endif
}

namespace {
qint64 g_parentPidOverride = 0;
} // namespace

void setParentPidOverride(qint64 pid)
{
    g_parentPidOverride = pid;
}

qint64 parentPid()
{
    if (g_parentPidOverride)
        return g_parentPidOverride;
#if defined(Q_OS_WIN)
    const DWORD self = GetCurrentProcessId();
    qint64 result = 0;
    HANDLE snap = CreateToolhelp32Snapshot(TH32CS_SNAPPROCESS, 0);
    if (snap != INVALID_HANDLE_VALUE) {
        PROCESSENTRY32W entry;
        entry.dwSize = sizeof entry;
        for (BOOL ok = Process32FirstW(snap, &entry); ok; ok = Process32NextW(snap, &entry)) {
            if (entry.th32ProcessID == self) {
                result = qint64(entry.th32ParentProcessID);
                break;
            }
        }
        CloseHandle(snap);
    }
    return result;
#else
    return qint64(getppid());
#endif
}

qint64 currentTid()
{
#if defined(Q_OS_WIN)
    return qint64(GetCurrentThreadId());
#elif defined(Q_OS_LINUX)
    return qint64(syscall(SYS_gettid));
#elif defined(Q_OS_MACOS)
    uint64_t tid = 0;
    pthread_threadid_np(nullptr, &tid);
    return qint64(tid);
#else
    return qint64(reinterpret_cast<quintptr>(pthread_self()));
#endif
}

qint64 residentBytes()
{
#if defined(Q_OS_LINUX)
    FILE* f = std::fopen("/proc/self/statm", "r");
    if (!f)
        return 0;
    long long size = 0;
    long long resident = 0;
    const int n = std::fscanf(f, "%lld %lld", &size, &resident);
    std::fclose(f);
    return n == 2 ? qint64(resident) * qint64(sysconf(_SC_PAGESIZE)) : 0;
#elif defined(Q_OS_MACOS)
    mach_task_basic_info info;
    mach_msg_type_number_t count = MACH_TASK_BASIC_INFO_COUNT;
    if (task_info(mach_task_self(), MACH_TASK_BASIC_INFO, reinterpret_cast<task_info_t>(&info), &count) != KERN_SUCCESS)
        return 0;
    return qint64(info.resident_size);
#elif defined(Q_OS_WIN)
    PROCESS_MEMORY_COUNTERS counters;
    if (!GetProcessMemoryInfo(GetCurrentProcess(), &counters, sizeof counters))
        return 0;
    return qint64(counters.WorkingSetSize);
#else
    return 0;
#endif
}

QList<qint64> descendantProcesses(qint64 pid)
{
    QList<qint64> found;
#if defined(Q_OS_LINUX)
    QMultiHash<qint64, qint64> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        bool ok = false;
        const qint64 child = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(child));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid ...": the name may hold spaces and parentheses.
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        if (close < 0)
            continue;
        const QList<QByteArray> fields = line.mid(close + 2).split(' ');
        if (fields.size() > 1)
            children.insert(fields.at(1).toLongLong(), child);
    }
    QList<qint64> queue { pid };
    while (!queue.isEmpty()) {
        const qint64 p = queue.takeFirst();
        for (auto it = children.constFind(p); it != children.constEnd() && it.key() == p; ++it) {
            if (!found.contains(it.value()) && it.value() != pid) {
                found << it.value();
                queue << it.value();
            }
        }
    }
#else
    Q_UNUSED(pid);
#endif
    return found;
}

bool processHasEnded(qint64 pid)
{
#if defined(Q_OS_LINUX)
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    // "pid (comm) state ...": Z a zombie, X dead.
    return close < 0 || line.size() < close + 3 || line.at(close + 2) == 'Z' || line.at(close + 2) == 'X';
#else
    Q_UNUSED(pid);
    return false;
#endif
}

bool killProcess(qint64 pid)
{
    if (pid <= 0)
        return false;
#if defined(Q_OS_WIN)
    HANDLE h = OpenProcess(PROCESS_TERMINATE, FALSE, DWORD(pid));
    if (!h)
        return false;
    const bool ok = TerminateProcess(h, 1);
    CloseHandle(h);
    return ok;
#else
    return ::kill(pid_t(pid), SIGKILL) == 0;
#endif
}

} // namespace Forkline
