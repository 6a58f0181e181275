// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

class QAction;
class QMainWindow;
class QWidget;

namespace Forkline {

class ConsolePane;

// Presentation mode as a projector wants it: the window full screen, the lesson list, tool
// bar and menu bar out of the timeline's way (one key, F9, brings them back without leaving
// the mode), and the console tall enough for six lines at its enlarged size. Leaving the mode
// restores the window as it was. Owns that state; the window hands over its widgets.
class ProjectorLayout : public QObject
{
    Q_OBJECT
public:
    static constexpr int kConsoleLines = 6;

    ProjectorLayout(QMainWindow* window, QAction* presentation, ConsolePane* console);
    // A widget presenting hides (the lesson list, the tool bar).
    void addPanel(QWidget* panel);
    // Takes the mode's layout as the action says, once the window has restored its saved
    // state (which shows the panels it saved as shown).
    void settle();
    // The window and panels as they were before presenting, the mode itself left on: what the
    // window saves when it closes, so the next start without the mode is not full screen.
    void release();

    // F9: the side panels back (or away again) while presenting.
    QAction* panelsAction() const { return m_panelsAction; }
    bool panelsShown() const;

private:
    void apply(bool on);
    void setPanelsShown(bool shown);

    QMainWindow* m_window = nullptr;
    QAction* m_presentation = nullptr;
    QAction* m_panelsAction = nullptr;
    QList<QWidget*> m_panels;
    QList<bool> m_shownBefore; // each panel's visibility as presenting began
    ConsolePane* m_console = nullptr;
    bool m_on = false;
    bool m_wasFullScreen = false;
    int m_consoleMinimum = 0;
};

} // namespace Forkline
