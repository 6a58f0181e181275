// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <memory>

namespace Forkline {

class MainWindow;

// Owns the main window, and makes it anew when View > Language changes: every string of
// every panel is made again through tr() in the new language, at once. What the window
// showed goes over: the selected scenario, the time scale of the session, the finished run
// or trace on the timeline; size, layout and the rest come from the settings as at start-up.
class WindowHost : public QObject
{
    Q_OBJECT
public:
    explicit WindowHost(QObject* parent = nullptr);
    ~WindowHost() override;

    MainWindow* window() const { return m_window.get(); }
    // Installs the catalogues of `code` ("" for the system's language) and replaces the window.
    // During a run it waits for the run's end, and says so.
    void switchLanguage(const QString& code);

private:
    void adopt(std::unique_ptr<MainWindow> window);
    void replaceWindow();

    std::unique_ptr<MainWindow> m_window;
    QString m_runnerProgram;
    bool m_pending = false;
};

} // namespace Forkline
