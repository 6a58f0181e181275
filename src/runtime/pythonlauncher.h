// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "collector.h"

#include <QString>
#include <QStringList>

class QFileInfo;
class QProcess;

namespace Forkline {

// What it takes to run a user's .py file traced: the file checked (there, UTF-8, no syntax
// error), the interpreter found and asked its version, and a Collector::Launch that starts
// it as `python FILE.py ARGS...` would, with the tracer first on its PYTHONPATH.
class PythonLauncher
{
public:
    struct Request
    {
        QString file; // as the user named it: sys.argv[0] and the name in messages
        QStringList arguments; // the program's own, after the file
        QString python; // interpreter path or name; empty: python3 (py -3 on Windows)
        QString workingDirectory; // empty: this process's
        bool forwardStdio = false;
        bool lowerPriority = false;
    };
    struct Interpreter
    {
        QString version; // "3.11.7"
        QString executable; // sys.executable: what the run starts
        // False on a free-threaded build (3.13t: sys._is_gil_enabled() false) unless
        // PYTHON_GIL=1 turns it back on: its threads wait for no GIL, and none is inferred.
        bool gilEnabled = true;
    };
    enum class Failure { None, BadFile, SyntaxError, NoInterpreter, OldInterpreter, NoTracer };

    static bool isPythonFile(const QString& path);
    // The command that names the default interpreter here.
    static QStringList defaultInterpreter();

    // Checks everything the run needs before starting anything. On failure `error` is the one
    // line to show ("FILE:LINE:COL: SyntaxError: ...", how to get an interpreter ...), and the
    // command line exits 2: all of them are bad input.
    static bool prepare(const Request& request, Collector::Launch* launch, QString* error,
        Interpreter* interpreter = nullptr, Failure* failure = nullptr);

    // The file's first byte that is not UTF-8, as "LINE:COL"; empty when it all is.
    static QString firstInvalidUtf8(const QByteArray& bytes);

private:
    // Members rather than free functions so that lupdate files their messages under this
    // class, the context the file's tr() translates in.
    static bool checkProgramFile(const QString& file, const QFileInfo& info, QString* error, Failure* failure);
    // Runs the check script with `command` on the program; false when it did not start or did
    // not answer. `byDefault`: the user named no interpreter, the default was looked for.
    static bool runCheck(QProcess* check, const QStringList& command, const QFileInfo& info, bool byDefault,
        QString* error, Failure* failure);
};

} // namespace Forkline
