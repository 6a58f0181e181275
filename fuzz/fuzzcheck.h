// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>
#include <cstdio>
#include <cstdlib>

// A promise of the code under test that an input broke: abort, so libFuzzer keeps the input
// as a finding like any crash the sanitizers report.
#define FUZZ_CHECK(cond)                                                                                               \
    do {                                                                                                               \
        if (!(cond)) {                                                                                                 \
            std::fprintf(stderr, "%s:%d: broken promise: %s\n", __FILE__, __LINE__, #cond);                            \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (0)

namespace ForklineFuzz {

// Warnings about hostile input are expected by the million; printing them would be most of a
// fuzzer's time. A fatal message still ends the run (and counts as a finding).
inline void quietQt()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
        if (type == QtFatalMsg) {
            std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
            std::abort();
        }
    });
}

} // namespace ForklineFuzz
