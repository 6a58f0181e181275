// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the command-line files (cli.cpp, clipython.cpp) and by nothing else.

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
int writeOutputs(const TraceModel& model, const Outputs& o);

// Ctrl+C and SIGTERM set a flag that a run polls (and then stops, as Stop does).
void watchInterrupts();
bool interrupted();

// `forkline run FILE.py [options] [-- ARGS...]`
int runPython(const QStringList& args);

} // namespace CliPrivate
} // namespace Forkline
