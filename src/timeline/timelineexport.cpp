// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineexport.h"

#include "atomicfile.h"
#include "imagelimits.h"
#include "timelinedocument.h"
#include "tracemodel.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QRegularExpression>
#include <QSvgGenerator>

namespace Forkline {

namespace {
// lupdate files the tr() of a function outside any class under its namespace: "Forkline".
QString tr(const char* s)
{
    return QCoreApplication::translate("Forkline", s);
}

// QSvgGenerator names the font as Qt knows it ("Sans Serif", a Qt alias no browser or slide
// program knows), so the picture fell back to a serif face elsewhere. Every family ends with
// the CSS generic instead, and Qt's alias becomes it.
QByteArray withGenericFont(const QByteArray& svg)
{
    static const QRegularExpression family(QStringLiteral("font-family=\"([^\"]*)\""));
    QString text = QString::fromUtf8(svg);
    QString out;
    out.reserve(text.size() + 64);
    qsizetype from = 0;
    for (auto it = family.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(from, m.capturedStart() - from);
        const QString name = m.captured(1).trimmed();
        const bool generic = name.isEmpty() || name.compare(QLatin1String("Sans Serif"), Qt::CaseInsensitive) == 0
            || name.compare(QLatin1String("sans-serif"), Qt::CaseInsensitive) == 0;
        out += generic ? QStringLiteral("font-family=\"sans-serif\"")
                       : QStringLiteral("font-family=\"%1, sans-serif\"").arg(name);
        from = m.capturedEnd();
    }
    out += QStringView(text).mid(from);
    return out.toUtf8();
}

// The drawing as SVG text. QSvgGenerator reports no write errors, so it writes into memory,
// where none can happen, and the file is written in one piece afterwards.
QByteArray svgBytes(const TimelineDocument& doc, const QString& title)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(doc.size());
    svg.setViewBox(QRect(QPoint(0, 0), doc.size()));
    svg.setTitle(title);
    svg.setDescription(tr("Timeline drawn by Forkline"));
    QPainter p;
    if (!p.begin(&svg))
        return {};
    doc.paint(&p);
    p.end();
    return withGenericFont(buffer.data());
}

QByteArray pngBytes(const TimelineDocument& doc, QString* reason)
{
    const QImage image = doc.toImage();
    if (image.isNull()) {
        *reason = tr("not enough memory for a picture of %1 × %2 pixels")
                      .arg(ImageLimits::pixels(doc.size().width(), doc.scale()))
                      .arg(ImageLimits::pixels(doc.size().height(), doc.scale()));
        return {};
    }
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "png");
    if (!writer.write(image)) {
        *reason = writer.errorString();
        return {};
    }
    return buffer.data();
}
} // namespace

bool exportTimeline(
    const TraceModel& model, const QString& path, const ImageExportOptions& options, QString* error, QString* note)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool svg = suffix == QLatin1String("svg");
    if (!svg && suffix != QLatin1String("png")) {
        *error = tr("%1: pick a .png or .svg file name").arg(path);
        return false;
    }
    const double scale = svg ? 1.0 : options.scale > 0 ? options.scale : 1.0;
    const QSize slide(options.width, options.height);
    if (options.height > 0 && (options.width <= 0 || !ImageLimits::fits(slide, scale))) {
        *error = ImageLimits::slideTooLarge(slide, scale);
        return false;
    }
    if (options.width > 0 && options.width > ImageLimits::maxWidth(scale)) {
        *error = ImageLimits::widthTooLarge(options.width, scale);
        return false;
    }
    TimelineDocument doc = options.height > 0 ? TimelineDocument(model, slide, options.presentation, scale)
                                              : TimelineDocument(model, options.width, options.presentation, scale);
    doc.setCallouts(options.callouts);
    doc.setCompactTime(options.compactTime);
    if (note)
        *note = doc.leftOutNote();
    QString reason;
    const QByteArray bytes = svg ? svgBytes(doc, model.title) : pngBytes(doc, &reason);
    if (bytes.isEmpty()) {
        *error = cannotWriteMessage(path, reason.isEmpty() ? tr("the picture could not be drawn") : reason);
        return false;
    }
    *error = writeFileAtomically(path, bytes);
    return error->isEmpty();
}

} // namespace Forkline
