// SPDX-License-Identifier: GPL-3.0-or-later
#include "guimain.h"

#include "appicon.h"
#include "explore/explorecontroller.h"
#include "launchoptions.h"
#include "mainwindow.h"
#include "replay/replaycontroller.h"
#include "settings/settings.h"
#include "traceopener.h"
#include "translations.h"
#include "windowhost.h"

#include <QApplication>
#include <QPalette>
#include <QStyleFactory>
#include <QTimer>
#include <cstdio>

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

bool launchOptionsAccepted(int argc, char** argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    LaunchOptions launch;
    QString error;
    return LaunchOptions::parse(args, &launch, &error);
}

int launchErrorMain(int argc, char** argv)
{
    // No window, and so no display needed, to say what is wrong.
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("forkline"));
    installTranslators();
    LaunchOptions launch;
    QString error;
    if (LaunchOptions::parse(QCoreApplication::arguments(), &launch, &error))
        return 0;
    std::fprintf(stderr, "forkline: %s\n", error.toUtf8().constData());
    return 2;
}

int guiMain(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Forkline"));
    QCoreApplication::setApplicationName(QStringLiteral("forkline"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Forkline"));
    // The desktop entry's name (packaging/): how Wayland and KDE find the app's name and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.forkline.Forkline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FORKLINE_VERSION));
    QApplication::setWindowIcon(appIcon());
    // FORKLINE_LANG first (a forced language), then View > Language, then the system's.
    installTranslators(uiLocale(Settings().language()));

    LaunchOptions launch;
    QString error;
    // main() sends a line the window does not take to the command line, which says why; this
    // is for a caller that did not.
    if (!LaunchOptions::parse(QCoreApplication::arguments(), &launch, &error)) {
        std::fprintf(stderr, "forkline: %s\n", error.toUtf8().constData());
        return 2;
    }
    if (launch.dark)
        useDarkPalette();

    WindowHost host;
    MainWindow* window = host.window();
    window->show();
    launch.apply(window);
    const double replayAt = launch.replayAt;
    const int selectPrint = launch.selectPrint;
    // The first window's: a window made anew for another language keeps its own state.
    const auto explore = [window, replayAt, selectPrint] {
        if (selectPrint >= 0)
            window->explore()->selectPrint(selectPrint);
        if (replayAt >= 0)
            window->replay()->start(qint64(replayAt * 1e9));
    };
    QObject::connect(window, &MainWindow::runFinished, window, explore);
    QObject::connect(window->traceOpener(), &TraceOpener::loaded, window, explore);
    return app.exec();
}

} // namespace Forkline
