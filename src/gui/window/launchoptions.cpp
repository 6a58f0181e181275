// SPDX-License-Identifier: GPL-3.0-or-later
#include "launchoptions.h"

#include "mainwindow.h"
#include "optionranges.h"
#include "scenario.h"
#include "traceopener.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QTimer>
#include <utility>

namespace Forkline {

namespace {

// Qt's own options (QGuiApplication and QApplication take them off the line): accepted here
// so that `forkline -platform offscreen FILE` is no error.
const char* const kQtValued[] = { "platform", "platformpluginpath", "platformtheme", "plugin", "qwindowgeometry",
    "geometry", "qwindowtitle", "title", "qwindowicon", "icon", "session", "name", "display", "style", "stylesheet",
    "qmljsdebugger", "visual" };
const char* const kQtFlags[] = { "reverse", "widgetcount", "nograb", "dograb", "testability", "sync" };

void addHidden(QCommandLineParser* parser, const QString& name, const QString& valueName = {})
{
    QCommandLineOption option(name, QString(), valueName);
    option.setFlags(QCommandLineOption::HiddenFromHelp);
    parser->addOption(option);
}

} // namespace

bool LaunchOptions::parse(const QStringList& arguments, LaunchOptions* out, QString* error)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const char* name : kQtValued)
        addHidden(&parser, QLatin1String(name), QStringLiteral("value"));
    for (const char* name : kQtFlags)
        addHidden(&parser, QLatin1String(name));
    for (const char* name : { "run", "time-scale", "open-trace", "replay-at", "select-print" })
        addHidden(&parser, QLatin1String(name), QStringLiteral("value"));
    addHidden(&parser, QStringLiteral("dark"));
    if (!parser.parse(arguments)) {
        const QStringList unknown = parser.unknownOptionNames();
        *error = unknown.isEmpty() ? parser.errorText()
                                   : tr("unknown option --%1 (see forkline --help)").arg(unknown.constFirst());
        return false;
    }
    LaunchOptions o;
    o.files = parser.positionalArguments();
    for (const QString& file : std::as_const(o.files)) {
        if (!QFileInfo(file).isFile()) {
            *error = tr("cannot open %1: there is no such file").arg(file);
            return false;
        }
    }
    o.run = parser.value(QStringLiteral("run"));
    o.trace = parser.value(QStringLiteral("open-trace"));
    o.dark = parser.isSet(QStringLiteral("dark"));
    if (parser.isSet(QStringLiteral("time-scale"))) {
        bool ok = false;
        const QString given = parser.value(QStringLiteral("time-scale"));
        o.timeScale = given.toDouble(&ok);
        if (!ok || !OptionRanges::timeScale.contains(o.timeScale)) {
            *error = OptionRanges::timeScale.refusal(given);
            return false;
        }
    }
    bool ok = true;
    if (parser.isSet(QStringLiteral("replay-at")))
        o.replayAt = parser.value(QStringLiteral("replay-at")).toDouble(&ok);
    if (!ok || (parser.isSet(QStringLiteral("replay-at")) && !(o.replayAt >= 0))) {
        *error = tr("--replay-at takes seconds from 0, not \"%1\"").arg(parser.value(QStringLiteral("replay-at")));
        return false;
    }
    if (parser.isSet(QStringLiteral("select-print")))
        o.selectPrint = parser.value(QStringLiteral("select-print")).toInt(&ok);
    if (!ok || (parser.isSet(QStringLiteral("select-print")) && o.selectPrint < 0)) {
        *error = tr("--select-print takes a record number from 0, not \"%1\"")
                     .arg(parser.value(QStringLiteral("select-print")));
        return false;
    }
    *out = o;
    return true;
}

void LaunchOptions::apply(MainWindow* window) const
{
    if (timeScale >= 0)
        window->setSessionTimeScale(timeScale);
    const QString toRun = run;
    if (!toRun.isEmpty()) {
        QTimer::singleShot(0, window, [window, toRun] {
            if (window->selectScenario(toRun, MainWindow::Remember::No))
                window->startRun();
        });
    }
    if (!trace.isEmpty())
        QTimer::singleShot(0, window, [window, path = trace] { window->openTrace(path, MainWindow::Remember::No); });
    for (const QString& file : files)
        QTimer::singleShot(0, window, [window, file] { window->openFile(file); });
}

} // namespace Forkline
