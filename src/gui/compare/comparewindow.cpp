// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparewindow.h"

#include "safefilename.h"
#include "speedupchart.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Forkline {

namespace {
enum Column { VariantColumn, GilColumn, WallColumn, SpeedupColumn, ResultColumn, ColumnCount };
// A chart for a slide: 16:10 at twice the pixels.
constexpr QSize kChartSize(960, 600);
constexpr double kChartScale = 2.0;
// Leaves room for a title bar and a panel on a 720 px screen.
constexpr int kFitHeight = 620;
} // namespace

CompareWindow::CompareWindow(QWidget* parent)
    : QWidget(parent, Qt::Window)
{
    setWindowTitle(tr("Compare — Forkline"));
    setObjectName(QStringLiteral("compareWindow"));

    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    m_heading->setTextFormat(Qt::RichText);

    m_progress = new QProgressBar(this);
    m_progress->setFormat(tr("%v of %m runs"));
    m_progress->setToolTip(tr("Each variant runs alone, so that the runs do not compete for the cores"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    m_cancel = new QPushButton(tr("C&ancel"), this);
    m_cancel->setToolTip(tr("Stop comparing; the runs done so far stay in the table"));
    connect(m_cancel, &QPushButton::clicked, this, &CompareWindow::cancel);
    m_again = new QPushButton(tr("&Run Again"), this);
    m_again->setToolTip(tr("Run every variant again with the same settings: timings vary a little from run to run"));
    connect(m_again, &QPushButton::clicked, this, [this] {
        QString error;
        if (!start(m_scenario, m_options, m_program, &error))
            m_status->setText(error);
    });

    createTable();

    m_chart = new SpeedupChart(this);
    m_chart->setMinimumHeight(200);
    connect(m_chart, &SpeedupChart::variantClicked, this, &CompareWindow::requestTimeline);

    m_export = new QPushButton(tr("&Export Chart…"), this);
    m_export->setToolTip(tr("Save the chart as a PNG picture for a slide"));
    connect(m_export, &QPushButton::clicked, this, &CompareWindow::exportChartDialog);
    auto* close = new QPushButton(tr("&Close"), this);
    close->setToolTip(tr("Close this window (Esc); a comparison still going is cancelled"));
    connect(close, &QPushButton::clicked, this, &QWidget::close);
    auto* escape = new QAction(this);
    escape->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(escape, &QAction::triggered, this, &QWidget::close);
    addAction(escape);

    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    progressRow->addWidget(m_again);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    // Six rows fit without scrolling; the chart gets the rest, room for its axis title.
    splitter->setSizes({ 210, 330 });

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_export);
    buttons->addWidget(close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addLayout(progressRow);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    // Close and Export stay on a 1280x720 projector, title bar and panel included.
    resize(800, kFitHeight);
    updateButtons();
}

CompareWindow::~CompareWindow() = default;

void CompareWindow::createTable()
{
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({ tr("Variant"), tr("GIL"), tr("Wall (s)"), tr("Speedup"), tr("Result") });
    m_table->horizontalHeaderItem(WallColumn)
        ->setToolTip(tr("Wall-clock time of the main thread, from its start to its end"));
    m_table->horizontalHeaderItem(SpeedupColumn)
        ->setToolTip(tr("How many times faster than the first variant with the same GIL setting"));
    m_table->horizontalHeaderItem(ResultColumn)
        ->setToolTip(tr("The last number the main thread printed: every variant must compute the same"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setToolTip(tr("One run per row. Click a row (or press Enter on it) to see its timeline in the main "
                           "window."));
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) { requestTimeline(row); });
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) { requestTimeline(row); });
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
    m_table->setRowCount(0);
    m_chart->setResults({}, m_title);
    if (!comparison->start(scenario, runOptions, program, error)) {
        m_status->setText(*error);
        updateButtons();
        return false;
    }
    setWindowTitle(tr("Compare %1 — Forkline").arg(sc.name));
    m_heading->setText(tr("<b>%1</b><br>Every variant runs alone, first with the GIL on, then off. Speedup is "
                          "over the first variant with the same GIL setting.")
                           .arg(m_title.toHtmlEscaped()));
    m_progress->setRange(0, comparison->total());
    m_progress->setValue(0);
    updateButtons();
    return true;
}

void CompareWindow::cancel()
{
    if (isRunning()) {
        m_status->setText(tr("Cancelling…"));
        m_comparison->cancel();
    }
}

QString CompareWindow::statusText() const
{
    return m_status->text();
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
    m_status->setText(tr("Running \"%1\" with the GIL %2 (%3 of %4)…")
                          .arg(name, gil ? tr("on") : tr("off"))
                          .arg(index + 1)
                          .arg(m_comparison ? m_comparison->total() : m_progress->maximum()));
}

void CompareWindow::onVariantFinished()
{
    const auto& all = results();
    const int row = int(all.size()) - 1;
    if (row < 0)
        return;
    m_table->setRowCount(row + 1);
    fillRow(row, all.back());
    m_progress->setValue(row + 1);
}

void CompareWindow::onFinished(bool ok)
{
    // Speedups are known only once every run of a GIL setting has its yardstick.
    const auto& all = results();
    m_table->setRowCount(int(all.size()));
    for (size_t i = 0; i < all.size(); ++i)
        fillRow(int(i), all[i]);
    m_chart->setResults(all, m_title);
    QString status = ok ? tr("Done. Click a row or a bar to see that run's timeline in the main window.")
                        : tr("Cancelled after %1 of %2 runs.").arg(all.size()).arg(m_progress->maximum());
    if (m_comparison->contended())
        status = m_comparison->contentionWarning() + QLatin1Char(' ') + status;
    m_status->setText(status);
    updateButtons();
    Q_EMIT finished(ok);
}

void CompareWindow::fillRow(int row, const VariantResult& r)
{
    const auto cell = [&](int column, const QString& text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter) {
        auto* item = new QTableWidgetItem(text);
        item->setTextAlignment(align);
        m_table->setItem(row, column, item);
        return item;
    };
    const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    cell(VariantColumn, r.name);
    cell(GilColumn, r.gil ? tr("on") : tr("off"));
    cell(WallColumn, r.ok ? QString::number(r.wallSeconds, 'f', 3) : QString(), right);
    cell(SpeedupColumn, r.ok && r.speedup > 0 ? SpeedupChart::speedupText(r.speedup) : QString(), right);
    if (r.contended) {
        // The wall time of a run that shared the cores with other programs.
        QTableWidgetItem* wall = m_table->item(row, WallColumn);
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
    m_table->selectRow(index);
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
        m_status->setText(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
}

void CompareWindow::updateButtons()
{
    const bool running = isRunning();
    m_cancel->setEnabled(running);
    m_again->setEnabled(!running && !m_scenario.isEmpty());
    m_export->setEnabled(!running && !results().empty());
}

void CompareWindow::closeEvent(QCloseEvent* event)
{
    cancel();
    QWidget::closeEvent(event);
}

} // namespace Forkline
