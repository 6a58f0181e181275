// SPDX-License-Identifier: GPL-3.0-or-later
// `forkline run FILE.py`: the real interpreter runs the program, the tracer reports on the
// event channel, and the same collector, model and exports as for a scenario do the rest.
#include "cli_p.h"
#include "cliparser.h"
#include "cliutil.h"
#include "collector.h"
#include "cpusampler.h"
#include "gilsampler.h"
#include "pythonlauncher.h"
#include "pythontracer.h"
#include "scenario.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTimer>

namespace Forkline {
namespace CliPrivate {

int runPython(const CliParser& parser, const QStringList& programArguments)
{
    PythonLauncher::Request request;
    request.forwardStdio = true;
    request.arguments = programArguments;
    // In the order given, so that the first wrong one is named.
    const QStringList given = parser.optionNames();
    for (const QString& name : given) {
        if (scenarioOnlyOptions().contains(name))
            return badInput(tr("%1 is not an option for a Python program (see forkline run --help); the program's own "
                               "arguments go after --")
                                .arg(QStringLiteral("--") + name));
    }
    if (parser.isSet(QStringLiteral("python"))) {
        request.python = parser.value(QStringLiteral("python"));
        if (request.python.isEmpty())
            return badInput(tr("--python needs an interpreter: a path or a name on PATH"));
    }
    Outputs outputs;
    if (const int r = readOutputs(parser, &outputs); r >= 0)
        return r;
    const QStringList programs = parser.positional();
    if (programs.size() > 1)
        return badInput(tr("one program at a time (got \"%1\" and \"%2\"); its own arguments go after --")
                            .arg(programs[0], programs[1]));
    request.file = programs.value(0);

    if (request.file.isEmpty())
        return badInput(tr("run needs a program: a .py file or a built-in lesson (see forkline list)"));
    if (const int r = checkImageSize(outputs); r >= 0)
        return r;
    QString name = request.file;
    if (!PythonLauncher::isPythonFile(request.file)) {
        // A built-in Python lesson, by name.
        Scenario lesson;
        ScenarioError loadError;
        if (!loadScenario(request.file, &lesson, &loadError) || lesson.program.isEmpty())
            return badInput(tr("%1 is not a Python program").arg(request.file));
        QString fileError;
        request.file = PythonTracer::programFile(lesson.program, &fileError);
        if (request.file.isEmpty()) {
            err(QStringLiteral("forkline: ") + fileError);
            return 1;
        }
    }

    // Everything is checked before anything starts: bad input never half-runs.
    Collector::Launch launch;
    QString error;
    PythonLauncher::Interpreter interpreter;
    if (!PythonLauncher::prepare(request, &launch, &error, &interpreter)) {
        err(error);
        return 2;
    }
    if (!interpreter.gilEnabled)
        err(QStringLiteral("forkline: ")
            + tr("Python %1 is free-threaded and runs with the GIL off: no GIL waits are drawn")
                  .arg(interpreter.version));

    Collector collector;
    // Which threads wait for the GIL is read from the OS while the program runs.
    GilSampler gil(&collector);
    CpuSampler cores(&collector);
    gil.setInferGil(interpreter.gilEnabled);
    int code = 0;
    if (!runCollector(&collector, launch, &code))
        return 1;
    TraceModel model = collector.takeModel();
    gil.apply(&model);
    model.scenario = QFileInfo(name).fileName();
    model.title = model.scenario;
    const int writeCode = writeOutputs(model, outputs);
    if (code == 130 && interruptedExitCode())
        return interruptedExitCode();
    // A program that ran to its end answers with its own exit code, as `python3 FILE.py`.
    if (code != 0 || !collector.errorText().isEmpty())
        return code != 0 ? code : 1;
    return writeCode;
}

} // namespace CliPrivate
} // namespace Forkline
