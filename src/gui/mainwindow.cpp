// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "chrometrace.h"
#include "collector.h"
#include "consolepane.h"
#include "explorecontroller.h"
#include "exportimagedialog.h"
#include "lessoncontroller.h"
#include "messagebar.h"
#include "replaybar.h"
#include "replaycontroller.h"
#include "scenariopanel.h"
#include "settings.h"
#include "timeaxis.h"
#include "timelinedocument.h"
#include "timelinelayout.h"
#include "timelineview.h"
#include "traceopener.h"
#include "workerpanel.h"
#include "zoomstate.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace Forkline {

namespace {
constexpr int kCloseWaitMs = 2000;

// "Run (F5)": tooltips name the shortcut, so the keyboard is discoverable from the toolbar.
void describe(QAction* action, const QString& tip)
{
    const QKeySequence key = action->shortcut();
    action->setToolTip(
        key.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    action->setStatusTip(tip);
}
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_settings(new Settings(this))
    , m_runnerProgram(qEnvironmentVariable("FORKLINE_RUNNER"))
{
    createActions();
    createWidgets();
    createExplore();
    createMenusAndToolBar();

    connect(m_console, &ConsolePane::inputSubmitted, this, [this](const QString& line) {
        if (isRunning())
            m_collector->sendInput(line);
    });
    connect(m_scenarios, &ScenarioPanel::currentChanged, this, &MainWindow::onScenarioChanged);
    connect(m_scenarios, &ScenarioPanel::activated, this, [this] { startRun(); });
    connect(m_timeScale, &QDoubleSpinBox::valueChanged, m_settings, &Settings::setTimeScale);
    m_statusTimer.setInterval(100);
    connect(&m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    m_lessons = new LessonController(this, m_scenarios, m_timeScale, m_settings);

    m_view->setModel(&m_model);
    restoreSettings();
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_open = new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open Scenario…"), this);
    m_open->setShortcut(QKeySequence::Open);
    describe(m_open, tr("Open a scenario file (.json)"));
    connect(m_open, &QAction::triggered, this, &MainWindow::openScenarioDialog);

    m_exportImage = new QAction(QIcon::fromTheme(QStringLiteral("image-x-generic")), tr("Export &Image…"), this);
    m_exportImage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    describe(m_exportImage, tr("Save the timeline with its title, axis and legend as PNG or SVG"));
    connect(m_exportImage, &QAction::triggered, this, &MainWindow::exportImageDialog);

    m_exportTrace = new QAction(tr("Export &Trace…"), this);
    m_exportTrace->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    describe(m_exportTrace, tr("Save the run as a Chrome trace (JSON) that Perfetto and chrome://tracing open"));
    connect(m_exportTrace, &QAction::triggered, this, &MainWindow::exportTraceDialog);

    m_exportCsv = new QAction(tr("Export &CSV…"), this);
    m_exportCsv->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E));
    describe(m_exportCsv, tr("Save one row per span (thread, state, start, duration) for a spreadsheet"));
    connect(m_exportCsv, &QAction::triggered, this, &MainWindow::exportCsvDialog);

    m_quit = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    describe(m_quit, tr("Stop any run and close Forkline"));
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_copyImage = new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy Image"), this);
    m_copyImage->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    describe(m_copyImage, tr("Copy the timeline picture to the clipboard, ready to paste into a slide"));
    connect(m_copyImage, &QAction::triggered, this, &MainWindow::copyImage);

    m_run = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("&Run"), this);
    m_run->setShortcuts({ QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R) });
    describe(m_run, tr("Run the selected scenario for real; pressing it again starts a fresh run"));
    connect(m_run, &QAction::triggered, this, &MainWindow::startRun);

    m_stop = new QAction(QIcon::fromTheme(QStringLiteral("media-playback-stop")), tr("&Stop"), this);
    m_stop->setShortcuts({ QKeySequence(Qt::Key_Escape), QKeySequence(Qt::SHIFT | Qt::Key_F5) });
    describe(m_stop, tr("Stop the run: every thread still going ends as \"aborted\""));
    connect(m_stop, &QAction::triggered, this, &MainWindow::stopRun);

    m_about = new QAction(tr("&About Forkline"), this);
    m_about->setShortcut(QKeySequence::HelpContents);
    describe(m_about, tr("What Forkline is and how to read the timeline"));
    connect(m_about, &QAction::triggered, this, &MainWindow::about);
}

void MainWindow::createWidgets()
{
    m_scenarios = new ScenarioPanel(this);
    m_view = new TimelineView(this);
    m_console = new ConsolePane(this);
    m_message = new MessageBar(this);

    m_timeScale = new QDoubleSpinBox(this);
    m_timeScale->setRange(Settings::kMinTimeScale, Settings::kMaxTimeScale);
    m_timeScale->setDecimals(2);
    m_timeScale->setSingleStep(0.1);
    m_timeScale->setValue(1.0);
    m_timeScale->setSuffix(tr(" ×"));
    m_timeScale->setToolTip(tr("Time scale: every sleep of the scenario is multiplied by this. 1 runs the lesson at "
                               "its own pace; 0.1 runs a 20-second lesson in 2 seconds"));

    auto* timelineBox = new QWidget(this);
    auto* timelineLayout = new QVBoxLayout(timelineBox);
    timelineLayout->setContentsMargins(0, 0, 0, 0);
    timelineLayout->setSpacing(2);
    timelineLayout->addWidget(m_message);
    timelineLayout->addWidget(m_view, 1);
    m_replay = new ReplayController(m_view, m_console, timelineBox);
    timelineLayout->addWidget(m_replay->bar());

    m_rightSplitter = new QSplitter(Qt::Vertical, this);
    m_rightSplitter->addWidget(timelineBox);
    m_rightSplitter->addWidget(m_console);
    m_rightSplitter->setStretchFactor(0, 3);
    m_rightSplitter->setStretchFactor(1, 1);

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->addWidget(m_scenarios);
    m_mainSplitter->addWidget(m_rightSplitter);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({ 400, 1000 });
    setCentralWidget(m_mainSplitter);

    m_stateLabel = new QLabel(this);
    m_elapsedLabel = new QLabel(this);
    m_elapsedLabel->setToolTip(tr("Time since the run started"));
    statusBar()->addPermanentWidget(m_stateLabel);
    statusBar()->addPermanentWidget(m_elapsedLabel);
}

void MainWindow::createExplore()
{
    m_explore = new ExploreController(this, m_view, m_console, m_replay, m_settings);
    m_traceOpener = new TraceOpener(this, m_settings);
    const auto say = [this](const QString& text) { statusBar()->showMessage(text, 5000); };
    connect(m_explore, &ExploreController::message, this, say);
    connect(m_replay, &ReplayController::message, this, say);
    connect(m_traceOpener, &TraceOpener::loaded, this, &MainWindow::showTrace);
    connect(m_traceOpener, &TraceOpener::failed, this, &MainWindow::showError);
    connect(m_traceOpener, &TraceOpener::scenarioDropped, this, &MainWindow::openScenarioFile);
    connect(m_traceOpener, &TraceOpener::busyChanged, m_explore, &ExploreController::setEscapeTaken);
    // A run replaces the timeline anyway: a trace still loading is moot.
    connect(this, &MainWindow::runStarted, m_traceOpener, &TraceOpener::abandon);
}

void MainWindow::openTrace(const QString& path)
{
    m_traceOpener->open(path);
}

void MainWindow::showTrace(const QString& path)
{
    const QFileInfo info(path);
    m_model = m_traceOpener->takeModel();
    if (m_model.title.isEmpty())
        m_model.title = info.fileName();
    // Exports of an opened trace are named after it.
    m_runScenario = Scenario();
    m_runScenario.name = info.completeBaseName();
    m_view->setModel(&m_model);
    m_console->clear();
    m_console->appendNote(tr("Opened the trace %1").arg(QDir::toNativeSeparators(info.absoluteFilePath())));
    m_console->appendPrints(m_model);
    m_message->hide();
    m_lastState = tr("Trace %1").arg(info.fileName());
    const QString skipped = m_traceOpener->result().skippedSummary();
    statusBar()->showMessage(skipped.isEmpty() ? tr("Opened %1").arg(info.fileName()) : skipped, 8000);
    setWindowTitle(tr("%1 — Forkline").arg(info.fileName()));
    updateActions();
    updateStatus();
}

void MainWindow::createMenusAndToolBar()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_open);
    file->addAction(m_traceOpener->openAction());
    file->addSeparator();
    file->addAction(m_exportImage);
    file->addAction(m_exportTrace);
    file->addAction(m_exportCsv);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_copyImage);
    edit->addAction(m_explore->clearAction());

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_run);
    run->addAction(m_stop);

    const ZoomState* zoom = m_view->zoom();
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(zoom->zoomInAction());
    view->addAction(zoom->zoomOutAction());
    view->addAction(zoom->fitAction());
    view->addAction(zoom->followAction());
    view->addSeparator();
    view->addAction(m_explore->presentationAction());
    view->addAction(m_explore->detailsAction());
    QMenu* replay = menuBar()->addMenu(tr("Re&play"));
    replay->addActions(m_replay->actions());

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_about);

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_open);
    bar->addSeparator();
    bar->addAction(m_run);
    bar->addAction(m_stop);
    auto* scaleLabel = new QLabel(tr(" &Time scale: "), bar);
    scaleLabel->setBuddy(m_timeScale);
    bar->addWidget(scaleLabel);
    bar->addWidget(m_timeScale);
    bar->addSeparator();
    bar->addAction(zoom->zoomInAction());
    bar->addAction(zoom->zoomOutAction());
    bar->addAction(zoom->fitAction());
    bar->addAction(zoom->followAction());
    bar->addSeparator();
    bar->addAction(m_exportImage);
    bar->addAction(m_copyImage);
}

void MainWindow::restoreSettings()
{
    if (!restoreGeometry(m_settings->geometry()))
        resize(1280, 820);
    restoreState(m_settings->windowState());
    m_mainSplitter->restoreState(m_settings->splitterState(QStringLiteral("main")));
    m_rightSplitter->restoreState(m_settings->splitterState(QStringLiteral("right")));
    m_timeScale->setValue(m_settings->timeScale());
    const QString last = m_settings->lastScenario();
    if (last.isEmpty() || !(selectScenario(last) || (last.endsWith(QLatin1String(".json")) && openScenarioFile(last))))
        selectScenario(builtinScenarios().isEmpty() ? QString() : builtinScenarios().constFirst().name);
    m_message->hide(); // a stale path from last time is not worth an error at start-up
}

WorkerPanel* MainWindow::workerPanel() const
{
    return m_scenarios->workers();
}

bool MainWindow::selectScenario(const QString& nameOrPath)
{
    if (m_scenarios->select(nameOrPath))
        return true;
    return QFileInfo(nameOrPath).isFile() && openScenarioFile(nameOrPath);
}

bool MainWindow::openScenarioFile(const QString& path)
{
    Scenario scenario;
    ScenarioError error;
    if (!loadScenario(path, &scenario, &error)) {
        showError(error.toString());
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_scenarios->addFile(absolute, scenario);
    m_scenarios->select(absolute);
    m_message->hide();
    return true;
}

QString MainWindow::currentScenario() const
{
    return m_scenarios->current();
}

void MainWindow::onScenarioChanged(const QString& nameOrPath)
{
    Scenario scenario;
    ScenarioError error;
    if (!loadScenario(nameOrPath, &scenario, &error)) {
        // A listed file may have been edited into a broken state since it was opened.
        showError(error.toString());
        return;
    }
    m_scenario = scenario;
    m_scenarios->showScenario(scenario);
    m_settings->setLastScenario(nameOrPath);
    setWindowTitle(tr("%1 — Forkline").arg(scenario.title.isEmpty() ? scenario.name : scenario.title));
    updateActions();
}

void MainWindow::setTimeScale(double scale)
{
    m_timeScale->setValue(scale);
}

double MainWindow::timeScale() const
{
    return m_timeScale->value();
}

bool MainWindow::isRunning() const
{
    return m_collector && m_collector->isRunning();
}

bool MainWindow::startRun()
{
    if (isRunning()) {
        // Run during a run starts over: stop this one and go again once it has ended.
        m_restartPending = true;
        m_collector->stop();
        return true;
    }
    const QString key = m_scenarios->current();
    if (key.isEmpty()) {
        showError(tr("Pick a scenario first."));
        return false;
    }
    RunOptions options;
    options.timeScale = m_timeScale->value();
    options.daemon = m_scenarios->workers()->daemonFlags();
    m_lessons->apply(&options);
    Scenario scenario;
    ScenarioError error;
    if (!loadScenario(key, &scenario, &error) || !applyRunOptions(&scenario, options, &error)) {
        showError(error.toString());
        return false;
    }
    Collector::Launch launch;
    launch.scenario = key;
    launch.options = options;
    launch.program = m_runnerProgram;
    // A fresh collector per run: nothing of the previous run (sockets, buffers, timers) can
    // leak into the next one.
    auto* collector = new Collector(this);
    connect(collector, &Collector::stderrText, m_console, &ConsolePane::appendStderr);
    QString startError;
    // A runner that cannot even be started may end the run inside start(); that is a
    // failure to start, not a run to show.
    if (!collector->start(launch, &startError) || !collector->isRunning()) {
        if (startError.isEmpty())
            startError = collector->errorText();
        delete collector;
        showError(startError.isEmpty() ? tr("The run could not be started.") : startError);
        return false;
    }
    connect(collector, &Collector::modelUpdated, m_view, &TimelineView::scheduleUpdate);
    connect(collector, &Collector::printed, this, &MainWindow::onPrinted);
    connect(collector, &Collector::finished, this, &MainWindow::onFinished);
    if (m_collector)
        m_collector->deleteLater();
    m_collector = collector;
    m_message->hide();
    m_runScenario = scenario;
    m_console->clear();
    m_console->appendNote(tr("Running %1 at time scale %2").arg(scenario.name).arg(options.timeScale));
    // The view follows the collector's model while live; the old picture goes only now.
    m_view->setModel(&collector->model());
    m_view->setLiveClock([collector] { return collector->elapsed(); });
    m_model = TraceModel();
    m_console->setInputEnabled(true);
    m_lastState = tr("Running %1…").arg(scenario.name);
    m_runClock.start();
    m_statusTimer.start();
    updateActions();
    updateStatus();
    Q_EMIT runStarted();
    return true;
}

void MainWindow::stopRun()
{
    m_restartPending = false;
    if (!isRunning())
        return;
    m_lastState = tr("Stopping…");
    m_collector->stop();
    updateStatus();
}

void MainWindow::onPrinted(int lane, const QString& text)
{
    const TraceModel& model = m_collector->model();
    if (lane < 0 || lane >= model.laneCount()) {
        m_console->appendPrint(m_collector->elapsed(), tr("?"), 0, 0, text);
        return;
    }
    const Lane& l = model.lane(lane);
    QString who = TimelineLayout::laneTitle(l);
    const QString sub = TimelineLayout::laneSubtitle(l);
    if (!sub.isEmpty())
        who += QStringLiteral(" (") + sub + QLatin1Char(')');
    const qint64 t = model.prints().empty() ? m_collector->elapsed() : model.prints().back().t;
    m_console->appendPrint(t, who, l.pid, l.tid, text, int(model.prints().size()) - 1);
}

void MainWindow::onFinished(int exitCode)
{
    m_model = m_collector->takeModel();
    m_model.title = m_runScenario.title;
    m_model.scenario = m_runScenario.name;
    m_view->setModel(&m_model);
    m_view->setLiveClock({});
    m_view->zoom()->fit();
    m_statusTimer.stop();
    m_console->setInputEnabled(false);
    const QString took = TimeAxis::duration(m_runClock.nsecsElapsed());
    if (!m_collector->errorText().isEmpty()) {
        m_lastState = tr("Failed after %1").arg(took);
        showError(m_collector->errorText());
    } else if (exitCode == 130) {
        m_lastState = tr("Stopped after %1").arg(took);
    } else if (exitCode != 0) {
        m_lastState = tr("Ended with exit code %1 after %2").arg(exitCode).arg(took);
    } else {
        m_lastState = tr("Finished in %1").arg(took);
    }
    m_console->appendNote(m_lastState);
    updateActions();
    updateStatus();
    Q_EMIT runFinished(exitCode);
    if (m_restartPending) {
        m_restartPending = false;
        startRun();
    }
}

void MainWindow::updateActions()
{
    const bool running = isRunning();
    const bool hasData = m_view->model() && !m_view->model()->isEmpty();
    m_stop->setEnabled(running);
    m_run->setEnabled(!m_scenarios->current().isEmpty());
    m_run->setText(running ? tr("&Restart") : tr("&Run"));
    m_traceOpener->openAction()->setEnabled(!running);
    m_exportImage->setEnabled(hasData);
    m_exportTrace->setEnabled(hasData);
    m_exportCsv->setEnabled(hasData);
    m_copyImage->setEnabled(hasData);
}

void MainWindow::updateStatus()
{
    const bool running = isRunning();
    if (m_lastState.isEmpty())
        m_lastState = tr("Ready");
    m_stateLabel->setText(m_lastState);
    m_elapsedLabel->setText(running ? TimeAxis::timePoint(m_collector->elapsed()) : QString());
    if (running)
        updateActions(); // the model gains its first lanes: exports become possible
}

void MainWindow::showError(const QString& text)
{
    m_message->showMessage(text, MessageBar::Kind::Error);
    statusBar()->showMessage(text, 10000);
}

TraceModel MainWindow::exportModel() const
{
    TraceModel model = m_view->model() ? *m_view->model() : TraceModel();
    if (model.title.isEmpty())
        model.title = m_runScenario.title;
    if (model.scenario.isEmpty())
        model.scenario = m_runScenario.name;
    return model;
}

bool MainWindow::exportImage(const QString& path, const ImageExportOptions& options, QString* error) const
{
    return exportTimeline(exportModel(), path, options, error);
}

QString MainWindow::suggestedPath(const QString& extension) const
{
    QString dir = m_settings->lastExportDir();
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        dir = QDir::homePath();
    const QString base = m_runScenario.name.isEmpty() ? QStringLiteral("forkline") : m_runScenario.name;
    return QDir(dir).filePath(base + QLatin1Char('.') + extension);
}

void MainWindow::openScenarioDialog()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Scenario"), QFileInfo(m_scenarios->current()).path(), tr("Forkline scenarios (*.json)"));
    if (!path.isEmpty())
        openScenarioFile(path);
}

void MainWindow::exportImageDialog()
{
    const TraceModel model = exportModel();
    ExportImageDialog dialog(model, suggestedPath(QStringLiteral("png")), this);
    if (dialog.exec() != QDialog::Accepted || dialog.path().isEmpty())
        return;
    QString error;
    if (!exportTimeline(model, dialog.path(), dialog.options(), &error)) {
        showError(error);
        return;
    }
    m_settings->setLastExportDir(QFileInfo(dialog.path()).path());
    statusBar()->showMessage(tr("Saved %1").arg(dialog.path()), 5000);
}

void MainWindow::exportTraceDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Trace"), suggestedPath(QStringLiteral("json")), tr("Chrome trace (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveChromeTrace(exportModel(), path, &error)) {
        showError(error);
        return;
    }
    m_settings->setLastExportDir(QFileInfo(path).path());
    statusBar()->showMessage(tr("Saved %1; open it in Perfetto or chrome://tracing").arg(path), 5000);
}

void MainWindow::exportCsvDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export CSV"), suggestedPath(QStringLiteral("csv")), tr("Comma-separated values (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveSpansCsv(exportModel(), path, &error)) {
        showError(error);
        return;
    }
    m_settings->setLastExportDir(QFileInfo(path).path());
    statusBar()->showMessage(tr("Saved %1").arg(path), 5000);
}

void MainWindow::copyImage()
{
    const TraceModel model = exportModel();
    QApplication::clipboard()->setImage(TimelineDocument(model, 0, false).toImage(2.0));
    statusBar()->showMessage(tr("Timeline copied to the clipboard"), 3000);
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Forkline"),
        tr("<p><b>Forkline</b> runs concurrency lessons for real, with real threads and processes, and draws "
           "what happened on a timeline: one lane per thread, grouped by process.</p>"
           "<p>Solid boxes: the thread runs. Hatched: it sleeps. Pale boxes with a patterned line: it waits "
           "(for a join, the GIL, a lock, input or a queue). Arrows show which thread started or joined "
           "which.</p>"
           "<p>Wheel: zoom. Drag: pan. Shift+drag: zoom to a range. 0: fit all.</p>"));
}

bool MainWindow::showModel(const TraceModel& model, const QString& title)
{
    if (isRunning()) {
        showError(tr("Stop the run first: the timeline is showing it live."));
        return false;
    }
    m_model = model;
    m_model.title = title;
    // Exports are named after what is shown.
    m_runScenario = Scenario();
    m_runScenario.name = model.scenario;
    m_runScenario.title = title;
    m_view->setModel(&m_model);
    m_view->setLiveClock({});
    m_view->zoom()->fit();
    m_console->clear();
    m_console->appendNote(tr("Showing %1").arg(title));
    m_console->appendPrints(m_model);
    m_message->hide();
    m_lastState = tr("Showing %1").arg(title);
    updateActions();
    updateStatus();
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (isRunning()) {
        // Stop the run and give its processes a moment to go; the event loop keeps turning
        // meanwhile, so the window never looks frozen.
        m_restartPending = false;
        QEventLoop loop;
        connect(m_collector, &Collector::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(kCloseWaitMs, &loop, &QEventLoop::quit);
        m_collector->stop();
        if (isRunning())
            loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    m_settings->setGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setSplitterState(QStringLiteral("main"), m_mainSplitter->saveState());
    m_settings->setSplitterState(QStringLiteral("right"), m_rightSplitter->saveState());
    event->accept();
}

} // namespace Forkline
