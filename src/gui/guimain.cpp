// SPDX-License-Identifier: GPL-3.0-or-later
#include "guimain.h"

#include <QApplication>
#include <QLabel>

namespace Forkline {

int guiMain(int argc, char** argv)
{
    QApplication app(argc, argv);
    QLabel label(QStringLiteral("Forkline"));
    label.show();
    return app.exec();
}

} // namespace Forkline
