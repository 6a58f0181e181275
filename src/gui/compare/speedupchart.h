// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comparison.h"

#include <QWidget>

class QChart;
class QChartView;

namespace Forkline {

// The speed comparison as a bar chart: one group per variant, a bar for GIL on and one for
// GIL off, height = speedup over one thread. The one class that uses Qt Charts (deprecated
// from Qt 6.10 in favour of Qt Graphs), so moving off it touches this file only.
class SpeedupChart : public QWidget
{
    Q_OBJECT
public:
    explicit SpeedupChart(QWidget* parent = nullptr);
    void setResults(const std::vector<VariantResult>& results, const QString& title);

    // Draws the chart to a PNG file of the given logical size, written with
    // writeFileAtomically(); false with "cannot write PATH: <reason>" in `error`.
    static bool render(const std::vector<VariantResult>& results, const QString& title, const QString& path,
        const QSize& size, double scale, QString* error);

    // A speedup as the chart's bars and the table both show it: two decimals, "1.97×", "1×".
    static double roundedSpeedup(double speedup);
    static QString speedupText(double speedup);

Q_SIGNALS:
    // A bar was clicked: index into the results given to setResults().
    void variantClicked(int resultIndex);

private:
    static QChart* buildChart(
        const std::vector<VariantResult>& results, const QString& title, const std::function<void(int)>& onClick);
    QChartView* m_view = nullptr;
};

} // namespace Forkline
