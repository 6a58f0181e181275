// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace Forkline {

MessageBar::MessageBar(QWidget* parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label = new QLabel(this);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setTextFormat(Qt::PlainText);
    auto* close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Hide this message"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    hide();
}

void MessageBar::showMessage(const QString& text, Kind kind)
{
    m_kind = kind;
    m_label->setText(text);
    QPalette pal = palette();
    const bool error = kind == Kind::Error;
    pal.setColor(QPalette::Window, error ? QColor(0xfd, 0xe8, 0xdc) : QColor(0xe3, 0xf1, 0xfb));
    pal.setColor(QPalette::WindowText, error ? QColor(0x8a, 0x2c, 0x00) : QColor(0x0b, 0x3d, 0x5e));
    setPalette(pal);
    show();
}

QString MessageBar::text() const
{
    return m_label->text();
}

} // namespace Forkline
