// SPDX-License-Identifier: GPL-3.0-or-later
#include "imagelimits.h"

#include <QLocale>
#include <algorithm>
#include <cmath>

namespace Forkline {

qint64 ImageLimits::pixels(int points, double scale)
{
    return qint64(std::llround(double(points) * scale));
}

int ImageLimits::maxWidth(double scale)
{
    return int(std::floor(kMaxSide / std::max(scale, 1e-3)));
}

int ImageLimits::maxHeight(int width, double scale)
{
    const qint64 wide = std::max<qint64>(1, pixels(width, scale));
    const qint64 tallest = std::min<qint64>(kMaxSide, kMaxPixels / wide);
    return int(std::floor(double(tallest) / std::max(scale, 1e-3)));
}

bool ImageLimits::fits(const QSize& size, double scale)
{
    const qint64 w = pixels(size.width(), scale);
    const qint64 h = pixels(size.height(), scale);
    return w <= kMaxSide && h <= kMaxSide && w * h <= kMaxPixels;
}

QString ImageLimits::widthTooLarge(int width, double scale)
{
    const QLocale c = QLocale::c();
    return tr("--width %1 at --scale %2 makes a picture %3 pixels wide, and Forkline draws at most %4 pixels a "
              "side: lower --scale or --width (at --scale %2, at most --width %5)")
        .arg(width)
        .arg(c.toString(scale))
        .arg(pixels(width, scale))
        .arg(kMaxSide)
        .arg(maxWidth(scale));
}

QString ImageLimits::slideTooLarge(const QSize& size, double scale)
{
    const QLocale c = QLocale::c();
    return tr("--slide %1x%2 at --scale %3 makes a picture of %4 × %5 pixels, and %6: lower --scale or the "
              "slide's size")
        .arg(size.width())
        .arg(size.height())
        .arg(c.toString(scale))
        .arg(pixels(size.width(), scale))
        .arg(pixels(size.height(), scale))
        .arg(describe());
}

QString ImageLimits::describe()
{
    const QLocale locale;
    return tr("a picture holds at most %1 pixels a side and %2 in all")
        .arg(locale.toString(kMaxSide), locale.toString(kMaxPixels));
}

QString ImageLimits::describePictureHeight()
{
    return tr("a picture stops at %1 points tall, what a slide can hold; --slide WxH picks another size, and the "
              "trace (--trace) keeps every thread")
        .arg(QLocale().toString(kMaxPictureHeight));
}

} // namespace Forkline
