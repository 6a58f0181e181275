// SPDX-License-Identifier: GPL-3.0-or-later
#include "appicon.h"

#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

namespace Forkline {

QIcon appIcon()
{
    // Drawn here rather than left to the SVG icon-engine plugin, which a deployed Windows or
    // macOS folder may lack; the window then has no icon at all.
    QSvgRenderer svg(QStringLiteral(":/icons/forkline.svg"));
    QIcon icon;
    if (!svg.isValid())
        return icon;
    for (int size : { 16, 24, 32, 48, 64, 128, 256 }) {
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        svg.render(&painter);
        painter.end();
        icon.addPixmap(QPixmap::fromImage(image));
    }
    return icon;
}

} // namespace Forkline
