// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineexport.h"

#include "timelinedocument.h"
#include "tracemodel.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSvgGenerator>

namespace Forkline {

namespace {
// lupdate files the tr() of a function outside any class under its namespace: "Forkline".
QString tr(const char* s)
{
    return QCoreApplication::translate("Forkline", s);
}
} // namespace

bool exportTimeline(const TraceModel& model, const QString& path, const ImageExportOptions& options, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const TimelineDocument doc(model, options.width, options.presentation);
    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(doc.size());
        svg.setViewBox(QRect(QPoint(0, 0), doc.size()));
        svg.setTitle(model.title);
        svg.setDescription(tr("Timeline drawn by Forkline"));
        QPainter p;
        if (!p.begin(&svg)) {
            *error = tr("cannot write %1").arg(path);
            return false;
        }
        doc.paint(&p);
        p.end();
        if (!QFileInfo::exists(path)) {
            *error = tr("cannot write %1").arg(path);
            return false;
        }
        return true;
    }
    if (suffix != QLatin1String("png")) {
        *error = tr("%1: pick a .png or .svg file name").arg(path);
        return false;
    }
    const double scale = options.scale > 0 ? options.scale : 1.0;
    const QImage image = doc.toImage(scale);
    QImageWriter writer(path, "png");
    if (!writer.write(image)) {
        *error = tr("cannot write %1: %2").arg(path, writer.errorString());
        return false;
    }
    return true;
}

} // namespace Forkline
