// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tracemodel.h"

#include <QString>
#include <functional>
#include <optional>
#include <vector>

namespace ForklineBench {

struct Result
{
    QString bench;
    double value = 0;
    QString unit;
    std::optional<double> baseline; // the same work done the plainest way, same run
    // Extra figures printed beside the contract's fields (p99 and the like).
    std::vector<std::pair<QString, double>> extra;
};

struct Bench
{
    QString name;
    std::function<std::vector<Result>()> run;
};

// Every bench registers itself from its own file (see registerBench below).
std::vector<Bench>& registry();
struct Registrar
{
    Registrar(const QString& name, std::function<std::vector<Result>()> run);
};

// A hidden first argument that makes forkline-bench a helper process for a bench (one that
// imports a file and reports its own peak memory, say) instead of running benches.
struct HiddenMode
{
    QByteArray flag;
    std::function<int(int argc, char** argv)> main;
};
std::vector<HiddenMode>& hiddenModes();
struct HiddenModeRegistrar
{
    HiddenModeRegistrar(const QByteArray& flag, std::function<int(int, char**)> main);
};

double median(std::vector<double> v);
double percentile(std::vector<double> v, double p);

// Runs a scenario file through the real runner and collector; an empty model on failure.
Forkline::TraceModel runScenarioJson(const QByteArray& json, double timeScale = 1.0);
QString forklineProgram();

} // namespace ForklineBench
