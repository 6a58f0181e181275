// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportimagedialog.h"

#include "imagelimits.h"
#include "timelinedocument.h"
#include "ui_exportimagedialog.h"

#include <QFileDialog>
#include <QFileInfo>
#include <algorithm>

namespace Forkline {

ExportImageDialog::ExportImageDialog(const TraceModel& model, const QString& suggestedPath, QWidget* parent)
    : QDialog(parent)
    , m_model(model)
    , m_ui(std::make_unique<Ui::ExportImageDialog>())
{
    m_ui->setupUi(this);
    // What each item means; the form holds only what each says.
    m_ui->format->setItemData(0, QStringLiteral("png"));
    m_ui->format->setItemData(1, QStringLiteral("svg"));
    const double scales[] = { 1.0, 2.0, 3.0 };
    for (int i = 0; i < int(std::size(scales)); ++i)
        m_ui->scale->setItemData(i, scales[i]);
    m_ui->slide->setItemData(0, QSize());
    m_ui->slide->setItemData(1, QSize(1920, 1080));
    m_ui->slide->setItemData(2, QSize(1280, 720));
    m_ui->path->setText(suggestedPath);

    connect(m_ui->browse, &QPushButton::clicked, this, &ExportImageDialog::browse);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->format, &QComboBox::currentIndexChanged, this, &ExportImageDialog::formatChanged);
    connect(m_ui->scale, &QComboBox::currentIndexChanged, this, &ExportImageDialog::updateWidthRange);
    connect(m_ui->width, &QSpinBox::valueChanged, this, &ExportImageDialog::updateSize);
    connect(m_ui->presentation, &QCheckBox::toggled, this, &ExportImageDialog::updateSize);
    connect(m_ui->slide, &QComboBox::currentIndexChanged, this, &ExportImageDialog::slideChanged);
    updateWidthRange();
}

ExportImageDialog::~ExportImageDialog() = default;

void ExportImageDialog::formatChanged()
{
    // Keep the extension in step with the format, which decides how the file is written.
    const QString current = m_ui->path->text();
    if (!current.isEmpty()) {
        const QFileInfo info(current);
        m_ui->path->setText(info.path() + QLatin1Char('/') + info.completeBaseName() + QLatin1Char('.')
            + m_ui->format->currentData().toString());
    }
    updateWidthRange();
}

void ExportImageDialog::updateWidthRange()
{
    // The widest picture the scale allows: a wider one would not be drawn (ImageLimits).
    const double scale = isSvg() ? 1.0 : m_ui->scale->currentData().toDouble();
    const int widest = std::min(ImageLimits::maxWidth(scale), ImageLimits::kMaxSide);
    m_ui->width->setMaximum(widest);
    m_ui->width->setToolTip(tr("Width of the picture in points; automatic fits a 16:9 slide. At most %1 points at this "
                               "scale: %2.")
                                .arg(widest)
                                .arg(ImageLimits::describe()));
    updateSize();
}

void ExportImageDialog::slideChanged()
{
    // A slide is its size in pixels: 1× (a 2× PNG of it stays possible), larger text, and the
    // width is the slide's.
    const bool slide = !slideSize().isEmpty();
    m_ui->width->setEnabled(!slide);
    if (slide) {
        m_ui->scale->setCurrentIndex(0);
        m_ui->presentation->setChecked(true);
    }
    updateSize();
}

QSize ExportImageDialog::slideSize() const
{
    return m_ui->slide->currentData().toSize();
}

bool ExportImageDialog::isSvg() const
{
    return m_ui->format->currentData().toString() == QLatin1String("svg");
}

QString ExportImageDialog::path() const
{
    return m_ui->path->text();
}

void ExportImageDialog::setPresentation(bool on)
{
    m_ui->presentation->setChecked(on);
}

ImageExportOptions ExportImageDialog::options() const
{
    ImageExportOptions o;
    o.width = m_ui->width->value() == m_ui->width->minimum() ? 0 : m_ui->width->value();
    o.scale = isSvg() ? 1.0 : m_ui->scale->currentData().toDouble();
    o.presentation = m_ui->presentation->isChecked();
    if (const QSize slide = slideSize(); !slide.isEmpty()) {
        o.width = slide.width();
        o.height = slide.height();
    }
    return o;
}

void ExportImageDialog::browse()
{
    const QString filter = isSvg() ? tr("SVG drawing (*.svg)") : tr("PNG picture (*.png)");
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Image"), m_ui->path->text(), filter);
    if (!file.isEmpty())
        m_ui->path->setText(file);
}

void ExportImageDialog::updateSize()
{
    m_ui->scale->setEnabled(!isSvg());
    const ImageExportOptions o = options();
    const TimelineDocument doc = o.height > 0
        ? TimelineDocument(m_model, QSize(o.width, o.height), o.presentation, o.scale)
        : TimelineDocument(m_model, o.width, o.presentation, o.scale);
    const QSize size = doc.size();
    QString text = isSvg() ? tr("%1 × %2 points").arg(size.width()).arg(size.height())
                           : tr("%1 × %2 pixels")
                                 .arg(ImageLimits::pixels(size.width(), o.scale))
                                 .arg(ImageLimits::pixels(size.height(), o.scale));
    if (doc.lanesLeftOut() > 0)
        text += QLatin1Char('\n') + doc.leftOutNote();
    m_ui->size->setText(text);
}

} // namespace Forkline
