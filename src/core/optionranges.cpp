// SPDX-License-Identifier: GPL-3.0-or-later
#include "optionranges.h"

#include <QCoreApplication>
#include <cmath>

namespace Forkline {

bool OptionRange::contains(double value) const
{
    // Written so that NaN is out of range.
    return (lowIncluded ? value >= low : value > low) && value <= high;
}

double OptionRange::boxMinimum() const
{
    if (lowIncluded)
        return low;
    return low + std::pow(10.0, -decimals);
}

QString OptionRange::rangeText() const
{
    const QString l = QString::number(low);
    const QString h = QString::number(high);
    return lowIncluded ? QCoreApplication::translate("Forkline", "from %1 to %2").arg(l, h)
                       : QCoreApplication::translate("Forkline", "above %1 and at most %2").arg(l, h);
}

QString OptionRange::refusal(const QString& given) const
{
    return QCoreApplication::translate("Forkline", "%1 takes a number %2, not \"%3\"")
        .arg(QLatin1String(option), rangeText(), given);
}

} // namespace Forkline
