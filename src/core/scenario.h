// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

namespace Forkline {

struct Step
{
    enum class Kind { Print, Sleep, Start, Join, Repeat, Terminate, Crash, Input };
    Kind kind = Kind::Print;
    QString text; // print: the text (placeholders allowed); input: the prompt; crash: "abort" or "segfault"
    QString target; // start/join/terminate: worker name; input: variable that receives the line
    double seconds = 0; // sleep
    qint64 count = 0; // repeat
    QString var; // repeat: name of the loop counter placeholder (0-based), may be empty
    std::vector<Step> body; // repeat
    int line = 0;
    int column = 0;
};

struct WorkerSpec
{
    enum class Kind { Thread, Process };
    QString name; // the Python thread/process name; also the lane name
    QString label; // optional display name (e.g. the Korean name a lesson uses)
    Kind kind = Kind::Thread;
    bool daemon = false;
    std::vector<Step> steps;
    int line = 0;
    int column = 0;

    QString displayName() const { return label.isEmpty() ? name : label; }
};

struct Scenario
{
    QString name;
    QString title;
    QString description;
    QString source; // file path or ":/scenarios/NAME.json"
    std::vector<Step> main;
    std::vector<WorkerSpec> workers;

    int workerIndex(const QString& name) const;
    const WorkerSpec* worker(const QString& name) const;
};

// Command-line / GUI overrides applied on top of a loaded scenario.
struct RunOptions
{
    double timeScale = 1.0;
    QHash<QString, bool> daemon; // worker name (or "all") -> daemon flag
};

struct ScenarioError
{
    QString file;
    int line = 0;
    int column = 0;
    QString message;
    // "file:line:column: message", the one line the CLI prints and the GUI shows.
    QString toString() const;
};

constexpr int kMaxWorkers = 256;
constexpr int kMaxSteps = 100000;
constexpr qint64 kMaxRepeat = 1000000;
constexpr double kMaxSleepSeconds = 24 * 3600;

bool parseScenario(const QByteArray& data, const QString& fileName, Scenario* out, ScenarioError* error);
// `nameOrPath` is a built-in scenario name or a path to a .json file.
bool loadScenario(const QString& nameOrPath, Scenario* out, ScenarioError* error);
// Applies overrides; fails when a daemon override names no worker.
bool applyRunOptions(Scenario* scenario, const RunOptions& options, ScenarioError* error);

struct BuiltinScenario
{
    QString name;
    QString title;
    QString description;
};
// The built-in scenarios, in the order of the lessons.
QList<BuiltinScenario> builtinScenarios();

} // namespace Forkline
