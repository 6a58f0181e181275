// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicompare.h"

#include "atomicfile.h"
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

// Returns -1 to go on, else the exit code.
int parseCompareArgs(const QStringList& args, CompareArgs* c)
{
    for (int i = 2; i < args.size(); ++i) {
        const QString& a = args[i];
        QString* file = a == QLatin1String("--chart") ? &c->chart : a == QLatin1String("--json") ? &c->json : nullptr;
        if (file) {
            if (i + 1 >= args.size())
                return badInput(tr("%1 needs a file name").arg(a));
            *file = args[++i];
            continue;
        }
        if (a == QLatin1String("--work-scale") || a == QLatin1String("--switch-interval")) {
            bool handled = false;
            const int r = parseRunOption(args, &i, &c->options, &handled);
            if (r >= 0)
                return r;
            continue;
        }
        if (a.startsWith(QLatin1String("--")))
            return badInput(tr("unknown option %1 (see forkline --help)").arg(a));
        if (!c->scenario.isEmpty())
            return badInput(tr("one scenario at a time (got \"%1\" and \"%2\")").arg(c->scenario, a));
        c->scenario = a;
    }
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
    return argc >= 2 && std::strcmp(argv[1], "compare") == 0;
}

int compareMain(int argc, char** argv)
{
    // The chart is a graphics-scene item: Widgets.
    const auto app = cliApplication<QApplication>(argc, argv, { "--chart" });
    setUpCliApplication();
    return cmdCompare(QCoreApplication::arguments());
}

} // namespace Forkline
