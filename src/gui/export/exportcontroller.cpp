// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportcontroller.h"

#include "chrometrace.h"
#include "exportimagedialog.h"
#include "imagelimits.h"
#include "safefilename.h"
#include "settings/settings.h"
#include "timelinedocument.h"
#include "timelineexport.h"
#include "toolglyphs.h"
#include "tracemodel.h"
#include "window/actiontext.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QWidget>

namespace Forkline {

namespace {
// Sharp on a slide that enlarges the picture.
constexpr double kCopyScale = 2.0;
} // namespace

ExportController::ExportController(
    QWidget* window, Settings* settings, std::function<TraceModel()> model, std::function<QString()> baseName)
    : QObject(window)
    , m_window(window)
    , m_settings(settings)
    , m_model(std::move(model))
    , m_baseName(std::move(baseName))
{
    // The actions belong to the window, like its own: their shortcuts work wherever it has focus.
    m_exportImage = new QAction(QIcon::fromTheme(QStringLiteral("image-x-generic")), tr("Export &Image…"), window);
    m_exportImage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    describeAction(m_exportImage, tr("Save the timeline with its title, axis and legend as PNG or SVG"));
    connect(m_exportImage, &QAction::triggered, this, &ExportController::exportImageDialog);

    m_exportTrace = new QAction(tr("Export &Trace…"), window);
    m_exportTrace->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    describeAction(m_exportTrace, tr("Save the run as a Chrome trace (JSON) that Perfetto and chrome://tracing open"));
    connect(m_exportTrace, &QAction::triggered, this, &ExportController::exportTraceDialog);

    m_exportCsv = new QAction(tr("Export &CSV…"), window);
    m_exportCsv->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E));
    describeAction(m_exportCsv, tr("Save one row per span (thread, state, start, duration) for a spreadsheet"));
    connect(m_exportCsv, &QAction::triggered, this, &ExportController::exportCsvDialog);

    m_copyImage = new QAction(
        QIcon::fromTheme(QStringLiteral("edit-copy"), toolGlyph(ToolGlyph::Copy)), tr("&Copy Image"), window);
    m_copyImage->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    describeAction(m_copyImage, tr("Copy the timeline picture to the clipboard, ready to paste into a slide"));
    connect(m_copyImage, &QAction::triggered, this, &ExportController::copyImage);
}

void ExportController::setHasData(bool hasData)
{
    for (QAction* a : { m_exportImage, m_exportTrace, m_exportCsv, m_copyImage })
        a->setEnabled(hasData);
}

QString ExportController::suggestedPath(const QString& extension) const
{
    QString dir = m_settings->lastExportDir();
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        dir = QDir::homePath();
    // The name comes from a scenario or a trace file, which anyone may have written.
    return QDir(dir).filePath(safeFileBaseName(m_baseName()) + QLatin1Char('.') + extension);
}

void ExportController::exportImageDialog()
{
    const TraceModel model = m_model();
    ExportImageDialog dialog(model, suggestedPath(QStringLiteral("png")), m_window);
    dialog.setPresentation(m_presentation);
    if (dialog.exec() != QDialog::Accepted || dialog.path().isEmpty())
        return;
    QString error;
    QString note;
    ImageExportOptions options = dialog.options();
    options.callouts = m_callouts;
    options.compactTime = m_compactTime;
    if (!exportTimeline(model, dialog.path(), options, &error, &note)) {
        Q_EMIT failed(error);
        return;
    }
    m_settings->setLastExportDir(QFileInfo(dialog.path()).path());
    if (note.isEmpty())
        Q_EMIT message(tr("Saved %1").arg(dialog.path()), 5000);
    else
        Q_EMIT message(tr("Saved %1. %2").arg(dialog.path(), note), 10000);
}

void ExportController::exportTraceDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export Trace"), suggestedPath(QStringLiteral("json")), tr("Chrome trace (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveChromeTrace(m_model(), path, &error)) {
        Q_EMIT failed(error);
        return;
    }
    m_settings->setLastExportDir(QFileInfo(path).path());
    Q_EMIT message(tr("Saved %1; open it in Perfetto or chrome://tracing").arg(path), 5000);
}

void ExportController::exportCsvDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        m_window, tr("Export CSV"), suggestedPath(QStringLiteral("csv")), tr("Comma-separated values (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveSpansCsv(m_model(), path, &error)) {
        Q_EMIT failed(error);
        return;
    }
    m_settings->setLastExportDir(QFileInfo(path).path());
    Q_EMIT message(tr("Saved %1").arg(path), 5000);
}

void ExportController::copyImage()
{
    const TraceModel model = m_model();
    TimelineDocument doc(model, 0, m_presentation, kCopyScale);
    doc.setCallouts(m_callouts);
    doc.setCompactTime(m_compactTime);
    const QImage image = doc.toImage();
    if (image.isNull()) {
        Q_EMIT failed(tr("Not enough memory to copy a picture of %1 × %2 pixels.")
                          .arg(ImageLimits::pixels(doc.size().width(), kCopyScale))
                          .arg(ImageLimits::pixels(doc.size().height(), kCopyScale)));
        return;
    }
    QApplication::clipboard()->setImage(image);
    if (doc.lanesLeftOut() == 0)
        Q_EMIT message(tr("Timeline copied to the clipboard"), 3000);
    else
        Q_EMIT message(tr("Timeline copied to the clipboard. %1").arg(doc.leftOutNote()), 10000);
}

} // namespace Forkline
