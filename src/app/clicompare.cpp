// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicompare.h"

#include "atomicfile.h"
#include "cliparser.h"
#include "cliutil.h"
#include "compare/speedupchart.h"
#include "comparison.h"
#include "scenario.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTimer>
#include <cstring>
#include <memory>

namespace Forkline {

namespace {

struct CompareArgs
{
    QString scenario;
    RunOptions options;
    QString chart;
    QString json;
};

void addCompareOptions(CliParser* parser)
{
    addRunOptions(parser, RunOptionSet::Compute);
    parser->addValued(QStringLiteral("chart"), QStringLiteral("FILE.png"), tr("Draw the speedups as a bar chart."));
    parser->addValued(QStringLiteral("json"), QStringLiteral("FILE.json"), tr("Write the table as JSON."));
}

QString compareDescription()
{
    return tr("Run the scenario's variants (1 thread, N threads, N processes) with the GIL on and off, and print a\n"
              "table of wall time and speedup. The data lessons have variants, e.g. forkline compare gil-sum.\n");
}

// Returns -1 to go on, else the exit code.
int parseCompareArgs(const QStringList& args, CompareArgs* c)
{
    CliParser parser(QStringLiteral("compare"), tr("SCENARIO [options]"), compareDescription());
    addCompareOptions(&parser);
    if (const int r = parser.parse(args); r >= 0)
        return r;
    if (const int r = readRunOptions(parser, RunOptionSet::Compute, &c->options); r >= 0)
        return r;
    c->chart = parser.value(QStringLiteral("chart"));
    c->json = parser.value(QStringLiteral("json"));
    const QStringList scenarios = parser.positional();
    if (scenarios.size() > 1)
        return badInput(tr("one scenario at a time (got \"%1\" and \"%2\")").arg(scenarios[0], scenarios[1]));
    c->scenario = scenarios.value(0);
    if (c->scenario.isEmpty())
        return badInput(tr("compare needs a scenario with variants, e.g. forkline compare gil-sum"));
    return -1;
}

int writeResults(const Comparison& comparison, const CompareArgs& c, const QString& title)
{
    out(comparison.toTable());
    if (!c.json.isEmpty()) {
        if (const QString error = writeFileAtomically(c.json, comparison.toJson()); !error.isEmpty()) {
            err(QStringLiteral("forkline: ") + error);
            return 1;
        }
    }
    QString writeError;
    if (!c.chart.isEmpty()
        && !SpeedupChart::render(comparison.results(), title, c.chart, QSize(960, 600), 2.0, &writeError)) {
        err(QStringLiteral("forkline: ") + writeError);
        return 1;
    }
    for (const VariantResult& r : comparison.results()) {
        if (!r.ok)
            return 1;
    }
    return 0;
}

int cmdCompare(const QStringList& args)
{
    CompareArgs c;
    if (const int r = parseCompareArgs(args, &c); r >= 0)
        return r;
    Scenario scenario;
    ScenarioError error;
    if (!loadScenario(c.scenario, &scenario, &error) || !applyRunOptions(&scenario, c.options, &error)) {
        err(error.toString());
        return 2;
    }
    Comparison comparison;
    QObject::connect(&comparison, &Comparison::variantStarted, [&comparison](int index, const QString& name, bool gil) {
        err(tr("[%1/%2] %3, GIL %4 ...").arg(index + 1).arg(comparison.total()).arg(name, gil ? tr("on") : tr("off")));
    });
    bool ok = false;
    QObject::connect(&comparison, &Comparison::finished, QCoreApplication::instance(), [&ok](bool done) {
        ok = done;
        QCoreApplication::exit(0);
    });
    QTimer interruptPoll;
    stopOnInterrupt(&interruptPoll, &comparison, [&comparison] { comparison.cancel(); });
    QString startError;
    if (!comparison.start(c.scenario, c.options, QCoreApplication::applicationFilePath(), &startError)) {
        err(startError);
        return 2;
    }
    QCoreApplication::exec();
    if (!ok)
        return 130;
    return writeResults(comparison, c, scenario.title);
}

} // namespace

bool isCompareInvocation(int argc, char** argv)
{
    return (argc >= 2 && std::strcmp(argv[1], "compare") == 0)
        || (argc >= 3 && std::strcmp(argv[1], "help") == 0 && std::strcmp(argv[2], "compare") == 0);
}

int compareMain(int argc, char** argv)
{
    // The chart is a graphics-scene item: Widgets.
    const auto app = cliApplication<QApplication>(argc, argv, { "--chart" });
    setUpCliApplication();
    QStringList args = QCoreApplication::arguments();
    // `forkline help compare` is `forkline compare --help`.
    if (args.value(1) == QLatin1String("help"))
        args = QStringList { args.constFirst(), QStringLiteral("compare"), QStringLiteral("--help") };
    return cmdCompare(args);
}

} // namespace Forkline
