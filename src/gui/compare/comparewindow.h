// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comparison.h"

#include <QPointer>
#include <QWidget>
#include <memory>

class QProgressBar;
class QPushButton;
class QTableWidget;

namespace Forkline {

namespace Ui {
class CompareWindow;
}

class SpeedupChart;

// Runs a scenario's variants (one thread, N threads, N processes) with the GIL on and off,
// one after the other, and shows what each took: a table and the speedup chart. A row or a
// bar opens that run's timeline in the main window. A window of its own, so the main one
// stays usable while the variants run. The layout is ui/comparewindow.ui.
class CompareWindow : public QWidget
{
    Q_OBJECT
public:
    explicit CompareWindow(QWidget* parent = nullptr);
    ~CompareWindow() override;

    // Starts comparing (cancelling a comparison still going); false with a sentence when
    // the scenario has no variants or one does not load. Daemon overrides are dropped:
    // they name the workers of one scenario, and each variant has its own.
    bool start(const QString& scenario, const RunOptions& options, const QString& program, QString* error);
    void cancel();
    bool isRunning() const;
    QString scenario() const { return m_scenario; }

    const std::vector<VariantResult>& results() const;
    // "2 threads, GIL off — The GIL: two threads are no faster": the title a result's
    // timeline gets.
    QString resultTitle(int index) const;
    bool exportChart(const QString& path, QString* error) const;

    QTableWidget* table() const;
    SpeedupChart* chart() const;
    QProgressBar* progress() const;
    QPushButton* cancelButton() const;
    // The line under the progress bar: which run is going, or how the comparison ended.
    QString statusText() const;

Q_SIGNALS:
    // The user picked a result (row or bar): show its run. The model lives until the next
    // comparison starts; receivers copy it.
    void timelineRequested(const TraceModel& model, const QString& title);
    void finished(bool ok);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void onVariantStarted(int index, const QString& name, bool gil);
    void onVariantFinished();
    void onFinished(bool ok);
    void fillRow(int row, const VariantResult& r);
    void requestTimeline(int index);
    void exportChartDialog();
    void updateButtons();

    QPointer<Comparison> m_comparison;
    QString m_scenario;
    QString m_title;
    QString m_program;
    RunOptions m_options;
    std::unique_ptr<Ui::CompareWindow> m_ui;
};

} // namespace Forkline
