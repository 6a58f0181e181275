// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportimagedialog.h"

#include "imagelimits.h"
#include "timelinedocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <algorithm>

namespace Forkline {

ExportImageDialog::ExportImageDialog(const TraceModel& model, const QString& suggestedPath, QWidget* parent)
    : QDialog(parent)
    , m_model(model)
{
    setWindowTitle(tr("Export Image"));
    setMinimumWidth(520);

    m_format = new QComboBox(this);
    m_format->addItem(tr("PNG picture"), QStringLiteral("png"));
    m_format->addItem(tr("SVG drawing (scales without blur)"), QStringLiteral("svg"));
    m_format->setToolTip(tr("PNG for slides and documents; SVG to edit or scale the drawing later"));

    m_scale = new QComboBox(this);
    m_scale->addItem(tr("1× (screen)"), 1.0);
    m_scale->addItem(tr("2× (sharp on slides)"), 2.0);
    m_scale->addItem(tr("3×"), 3.0);
    m_scale->setCurrentIndex(1);
    m_scale->setToolTip(tr("Pixels per point of a PNG: 2× stays sharp when a projector or a slide enlarges it"));

    m_width = new QSpinBox(this);
    m_width->setObjectName(QStringLiteral("width"));
    m_width->setRange(199, ImageLimits::maxWidth(2.0));
    m_width->setSpecialValueText(tr("automatic"));
    m_width->setValue(199);
    m_width->setSuffix(tr(" px"));
    m_width->setSingleStep(100);

    m_presentation = new QCheckBox(tr("Larger text and lanes for a projector"), this);
    m_presentation->setToolTip(tr("Draws text and lanes about 1.5 times larger, for the back row of a classroom"));

    m_path = new QLineEdit(suggestedPath, this);
    m_path->setToolTip(tr("The file to write; the extension (.png or .svg) follows the format"));
    auto* browse = new QPushButton(tr("&Browse…"), this);
    browse->setToolTip(tr("Choose where to save the picture"));
    connect(browse, &QPushButton::clicked, this, &ExportImageDialog::browse);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_size = new QLabel(this);
    m_size->setObjectName(QStringLiteral("size"));
    m_size->setWordWrap(true); // room for the note on lanes left out

    auto* form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Scale:"), m_scale);
    form->addRow(tr("&Width:"), m_width);
    form->addRow(QString(), m_presentation);
    // A row holding a layout gets no buddy from addRow, so the label is made by hand.
    auto* pathLabel = new QLabel(tr("&File:"), this);
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);
    form->addRow(tr("Size:"), m_size);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        // Keep the extension in step with the format, which decides how the file is written.
        QFileInfo info(m_path->text());
        if (!m_path->text().isEmpty())
            m_path->setText(info.path() + QLatin1Char('/') + info.completeBaseName() + QLatin1Char('.')
                + m_format->currentData().toString());
        updateWidthRange();
    });
    connect(m_scale, &QComboBox::currentIndexChanged, this, &ExportImageDialog::updateWidthRange);
    connect(m_width, &QSpinBox::valueChanged, this, &ExportImageDialog::updateSize);
    connect(m_presentation, &QCheckBox::toggled, this, &ExportImageDialog::updateSize);
    updateWidthRange();
}

void ExportImageDialog::updateWidthRange()
{
    // The widest picture the scale allows: a wider one would not be drawn (ImageLimits).
    const double scale = isSvg() ? 1.0 : m_scale->currentData().toDouble();
    const int widest = std::min(ImageLimits::maxWidth(scale), ImageLimits::kMaxSide);
    m_width->setMaximum(widest);
    m_width->setToolTip(tr("Width of the picture in points; automatic fits a 16:9 slide. At most %1 points at this "
                           "scale: %2.")
                            .arg(widest)
                            .arg(ImageLimits::describe()));
    updateSize();
}

bool ExportImageDialog::isSvg() const
{
    return m_format->currentData().toString() == QLatin1String("svg");
}

QString ExportImageDialog::path() const
{
    return m_path->text();
}

void ExportImageDialog::setPresentation(bool on)
{
    m_presentation->setChecked(on);
}

ImageExportOptions ExportImageDialog::options() const
{
    ImageExportOptions o;
    o.width = m_width->value() == m_width->minimum() ? 0 : m_width->value();
    o.scale = isSvg() ? 1.0 : m_scale->currentData().toDouble();
    o.presentation = m_presentation->isChecked();
    return o;
}

void ExportImageDialog::browse()
{
    const QString filter = isSvg() ? tr("SVG drawing (*.svg)") : tr("PNG picture (*.png)");
    const QString file = QFileDialog::getSaveFileName(this, tr("Export Image"), m_path->text(), filter);
    if (!file.isEmpty())
        m_path->setText(file);
}

void ExportImageDialog::updateSize()
{
    m_scale->setEnabled(!isSvg());
    const ImageExportOptions o = options();
    const TimelineDocument doc(m_model, o.width, o.presentation, o.scale);
    const QSize size = doc.size();
    QString text = isSvg() ? tr("%1 × %2 points").arg(size.width()).arg(size.height())
                           : tr("%1 × %2 pixels")
                                 .arg(ImageLimits::pixels(size.width(), o.scale))
                                 .arg(ImageLimits::pixels(size.height(), o.scale));
    if (doc.lanesLeftOut() > 0)
        text += QLatin1Char('\n') + doc.leftOutNote();
    m_size->setText(text);
}

} // namespace Forkline
