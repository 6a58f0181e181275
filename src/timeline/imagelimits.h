// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QSize>
#include <QString>

namespace Forkline {

// The largest picture Forkline draws, so that no export or copy can ask for more memory than
// a classroom laptop has: a side of at most 32,768 pixels (QPainter's raster engine counts in
// 16-bit fixed point beyond that) and 256 Mi pixels in all, 1 GiB as 32-bit colour. Sizes
// are in points (logical pixels) times the device pixel ratio `scale`; an SVG is measured at
// scale 1.
class ImageLimits
{
    Q_DECLARE_TR_FUNCTIONS(Forkline::ImageLimits)
public:
    static constexpr int kMaxSide = 32768;
    static constexpr qint64 kMaxPixels = qint64(256) * 1024 * 1024;
    // A picture made as tall as its lanes need stops here, in points: twice a full-HD slide,
    // about 80 lanes, what can still be shown whole on one slide. A run of 10,000 threads
    // gives its first lanes and a line that says how many more there are, not a strip a
    // hundred metres long. A slide of a given size (--slide) is exactly that size instead.
    static constexpr int kMaxPictureHeight = 2160;

    // Pixels of `points` at `scale`, as QImage sizes are rounded.
    static qint64 pixels(int points, double scale);
    // The widest picture in points at this scale.
    static int maxWidth(double scale);
    // The tallest picture in points that a picture `width` points wide may have at `scale`:
    // both the side and the total count.
    static int maxHeight(int width, double scale);
    // True when a picture of `size` points at `scale` stays within both limits.
    static bool fits(const QSize& size, double scale);
    // One line for the person who asked for a width that is too wide at this scale; the
    // options are named as the command line spells them.
    static QString widthTooLarge(int width, double scale);
    // The same for a slide (--slide WxH) that is empty or beyond the limits at this scale.
    static QString slideTooLarge(const QSize& size, double scale);
    // The limits in words, for notes in a picture and on the command line.
    static QString describe();
    // kMaxPictureHeight in words, for the same notes.
    static QString describePictureHeight();
};

} // namespace Forkline
