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
};

// Draws the whole model (title, legend and time axis included) with the same painter as
// the screen, to a .png or .svg file chosen by the extension. False with a sentence in
// `error` when the file cannot be written.
bool exportTimeline(const TraceModel& model, const QString& path, const ImageExportOptions& options, QString* error);

} // namespace Forkline
