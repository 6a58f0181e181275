// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "collector.h"
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
            // `--png FILE` or `--png=FILE`.
            const size_t length = std::strlen(option);
            if (std::strncmp(argv[i], option, length) == 0 && (argv[i][length] == '\0' || argv[i][length] == '=')) {
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

class CliParser;

// The options a run takes: all of them (`run`), or only those of the data lessons' compute
// (`compare`: --work-scale and --switch-interval).
enum class RunOptionSet { All, Compute };
void addRunOptions(CliParser* parser, RunOptionSet set);
// Reads them into `options`, each against its range (optionranges.h). Returns -1 to go on,
// else the exit code.
int readRunOptions(const CliParser& parser, RunOptionSet set, RunOptions* options);
// The names (without dashes) of the options only a scenario's run takes.
QStringList scenarioOnlyOptions();

// `forkline lst`: the command most like `typed`, by edit distance.
QString closestCommand(const QString& typed, const QStringList& commands);

// Runs `stop` in the event loop once Ctrl+C is pressed, for as long as `poll` lives: a signal
// handler itself may do next to nothing.
void stopOnInterrupt(QTimer* poll, QObject* context, const std::function<void()>& stop);
// The exit code of a run that Ctrl+C (130), SIGTERM (143) or SIGHUP (129) stopped; 0 when
// none came.
int interruptedExitCode();
// Starts the run and turns the event loop until it has ended, Ctrl+C stopping it; false, said
// on stderr, when it could not start. `exitCode` receives the run's; what went wrong on the
// way (the collector's errorText) is said on stderr too.
bool runCollector(Collector* collector, const Collector::Launch& launch, int* exitCode);

} // namespace Forkline
