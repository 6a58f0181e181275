// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli.h"

#include "chrometrace.h"
#include "chrometraceimport.h"
#include "collector.h"
#include "compare/speedupchart.h"
#include "comparison.h"
#include "scenario.h"
#include "timelineexport.h"
#include "translations.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QSaveFile>
#include <QTimer>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>

#if !defined(Q_OS_WIN)
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Forkline {

namespace {

// lupdate files the tr() of a function outside any class under its namespace: "Forkline".
QString tr(const char* s)
{
    return QCoreApplication::translate("Forkline", s);
}

void out(const QString& text)
{
    const QByteArray b = text.toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
    std::fflush(stdout);
}

void err(const QString& text)
{
    const QByteArray b = (text + QLatin1Char('\n')).toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
    std::fflush(stderr);
}

int badInput(const QString& message)
{
    err(QStringLiteral("forkline: ") + message);
    return 2;
}

QString usage()
{
    return tr("Usage:\n"
              "  forkline                              open the app\n"
              "  forkline list                         list the built-in scenarios (name<TAB>title)\n"
              "  forkline run SCENARIO [options]       run a scenario headless (built-in name or .json file)\n"
              "      --time-scale F        multiply every sleep by F (default 1)\n"
              "      --work-scale F        multiply every compute size by F (default 1)\n"
              "      --gil on|off          override the scenario's GIL setting\n"
              "      --switch-interval S   GIL switch interval in seconds (default 0.005)\n"
              "      --daemon NAME=on|off  override a worker's daemon flag (NAME=all for every worker)\n"
              "      --trace FILE.json     write a Chrome Trace Event file (opens in Perfetto)\n"
              "      --png FILE.png        draw the timeline to a PNG\n"
              "      --svg FILE.svg        draw the timeline to an SVG\n"
              "      --csv FILE.csv        write one row per span\n"
              "      --width PX            width of a drawn timeline (default: fits the run)\n"
              "      --scale F             pixel ratio of a PNG (default 2)\n"
              "  forkline render TRACE.json [options] draw or re-export a Chrome trace without running anything\n"
              "      --png, --svg, --trace, --csv, --width, --scale   as for run\n"
              "  forkline compare SCENARIO [options]   run the scenario's variants with the GIL on and off\n"
              "      --work-scale F        multiply every compute size by F (default 1)\n"
              "      --chart FILE.png      draw the speedups as a bar chart\n"
              "      --json FILE.json      write the table as JSON\n"
              "  forkline --help | --version\n"
              "\n"
              "Exit codes: 0 done; 2 bad input; 1 a failure while running; 130 interrupted.\n");
}

const Step* findInput(const std::vector<Step>& steps)
{
    for (const Step& s : steps) {
        if (s.kind == Step::Kind::Input)
            return &s;
        if (s.kind == Step::Kind::Repeat && s.count > 0) {
            if (const Step* inner = findInput(s.body))
                return inner;
        }
    }
    return nullptr;
}

// An input step the run must get past: in main or in a worker the program waits for.
// A daemon worker's question may go unanswered (the process ends without it).
const Step* inputTheRunNeeds(const Scenario& sc)
{
    if (const Step* s = findInput(sc.main))
        return s;
    for (const WorkerSpec& w : sc.workers) {
        if (w.daemon)
            continue;
        if (const Step* s = findInput(w.steps))
            return s;
    }
    return nullptr;
}

// Standard input closed, or /dev/null: nobody can ever type an answer.
bool stdinIsClosed()
{
#if defined(Q_OS_WIN)
    return false;
#else
    struct stat in;
    if (fstat(STDIN_FILENO, &in) != 0)
        return true;
    struct stat null;
    return S_ISCHR(in.st_mode) && stat("/dev/null", &null) == 0 && in.st_rdev == null.st_rdev;
#endif
}

std::atomic<bool> g_interrupted { false };
extern "C" void onInterrupt(int)
{
    g_interrupted = true;
}

int cmdList()
{
    for (const BuiltinScenario& s : builtinScenarios())
        out(s.name + QLatin1Char('\t') + s.title + QLatin1Char('\n'));
    return 0;
}

struct Outputs
{
    QString trace;
    QString png;
    QString svg;
    QString csv;
    ImageExportOptions image;
};

// Parses the options shared by run and render. Returns -1 to go on, else an exit code.
int parseOutput(const QStringList& args, int* i, Outputs* o, bool* handled)
{
    const QString& a = args[*i];
    *handled = true;
    auto value = [&](QString* into) {
        if (*i + 1 >= args.size())
            return badInput(tr("%1 needs a value").arg(a));
        *into = args[++*i];
        return -1;
    };
    if (a == QLatin1String("--trace"))
        return value(&o->trace);
    if (a == QLatin1String("--png"))
        return value(&o->png);
    if (a == QLatin1String("--svg"))
        return value(&o->svg);
    if (a == QLatin1String("--csv"))
        return value(&o->csv);
    if (a == QLatin1String("--width") || a == QLatin1String("--scale")) {
        QString v;
        const int r = value(&v);
        if (r >= 0)
            return r;
        bool ok = false;
        if (a == QLatin1String("--width")) {
            o->image.width = v.toInt(&ok);
            if (!ok || o->image.width < 200 || o->image.width > 16384)
                return badInput(tr("--width takes a number of pixels from 200 to 16384, not \"%1\"").arg(v));
        } else {
            o->image.scale = v.toDouble(&ok);
            if (!ok || o->image.scale < 0.5 || o->image.scale > 8)
                return badInput(tr("--scale takes a number from 0.5 to 8, not \"%1\"").arg(v));
        }
        return -1;
    }
    if (a == QLatin1String("--presentation")) {
        o->image.presentation = true;
        return -1;
    }
    *handled = false;
    return -1;
}

int writeOutputs(const TraceModel& model, const Outputs& o)
{
    QString error;
    if (!o.trace.isEmpty() && !saveChromeTrace(model, o.trace, &error)) {
        err(QStringLiteral("forkline: ") + error);
        return 1;
    }
    if (!o.csv.isEmpty() && !saveSpansCsv(model, o.csv, &error)) {
        err(QStringLiteral("forkline: ") + error);
        return 1;
    }
    for (const QString& path : { o.png, o.svg }) {
        if (!path.isEmpty() && !exportTimeline(model, path, o.image, &error)) {
            err(QStringLiteral("forkline: ") + error);
            return 1;
        }
    }
    return 0;
}

int cmdRun(const QStringList& args)
{
    QString scenarioArg;
    RunOptions options;
    Outputs outputs;
    for (int i = 2; i < args.size(); ++i) {
        const QString& a = args[i];
        bool handled = false;
        const int r = parseOutput(args, &i, &outputs, &handled);
        if (r >= 0)
            return r;
        if (handled)
            continue;
        if (a == QLatin1String("--time-scale")) {
            if (i + 1 >= args.size())
                return badInput(tr("--time-scale needs a value"));
            bool ok = false;
            options.timeScale = args[++i].toDouble(&ok);
            if (!ok || options.timeScale < 0 || options.timeScale > 1000)
                return badInput(tr("--time-scale takes a number from 0 to 1000, not \"%1\"").arg(args[i]));
        } else if (a == QLatin1String("--work-scale")) {
            if (i + 1 >= args.size())
                return badInput(tr("--work-scale needs a value"));
            bool ok = false;
            options.workScale = args[++i].toDouble(&ok);
            if (!ok || !(options.workScale > 0) || options.workScale > 1000)
                return badInput(tr("--work-scale takes a number above 0 and at most 1000, not \"%1\"").arg(args[i]));
        } else if (a == QLatin1String("--gil")) {
            if (i + 1 >= args.size() || (args[i + 1] != QLatin1String("on") && args[i + 1] != QLatin1String("off")))
                return badInput(tr("--gil takes on or off"));
            options.gil = args[++i] == QLatin1String("on") ? 1 : 0;
        } else if (a == QLatin1String("--switch-interval")) {
            if (i + 1 >= args.size())
                return badInput(tr("--switch-interval needs a value in seconds"));
            bool ok = false;
            options.switchInterval = args[++i].toDouble(&ok);
            if (!ok || options.switchInterval < kMinSwitchInterval || options.switchInterval > kMaxSwitchInterval)
                return badInput(
                    tr("--switch-interval takes seconds from 0.0001 (0.1 ms) to 1, not \"%1\"").arg(args[i]));
        } else if (a == QLatin1String("--daemon")) {
            if (i + 1 >= args.size())
                return badInput(tr("--daemon needs NAME=on|off"));
            const QString v = args[++i];
            const qsizetype eq = v.indexOf(QLatin1Char('='));
            const QString flag = eq < 0 ? QString() : v.mid(eq + 1);
            if (eq <= 0 || (flag != QLatin1String("on") && flag != QLatin1String("off")))
                return badInput(tr("--daemon takes NAME=on or NAME=off, not \"%1\"").arg(v));
            options.daemon.insert(v.left(eq), flag == QLatin1String("on"));
        } else if (a.startsWith(QLatin1String("--"))) {
            return badInput(tr("unknown option %1 (see forkline --help)").arg(a));
        } else if (scenarioArg.isEmpty()) {
            scenarioArg = a;
        } else {
            return badInput(tr("one scenario at a time (got \"%1\" and \"%2\")").arg(scenarioArg, a));
        }
    }
    if (scenarioArg.isEmpty())
        return badInput(tr("run needs a scenario: a built-in name (see forkline list) or a .json file"));

    // Check everything before starting anything, so bad input never half-runs.
    Scenario scenario;
    ScenarioError error;
    if (!loadScenario(scenarioArg, &scenario, &error) || !applyRunOptions(&scenario, options, &error)) {
        err(error.toString());
        return 2;
    }

    if (const Step* step = inputTheRunNeeds(scenario); step && stdinIsClosed()) {
        err(QStringLiteral("%1:%2:%3: %4")
                .arg(scenarioArg)
                .arg(step->line)
                .arg(step->column)
                .arg(tr("this scenario asks for input, but standard input is closed; pipe the answers in, "
                        "e.g. echo word | forkline run %1")
                         .arg(scenarioArg)));
        return 2;
    }

    Collector collector;
    Collector::Launch launch;
    launch.scenario = scenarioArg;
    launch.options = options;
    launch.forwardStdio = true;
    QString startError;
    if (!collector.start(launch, &startError)) {
        err(QStringLiteral("forkline: ") + startError);
        return 1;
    }
    std::signal(SIGINT, onInterrupt);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &collector, [&collector] {
        if (g_interrupted)
            collector.stop();
    });
    interruptPoll.start(50);
    int code = 0;
    QObject::connect(&collector, &Collector::finished, qApp, [&code](int exitCode) {
        code = exitCode;
        QCoreApplication::exit(0);
    });
    QCoreApplication::exec();
    if (!collector.errorText().isEmpty())
        err(QStringLiteral("forkline: ") + collector.errorText());
    TraceModel model = collector.takeModel();
    model.scenario = scenario.name;
    model.title = scenario.title;
    const int writeCode = writeOutputs(model, outputs);
    if (code == 130)
        return 130;
    if (code == 2)
        return 2;
    return code != 0 ? 1 : writeCode;
}

int cmdCompare(const QStringList& args)
{
    QString scenarioArg;
    RunOptions options;
    QString chart;
    QString json;
    for (int i = 2; i < args.size(); ++i) {
        const QString& a = args[i];
        auto value = [&](QString* into) {
            if (i + 1 >= args.size())
                return false;
            *into = args[++i];
            return true;
        };
        if (a == QLatin1String("--chart")) {
            if (!value(&chart))
                return badInput(tr("--chart needs a file name"));
        } else if (a == QLatin1String("--json")) {
            if (!value(&json))
                return badInput(tr("--json needs a file name"));
        } else if (a == QLatin1String("--work-scale")) {
            QString v;
            bool ok = value(&v);
            options.workScale = v.toDouble(&ok);
            if (!ok || !(options.workScale > 0) || options.workScale > 1000)
                return badInput(tr("--work-scale takes a number above 0 and at most 1000, not \"%1\"").arg(v));
        } else if (a == QLatin1String("--switch-interval")) {
            QString v;
            bool ok = value(&v);
            options.switchInterval = v.toDouble(&ok);
            if (!ok || options.switchInterval < kMinSwitchInterval || options.switchInterval > kMaxSwitchInterval)
                return badInput(tr("--switch-interval takes seconds from 0.0001 (0.1 ms) to 1, not \"%1\"").arg(v));
        } else if (a.startsWith(QLatin1String("--"))) {
            return badInput(tr("unknown option %1 (see forkline --help)").arg(a));
        } else if (scenarioArg.isEmpty()) {
            scenarioArg = a;
        } else {
            return badInput(tr("one scenario at a time (got \"%1\" and \"%2\")").arg(scenarioArg, a));
        }
    }
    if (scenarioArg.isEmpty())
        return badInput(tr("compare needs a scenario with variants, e.g. forkline compare gil-sum"));
    Scenario scenario;
    ScenarioError error;
    if (!loadScenario(scenarioArg, &scenario, &error) || !applyRunOptions(&scenario, options, &error)) {
        err(error.toString());
        return 2;
    }
    Comparison comparison;
    QObject::connect(&comparison, &Comparison::variantStarted, [&comparison](int index, const QString& name, bool gil) {
        err(tr("[%1/%2] %3, GIL %4 ...").arg(index + 1).arg(comparison.total()).arg(name, gil ? tr("on") : tr("off")));
    });
    bool ok = false;
    QObject::connect(&comparison, &Comparison::finished, qApp, [&ok](bool done) {
        ok = done;
        QCoreApplication::exit(0);
    });
    std::signal(SIGINT, onInterrupt);
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &comparison, [&comparison] {
        if (g_interrupted)
            comparison.cancel();
    });
    interruptPoll.start(50);
    QString startError;
    if (!comparison.start(scenarioArg, options, QCoreApplication::applicationFilePath(), &startError)) {
        err(startError);
        return 2;
    }
    QCoreApplication::exec();
    if (!ok)
        return 130;
    out(comparison.toTable());
    QString writeError;
    if (!json.isEmpty()) {
        QSaveFile f(json);
        if (!f.open(QIODevice::WriteOnly) || f.write(comparison.toJson()) < 0 || !f.commit()) {
            err(QStringLiteral("forkline: ") + tr("cannot write %1: %2").arg(json, f.errorString()));
            return 1;
        }
    }
    if (!chart.isEmpty()
        && !SpeedupChart::render(comparison.results(), scenario.title, chart, QSize(960, 600), 2.0, &writeError)) {
        err(QStringLiteral("forkline: ") + writeError);
        return 1;
    }
    for (const VariantResult& r : comparison.results()) {
        if (!r.ok)
            return 1;
    }
    return 0;
}

int cmdRender(const QStringList& args)
{
    QString tracePath;
    Outputs outputs;
    for (int i = 2; i < args.size(); ++i) {
        bool handled = false;
        const int r = parseOutput(args, &i, &outputs, &handled);
        if (r >= 0)
            return r;
        if (handled)
            continue;
        if (args[i].startsWith(QLatin1String("--")))
            return badInput(tr("unknown option %1 (see forkline --help)").arg(args[i]));
        if (!tracePath.isEmpty())
            return badInput(tr("one trace at a time (got \"%1\" and \"%2\")").arg(tracePath, args[i]));
        tracePath = args[i];
    }
    if (tracePath.isEmpty())
        return badInput(tr("render needs a trace file: forkline render TRACE.json --png FILE.png"));
    if (outputs.trace.isEmpty() && outputs.png.isEmpty() && outputs.svg.isEmpty() && outputs.csv.isEmpty())
        return badInput(tr("render needs somewhere to put the result: --png, --svg, --trace or --csv"));
    ChromeTraceImportResult imported = importChromeTrace(tracePath);
    if (!imported.ok())
        return badInput(imported.error);
    if (const QString skipped = imported.skippedSummary(); !skipped.isEmpty())
        err(QStringLiteral("forkline: ") + tracePath + QStringLiteral(": ") + skipped);
    return writeOutputs(imported.model, outputs);
}

} // namespace

bool isCliInvocation(int argc, char** argv)
{
    if (argc < 2)
        return false;
    static const char* const commands[]
        = { "list", "run", "render", "compare", "--help", "-h", "help", "--version", "-v" };
    for (const char* c : commands) {
        if (std::strcmp(argv[1], c) == 0)
            return true;
    }
    return false;
}

int cliMain(int argc, char** argv)
{
    const QByteArray command = argv[1];
    bool needsGui = false;
    bool needsWidgets = false;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--png") == 0 || std::strcmp(argv[i], "--svg") == 0)
            needsGui = true;
        if (std::strcmp(argv[i], "--chart") == 0)
            needsWidgets = true;
    }
    std::unique_ptr<QCoreApplication> app;
    if (needsGui || needsWidgets) {
        // Drawing needs fonts, not a screen: never depend on a display in the CLI.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        if (needsWidgets)
            app = std::make_unique<QApplication>(argc, argv); // the chart is a graphics-scene item
        else
            app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("forkline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FORKLINE_VERSION));
    installTranslators();
    const QStringList args = QCoreApplication::arguments();
    if (command == "--help" || command == "-h" || command == "help") {
        out(usage());
        return 0;
    }
    if (command == "--version" || command == "-v") {
        out(QStringLiteral("forkline %1\n").arg(QStringLiteral(FORKLINE_VERSION)));
        return 0;
    }
    if (command == "list")
        return cmdList();
    if (command == "run")
        return cmdRun(args);
    if (command == "render")
        return cmdRender(args);
    if (command == "compare")
        return cmdCompare(args);
    return badInput(tr("\"%1\" is not available yet in this version").arg(QString::fromUtf8(command)));
}

} // namespace Forkline
