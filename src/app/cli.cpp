// SPDX-License-Identifier: GPL-3.0-or-later
// Over 500 lines: the list, run and render commands share their option handling and output
// writing here; the next split is one file per command (compare and Python already have theirs).
#include "cli.h"

#include "chrometrace.h"
#include "chrometraceimport.h"
#include "cli_p.h"
#include "cliparser.h"
#include "cliutil.h"
#include "collector.h"
#include "cpusampler.h"
#include "imagelimits.h"
#include "platform.h"
#include "pythonlauncher.h"
#include "scenario.h"
#include "timelineexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QRegularExpression>
#include <QTimer>
#include <csignal>
#include <cstring>
#include <memory>

#if !defined(Q_OS_WIN)
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace Forkline {

static_assert(OptionRanges::imageWidth.high == ImageLimits::kMaxSide, "the widest picture is ImageLimits' too");

namespace {

// Kept apart from the usage text so that each translates on its own.
QString imageLimitsHelp()
{
    return tr("\nPictures: at most %1 pixels a side and %2 pixels in all (1 GiB of memory). A --width\n"
              "that --scale makes wider is refused (exit 2); lanes below the height limit are left out of\n"
              "the picture, which says how many (and so does a line on stderr). Files are replaced only\n"
              "once complete: on a full disk or a read-only folder the old file stays (exit 1).\n")
        .arg(ImageLimits::kMaxSide)
        .arg(ImageLimits::kMaxPixels);
}

// Kept apart from the usage text too: it came later.
QString pythonHelp()
{
    return tr("\nPython programs (docs/python.md):\n"
              "  forkline run FILE.py [options] [-- ARGS...]  run it with the real interpreter, traced; exits with its "
              "exit code\n"
              "      --python PATH         the interpreter (default: python3; py -3 on Windows)\n"
              "      --trace, --png, --svg, --csv, --width, --scale   as for run\n"
              "  forkline FILE.py                      open it in the app\n");
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
              "Exit codes: 0 done; 2 bad input; 1 a failure while running; 130 interrupted (Ctrl+C), 143 SIGTERM, 129 "
              "SIGHUP.\n")
        + tr("\nEvery command explains its own options: forkline COMMAND --help (or forkline help COMMAND).\n")
        + imageLimitsHelp() + pythonHelp();
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

// Standard input closed, or /dev/null: nobody can ever type an answer. (A closed one is the
// null device by now: see guardStandardStreams.)
bool stdinIsClosed()
{
    if (standardInputWasClosed())
        return true;
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

// The reader of standard output went away (`| head -1`): writing there would fail with EPIPE.
bool stdoutReaderGone()
{
#if defined(Q_OS_WIN)
    return false;
#else
    pollfd p { STDOUT_FILENO, POLLOUT, 0 };
    return ::poll(&p, 1, 0) == 1 && (p.revents & (POLLERR | POLLHUP)) != 0;
#endif
}

// The one line a run whose printed text lost its reader ends with. The run itself went on
// (see writeStdout in the runtime), so its exit code is what the run and the outputs make it.
void reportBrokenStdout(const QString& trace, bool traceWritten)
{
    if (!stdoutReaderGone())
        return;
    err(QStringLiteral("forkline: ")
        + (trace.isEmpty() || !traceWritten
                ? tr("standard output was closed by its reader (broken pipe); the run went on to its end without "
                     "showing the rest of its printed lines")
                : tr("standard output was closed by its reader (broken pipe); the run went on to its end, and %1 "
                     "has every printed line")
                      .arg(trace)));
}

int printList()
{
    for (const BuiltinScenario& s : builtinScenarios())
        out(s.name + QLatin1Char('\t') + s.title + QLatin1Char('\n'));
    return 0;
}

} // namespace

// Shared with the other run commands (cli_p.h).
namespace CliPrivate {

void addOutputOptions(CliParser* parser)
{
    parser->addValued(QStringLiteral("trace"), QStringLiteral("FILE.json"),
        tr("Write a Chrome Trace Event file (opens in Perfetto)."));
    parser->addValued(QStringLiteral("png"), QStringLiteral("FILE.png"), tr("Draw the timeline to a PNG."));
    parser->addValued(QStringLiteral("svg"), QStringLiteral("FILE.svg"), tr("Draw the timeline to an SVG."));
    parser->addValued(QStringLiteral("csv"), QStringLiteral("FILE.csv"), tr("Write one row per span."));
    parser->addValued(QStringLiteral("width"), QStringLiteral("PX"),
        tr("Width of a drawn timeline in pixels (default: fits the run; %1).")
            .arg(OptionRanges::imageWidth.rangeText()));
    parser->addValued(QStringLiteral("scale"), QStringLiteral("F"),
        tr("Pixel ratio of a PNG (default 2, %1).").arg(OptionRanges::imageScale.rangeText()));
    parser->addFlag(QStringLiteral("presentation"), tr("Draw with the larger fonts and lanes of presentation mode."));
    parser->addFlag(QStringLiteral("compact-time"),
        tr("Draw long stretches in which nothing changes short, with a break on the time axis (as View > "
           "Compact Time)."));
    parser->addValued(QStringLiteral("slide"), QStringLiteral("WxH"),
        tr("Draw a slide of exactly W × H pixels (1920x1080, 1280x720 ...): the whole run fitted to it, with "
           "the larger text of presentation mode, at --scale 1 unless given. Not with --width."));
}

// --slide WxH: both sides within --width's range.
static int readSlide(const CliParser& parser, ImageExportOptions* image)
{
    if (!parser.isSet(QStringLiteral("slide")))
        return -1;
    const QString given = parser.value(QStringLiteral("slide"));
    if (parser.isSet(QStringLiteral("width")))
        return badInput(tr("--slide sets the width already: leave out --width"));
    static const QRegularExpression form(QStringLiteral("^([0-9]{1,6})[xX×]([0-9]{1,6})$"));
    const QRegularExpressionMatch m = form.match(given.trimmed());
    const OptionRange& side = OptionRanges::imageWidth;
    const int w = m.hasMatch() ? m.captured(1).toInt() : 0;
    const int h = m.hasMatch() ? m.captured(2).toInt() : 0;
    if (!side.contains(w) || !side.contains(h))
        return badInput(tr("--slide takes WIDTHxHEIGHT, each side %1 pixels (1920x1080, 1280x720), not \"%2\"")
                            .arg(side.rangeText(), given));
    image->width = w;
    image->height = h;
    image->presentation = true;
    image->scale = 1.0; // a slide of 1920x1080 is that many pixels, unless --scale says otherwise
    return -1;
}

int readOutputs(const CliParser& parser, Outputs* o)
{
    o->trace = parser.value(QStringLiteral("trace"));
    o->png = parser.value(QStringLiteral("png"));
    o->svg = parser.value(QStringLiteral("svg"));
    o->csv = parser.value(QStringLiteral("csv"));
    o->image.presentation = parser.isSet(QStringLiteral("presentation"));
    o->image.compactTime = parser.isSet(QStringLiteral("compact-time"));
    if (const int r = parser.number(OptionRanges::imageWidth, &o->image.width); r >= 0)
        return r;
    if (const int r = readSlide(parser, &o->image); r >= 0)
        return r;
    return parser.number(OptionRanges::imageScale, &o->image.scale);
}

// A PNG wider than ImageLimits is refused before anything runs or is read. (Heights follow the
// data: lanes that do not fit are left out with a note, see writeOutputs.)
int checkImageSize(const Outputs& o)
{
    if (!o.png.isEmpty() && o.image.height > 0
        && !ImageLimits::fits(QSize(o.image.width, o.image.height), o.image.scale))
        return badInput(ImageLimits::slideTooLarge(QSize(o.image.width, o.image.height), o.image.scale));
    if (!o.png.isEmpty() && o.image.width > ImageLimits::maxWidth(o.image.scale))
        return badInput(ImageLimits::widthTooLarge(o.image.width, o.image.scale));
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
        QString note;
        if (!path.isEmpty() && !exportTimeline(model, path, o.image, &error, &note)) {
            err(QStringLiteral("forkline: ") + error);
            return 1;
        }
        if (!note.isEmpty())
            err(QStringLiteral("forkline: %1: %2").arg(path, note));
    }
    return 0;
}

} // namespace CliPrivate

namespace {

using CliPrivate::addOutputOptions;
using CliPrivate::checkImageSize;
using CliPrivate::Outputs;
using CliPrivate::readOutputs;
using CliPrivate::runPython;
using CliPrivate::writeOutputs;

// A .py file, or the name of a built-in lesson that is a Python program.
bool namesPythonProgram(const QString& target)
{
    if (PythonLauncher::isPythonFile(target))
        return true;
    Scenario scenario;
    ScenarioError error;
    return !target.isEmpty() && loadScenario(target, &scenario, &error) && !scenario.program.isEmpty();
}

// Runs the checked scenario (`scenarioData`, the very bytes that were checked) to its end and
// writes what was asked for.
int runToEnd(const QString& scenarioArg, const QByteArray& scenarioData, const Scenario& scenario,
    const RunOptions& options, const Outputs& outputs)
{
    Collector collector;
    CpuSampler cores(&collector); // how many cores the run kept busy, drawn under its lanes
    Collector::Launch launch;
    launch.scenario = scenarioArg;
    launch.scenarioData = scenarioData;
    launch.options = options;
    launch.forwardStdio = true;
    // Headless, nobody can look at a deadlocked run: stop it (the runner has said which cycle
    // on stderr) and keep its trace.
    bool deadlocked = false;
    QObject::connect(&collector, &Collector::deadlocked, &collector, [&collector, &deadlocked] {
        if (!deadlocked)
            collector.stop();
        deadlocked = true;
    });
    int code = 0;
    if (!runCollector(&collector, launch, &code))
        return 1;
    TraceModel model = collector.takeModel();
    model.scenario = scenario.name;
    model.title = scenario.title;
    const int writeCode = writeOutputs(model, outputs);
    reportBrokenStdout(outputs.trace, writeCode == 0);
    if (deadlocked && !interruptedExitCode())
        return 1;
    if (code == 130)
        return interruptedExitCode() ? interruptedExitCode() : 130;
    if (code == 2)
        return 2;
    return code != 0 ? 1 : writeCode;
}

int cmdList(const QStringList& args)
{
    CliParser parser(QStringLiteral("list"), QString(), tr("List the built-in scenarios, one a line: name<TAB>title."));
    if (const int r = parser.parse(args); r >= 0)
        return r;
    if (!parser.positional().isEmpty())
        return badInput(tr("list takes no arguments (got \"%1\")").arg(parser.positional().constFirst()));
    return printList();
}

// Everything run takes, a scenario's options and a Python program's, so that `run --help`
// shows both and each is refused by name where it does not apply.
void addAllRunOptions(CliParser* parser)
{
    addRunOptions(parser, RunOptionSet::All);
    addOutputOptions(parser);
    parser->addValued(QStringLiteral("python"), QStringLiteral("PATH"),
        tr("Python programs only: the interpreter (default: python3; py -3 on Windows)."));
}

QString runDescription()
{
    return tr("Run a scenario headless: a built-in name (see forkline list) or a .json file. Its printed lines go\n"
              "to standard output. A Python program (FILE.py, or a built-in Python lesson) runs with the real\n"
              "interpreter, traced, and exits with its exit code; its own arguments go after --.\n")
        + imageLimitsHelp();
}

int cmdRun(const QStringList& args)
{
    // Whatever follows `--` belongs to a Python program, not to Forkline.
    const qsizetype dashes = args.indexOf(QStringLiteral("--"), 2);
    CliParser parser(QStringLiteral("run"), tr("SCENARIO|FILE.py [options] [-- ARGS...]"), runDescription());
    addAllRunOptions(&parser);
    if (const int r = parser.parse(dashes < 0 ? args : args.mid(0, dashes)); r >= 0)
        return r;
    const QStringList targets = parser.positional();
    if (!targets.isEmpty() && namesPythonProgram(targets.constFirst()))
        return runPython(parser, dashes < 0 ? QStringList() : args.mid(dashes + 1));
    if (parser.isSet(QStringLiteral("python")))
        return badInput(tr("--python is for Python programs; a scenario runs without an interpreter"));
    if (dashes >= 0)
        return badInput(tr("arguments after -- are for Python programs; a scenario takes none"));
    if (targets.size() > 1)
        return badInput(tr("one scenario at a time (got \"%1\" and \"%2\")").arg(targets[0], targets[1]));
    const QString scenarioArg = targets.value(0);
    RunOptions options;
    Outputs outputs;
    if (const int r = readRunOptions(parser, RunOptionSet::All, &options); r >= 0)
        return r;
    if (const int r = readOutputs(parser, &outputs); r >= 0)
        return r;
    if (scenarioArg.isEmpty())
        return badInput(tr("run needs a scenario: a built-in name (see forkline list) or a .json file"));
    if (const int r = checkImageSize(outputs); r >= 0)
        return r;

    // Check everything before starting anything, so bad input never half-runs. The run gets
    // these very bytes: what was checked is what runs, even if the file changes meanwhile.
    Scenario scenario;
    ScenarioError error;
    QByteArray scenarioData;
    if (!readScenarioFile(scenarioArg, &scenarioData, &error)
        || !loadScenarioData(scenarioArg, scenarioData, &scenario, &error)
        || !applyRunOptions(&scenario, options, &error)) {
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
    return runToEnd(scenarioArg, scenarioData, scenario, options, outputs);
}

int cmdRender(const QStringList& args)
{
    CliParser parser(QStringLiteral("render"), tr("TRACE.json [options]"),
        tr("Draw or re-export a Chrome trace (.json or .json.gz) without running anything.\n") + imageLimitsHelp());
    addOutputOptions(&parser);
    if (const int r = parser.parse(args); r >= 0)
        return r;
    const QStringList traces = parser.positional();
    if (traces.size() > 1)
        return badInput(tr("one trace at a time (got \"%1\" and \"%2\")").arg(traces[0], traces[1]));
    const QString tracePath = traces.value(0);
    Outputs outputs;
    if (const int r = readOutputs(parser, &outputs); r >= 0)
        return r;
    if (tracePath.isEmpty())
        return badInput(tr("render needs a trace file: forkline render TRACE.json --png FILE.png"));
    if (outputs.trace.isEmpty() && outputs.png.isEmpty() && outputs.svg.isEmpty() && outputs.csv.isEmpty())
        return badInput(tr("render needs somewhere to put the result: --png, --svg, --trace or --csv"));
    if (const int r = checkImageSize(outputs); r >= 0)
        return r;
    ChromeTraceImportResult imported = importChromeTrace(tracePath);
    if (!imported.ok())
        return badInput(imported.error);
    // Every event left out: as the window refuses it, in its words, rather than an empty picture.
    if (imported.model.isEmpty())
        return badInput(
            QCoreApplication::translate("Forkline::TraceOpener", "%1 has no threads or events the timeline can show.")
                .arg(QDir::toNativeSeparators(tracePath)));
    if (const QString skipped = imported.skippedSummary(); !skipped.isEmpty())
        err(QStringLiteral("forkline: ") + tracePath + QStringLiteral(": ") + skipped);
    return writeOutputs(imported.model, outputs);
}

} // namespace

namespace {

// `forkline notes.json` names a file; `forkline lst` a command.
bool looksLikePath(const QString& word)
{
    return word.contains(QLatin1Char('.')) || word.contains(QLatin1Char('/')) || word.contains(QLatin1Char('\\'));
}

const QStringList& commands()
{
    static const QStringList names { QStringLiteral("list"), QStringLiteral("run"), QStringLiteral("render"),
        QStringLiteral("compare"), QStringLiteral("help") };
    return names;
}

// `forkline help` and `forkline help COMMAND`.
int cmdHelp(const QStringList& args)
{
    const QString about = args.value(2);
    if (about.isEmpty() || about == QLatin1String("help") || about.startsWith(QLatin1Char('-'))) {
        out(usage());
        return 0;
    }
    if (about == QLatin1String("list") || about == QLatin1String("run") || about == QLatin1String("render"))
        return cliCommand(args.mid(0, 1) << about << QStringLiteral("--help"));
    return badInput(tr("no command \"%1\"; did you mean \"%2\"? (see forkline --help)")
                        .arg(about, closestCommand(about, commands())));
}

// A first word that is no command and no file: a file that is not there, or a mistyped
// command. Said here, so that a typo never opens a window.
int notACommand(const QString& first)
{
    if (looksLikePath(first))
        return badInput(tr("cannot open %1: there is no such file").arg(first));
    return badInput(tr("no command \"%1\"; did you mean \"%2\"? (see forkline --help)")
                        .arg(first, closestCommand(first, commands())));
}

} // namespace

int cliCommand(const QStringList& args)
{
    const QString command = args.value(1);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help"))
        return cmdHelp(args);
    if (command == QLatin1String("--version") || command == QLatin1String("-v")) {
        out(QStringLiteral("forkline %1\n").arg(QCoreApplication::applicationVersion()));
        return 0;
    }
    if (command == QLatin1String("list"))
        return cmdList(args);
    if (command == QLatin1String("run"))
        return cmdRun(args);
    if (command == QLatin1String("render"))
        return cmdRender(args);
    return notACommand(command);
}

bool isCliInvocation(int argc, char** argv)
{
    if (argc < 2)
        return false;
    static const char* const named[] = { "list", "run", "render", "--help", "-h", "help", "--version", "-v" };
    for (const char* c : named) {
        if (std::strcmp(argv[1], c) == 0)
            return true;
    }
    // A first word that is neither an option nor a file to open is a command, known or not.
    const QString first = QString::fromLocal8Bit(argv[1]);
    return !first.startsWith(QLatin1Char('-')) && !QFileInfo(first).isFile();
}

int cliMain(int argc, char** argv)
{
#if !defined(Q_OS_WIN)
    // A reader that stops reading (`forkline list | head -1`) ends nothing: writes fail instead.
    std::signal(SIGPIPE, SIG_IGN);
#endif
    const auto app = cliApplication<QGuiApplication>(argc, argv, { "--png", "--svg" });
    setUpCliApplication();
    return cliCommand(QCoreApplication::arguments());
}

} // namespace Forkline
