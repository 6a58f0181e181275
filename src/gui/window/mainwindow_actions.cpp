// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "actiontext.h"
#include "explore/explorecontroller.h"
#include "export/exportcontroller.h"
#include "helpmenu.h"
#include "languagemenu.h"
#include "lessons/lessoncontroller.h"
#include "lessons/pythoninterpreteraction.h"
#include "lessons/runcontrols.h"
#include "lessons/scenariopanel.h"
#include "maintoolbar.h"
#include "projectorlayout.h"
#include "recentfilesmenu.h"
#include "replay/replaycontroller.h"
#include "settings/preferencesaction.h"
#include "traceopener.h"
#include "ui_mainwindow.h"
#include "view/timelineview.h"
#include "zoomstate.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>

namespace Forkline {

void MainWindow::createActions()
{
    m_open = new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open Scenario…"), this);
    m_open->setShortcut(QKeySequence::Open);
    describeAction(m_open, tr("Open a scenario file (.json) or a Python program (.py)"));
    connect(m_open, &QAction::triggered, this, &MainWindow::openScenarioDialog);

    m_quit = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    describeAction(m_quit, tr("Stop any run and close Forkline"));
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_run = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("&Run"), this);
    m_run->setShortcuts({ QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R) });
    describeAction(m_run, tr("Run the selected scenario for real; pressing it again starts a fresh run"));
    connect(m_run, &QAction::triggered, this, &MainWindow::startRun);

    m_stop = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-stop")), tr("&Stop"), this);
    m_stop->setShortcuts({ QKeySequence(Qt::Key_Escape), QKeySequence(Qt::SHIFT | Qt::Key_F5) });
    describeAction(m_stop, tr("Stop the run: every thread still going ends as \"aborted\""));
    connect(m_stop, &QAction::triggered, this, &MainWindow::stopRun);

    m_python = new PythonInterpreterAction(m_settings, this);

    m_recent = new RecentFilesMenu(m_settings, this);
    connect(m_recent, &RecentFilesMenu::openRequested, this, &MainWindow::openFile);

    m_help = new HelpMenu(this);
    connect(m_help, &HelpMenu::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    m_language = new LanguageMenu(m_settings, this);
    connect(m_language, &LanguageMenu::languageChosen, this, &MainWindow::languageChosen);

    m_exports = new ExportController(
        this, m_settings, [this] { return exportModel(); }, [this] { return m_runScenario.name; });
    connect(m_exports, &ExportController::message, this,
        [this](const QString& text, int ms) { statusBar()->showMessage(text, ms); });
    connect(m_exports, &ExportController::failed, this, &MainWindow::showError);
}

void MainWindow::createMenusAndToolBar()
{
    QMenu* file = m_ui->menuFile;
    file->addAction(m_open);
    file->addAction(m_traceOpener->openAction());
    file->addMenu(m_recent->menu());
    file->addSeparator();
    file->addAction(m_exports->exportImageAction());
    file->addAction(m_exports->exportTraceAction());
    file->addAction(m_exports->exportCsvAction());
    file->addSeparator();
    file->addAction(m_quit);

    QMenu* edit = m_ui->menuEdit;
    edit->addAction(m_exports->copyImageAction());
    edit->addAction(m_explore->clearAction());
    edit->addAction(m_explore->findAction());
    edit->addSeparator();
    edit->addAction(new PreferencesAction(m_settings, m_language, this));

    QMenu* run = m_ui->menuRun;
    run->addAction(m_run);
    run->addAction(m_stop);
    run->addSeparator();
    run->addAction(m_python);
    run->addSeparator();
    run->addAction(m_lessons->runControls()->gilAction());
    run->addAction(m_lessons->compareAction());

    const ZoomState* zoom = m_view->zoom();
    QMenu* view = m_ui->menuView;
    view->addAction(zoom->zoomInAction());
    view->addAction(zoom->zoomOutAction());
    view->addAction(zoom->fitAction());
    view->addAction(zoom->followAction());
    view->addSeparator();
    view->addAction(m_explore->presentationAction());
    view->addAction(m_explore->detailsAction());
    view->addAction(m_projector->panelsAction());
    view->addAction(m_explore->calloutsAction());
    view->addAction(m_explore->compactTimeAction());
    view->addSeparator();
    view->addMenu(m_language->menu());
    m_ui->menuReplay->addActions(m_replay->actions());

    menuBar()->addMenu(m_help->menu());
    fillToolBar();
}

void MainWindow::fillToolBar()
{
    // Secondary actions show only their icon, so the bar fits a 1280 px window in Korean too.
    MainToolBar* bar = m_ui->mainToolBar;
    const ZoomState* zoom = m_view->zoom();
    m_projector->addPanel(bar);
    bar->addAction(m_open);
    bar->addSeparator();
    bar->addAction(m_run);
    bar->addAction(m_stop);
    auto* scaleLabel = new QLabel(tr(" &Time scale: "), bar);
    scaleLabel->setBuddy(m_timeScale);
    bar->addWidget(scaleLabel);
    bar->addWidget(m_timeScale);
    m_lessons->runControls()->addToToolBar(bar, nullptr);
    bar->addSeparator();
    bar->addIconAction(zoom->zoomInAction());
    bar->addIconAction(zoom->zoomOutAction());
    bar->addIconAction(zoom->fitAction());
    bar->addIconAction(zoom->followAction());
    bar->addSeparator();
    bar->addAction(m_exports->exportImageAction());
    bar->addIconAction(m_exports->copyImageAction());
}

void MainWindow::openScenarioDialog()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Open Scenario"), QFileInfo(m_scenarios->current()).path(),
            tr("Scenarios and Python programs (*.json *.py);;Forkline scenarios (*.json);;Python programs (*.py)"));
    if (!path.isEmpty())
        openScenarioFile(path);
}

} // namespace Forkline
