// SPDX-License-Identifier: GPL-3.0-or-later
#include "replaybar.h"

#include "timearithmetic.h"
#include "timeaxis.h"
#include "window/actiontext.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QSignalBlocker>
#include <QSlider>
#include <QToolButton>
#include <cmath>

namespace Forkline {

namespace {
// Slow first: the point of a replay is to explain a run more slowly than it happened.
constexpr double kSpeeds[] = { 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0 };
constexpr double kDefaultSpeed = 0.5;
} // namespace

ReplayBar::ReplayBar(QWidget* parent)
    : QWidget(parent)
{
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setRange(0, kSliderSteps);
    m_slider->setFocusPolicy(Qt::ClickFocus);
    m_slider->setMinimumWidth(120);
    m_slider->setAccessibleName(tr("Replay position"));
    m_slider->setToolTip(tr("Replay: drag to move the playhead through the run; the console shows only what was "
                            "printed up to there"));
    connect(m_slider, &QSlider::valueChanged, this, &ReplayBar::onSliderMoved);

    m_time = new QLabel(this);
    m_time->setToolTip(tr("The playhead's time and the length of the run"));
    // Room for "00.000 s / 00.000 s" so the slider does not jump while playing.
    m_time->setMinimumWidth(m_time->fontMetrics().horizontalAdvance(QStringLiteral("00.000 s / 00.000 s")) + 4);
    m_time->setAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_speed = new QComboBox(this);
    for (double s : kSpeeds)
        m_speed->addItem(tr("%1×").arg(QLocale().toString(s)), s);
    m_speed->setToolTip(tr("Replay speed: 1× plays the run as fast as it happened, 0.1× ten times slower "
                           "([ slower, ] faster)"));
    m_speed->setFocusPolicy(Qt::ClickFocus);
    setSpeed(kDefaultSpeed);
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT speedChanged(speed()); });

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_time);
    auto* speedLabel = new QLabel(tr(" Spee&d:"), this);
    speedLabel->setBuddy(m_speed);
    layout->addWidget(speedLabel);
    layout->addWidget(m_speed);
    setRange(0, 1);
}

QIcon ReplayBar::glyph(Glyph g) const
{
    constexpr int kSize = 16;
    const qreal dpr = devicePixelRatioF();
    const auto draw = [&](const QColor& color) {
        QPixmap pixmap(QSize(kSize, kSize) * dpr);
        pixmap.setDevicePixelRatio(dpr);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        // Triangles pointing right (+1) or left (-1) with their tip at x; bars 2 px wide.
        const auto triangle = [&p](double x, int dir) {
            const QPointF pts[3] = { QPointF(x, 8), QPointF(x - dir * 6.5, 3), QPointF(x - dir * 6.5, 13) };
            p.drawPolygon(pts, 3);
        };
        const auto bar = [&p](double x) { p.drawRect(QRectF(x, 3, 2, 10)); };
        switch (g) {
        case Glyph::ToStart:
            bar(2);
            triangle(4, -1);
            triangle(9.5, -1);
            break;
        case Glyph::Previous:
            triangle(3.5, -1);
            bar(11);
            break;
        case Glyph::Play:
            triangle(13, 1);
            break;
        case Glyph::Pause:
            bar(4);
            bar(10);
            break;
        case Glyph::Next:
            bar(3);
            triangle(12.5, 1);
            break;
        case Glyph::ToEnd:
            triangle(6.5, 1);
            triangle(12, 1);
            bar(12);
            break;
        case Glyph::Leave:
            p.setPen(QPen(color, 2, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(QPointF(4, 4), QPointF(12, 12));
            p.drawLine(QPointF(12, 4), QPointF(4, 12));
            break;
        }
        return pixmap;
    };
    // Both states drawn from the palette: the style's greying of a dark glyph barely shows.
    QIcon icon;
    icon.addPixmap(draw(palette().color(QPalette::Active, QPalette::ButtonText)), QIcon::Normal);
    icon.addPixmap(draw(palette().color(QPalette::Disabled, QPalette::ButtonText)), QIcon::Disabled);
    return icon;
}

void ReplayBar::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        Q_EMIT paletteChanged();
}

void ReplayBar::addButtons(const QList<QAction*>& actions)
{
    auto* layout = static_cast<QHBoxLayout*>(this->layout());
    int at = 0;
    for (QAction* action : actions) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        button->setFocusPolicy(Qt::NoFocus);
        layout->insertWidget(at++, button);
    }
}

void ReplayBar::addTrailingButton(QAction* action)
{
    useButtonText(action); // "다시 보기", where the menu says "다시 보기(&R)"
    auto* button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::NoFocus);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    layout()->addWidget(button);
}

void ReplayBar::setRange(qint64 start, qint64 end)
{
    m_start = start;
    m_end = std::max(end, start + 1);
}

void ReplayBar::setPosition(qint64 t, bool active)
{
    const double fraction = double(t - m_start) / double(m_end - m_start);
    {
        const QSignalBlocker block(m_slider);
        m_slider->setValue(int(std::lround(std::clamp(fraction, 0.0, 1.0) * kSliderSteps)));
    }
    // Counted from the start of the range, as the axis counts: a trace stamped with the epoch
    // (ts near 1.6e15 µs) reads 0.5 s, not 1635202069.5 s.
    const QString end = TimeAxis::timePoint(subNs(m_end, m_start));
    m_time->setText(active ? tr("%1 / %2").arg(TimeAxis::timePoint(subNs(t, m_start)), end) : end);
}

QString ReplayBar::timeText() const
{
    return m_time->text();
}

void ReplayBar::onSliderMoved(int value)
{
    const qint64 t = m_start + qint64(std::llround(double(m_end - m_start) * value / kSliderSteps));
    Q_EMIT positionRequested(t);
}

double ReplayBar::speed() const
{
    return m_speed->currentData().toDouble();
}

void ReplayBar::setSpeed(double speed)
{
    int best = 0;
    for (int i = 0; i < m_speed->count(); ++i) {
        if (std::abs(m_speed->itemData(i).toDouble() - speed) < std::abs(m_speed->itemData(best).toDouble() - speed))
            best = i;
    }
    m_speed->setCurrentIndex(best);
}

bool ReplayBar::stepSpeed(int direction)
{
    const int i = m_speed->currentIndex() + (direction < 0 ? -1 : 1);
    if (i < 0 || i >= m_speed->count())
        return false;
    m_speed->setCurrentIndex(i);
    return true;
}

} // namespace Forkline
