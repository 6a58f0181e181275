// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchutil.h"

#include "collector.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>

namespace ForklineBench {

std::vector<Bench>& registry()
{
    static std::vector<Bench> benches;
    return benches;
}

Registrar::Registrar(const QString& name, std::function<std::vector<Result>()> run)
{
    registry().push_back({ name, std::move(run) });
}

std::vector<HiddenMode>& hiddenModes()
{
    static std::vector<HiddenMode> modes;
    return modes;
}

HiddenModeRegistrar::HiddenModeRegistrar(const QByteArray& flag, std::function<int(int, char**)> main)
{
    hiddenModes().push_back({ flag, std::move(main) });
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const double rank = p * double(v.size() - 1);
    const size_t lo = size_t(std::floor(rank));
    const size_t hi = std::min(v.size() - 1, lo + 1);
    return v[lo] + (v[hi] - v[lo]) * (rank - double(lo));
}

double median(std::vector<double> v)
{
    return percentile(std::move(v), 0.5);
}

QString forklineProgram()
{
    // forkline-bench is built next to the app (build/bench/forkline-bench, build/forkline).
    const QString dir = QCoreApplication::applicationDirPath();
    // Built as QStrings first: a list of string-builder temporaries would dangle.
    const QStringList candidates { QString(dir + QStringLiteral("/../forkline")),
        QString(dir + QStringLiteral("/forkline")) };
    for (const QString& candidate : candidates) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).canonicalFilePath();
    }
    return QStringLiteral(FORKLINE_BIN);
}

Forkline::TraceModel runScenarioJson(const QByteArray& json, double timeScale)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.json"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(json) != json.size())
        return {};
    f.close();
    Forkline::Collector collector;
    Forkline::Collector::Launch launch;
    launch.scenario = path;
    launch.options.timeScale = timeScale;
    launch.program = forklineProgram();
    QEventLoop loop;
    QObject::connect(&collector, &Forkline::Collector::finished, &loop, &QEventLoop::quit);
    // A run that goes wrong says why, instead of leaving a silent zero in the figures.
    QObject::connect(&collector, &Forkline::Collector::stderrText, &loop,
        [](const QString& text) { qWarning("bench: runner: %s", qPrintable(text.trimmed())); });
    QString error;
    if (!collector.start(launch, &error)) {
        qWarning("bench: %s", qPrintable(error));
        return {};
    }
    loop.exec();
    return collector.takeModel();
}

} // namespace ForklineBench
