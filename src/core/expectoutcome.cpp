// SPDX-License-Identifier: GPL-3.0-or-later
#include "expectoutcome.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace Forkline {

namespace {
// Shared values are whole numbers within 2^53 (the loader's limit), exact as JSON numbers.
bool wholeNumber(const QJsonValue& v, qint64* out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (d != std::floor(d) || std::fabs(d) > 9007199254740992.0)
        return false;
    *out = qint64(d);
    return true;
}
} // namespace

QByteArray ExpectOutcome::toArgs() const
{
    // Members in a fixed order, so that a run's trace reads the same each time; the name is
    // escaped as JSON by way of a one-element array.
    const QByteArray name = QJsonDocument(QJsonArray { shared }).toJson(QJsonDocument::Compact);
    return "\"shared\":" + name.mid(1, name.size() - 2) + ",\"value\":" + QByteArray::number(value)
        + ",\"expected\":" + QByteArray::number(expected);
}

bool ExpectOutcome::fromArgs(const QByteArray& members, ExpectOutcome* out)
{
    const QJsonDocument doc = QJsonDocument::fromJson("{" + members + "}");
    if (!doc.isObject())
        return false;
    const QJsonObject o = doc.object();
    const QJsonValue shared = o.value(QLatin1String("shared"));
    ExpectOutcome result;
    if (!shared.isString() || shared.toString().isEmpty()
        || !wholeNumber(o.value(QLatin1String("value")), &result.value)
        || !wholeNumber(o.value(QLatin1String("expected")), &result.expected))
        return false;
    result.shared = shared.toString();
    *out = result;
    return true;
}

} // namespace Forkline
