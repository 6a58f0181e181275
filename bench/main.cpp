// SPDX-License-Identifier: GPL-3.0-or-later
// forkline-bench [NAME...]: one JSON object per line,
// {"bench", "value", "unit", "baseline", "ratio"} (+ extra figures), as ARCHITECTURE.md says.
#include "benchutil.h"

#include "runnermain.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

using namespace ForklineBench;

int main(int argc, char** argv)
{
    if (Forkline::isRunnerInvocation(argc, argv))
        Forkline::runnerMain(argc, argv);
    for (const HiddenMode& mode : hiddenModes()) {
        // Before any QGuiApplication: a helper's memory should be its own work's.
        if (argc > 1 && mode.flag == argv[1])
            return mode.main(argc, argv);
    }
    // Paint benches need fonts but no screen; live_stall_ms needs widgets (a MainWindow).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStringList wanted = app.arguments().mid(1);
    if (wanted.contains(QLatin1String("--list"))) {
        for (const Bench& b : registry())
            std::printf("%s\n", qPrintable(b.name));
        return 0;
    }
    for (const QString& w : wanted) {
        bool known = false;
        for (const Bench& b : registry())
            known = known || b.name == w;
        if (!known) {
            std::fprintf(stderr, "forkline-bench: unknown bench %s (see --list)\n", qPrintable(w));
            return 2;
        }
    }
    for (const Bench& b : registry()) {
        if (!wanted.isEmpty() && !wanted.contains(b.name))
            continue;
        for (const Result& r : b.run()) {
            QJsonObject o;
            o.insert(QStringLiteral("bench"), r.bench);
            o.insert(QStringLiteral("value"), r.value);
            o.insert(QStringLiteral("unit"), r.unit);
            o.insert(QStringLiteral("baseline"), r.baseline ? QJsonValue(*r.baseline) : QJsonValue());
            o.insert(QStringLiteral("ratio"),
                r.baseline && *r.baseline != 0 ? QJsonValue(r.value / *r.baseline) : QJsonValue());
            for (const auto& [key, value] : r.extra)
                o.insert(key, value);
            std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
            std::fflush(stdout);
        }
    }
    return 0;
}
