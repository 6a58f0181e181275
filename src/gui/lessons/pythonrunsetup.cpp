// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythonrunsetup.h"

#include "pythonlauncher.h"
#include "pythontracer.h"
#include "scenario.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace Forkline {

bool preparePythonRun(const Scenario& scenario, const QString& interpreter, Collector::Launch* launch, QString* note,
    QString* error, bool* gilEnabled)
{
    const QString file = PythonTracer::programFile(scenario.program, error);
    if (file.isEmpty())
        return false;
    PythonLauncher::Request request;
    request.file = file;
    request.python = interpreter;
    // A window has no working directory of its own to offer: the program's folder is where
    // it finds its files.
    request.workingDirectory = QFileInfo(file).absolutePath();
    request.lowerPriority = true;
    PythonLauncher::Interpreter found;
    if (!PythonLauncher::prepare(request, launch, error, &found))
        return false;
    *note = QCoreApplication::translate("Forkline::MainWindow", "Running %1 with Python %2 (%3)")
                .arg(QDir::toNativeSeparators(file), found.version, QDir::toNativeSeparators(found.executable));
    if (!found.gilEnabled)
        *note += QCoreApplication::translate("Forkline::MainWindow", ", free-threaded: GIL off");
    if (gilEnabled)
        *gilEnabled = found.gilEnabled;
    return true;
}

} // namespace Forkline
