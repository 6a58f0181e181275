// SPDX-License-Identifier: GPL-3.0-or-later
#include "guimain.h"

#include "mainwindow.h"

#include <QApplication>
#include <QTimer>

namespace Forkline {

int guiMain(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Forkline"));
    QCoreApplication::setApplicationName(QStringLiteral("forkline"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Forkline"));
    QGuiApplication::setDesktopFileName(QStringLiteral("forkline"));

    // Hidden options for teachers' launchers and screenshots: open straight into a run.
    //   --run SCENARIO   select a built-in name or .json file and run it
    //   --time-scale F   the time scale for that run
    QString run;
    double timeScale = -1;
    const QStringList args = QCoreApplication::arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--run"))
            run = args[++i];
        else if (args[i] == QLatin1String("--time-scale"))
            timeScale = args[++i].toDouble();
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
    return app.exec();
}

} // namespace Forkline
