// SPDX-License-Identifier: GPL-3.0-or-later
#include "speedupchart.h"

#include "atomicfile.h"
#include "imagelimits.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBuffer>
#include <QChart>
#include <QChartView>
#include <QGraphicsScene>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QVBoxLayout>
#include <QValueAxis>

namespace Forkline {

namespace {
// Okabe-Ito blue and vermillion: distinguishable with every common colour deficiency.
const QColor kGilOn(0x00, 0x72, 0xB2);
const QColor kGilOff(0xD5, 0x5E, 0x00);
} // namespace

SpeedupChart::SpeedupChart(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_view = new QChartView(this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setToolTip(tr("Speedup over one thread for each variant, with the GIL on and off. Click a bar to "
                          "open that run's timeline."));
    layout->addWidget(m_view);
}

QChart* SpeedupChart::buildChart(
    const std::vector<VariantResult>& results, const QString& title, const std::function<void(int)>& onClick)
{
    QStringList categories;
    for (const VariantResult& r : results) {
        if (!categories.contains(r.name))
            categories << r.name;
    }
    auto* on = new QBarSet(tr("GIL on"));
    auto* off = new QBarSet(tr("GIL off"));
    on->setColor(kGilOn);
    off->setColor(kGilOff);
    // Patterns as well as colours, for slides printed in grey.
    off->setBrush(QBrush(kGilOff, Qt::BDiagPattern));
    off->setBorderColor(kGilOff);
    std::vector<int> onIndex(size_t(categories.size()), -1);
    std::vector<int> offIndex(size_t(categories.size()), -1);
    double top = 1.0;
    for (const QString& c : categories) {
        double von = 0;
        double voff = 0;
        for (size_t i = 0; i < results.size(); ++i) {
            if (results[i].name != c)
                continue;
            (results[i].gil ? von : voff) = roundedSpeedup(results[i].speedup);
            (results[i].gil ? onIndex : offIndex)[size_t(categories.indexOf(c))] = int(i);
        }
        *on << von;
        *off << voff;
        top = std::max({ top, von, voff });
    }
    auto* series = new QBarSeries;
    series->append(on);
    series->append(off);
    series->setLabelsVisible(true);
    series->setLabelsFormat(QStringLiteral("@valuex"));
    // The table's rounding (roundedSpeedup), so a bar and its row never disagree.
    series->setLabelsPrecision(4);
    // Above the bars, in the text colour: readable on hatching too.
    series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    on->setLabelColor(QColor(0x22, 0x22, 0x22));
    off->setLabelColor(QColor(0x22, 0x22, 0x22));
    if (onClick) {
        QObject::connect(on, &QBarSet::clicked, on, [onClick, onIndex](int i) {
            if (onIndex[size_t(i)] >= 0)
                onClick(onIndex[size_t(i)]);
        });
        QObject::connect(off, &QBarSet::clicked, off, [onClick, offIndex](int i) {
            if (offIndex[size_t(i)] >= 0)
                onClick(offIndex[size_t(i)]);
        });
    }
    auto* chart = new QChart;
    chart->addSeries(series);
    bool contended = false;
    for (const VariantResult& r : results)
        contended = contended || r.contended;
    // A slide of timings taken on a busy machine says so on its face.
    chart->setTitle(contended ? tr("%1 (timings unreliable: other programs were busy)").arg(title) : title);
    QFont titleFont = chart->titleFont();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto* y = new QValueAxis;
    y->setRange(0, std::ceil(top * 1.2 * 2) / 2);
    y->setTickType(QValueAxis::TicksDynamic);
    y->setTickAnchor(0);
    y->setTickInterval(0.5);
    y->setTitleText(tr("speedup over 1 thread (higher is faster)"));
    y->setLabelFormat(QStringLiteral("%.1fx"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

double SpeedupChart::roundedSpeedup(double speedup)
{
    return std::round(speedup * 100) / 100;
}

QString SpeedupChart::speedupText(double speedup)
{
    return tr("%1×").arg(QString::number(roundedSpeedup(speedup), 'g', 4));
}

void SpeedupChart::setResults(const std::vector<VariantResult>& results, const QString& title)
{
    QChart* old = m_view->chart();
    m_view->setChart(buildChart(results, title, [this](int i) { Q_EMIT variantClicked(i); }));
    delete old;
}

bool SpeedupChart::render(const std::vector<VariantResult>& results, const QString& title, const QString& path,
    const QSize& size, double scale, QString* error)
{
    QGraphicsScene scene;
    QChart* chart = buildChart(results, title, {});
    scene.addItem(chart);
    chart->setGeometry(QRectF(QPointF(0, 0), size));
    if (!ImageLimits::fits(size, scale)) {
        *error = cannotWriteMessage(path, ImageLimits::describe());
        return false;
    }
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        *error = cannotWriteMessage(path, tr("not enough memory for the picture"));
        return false;
    }
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        scene.render(&p, QRectF(QPointF(0, 0), size), QRectF(QPointF(0, 0), size));
    }
    // Encoded in memory first: the file is then written in one piece, or not at all.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(image)) {
        *error = cannotWriteMessage(path, writer.errorString());
        return false;
    }
    *error = writeFileAtomically(path, buffer.data());
    return error->isEmpty();
}

} // namespace Forkline
