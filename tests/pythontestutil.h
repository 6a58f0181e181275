// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the tests that run the programs of tests/data/python.

#include <QStandardPaths>
#include <QString>

namespace ForklineTest {

// The interpreter the tests use: python3 on PATH (the README's set-up installs it).
inline QString python()
{
    static const QString path = QStandardPaths::findExecutable(QStringLiteral("python3"));
    return path;
}

inline QString pythonProgram(const QString& name)
{
    return QStringLiteral(FORKLINE_TEST_DATA "/python/") + name;
}

} // namespace ForklineTest
