// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "optionranges.h"

#include <QByteArray>
#include <QHash>
#include <QLocale>
#include <QString>
#include <QStringList>
#include <vector>

namespace Forkline {

struct Step
{
    enum class Kind {
        Print,
        Sleep,
        Start,
        Join,
        Repeat,
        Terminate,
        Crash,
        Input,
        Compute, // burn real CPU summing [from, to) into `target`
        Acquire, // take the lock `target`
        Release,
        Send, // put `text` on the queue `target`
        Recv, // take a message from `target` into `var` (waits up to `seconds`; < 0: forever)
        Load, // var = shared value `target`
        Store, // shared value `target` = text + amount (a non-atomic read-modify-write in two steps)
        Add, // `target` += text (atomic when `target` is shared)
        Alloc, // allocate `amount` MiB named `target` and write every page
        Touch, // write every page of `target` (a process's own copy appears page by page)
        Free,
        Kill, // Process.kill(): SIGKILL to the process worker `target`
        Raise, // raise the exception `target` with the message `text` (placeholders allowed)
        Set, // Event.set() on `target`
        Clear, // Event.clear()
        Wait, // Event.wait() or, on a declared condition, Condition.wait(); `seconds` < 0: no
              // timeout; `var` receives True or False (what wait() returns)
        Notify, // Condition.notify(count)
        NotifyAll,
        Spin // while True: pass -- computes until the process is terminated or the run stops
    };
    Kind kind = Kind::Print;
    QString text; // print: the text (placeholders allowed); input: the prompt; crash: "abort" or "segfault"
    QString target; // start/join/terminate/kill: worker name; input: variable that receives the line;
                    // raise: the exception's name
    double seconds = 0; // sleep; join and wait: the timeout (< 0: none)
    qint64 count = 0; // repeat
    QString var; // repeat: loop counter placeholder (0-based); compute/recv/load: result variable
    qint64 from = 0; // compute
    qint64 to = 0; // compute
    qint64 amount = 0; // store: added to the value; alloc: MiB
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
    // The file (or a --daemon override) says whether it is a daemon. Otherwise a thread
    // takes the flag of the thread that starts it, as threading.Thread does.
    bool daemonExplicit = false;
    QString starter; // the worker whose steps start it; empty: main (or no step starts it)
    // A worker entry with "count": N stands for N workers NAME-1..NAME-N with the same steps;
    // each of them keeps NAME here, and a start, join, terminate or kill of NAME acts on all.
    QString group;
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
    struct Translation
    {
        QString title;
        QString description;
    };
    QHash<QString, Translation> translations; // language code ("ko", "pt_BR") -> title and description
    QString source; // file path or ":/scenarios/NAME.json"
    // A Python program in place of steps: its .py file (":/scenarios/NAME.py" for a built-in
    // lesson). The real interpreter runs it (PythonLauncher); main and workers stay empty.
    QString program;
    std::vector<Step> main;
    std::vector<WorkerSpec> workers;
    bool gil = true; // Python lessons run with a (simulated) global interpreter lock
    double switchInterval = 0.005; // seconds, like sys.getswitchinterval()
    QList<QPair<QString, qint64>> shared; // values the threads of one process share
    // What the main process's shared values should end at ("expect"): the run reports each
    // one's final value beside it (ExpectOutcome), in file order.
    QList<QPair<QString, qint64>> expect;
    // Lock names that are not plain threading.Lock: Semaphore(value) and RLock. A condition
    // (threading.Condition) is declared with the name of the lock it uses.
    QHash<QString, qint64> semaphores;
    QStringList rlocks;
    QHash<QString, QString> conditions;
    // multiprocessing.Pipe(): what one end sends, the other end receives. A one-way pipe
    // (duplex false) is `first, second = Pipe(duplex=False)`: `first` only receives, `second`
    // only sends. Pipe ends are used by the send and recv steps, like queue names.
    struct Pipe
    {
        QString first;
        QString second;
        bool duplex = true;
    };
    std::vector<Pipe> pipes;
    // multiprocessing.Lock names: one lock for every process of the run (a plain lock name is a
    // threading.Lock of each process).
    QStringList processLocks;
    struct Variant
    {
        QString name; // "2 threads"
        QString scenario; // built-in name or path of the variant
        QString kind; // "thread" or "process"
        int workers = 1;
    };
    std::vector<Variant> variants; // what `forkline compare` runs

    // Worker groups (a worker entry with "count"): the name written and its members, which
    // are consecutive in `workers`.
    struct Group
    {
        QString name;
        int first = 0;
        int count = 0;
    };
    std::vector<Group> groups;
    // Filled by the loader: a scenario may have 11,000 workers, named by 20,000 steps, and a
    // linear search per name would make loading and running quadratic.
    QHash<QString, int> workerIndexes;

    int workerIndex(const QString& name) const;
    const WorkerSpec* worker(const QString& name) const;
    const Group* group(const QString& name) const;
};

// Command-line / GUI overrides applied on top of a loaded scenario.
struct RunOptions
{
    double timeScale = 1.0;
    double workScale = 1.0; // multiplies both ends of every compute range
    int gil = -1; // -1: the scenario's choice; 0 off; 1 on
    double switchInterval = 0; // seconds; 0: the scenario's
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

// Python starts 10,000 threads in about 2 s; a thousand processes is as far as a class goes.
constexpr int kMaxThreadWorkers = 10000;
constexpr int kMaxProcessWorkers = 1000;
constexpr int kMaxWorkers = kMaxThreadWorkers + kMaxProcessWorkers;
constexpr int kMaxSteps = 100000;
constexpr qint64 kMaxRepeat = 1000000;
constexpr double kMaxSleepSeconds = 24 * 3600;
constexpr qint64 kMaxComputeSize = 1000000000000LL; // elements in one compute step
constexpr double kMinSwitchInterval = OptionRanges::switchInterval.low;
constexpr double kMaxSwitchInterval = OptionRanges::switchInterval.high;
constexpr qint64 kMaxAllocMiB = 4096; // one alloc step
// All the buffers of a scenario: its alloc steps as written, plus the copy a process worker
// makes of each buffer it touches (docs/scenarios.md, Limits).
constexpr qint64 kMaxAllocTotalMiB = 8192;
constexpr qint64 kMaxScenarioFileBytes = 64 * 1024 * 1024;

bool parseScenario(const QByteArray& data, const QString& fileName, Scenario* out, ScenarioError* error);
// `nameOrPath` is a built-in scenario name or a path to a .json file. `data`, when given,
// receives the bytes parsed (left empty for a Python program, which its interpreter reads), so
// that a run can execute what was loaded without reading the file again.
bool loadScenario(const QString& nameOrPath, Scenario* out, ScenarioError* error, QByteArray* data = nullptr);
// loadScenario() in two halves, for a run that must execute exactly the bytes it checked: the
// file (or built-in) is read once, and every process of the run parses that copy, whatever
// happens to the file meanwhile. Names and messages come from `nameOrPath` in both.
bool readScenarioFile(const QString& nameOrPath, QByteArray* data, ScenarioError* error);
bool loadScenarioData(const QString& nameOrPath, const QByteArray& data, Scenario* out, ScenarioError* error);
// Replaces the title and description by the file's translation for `locale`, when it has one.
// loadScenario() does this for the user interface's language.
void localizeScenario(Scenario* scenario, const QLocale& locale);
// A .py file as a lesson: the title and description come from `# title: ...`,
// `# title.ko: ...`, `# description: ...` lines at its top (docs/python.md), else its name.
bool isPythonProgramPath(const QString& path);
bool loadPythonProgram(const QString& path, Scenario* out, ScenarioError* error);

// Thread workers whose daemon flag is not explicit take their starter's (a process worker's
// own threads start from a main thread, which is not a daemon). loadScenario() and
// applyRunOptions() call it.
void inheritDaemon(Scenario* scenario);

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
