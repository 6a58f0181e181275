// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowhost.h"

#include "mainwindow.h"
#include "settings/settings.h"
#include "translations.h"

#include <QStatusBar>

namespace Forkline {

WindowHost::WindowHost(QObject* parent)
    : QObject(parent)
{
    adopt(std::make_unique<MainWindow>());
}

WindowHost::~WindowHost() = default;

void WindowHost::adopt(std::unique_ptr<MainWindow> window)
{
    m_window = std::move(window);
    // Queued: the window that asked is replaced after its menu has finished with the click.
    connect(m_window.get(), &MainWindow::languageChosen, this, &WindowHost::switchLanguage, Qt::QueuedConnection);
}

void WindowHost::switchLanguage(const QString& code)
{
    installTranslators(code.isEmpty() ? systemUiLocale() : QLocale(code));
    if (m_window->isRunning()) {
        m_window->statusBar()->showMessage(tr("The window changes language when the run ends"), 8000);
        if (!m_pending) {
            m_pending = true;
            connect(
                m_window.get(), &MainWindow::runFinished, this, &WindowHost::replaceWindow, Qt::SingleShotConnection);
        }
        return;
    }
    replaceWindow();
}

void WindowHost::replaceWindow()
{
    m_pending = false;
    MainWindow* old = m_window.get();
    const QString scenario = old->currentScenario();
    const double timeScale = old->timeScale();
    const TraceModel shown = old->exportModel();
    const bool wasVisible = old->isVisible();
    const QString runner = old->runnerProgram();
    // Closing saves the size, the layout and the splitters, which the new window restores.
    old->close();
    std::unique_ptr<MainWindow> previous = std::move(m_window);
    adopt(std::make_unique<MainWindow>());
    m_window->setRunnerProgram(runner);
    if (!scenario.isEmpty())
        m_window->selectScenario(scenario, MainWindow::Remember::No);
    m_window->setSessionTimeScale(timeScale);
    if (!shown.isEmpty())
        m_window->showModel(shown, shown.title);
    if (wasVisible)
        m_window->show();
    // The old window goes once the event that led here is over.
    previous.release()->deleteLater();
}

} // namespace Forkline
