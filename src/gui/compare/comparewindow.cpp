// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparewindow.h"

#include "safefilename.h"
#include "speedupchart.h"
#include "ui_comparewindow.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

namespace Forkline {

namespace {
enum Column { VariantColumn, GilColumn, WallColumn, SpeedupColumn, ResultColumn, ColumnCount };
// A chart for a slide: 16:10 at twice the pixels.
constexpr QSize kChartSize(960, 600);
constexpr double kChartScale = 2.0;
} // namespace

CompareWindow::CompareWindow(QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_ui(std::make_unique<Ui::CompareWindow>())
{
    m_ui->setupUi(this);
    // Designer has no property for how the columns share the width.
    m_ui->table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Six rows fit without scrolling; the chart gets the rest, room for its axis title.
    m_ui->splitter->setSizes({ 210, 330 });

    connect(m_ui->cancel, &QPushButton::clicked, this, &CompareWindow::cancel);
    connect(m_ui->again, &QPushButton::clicked, this, [this] {
        QString error;
        if (!start(m_scenario, m_options, m_program, &error))
            m_ui->status->setText(error);
    });
    connect(m_ui->table, &QTableWidget::cellClicked, this, [this](int row, int) { requestTimeline(row); });
    connect(m_ui->table, &QTableWidget::cellActivated, this, [this](int row, int) { requestTimeline(row); });
    connect(m_ui->chart, &SpeedupChart::variantClicked, this, &CompareWindow::requestTimeline);
    connect(m_ui->exportChart, &QPushButton::clicked, this, &CompareWindow::exportChartDialog);
    connect(m_ui->close, &QPushButton::clicked, this, &QWidget::close);
    connect(m_ui->closeOnEscape, &QAction::triggered, this, &QWidget::close);
    updateButtons();
}

CompareWindow::~CompareWindow() = default;

QTableWidget* CompareWindow::table() const
{
    return m_ui->table;
}

SpeedupChart* CompareWindow::chart() const
{
    return m_ui->chart;
}

QProgressBar* CompareWindow::progress() const
{
    return m_ui->progress;
}

QPushButton* CompareWindow::cancelButton() const
{
    return m_ui->cancel;
}

bool CompareWindow::start(const QString& scenario, const RunOptions& options, const QString& program, QString* error)
{
    if (m_comparison) {
        // A stale comparison's late signals must not reach the new table.
        disconnect(m_comparison, nullptr, this, nullptr);
        m_comparison->cancel();
        m_comparison->deleteLater();
    }
    Scenario sc;
    ScenarioError serr;
    if (!loadScenario(scenario, &sc, &serr)) {
        *error = serr.toString();
        return false;
    }
    RunOptions runOptions = options;
    runOptions.daemon.clear();
    auto* comparison = new Comparison(this);
    connect(comparison, &Comparison::variantStarted, this, &CompareWindow::onVariantStarted);
    connect(comparison, &Comparison::variantFinished, this, &CompareWindow::onVariantFinished);
    connect(comparison, &Comparison::finished, this, &CompareWindow::onFinished);
    m_comparison = comparison;
    m_scenario = scenario;
    m_title = sc.title.isEmpty() ? sc.name : sc.title;
    m_program = program;
    m_options = runOptions;
    m_ui->table->setRowCount(0);
    m_ui->chart->setResults({}, m_title);
    if (!comparison->start(scenario, runOptions, program, error)) {
        m_ui->status->setText(*error);
        updateButtons();
        return false;
    }
    setWindowTitle(tr("Compare %1 — Forkline").arg(sc.name));
    m_ui->heading->setText(tr("<b>%1</b><br>Every variant runs alone, first with the GIL on, then off. Speedup is "
                              "over the first variant with the same GIL setting.")
                               .arg(m_title.toHtmlEscaped()));
    m_ui->progress->setRange(0, comparison->total());
    m_ui->progress->setValue(0);
    updateButtons();
    return true;
}

void CompareWindow::cancel()
{
    if (isRunning()) {
        m_ui->status->setText(tr("Cancelling…"));
        m_comparison->cancel();
    }
}

QString CompareWindow::statusText() const
{
    return m_ui->status->text();
}

bool CompareWindow::isRunning() const
{
    return m_comparison && m_comparison->isRunning();
}

const std::vector<VariantResult>& CompareWindow::results() const
{
    static const std::vector<VariantResult> none;
    return m_comparison ? m_comparison->results() : none;
}

QString CompareWindow::resultTitle(int index) const
{
    const auto& all = results();
    if (index < 0 || index >= int(all.size()))
        return {};
    const VariantResult& r = all[size_t(index)];
    return tr("%1, GIL %2 — %3").arg(r.name, r.gil ? tr("on") : tr("off"), m_title);
}

void CompareWindow::onVariantStarted(int index, const QString& name, bool gil)
{
    m_ui->status->setText(tr("Running \"%1\" with the GIL %2 (%3 of %4)…")
                              .arg(name, gil ? tr("on") : tr("off"))
                              .arg(index + 1)
                              .arg(m_comparison ? m_comparison->total() : m_ui->progress->maximum()));
}

void CompareWindow::onVariantFinished()
{
    const auto& all = results();
    const int row = int(all.size()) - 1;
    if (row < 0)
        return;
    m_ui->table->setRowCount(row + 1);
    fillRow(row, all.back());
    m_ui->progress->setValue(row + 1);
}

void CompareWindow::onFinished(bool ok)
{
    // Speedups are known only once every run of a GIL setting has its yardstick.
    const auto& all = results();
    m_ui->table->setRowCount(int(all.size()));
    for (size_t i = 0; i < all.size(); ++i)
        fillRow(int(i), all[i]);
    m_ui->chart->setResults(all, m_title);
    QString status = ok ? tr("Done. Click a row or a bar to see that run's timeline in the main window.")
                        : tr("Cancelled after %1 of %2 runs.").arg(all.size()).arg(m_ui->progress->maximum());
    if (m_comparison->contended())
        status = m_comparison->contentionWarning() + QLatin1Char(' ') + status;
    m_ui->status->setText(status);
    updateButtons();
    Q_EMIT finished(ok);
}

void CompareWindow::fillRow(int row, const VariantResult& r)
{
    const auto cell = [&](int column, const QString& text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter) {
        auto* item = new QTableWidgetItem(text);
        item->setTextAlignment(align);
        m_ui->table->setItem(row, column, item);
        return item;
    };
    const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    cell(VariantColumn, r.name);
    cell(GilColumn, r.gil ? tr("on") : tr("off"));
    cell(WallColumn, r.ok ? QString::number(r.wallSeconds, 'f', 3) : QString(), right);
    cell(SpeedupColumn, r.ok && r.speedup > 0 ? SpeedupChart::speedupText(r.speedup) : QString(), right);
    if (r.contended) {
        // The wall time of a run that shared the cores with other programs.
        QTableWidgetItem* wall = m_ui->table->item(row, WallColumn);
        wall->setText(tr("%1 (unreliable)").arg(wall->text()));
        wall->setForeground(QColor(0xb0, 0x30, 0x00));
        wall->setToolTip(tr("Other programs kept %1 of a core busy during this run: its time says more about the "
                            "machine than about the variant.")
                             .arg(QString::number(r.otherCores, 'f', 2)));
    }
    QTableWidgetItem* result = cell(ResultColumn, r.ok ? r.result : r.error);
    if (!r.ok)
        result->setForeground(QColor(0xb0, 0x30, 0x00));
}

void CompareWindow::requestTimeline(int index)
{
    const auto& all = results();
    if (index < 0 || index >= int(all.size()) || all[size_t(index)].model.isEmpty())
        return;
    m_ui->table->selectRow(index);
    // The run's own model knows no scenario; exports of it are named after the variant's.
    TraceModel model = all[size_t(index)].model;
    model.scenario = QFileInfo(all[size_t(index)].scenario).completeBaseName();
    Q_EMIT timelineRequested(model, resultTitle(index));
}

bool CompareWindow::exportChart(const QString& path, QString* error) const
{
    if (results().empty()) {
        *error = tr("Nothing to export yet: the comparison has no results.");
        return false;
    }
    return SpeedupChart::render(results(), m_title, path, kChartSize, kChartScale, error);
}

void CompareWindow::exportChartDialog()
{
    const QString base = safeFileBaseName(QFileInfo(m_scenario).completeBaseName());
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"),
        QDir::home().filePath(base + QStringLiteral("-compare.png")), tr("PNG image (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportChart(path, &error))
        QMessageBox::warning(this, tr("Export Chart"), error);
    else
        m_ui->status->setText(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
}

void CompareWindow::updateButtons()
{
    const bool running = isRunning();
    m_ui->cancel->setEnabled(running);
    m_ui->again->setEnabled(!running && !m_scenario.isEmpty());
    m_ui->exportChart->setEnabled(!running && !results().empty());
}

void CompareWindow::closeEvent(QCloseEvent* event)
{
    cancel();
    QWidget::closeEvent(event);
}

} // namespace Forkline
