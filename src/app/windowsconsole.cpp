// SPDX-License-Identifier: GPL-3.0-or-later
// Only <windows.h> and the C runtime here, so that the Windows check (packaging/check-windows.sh)
// compiles this file as it is, with a MinGW cross compiler, on a machine without Qt for Windows.
#include "windowsconsole.h"

#if defined(_WIN32)
#include <cstdio>
#include <cstdlib>
#include <io.h>
// last, without the min and max macros: they would break any standard header after it
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>

namespace Forkline {

namespace {
UINT g_savedOutputCodePage = 0;

// A stream set up by whoever started us (a pipe from a script, `> file`) is kept as it is.
bool usable(DWORD which)
{
    const HANDLE h = GetStdHandle(which);
    return h != nullptr && h != INVALID_HANDLE_VALUE && GetFileType(h) != FILE_TYPE_UNKNOWN;
}

void reopen(FILE* stream, const char* device, const char* mode, DWORD which)
{
    if (!std::freopen(device, mode, stream))
        return;
    SetStdHandle(which, reinterpret_cast<HANDLE>(_get_osfhandle(_fileno(stream))));
}

// The console is the shell's too: leave it with the code page it had.
void restoreCodePage()
{
    if (g_savedOutputCodePage != 0)
        SetConsoleOutputCP(g_savedOutputCodePage);
}
} // namespace

void attachParentConsole()
{
    const bool in = usable(STD_INPUT_HANDLE);
    const bool out = usable(STD_OUTPUT_HANDLE);
    const bool err = usable(STD_ERROR_HANDLE);
    if (in && out && err)
        return;
    if (!AttachConsole(ATTACH_PARENT_PROCESS))
        return; // started from Explorer or a shortcut: nobody to print to
    if (!out)
        reopen(stdout, "CONOUT$", "w", STD_OUTPUT_HANDLE);
    if (!err)
        reopen(stderr, "CONOUT$", "w", STD_ERROR_HANDLE);
    if (!in)
        reopen(stdin, "CONIN$", "r", STD_INPUT_HANDLE);
    // The program writes UTF-8; the console's own code page (437, 949, ...) would garble it.
    g_savedOutputCodePage = GetConsoleOutputCP();
    if (SetConsoleOutputCP(CP_UTF8))
        std::atexit(restoreCodePage);
}

} // namespace Forkline

#endif
