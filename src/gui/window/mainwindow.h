// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario.h"
#include "tracemodel.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QSet>
#include <QTimer>
#include <memory>

class QAction;
class QDoubleSpinBox;
class QLabel;

namespace Forkline {

class CodePane;
class Collector;
class ConsolePane;
class CurrentLesson;
class ExploreController;
class ExportController;
class LessonController;
class HelpMenu;
class LanguageMenu;
class MainToolBar;
class MessageBar;
class PythonInterpreterAction;
class RecentFilesMenu;
class ReplayController;
class ScenarioPanel;
class Settings;
class TimelineView;
class ProjectorLayout;
class TraceOpener;
class WorkerPanel;

namespace Ui {
class MainWindow;
}

// Pick a scenario, run it for real, watch it on the timeline, export the picture. Its panels,
// splitters, tool bar, dock and menus are ui/mainwindow.ui; mainwindow_actions.cpp fills the
// menus and the tool bar, mainwindow_run.cpp runs.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // The program started in runner mode; empty means this executable. The environment
    // variable FORKLINE_RUNNER sets it too.
    void setRunnerProgram(const QString& path);
    QString runnerProgram() const;

    // Whether a choice is remembered as the last scenario and among the recent files: a
    // launch option's is not (LaunchOptions).
    enum class Remember { Yes, No };
    // A built-in name or a listed file path.
    bool selectScenario(const QString& nameOrPath, Remember remember = Remember::Yes);
    // Loads and lists a scenario file; a bad file leaves everything as it was and shows the
    // loader's "file:line:column: message".
    bool openScenarioFile(const QString& path, Remember remember = Remember::Yes);
    // A scenario, a Python program or a trace, told apart by content (TraceOpener::looksLikeTrace).
    void openFile(const QString& path);
    QString currentScenario() const;
    // As if typed in the box: remembered for the next session.
    void setTimeScale(double scale);
    // For this session only (a launch option): the saved time scale stays as it was.
    void setSessionTimeScale(double scale);
    double timeScale() const;
    // File > Open Recent.
    RecentFilesMenu* recentFiles() const { return m_recent; }
    // Help: Documentation (F1), About; View > Language.
    HelpMenu* help() const { return m_help; }
    LanguageMenu* languageMenu() const { return m_language; }
    Settings* settings() const { return m_settings; }

    bool startRun();
    void stopRun();
    bool isRunning() const;

    // Shows a finished run that did not come from Run (a comparison's variant, say) as if it
    // had: timeline, console and exports. Refused while a run is live.
    bool showModel(const TraceModel& model, const QString& title);
    // The GIL, work scale, worker buttons and Compare of the data lessons.
    LessonController* lessons() const { return m_lessons; }
    // The selected lesson, loaded once per selection, and its run.
    CurrentLesson* lesson() const { return m_lesson; }

    // The model on screen with its title, as exports want it.
    TraceModel exportModel() const;

    TimelineView* timelineView() const;
    ConsolePane* console() const;
    // The lesson's code beside the timeline.
    CodePane* codePane() const;
    WorkerPanel* workerPanel() const;
    MessageBar* messageBar() const;
    ReplayController* replay() const { return m_replay; }
    ExploreController* explore() const { return m_explore; }
    TraceOpener* traceOpener() const { return m_traceOpener; }
    ExportController* exports() const { return m_exports; }
    MainToolBar* toolBar() const;
    ProjectorLayout* projector() const { return m_projector; }
    // Imports a Chrome trace in the background and shows it when done; a file that does not
    // import leaves the timeline as it is and says why.
    void openTrace(const QString& path, Remember remember = Remember::Yes);
    QAction* runAction() const { return m_run; }
    // Run > Python Interpreter…: which interpreter runs Python programs.
    PythonInterpreterAction* pythonInterpreterAction() const { return m_python; }
    QAction* stopAction() const { return m_stop; }
    // The status bar's sentence about the run: going, finished, and whether its timings hold.
    QString stateText() const;

Q_SIGNALS:
    void runStarted();
    void runFinished(int exitCode);
    // View > Language: the window is to speak `code` ("" for the system's) from now on.
    void languageChosen(const QString& code);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createActions();
    void createMenusAndToolBar();
    void createWidgets();
    void fillToolBar();
    void createExplore();
    void connectCodePane();
    void showTrace(const QString& path);
    void restoreSettings();
    void onLessonLoaded(const Scenario& scenario);
    void createLesson();
    void onFinished(int exitCode);
    void updateActions();
    void updateStatus();
    void showError(const QString& text);

    void openScenarioDialog();

    std::unique_ptr<Ui::MainWindow> m_ui;
    Settings* m_settings = nullptr;
    // Shorthands for the form's panels, which the rest of the window uses all the time.
    ScenarioPanel* m_scenarios = nullptr;
    TimelineView* m_view = nullptr;
    ConsolePane* m_console = nullptr;
    CodePane* m_code = nullptr;
    MessageBar* m_message = nullptr;
    QDoubleSpinBox* m_timeScale = nullptr;
    QLabel* m_stateLabel = nullptr;
    QLabel* m_elapsedLabel = nullptr;
    ReplayController* m_replay = nullptr;
    ExploreController* m_explore = nullptr;
    TraceOpener* m_traceOpener = nullptr;
    ExportController* m_exports = nullptr;
    ProjectorLayout* m_projector = nullptr;

    QAction* m_open = nullptr;
    QAction* m_quit = nullptr;
    QAction* m_run = nullptr;
    QAction* m_stop = nullptr;
    HelpMenu* m_help = nullptr;
    LanguageMenu* m_language = nullptr;
    PythonInterpreterAction* m_python = nullptr;
    RecentFilesMenu* m_recent = nullptr;

    Scenario m_runScenario; // the one on the timeline
    TraceModel m_model; // the last finished run
    QString m_lastState;
    QTimer m_statusTimer;
    QElapsedTimer m_runClock;
    CurrentLesson* m_lesson = nullptr;
    LessonController* m_lessons = nullptr;
    bool m_restartPending = false;
    // A launch option is being applied: what it changes is not remembered.
    bool m_sessionOnly = false;
    QSet<QString> m_sessionTraces; // opened by a launch option: not among the recent files
    // A Python run's stderr also arrives line by line as its threads' prints: it is shown
    // only if the tracer never reported (the interpreter failed before it could).
    QString m_heldStderr;
};

} // namespace Forkline
