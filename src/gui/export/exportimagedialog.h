// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timelineexport.h"

#include <QDialog>
#include <QSize>
#include <memory>

namespace Forkline {

namespace Ui {
class ExportImageDialog;
}

class TraceModel;

// Asks where and how to draw the timeline: PNG at 1x/2x/3x or SVG, the width or a slide's
// size (1920 × 1080, 1280 × 720) and whether to enlarge everything for a projector. Shows the
// resulting pixel size as it changes. The layout is ui/exportimagedialog.ui.
class ExportImageDialog : public QDialog
{
    Q_OBJECT
public:
    ExportImageDialog(const TraceModel& model, const QString& suggestedPath, QWidget* parent = nullptr);
    ~ExportImageDialog() override;

    QString path() const;
    // Larger text for a projector, ticked by default while presenting.
    void setPresentation(bool on);
    ImageExportOptions options() const;

private:
    void browse();
    void formatChanged();
    void slideChanged();
    QSize slideSize() const; // empty: no slide
    void updateSize();
    void updateWidthRange();
    bool isSvg() const;

    const TraceModel& m_model;
    std::unique_ptr<Ui::ExportImageDialog> m_ui;
};

} // namespace Forkline
