// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "modelcheck.h"

namespace ForklineFuzz {

// One input of fuzz_trace_*: opening a Chrome trace file (ours or another tool's) with one
// parser backend, then what the window does with the model: fit it to the screen, export it,
// open the export again. Aborts on a broken promise.
inline void traceInput(const QByteArray& bytes, Forkline::JsonBackend backend)
{
    using namespace Forkline;
    ChromeTraceImportOptions options;
    options.backend = backend;
    const ChromeTraceImportResult result = importChromeTraceData(bytes, QStringLiteral("fuzz.json"), options);
    if (!result.ok()) {
        FUZZ_CHECK(!result.error.isEmpty());
        FUZZ_CHECK(result.model.isEmpty());
        return;
    }
    FUZZ_CHECK(result.skipped.total() >= 0 && result.skipped.total() <= result.events);
    FUZZ_CHECK(result.skipped.total() == 0 || !result.skippedSummary().isEmpty());
    checkModel(result.model);
    mapToPixels(result.model);
    checkRoundTrip(result.model);
}

} // namespace ForklineFuzz
