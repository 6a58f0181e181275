// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Forkline {

class TraceModel;

struct ImageExportOptions
{
    int width = 0; // logical width in pixels; 0: a default that fits the model
    double scale = 2.0; // device pixel ratio of a PNG (1x, 2x ...)
    bool presentation = false; // larger fonts and thicker lanes for projectors
    bool callouts = true; // TraceCallouts beside the marks, as on screen
    bool compactTime = false; // idle gaps drawn short (CompactTime), as on screen
    // > 0: a slide of exactly width × height (TimelineDocument's slide constructor); 0: as
    // tall as the lanes need.
    int height = 0;
};

// Draws the whole model (title, legend and time axis included) with the same painter as
// the screen, to a .png or .svg file chosen by the extension. The picture is made in memory
// and written with writeFileAtomically(): a failure leaves an existing file as it was. False
// with a sentence in `error` when the picture cannot be made or written ("cannot write PATH:
// <reason>"), or when the width is beyond ImageLimits at this scale. Lanes that do not fit
// ImageLimits are left out of the picture; `note`, when given, then receives the sentence that
// says how many (and is emptied otherwise).
bool exportTimeline(const TraceModel& model, const QString& path, const ImageExportOptions& options, QString* error,
    QString* note = nullptr);

} // namespace Forkline
