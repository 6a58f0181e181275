// SPDX-License-Identifier: GPL-3.0-or-later
#include "argstree.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Forkline {

namespace {

QString scalarText(const QJsonValue& v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::Null:
        return QStringLiteral("null");
    default:
        return QString::fromUtf8(QJsonDocument(v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject()))
                                     .toJson(QJsonDocument::Compact));
    }
}

void addValue(QTreeWidgetItem* item, const QJsonValue& v)
{
    item->setText(1, scalarText(v));
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            addValue(new QTreeWidgetItem(item, { it.key() }), it.value());
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            addValue(new QTreeWidgetItem(item, { QStringLiteral("[%1]").arg(i) }), a.at(i));
    }
}

} // namespace

ArgsTree::ArgsTree(QWidget* parent)
    : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({ tr("Arg"), tr("Value") });
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAccessibleName(tr("Args"));
    setToolTip(tr("The event's own args, as the trace file has them"));
    hide();
}

void ArgsTree::setArgs(const QByteArray& members)
{
    clear();
    m_lines.clear();
    if (members.isEmpty()) {
        hide();
        return;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('{' + members + '}', &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        // Valid JSON that QJsonDocument refuses (a number beyond a double): the text itself.
        auto* item = new QTreeWidgetItem(this, { tr("args"), QString::fromUtf8(members) });
        item->setToolTip(1, item->text(1));
        m_lines << tr("args") + QStringLiteral(": ") + item->text(1);
    } else {
        const QJsonObject o = doc.object();
        for (auto it = o.begin(); it != o.end(); ++it) {
            auto* item = new QTreeWidgetItem(this, { it.key() });
            addValue(item, it.value());
            m_lines << it.key() + QStringLiteral(": ") + item->text(1);
        }
    }
    expandToDepth(0);
    show();
}

} // namespace Forkline
