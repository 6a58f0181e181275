// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by cli.cpp and clipython.cpp (`forkline run FILE.py`), and by nothing else.

#include "timelineexport.h"
#include "tracemodel.h"

#include <QString>
#include <QStringList>

namespace Forkline {
namespace CliPrivate {

// Where `run` and `render` write what they made.
struct Outputs
{
    QString trace;
    QString png;
    QString svg;
    QString csv;
    ImageExportOptions image;
};

// Parses one of the options run and render share at args[*i]. Returns -1 to go on, else an
// exit code; *handled tells whether args[*i] was one of them.
int parseOutput(const QStringList& args, int* i, Outputs* o, bool* handled);
// A PNG wider than ImageLimits is refused before anything runs: an exit code, or -1 to go on.
int checkImageSize(const Outputs& o);
int writeOutputs(const TraceModel& model, const Outputs& o);

// `forkline run FILE.py [options] [-- ARGS...]`, or a built-in Python lesson by name.
int runPython(const QStringList& args);

} // namespace CliPrivate
} // namespace Forkline
