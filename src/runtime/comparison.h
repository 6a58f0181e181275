// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario.h"
#include "tracemodel.h"

#include <QObject>
#include <memory>
#include <vector>

namespace Forkline {

class Collector;

struct VariantResult
{
    QString name; // "2 threads"
    QString scenario;
    QString kind; // "thread" | "process"
    int workers = 1;
    bool gil = true;
    double wallSeconds = 0; // the main thread's life, start to end
    double speedup = 0; // over the first variant with the same GIL setting
    QString result; // the last number the main thread printed
    bool ok = false;
    QString error;
    // CPU other programs took during the run, in cores; above CpuSampler::kContendedCores the
    // wall time says more about the machine than about the variant.
    double otherCores = 0;
    bool contended = false;
    TraceModel model;
};

// Runs every variant a scenario lists under "compare", with the GIL on and then off, one
// after the other (so they do not compete for the cores), and measures each.
class Comparison : public QObject
{
    Q_OBJECT
public:
    explicit Comparison(QObject* parent = nullptr);
    ~Comparison() override;

    // False (with a sentence) when the scenario has no variants or a variant does not load.
    bool start(const QString& scenario, const RunOptions& options, const QString& program, QString* error);
    void cancel();
    bool isRunning() const { return m_running; }
    const std::vector<VariantResult>& results() const { return m_results; }
    int total() const { return int(m_plan.size()); }

    // {"variants":[{"name","kind","workers","gil","wall_s","speedup","result"}...]}
    QByteArray toJson() const;
    // A plain-text table for a terminal.
    QString toTable() const;

    // Some variant ran while other programs took the cores (VariantResult::contended).
    bool contended() const;
    // The most CPU other programs took during any one variant, in cores.
    double maxOtherCores() const;
    // One sentence saying which timings are unreliable and why; empty when none is.
    QString contentionWarning() const;

    static double wallSeconds(const TraceModel& model);
    static QString lastPrintedNumber(const TraceModel& model);

Q_SIGNALS:
    void variantStarted(int index, const QString& name, bool gil);
    void variantFinished(int index);
    void finished(bool ok);

private:
    void runNext();
    void computeSpeedups();

    std::vector<VariantResult> m_plan;
    std::vector<VariantResult> m_results;
    RunOptions m_options;
    QString m_program;
    std::unique_ptr<Collector> m_collector;
    int m_next = 0;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace Forkline
