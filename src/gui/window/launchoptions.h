// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Forkline {

class MainWindow;

// What the window is started with: files to open (`forkline FILE`, a double click) and the
// hidden options of teachers' launchers and screenshots. None of it is remembered: a launch
// option changes this session, never the saved settings (see apply()).
struct LaunchOptions
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::LaunchOptions)
public:
    QStringList files; // scenarios (.json), Python programs (.py) and traces (.json, .json.gz)
    QString run; // --run SCENARIO: select a built-in name or .json file and run it
    double timeScale = -1; // --time-scale F: the time scale of this session
    QString trace; // --open-trace FILE
    double replayAt = -1; // --replay-at S: once the run or trace is there, replay it at S seconds
    int selectPrint = -1; // --select-print N: and select its print record N
    bool dark = false; // --dark: a dark Fusion palette

    // `arguments` as main() got them (Qt's own options such as -platform are taken too). False
    // with one sentence in *error for an unknown option, a bad value or a file that is not there.
    static bool parse(const QStringList& arguments, LaunchOptions* out, QString* error);

    // Opens the files and starts what the options ask for once the event loop runs; nothing
    // of it reaches the settings.
    void apply(MainWindow* window) const;
};

} // namespace Forkline
