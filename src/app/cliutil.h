// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <memory>

class QObject;
class QTimer;

namespace Forkline {

// What every command of the command line shares: its output, its errors, its options of a
// run and Ctrl+C.

// lupdate files the tr() of a function outside any class under its namespace: "Forkline".
QString tr(const char* s);
void out(const QString& text);
void err(const QString& text);
// Says "forkline: message" on stderr and returns 2, the exit code of bad input.
int badInput(const QString& message);

// The application a command needs: `Drawing` (a QGuiApplication, or a QApplication for a
// chart) when one of `drawingOptions` is on the line, else a QCoreApplication.
template <typename Drawing>
std::unique_ptr<QCoreApplication> cliApplication(
    int& argc, char** argv, std::initializer_list<const char*> drawingOptions)
{
    for (int i = 2; i < argc; ++i) {
        for (const char* option : drawingOptions) {
            if (std::strcmp(argv[i], option) == 0) {
                // Drawing needs fonts, not a screen: never depend on a display in the CLI.
                qputenv("QT_QPA_PLATFORM", "offscreen");
                return std::make_unique<Drawing>(argc, argv);
            }
        }
    }
    return std::make_unique<QCoreApplication>(argc, argv);
}

// The application's name, version and translators: what a command sets up first.
void setUpCliApplication();

// Reads the option at args[*i] if it is one of a run's (--time-scale, --work-scale, --gil,
// --switch-interval, --daemon) into `options`, moving *i past its value. Returns -1 to go on,
// else the exit code; *handled says whether it was such an option.
int parseRunOption(const QStringList& args, int* i, RunOptions* options, bool* handled);

// Runs `stop` in the event loop once Ctrl+C is pressed, for as long as `poll` lives: a signal
// handler itself may do next to nothing.
void stopOnInterrupt(QTimer* poll, QObject* context, const std::function<void()>& stop);
// The exit code of a run that Ctrl+C (130), SIGTERM (143) or SIGHUP (129) stopped; 0 when
// none came.
int interruptedExitCode();

} // namespace Forkline
