// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by cli.cpp and clipython.cpp (`forkline run FILE.py`), and by nothing else.

#include "timelineexport.h"
#include "tracemodel.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Forkline {

class CliParser;

namespace CliPrivate {

// lupdate files the tr() of these functions under "Forkline::CliPrivate": so does this one.
inline QString tr(const char* s)
{
    return QCoreApplication::translate("Forkline::CliPrivate", s);
}

// Where `run` and `render` write what they made.
struct Outputs
{
    QString trace;
    QString png;
    QString svg;
    QString csv;
    ImageExportOptions image;
};

// The options run and render share: what to write, and how wide.
void addOutputOptions(CliParser* parser);
// Returns -1 to go on, else an exit code.
int readOutputs(const CliParser& parser, Outputs* o);
// A PNG wider than ImageLimits is refused before anything runs: an exit code, or -1 to go on.
int checkImageSize(const Outputs& o);
int writeOutputs(const TraceModel& model, const Outputs& o);

// `forkline run FILE.py [options] [-- ARGS...]`, or a built-in Python lesson by name:
// `parser` has read the line up to `--`, `programArguments` is what follows it.
int runPython(const CliParser& parser, const QStringList& programArguments);

} // namespace CliPrivate
} // namespace Forkline
