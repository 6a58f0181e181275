// SPDX-License-Identifier: GPL-3.0-or-later
#include "guimain.h"

#include "appicon.h"
#include "explore/explorecontroller.h"
#include "mainwindow.h"
#include "replay/replaycontroller.h"
#include "scenario.h"
#include "traceopener.h"
#include "translations.h"

#include <QApplication>
#include <QFileInfo>
#include <QPalette>
#include <QStyleFactory>
#include <QTimer>

namespace Forkline {

namespace {
// A dark theme where the platform offers none (screenshots under Xvfb, checking contrast).
void useDarkPalette()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette p(QColor(0x33, 0x35, 0x3a), QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2c));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Button, QColor(0x33, 0x35, 0x3a));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Highlight, QColor(0x35, 0x74, 0xc6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0xa0, 0xa8));
    p.setColor(QPalette::ToolTipBase, QColor(0x33, 0x35, 0x3a));
    p.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe8, 0xeb));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x84, 0x8a));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x84, 0x8a));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x84, 0x8a));
    QApplication::setPalette(p);
}
} // namespace

int guiMain(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Forkline"));
    QCoreApplication::setApplicationName(QStringLiteral("forkline"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Forkline"));
    // The desktop entry's name (packaging/): how Wayland and KDE find the app's name and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.forkline.Forkline"));
    QApplication::setWindowIcon(appIcon());
    installTranslators();

    // Hidden options for teachers' launchers and screenshots: open straight into a run.
    //   --run SCENARIO   select a built-in name or .json file and run it
    //   --time-scale F   the time scale for that run
    //   --open-trace F   open a Chrome trace instead
    //   --replay-at S    once the run or trace is there, replay it at S seconds
    //   --select-print N and select its print record N, as a click on the console would
    //   --dark           a dark Fusion palette
    QString run;
    QString trace;
    double timeScale = -1;
    double replayAt = -1;
    int selectPrint = -1;
    const QStringList args = QCoreApplication::arguments();
    if (args.contains(QLatin1String("--dark")))
        useDarkPalette();
    // `forkline FILE`: a Python program or a scenario to list and select (Run runs it), or a
    // trace to show.
    QString opened;
    if (args.size() >= 2 && !args[1].startsWith(QLatin1String("--")) && QFileInfo(args[1]).isFile())
        opened = args[1];
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--run"))
            run = args[++i];
        else if (args[i] == QLatin1String("--time-scale"))
            timeScale = args[++i].toDouble();
        else if (args[i] == QLatin1String("--open-trace"))
            trace = args[++i];
        else if (args[i] == QLatin1String("--replay-at"))
            replayAt = args[++i].toDouble();
        else if (args[i] == QLatin1String("--select-print"))
            selectPrint = args[++i].toInt();
    }

    MainWindow window;
    if (timeScale > 0)
        window.setTimeScale(timeScale);
    window.show();
    if (!run.isEmpty()) {
        QTimer::singleShot(0, &window, [&window, run] {
            if (window.selectScenario(run))
                window.startRun();
        });
    }
    if (!trace.isEmpty())
        QTimer::singleShot(0, &window, [&window, trace] { window.openTrace(trace); });
    if (!opened.isEmpty()) {
        QTimer::singleShot(0, &window, [&window, opened] {
            if (!isPythonProgramPath(opened) && TraceOpener::looksLikeTrace(opened))
                window.openTrace(opened);
            else
                window.openScenarioFile(opened);
        });
    }
    const auto explore = [&window, replayAt, selectPrint] {
        if (selectPrint >= 0)
            window.explore()->selectPrint(selectPrint);
        if (replayAt >= 0)
            window.replay()->start(qint64(replayAt * 1e9));
    };
    QObject::connect(&window, &MainWindow::runFinished, &window, explore);
    QObject::connect(window.traceOpener(), &TraceOpener::loaded, &window, explore);
    return app.exec();
}

} // namespace Forkline
