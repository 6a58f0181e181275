// SPDX-License-Identifier: GPL-3.0-or-later
#include "platform.h"

#include <chrono>

#if defined(Q_OS_WIN)
#include <tlhelp32.h>
#include <windows.h>
#else
#include <pthread.h>
#include <sys/types.h>
#include <unistd.h>
#if defined(Q_OS_LINUX)
#include <sys/syscall.h>
#endif
#endif

namespace Forkline {

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

qint64 currentPid()
{
#if defined(Q_OS_WIN)
    return qint64(GetCurrentProcessId());
#else
    return qint64(getpid());
#endif
}

qint64 parentPid()
{
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

} // namespace Forkline
