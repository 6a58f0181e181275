// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Forkline {

// The tracer package (resources/python: sitecustomize.py and forkline_trace/) travels inside
// the binary; a Python run needs it as files, first on the interpreter's PYTHONPATH.
class PythonTracer
{
public:
    // The folder that holds sitecustomize.py and forkline_trace/: FORKLINE_PYTHON_TRACER when
    // set (a source checkout), else a private copy of the embedded files in the user's cache
    // (or temporary) folder, written on first use and reused while the files are the same.
    // Empty, with a reason, when no copy can be written.
    static QString directory(QString* error);
    // A short digest of the embedded files: the name of their copy.
    static QString digest();
    // A program the interpreter can open: `program` itself when it is a file, else (a
    // built-in lesson, ":/scenarios/NAME.py") a copy beside the tracer's, rewritten when the
    // embedded one changed. Empty, with a reason, when it cannot be written.
    static QString programFile(const QString& program, QString* error);
};

} // namespace Forkline
