// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timelinepainter.h"

#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;

namespace Forkline {

class ConsolePane;
class FindBar;
class ReplayController;
class SelectionDetails;
class Settings;
class TimelineView;
class TraceModel;

// Ties the timeline, the console and the details panel together for exploring a run: a
// clicked box or mark shows its details, a print mark and its console line find each
// other, Esc lets go. Also switches the whole view into presentation mode.
class ExploreController : public QObject
{
    Q_OBJECT
public:
    // How much presentation mode enlarges text: the timeline's, the console's, Details' and
    // the tool tips'.
    static constexpr double kPresentationScale = 1.45;

    // `details` is the window's Details dock (ui/mainwindow.ui): this fills it.
    ExploreController(QMainWindow* window, QDockWidget* details, TimelineView* view, ConsolePane* console,
        ReplayController* replay, Settings* settings);

    SelectionDetails* details() const { return m_details; }
    QDockWidget* detailsDock() const { return m_dock; }
    QAction* clearAction() const { return m_clear; }
    QAction* detailsAction() const { return m_detailsAction; }
    QAction* presentationAction() const { return m_presentation; }
    QAction* calloutsAction() const { return m_callouts; }
    QAction* compactTimeAction() const { return m_compactTime; }
    QAction* findAction() const { return m_findAction; }
    FindBar* findBar() const { return m_find; }

    // Selects print record `print` on the timeline and brings its mark into sight.
    bool selectPrint(int print);
    void setPresentation(bool on);
    bool isPresentation() const;
    // While another action owns Esc (cancelling an import), Esc does not clear.
    void setEscapeTaken(bool taken);

    // The index in prints() of a selected print mark, else -1.
    static int printIndexOf(const TraceModel& model, const TimelineHit& hit);
    // The print mark of record `print` as a hit, kind None when the model has no such mark.
    static TimelineHit printHit(const TraceModel& model, int print);

Q_SIGNALS:
    // A sentence for the status bar about what the user just did.
    void message(const QString& text);

private:
    // Presentation mode, Callouts and Compact Time: the View menu's switches.
    void createViewActions();
    // Ctrl+F: the Find bar under the timeline.
    void createFindBar(QMainWindow* window);
    void onSelectionChanged();
    void escape();
    void updateClear();

    TimelineView* m_view = nullptr;
    ConsolePane* m_console = nullptr;
    ReplayController* m_replay = nullptr;
    Settings* m_settings = nullptr;
    SelectionDetails* m_details = nullptr;
    QDockWidget* m_dock = nullptr;
    QAction* m_clear = nullptr;
    QAction* m_detailsAction = nullptr;
    QAction* m_presentation = nullptr;
    QAction* m_callouts = nullptr;
    QAction* m_compactTime = nullptr;
    QAction* m_findAction = nullptr;
    FindBar* m_find = nullptr;
    bool m_escapeTaken = false;
};

} // namespace Forkline
