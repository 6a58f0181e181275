// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsformat.h"

#include "atomicfile.h"

#include <QCoreApplication>
#include <QFileDevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <utility>

namespace Forkline {

namespace {

// Byte arrays (window geometry and state) are kept apart from text by a one-key object.
const QString kBytesKey = QStringLiteral("base64");

QString& lastWriteError()
{
    static QString error; // settings are written on the GUI thread
    return error;
}

QJsonValue toJson(const QVariant& value)
{
    if (value.metaType().id() == QMetaType::QByteArray)
        return QJsonObject { { kBytesKey, QString::fromLatin1(value.toByteArray().toBase64()) } };
    return QJsonValue::fromVariant(value);
}

QVariant fromJson(const QJsonValue& value)
{
    if (value.isObject() && value.toObject().size() == 1 && value.toObject().contains(kBytesKey))
        return QByteArray::fromBase64(value.toObject().value(kBytesKey).toString().toLatin1());
    return value.toVariant();
}

bool readJson(QIODevice& device, QSettings::SettingsMap& map)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(device.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return false;
    const QJsonObject o = doc.object();
    for (auto it = o.begin(); it != o.end(); ++it)
        map.insert(it.key(), fromJson(it.value()));
    return true;
}

bool writeJson(QIODevice& device, const QSettings::SettingsMap& map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), toJson(it.value()));
    const QByteArray data = QJsonDocument(o).toJson();
    auto* file = qobject_cast<QFileDevice*>(&device);
    QString reason;
    if (file)
        reason = writeAndSync(file, data);
    else if (device.write(data) != data.size())
        reason = device.errorString();
    lastWriteError() = reason;
    // false keeps QSettings from committing: the old file stays as it was.
    return reason.isEmpty();
}

} // namespace

QSettings::Format SettingsFormat::format()
{
    static const QSettings::Format json = QSettings::registerFormat(QStringLiteral("json"), readJson, writeJson);
    return json;
}

QString SettingsFormat::takeWriteError()
{
    return std::exchange(lastWriteError(), QString());
}

QString SettingsFormat::probe(const QString& fileName)
{
    if (const QString reason = probeWrite(fileName); !reason.isEmpty())
        return reason;
    return QCoreApplication::translate("Forkline", "the settings could not be saved");
}

} // namespace Forkline
