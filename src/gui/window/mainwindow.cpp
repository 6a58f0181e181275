// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "code/codepane.h"

#include "collector.h"
#include "console/consolepane.h"
#include "cpusampler.h"
#include "explore/explorecontroller.h"
#include "export/exportcontroller.h"
#include "lessons/currentlesson.h"
#include "lessons/lessoncontroller.h"
#include "lessons/scenariopanel.h"
#include "lessons/workerpanel.h"
#include "messagebar.h"
#include "optionranges.h"
#include "projectorlayout.h"
#include "recentfilesmenu.h"
#include "replay/replaybar.h"
#include "replay/replaycontroller.h"
#include "settings/settings.h"
#include "timeaxis.h"
#include "timelineaccessible.h"
#include "traceopener.h"
#include "ui_mainwindow.h"
#include "view/timelineview.h"
#include "zoomstate.h"

#include <QCloseEvent>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEventLoop>
#include <QFileInfo>
#include <QLabel>
#include <QScopedValueRollback>
#include <QScreen>
#include <QStatusBar>
#include <cstdio>

namespace Forkline {

namespace {
constexpr int kCloseWaitMs = 2000;
// A run's contention is said once this much of it was measured, past a start-up's noise.
constexpr qint64 kSettledNs = 500000000;
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_settings(new Settings(this))
{
    // Screen readers see the timeline's lanes and events, not one opaque picture.
    TimelineAccessible::installFactory();
    createWidgets();
    createActions();
    createLesson();
    createExplore();
    connectCodePane();
    createMenusAndToolBar();

    connect(m_console, &ConsolePane::inputSubmitted, this, [this](const QString& line) {
        if (isRunning())
            m_lesson->collector()->sendInput(line);
    });
    connect(m_scenarios, &ScenarioPanel::activated, this, [this] { startRun(); });
    connect(m_timeScale, &QDoubleSpinBox::valueChanged, this, [this](double scale) {
        if (!m_sessionOnly)
            m_settings->setTimeScale(scale);
    });
    connect(m_settings, &Settings::timeScaleChanged, m_timeScale, &QDoubleSpinBox::setValue);
    connect(m_settings, &Settings::writeFailed, this, &MainWindow::showError);
    m_statusTimer.setInterval(100);
    connect(&m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);

    m_view->setModel(&m_model);
    restoreSettings();
    m_projector->settle();
    updateActions();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createWidgets()
{
    m_ui->setupUi(this);
    m_scenarios = m_ui->scenarios;
    m_view = m_ui->view;
    m_console = m_ui->console;
    m_code = m_ui->code;
    m_message = m_ui->message;
    m_replay = new ReplayController(m_view, m_console, m_ui->replayBar);

    // Its range and precision are the command line's (OptionRanges); it sits in the tool bar.
    m_timeScale = new QDoubleSpinBox(this);
    m_timeScale->setDecimals(OptionRanges::timeScale.decimals);
    m_timeScale->setRange(OptionRanges::timeScale.boxMinimum(), OptionRanges::timeScale.high);
    m_timeScale->setSingleStep(0.1);
    m_timeScale->setValue(1.0);
    m_timeScale->setSuffix(tr(" ×"));
    m_timeScale->setToolTip(tr("Time scale: every sleep of the scenario is multiplied by this. 1 runs the lesson at "
                               "its own pace; 0.1 runs a 20-second lesson in 2 seconds"));

    m_stateLabel = new QLabel(this);
    m_elapsedLabel = new QLabel(this);
    m_elapsedLabel->setToolTip(tr("Time since the run started"));
    statusBar()->addPermanentWidget(m_stateLabel);
    statusBar()->addPermanentWidget(m_elapsedLabel);
}

void MainWindow::createLesson()
{
    m_lesson = new CurrentLesson(m_scenarios, this);
    m_lesson->setRunnerProgram(qEnvironmentVariable("FORKLINE_RUNNER"));
    connect(m_lesson, &CurrentLesson::loaded, this, &MainWindow::onLessonLoaded);
    // A listed file may have been edited into a broken state since it was opened.
    connect(m_lesson, &CurrentLesson::loadFailed, this, &MainWindow::showError);
    connect(m_lesson, &CurrentLesson::runFinished, this, &MainWindow::onFinished);
    m_lessons = new LessonController(m_lesson, m_scenarios->workers(), m_console, m_timeScale, m_settings, this);
    connect(m_lessons, &LessonController::timelineRequested, this, &MainWindow::showModel);
    connect(m_lessons, &LessonController::failed, this, &MainWindow::showError);
}

void MainWindow::setRunnerProgram(const QString& path)
{
    m_lesson->setRunnerProgram(path);
}

QString MainWindow::runnerProgram() const
{
    return m_lesson->runnerProgram();
}

void MainWindow::connectCodePane()
{
    connect(m_view, &TimelineView::modelChanged, m_code, [this] { m_code->setModel(m_view->model()); });
    connect(m_view, &TimelineView::selectionChanged, m_code, [this] { m_code->showEvent(m_view->selection()); });
    connect(m_view, &TimelineView::playheadChanged, m_code, &CodePane::setPlayhead);
    connect(m_code, &CodePane::eventsPicked, this, [this](const std::vector<TimelineHit>& hits) {
        m_view->setHighlights(hits);
        if (!hits.empty())
            m_view->reveal(hits.front().lane,
                hits.front().kind == TimelineHit::Kind::Instant ? hits.front().instant.t : hits.front().span.start);
    });
}

void MainWindow::createExplore()
{
    m_explore = new ExploreController(this, m_ui->detailsDock, m_view, m_console, m_replay, m_settings);
    m_traceOpener = new TraceOpener(this, m_settings);
    m_projector = new ProjectorLayout(this, m_explore->presentationAction(), m_console);
    m_projector->addPanel(m_scenarios);
    m_projector->addPanel(m_explore->detailsDock());
    connect(m_explore->calloutsAction(), &QAction::toggled, m_exports, &ExportController::setCallouts);
    connect(m_explore->compactTimeAction(), &QAction::toggled, m_exports, &ExportController::setCompactTime);
    m_exports->setCompactTime(m_explore->compactTimeAction()->isChecked());
    connect(m_explore->presentationAction(), &QAction::toggled, m_exports, &ExportController::setPresentation);
    m_exports->setPresentation(m_explore->isPresentation());
    const auto say = [this](const QString& text) { statusBar()->showMessage(text, 5000); };
    connect(m_explore, &ExploreController::message, this, say);
    connect(m_replay, &ReplayController::message, this, say);
    connect(m_traceOpener, &TraceOpener::loaded, this, &MainWindow::showTrace);
    connect(m_traceOpener, &TraceOpener::failed, this, &MainWindow::showError);
    connect(
        m_traceOpener, &TraceOpener::scenarioDropped, this, [this](const QString& path) { openScenarioFile(path); });
    connect(m_traceOpener, &TraceOpener::busyChanged, m_explore, &ExploreController::setEscapeTaken);
    // A run replaces the timeline anyway: a trace still loading is moot.
    connect(this, &MainWindow::runStarted, m_traceOpener, &TraceOpener::abandon);
}

void MainWindow::openTrace(const QString& path, Remember remember)
{
    if (remember == Remember::No)
        m_sessionTraces.insert(path);
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
    m_console->showPrints(&m_model);
    m_message->hide();
    m_lastState = tr("Trace %1").arg(info.fileName());
    const QString skipped = m_traceOpener->result().skippedSummary();
    statusBar()->showMessage(skipped.isEmpty() ? tr("Opened %1").arg(info.fileName()) : skipped, 8000);
    setWindowTitle(tr("%1 — Forkline").arg(info.fileName()));
    if (!m_sessionTraces.remove(path))
        m_recent->add(info.absoluteFilePath());
    updateActions();
    updateStatus();
}

void MainWindow::restoreSettings()
{
    // The first time: 1280 × 820, or less on a smaller screen (1280 × 800 is common on projectors).
    if (!restoreGeometry(m_settings->geometry()))
        resize(QSize(1280, 820).boundedTo(screen()->availableSize()));
    restoreState(m_settings->windowState());
    // The first start's proportions; left to the size hints, the code would open a few
    // characters wide: about a quarter of the width is enough for a tutorial's lines.
    m_ui->mainSplitter->setSizes({ 400, 1000 });
    m_ui->codeSplitter->setSizes({ 3 * 360, 360 });
    m_ui->mainSplitter->restoreState(m_settings->splitterState(QStringLiteral("main")));
    m_ui->rightSplitter->restoreState(m_settings->splitterState(QStringLiteral("right")));
    m_ui->codeSplitter->restoreState(m_settings->splitterState(QStringLiteral("code")));
    m_timeScale->setValue(m_settings->timeScale());
    const QString last = m_settings->lastScenario();
    const bool file = last.endsWith(QLatin1String(".json")) || isPythonProgramPath(last);
    // Already remembered: opening it again reorders nothing.
    if (last.isEmpty() || !(selectScenario(last, Remember::No) || (file && openScenarioFile(last, Remember::No))))
        selectScenario(builtinScenarios().isEmpty() ? QString() : builtinScenarios().constFirst().name);
    m_message->hide(); // a stale path from last time is not worth an error at start-up
}

TimelineView* MainWindow::timelineView() const
{
    return m_view;
}

ConsolePane* MainWindow::console() const
{
    return m_console;
}

CodePane* MainWindow::codePane() const
{
    return m_code;
}

MessageBar* MainWindow::messageBar() const
{
    return m_message;
}

MainToolBar* MainWindow::toolBar() const
{
    return m_ui->mainToolBar;
}

WorkerPanel* MainWindow::workerPanel() const
{
    return m_scenarios->workers();
}

bool MainWindow::selectScenario(const QString& nameOrPath, Remember remember)
{
    const QScopedValueRollback<bool> session(m_sessionOnly, m_sessionOnly || remember == Remember::No);
    if (m_scenarios->select(nameOrPath))
        return true;
    return QFileInfo(nameOrPath).isFile() && openScenarioFile(nameOrPath, remember);
}

void MainWindow::openFile(const QString& path)
{
    if (!isPythonProgramPath(path) && TraceOpener::looksLikeTrace(path))
        openTrace(path);
    else
        openScenarioFile(path);
}

bool MainWindow::openScenarioFile(const QString& path, Remember remember)
{
    const QScopedValueRollback<bool> session(m_sessionOnly, m_sessionOnly || remember == Remember::No);
    ScenarioError error;
    if (!m_lesson->openFile(path, &error)) {
        showError(error.toString());
        return false;
    }
    if (!m_sessionOnly)
        m_recent->add(QFileInfo(path).absoluteFilePath());
    m_message->hide();
    return true;
}

QString MainWindow::currentScenario() const
{
    return m_scenarios->current();
}

void MainWindow::onLessonLoaded(const Scenario& scenario)
{
    m_scenarios->showScenario(scenario);
    m_code->showLesson(scenario);
    if (!m_sessionOnly)
        m_settings->setLastScenario(m_lesson->key());
    setWindowTitle(tr("%1 — Forkline").arg(scenario.title.isEmpty() ? scenario.name : scenario.title));
    updateActions();
}

void MainWindow::setTimeScale(double scale)
{
    m_timeScale->setValue(scale);
}

void MainWindow::setSessionTimeScale(double scale)
{
    const QScopedValueRollback<bool> session(m_sessionOnly, true);
    m_timeScale->setValue(scale);
}

double MainWindow::timeScale() const
{
    return m_timeScale->value();
}

void MainWindow::updateActions()
{
    const bool running = isRunning();
    const bool hasData = m_view->model() && !m_view->model()->isEmpty();
    m_stop->setEnabled(running);
    m_run->setEnabled(!m_scenarios->current().isEmpty());
    m_run->setText(running ? tr("&Restart") : tr("&Run"));
    m_traceOpener->openAction()->setEnabled(!running);
    m_exports->setHasData(hasData);
}

QString MainWindow::stateText() const
{
    return m_stateLabel->text();
}

void MainWindow::updateStatus()
{
    const bool running = isRunning();
    if (m_lastState.isEmpty())
        m_lastState = tr("Ready");
    QString state = m_lastState;
    // Said while the run goes, not only at its end.
    const CpuSampler* cores = running ? m_lesson->collector()->findChild<CpuSampler*>() : nullptr;
    if (cores && cores->measuredNs() > kSettledNs && cores->contended())
        state += QLatin1Char(' ') + tr("(other programs are busy: timings unreliable)");
    m_stateLabel->setText(state);
    m_elapsedLabel->setText(running ? TimeAxis::timePoint(m_lesson->collector()->elapsed()) : QString());
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
    m_console->showPrints(&m_model);
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
        connect(m_lesson, &CurrentLesson::runFinished, &loop, &QEventLoop::quit);
        QTimer::singleShot(kCloseWaitMs, &loop, &QEventLoop::quit);
        m_lesson->collector()->stop();
        if (isRunning())
            loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    m_projector->release();
    m_settings->setGeometry(saveGeometry());
    m_settings->setWindowState(saveState());
    m_settings->setSplitterState(QStringLiteral("main"), m_ui->mainSplitter->saveState());
    m_settings->setSplitterState(QStringLiteral("right"), m_ui->rightSplitter->saveState());
    m_settings->setSplitterState(QStringLiteral("code"), m_ui->codeSplitter->saveState());
    // The message bar goes with the window: say it where a terminal can still show it.
    if (const QString error = m_settings->sync(); !error.isEmpty())
        std::fprintf(stderr, "forkline: %s\n", error.toUtf8().constData());
    event->accept();
}

} // namespace Forkline
