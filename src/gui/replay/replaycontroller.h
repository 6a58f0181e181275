// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QAction;

namespace Forkline {

class ConsolePane;
class ReplayBar;
class TimelineView;
class TraceModel;

// Replays a finished run (or an opened trace) for a class: a playhead that plays at an
// adjustable speed or steps from event to event, while the timeline dims what has not
// happened yet and the console shows only what was printed so far. Leaving the replay
// shows everything again. Its keys (Space, Left, Right, Home, End) act anywhere in the
// window during a replay and only on the timeline otherwise.
class ReplayController : public QObject
{
    Q_OBJECT
public:
    // `bar` is the window's (ui/mainwindow.ui): this gives it its buttons and answers it.
    ReplayController(TimelineView* view, ConsolePane* console, ReplayBar* bar);

    ReplayBar* bar() const { return m_bar; }
    bool isActive() const { return m_active; }
    bool isPlaying() const { return m_playing; }
    qint64 position() const { return m_position; }
    // True when the view holds a finished run to replay.
    bool canReplay() const;

    // Enters the replay at t (clamped to the run), or at the run's start when t < 0.
    void start(qint64 t = -1);
    void stop();
    void setPosition(qint64 t);
    void stepForward();
    void stepBack();
    void toStart();
    void toEnd();
    void setPlaying(bool playing);
    double speed() const;
    void setSpeed(double speed);

    // The first time after t (previous: before t) at which any lane changes state or has a
    // mark; -1 when there is none.
    static qint64 nextEventTime(const TraceModel& model, qint64 t);
    static qint64 previousEventTime(const TraceModel& model, qint64 t);

    QList<QAction*> actions() const;

Q_SIGNALS:
    void activeChanged(bool active);
    // A sentence for the status bar about what the user just did.
    void message(const QString& text);

private:
    void createActions();
    void updateActions();
    void updateIcons();
    void tick();
    void apply();
    qint64 extentStart() const;
    qint64 extentEnd() const;

    TimelineView* m_view = nullptr;
    ConsolePane* m_console = nullptr;
    ReplayBar* m_bar = nullptr;
    QAction* m_replay = nullptr;
    QAction* m_play = nullptr;
    QAction* m_previous = nullptr;
    QAction* m_next = nullptr;
    QAction* m_toStart = nullptr;
    QAction* m_toEnd = nullptr;
    QAction* m_slower = nullptr;
    QAction* m_faster = nullptr;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_position = 0;
    double m_carry = 0; // ns of play time not yet applied (sub-ns at slow speeds)
    bool m_active = false;
    bool m_playing = false;
};

} // namespace Forkline
