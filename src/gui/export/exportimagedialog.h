// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timelineexport.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Forkline {

class TraceModel;

// Asks where and how to draw the timeline: PNG at 1x/2x/3x or SVG, the width and whether
// to enlarge everything for a projector. Shows the resulting pixel size as it changes.
class ExportImageDialog : public QDialog
{
    Q_OBJECT
public:
    ExportImageDialog(const TraceModel& model, const QString& suggestedPath, QWidget* parent = nullptr);

    QString path() const;
    // Larger text for a projector, ticked by default while presenting.
    void setPresentation(bool on);
    ImageExportOptions options() const;

private:
    void browse();
    void updateSize();
    void updateWidthRange();
    bool isSvg() const;

    const TraceModel& m_model;
    QComboBox* m_format = nullptr;
    QComboBox* m_scale = nullptr;
    QSpinBox* m_width = nullptr;
    QCheckBox* m_presentation = nullptr;
    QLineEdit* m_path = nullptr;
    QLabel* m_size = nullptr;
};

} // namespace Forkline
