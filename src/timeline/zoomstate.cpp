// SPDX-License-Identifier: GPL-3.0-or-later
#include "zoomstate.h"

#include "timearithmetic.h"
#include "timemapping.h"
#include "toolglyphs.h"

#include <QAction>
#include <algorithm>
#include <cmath>

namespace Forkline {

namespace {
constexpr double kStep = 1.5;
// A live fitted view grows in steps rather than every frame, so the picture does not
// shrink continuously under the reader's eyes.
constexpr double kLiveHeadroom = 1.3;
constexpr qint64 kLiveMinimum = 200000000;
} // namespace

ZoomState::ZoomState(QObject* parent)
    : QObject(parent)
{
    m_zoomIn
        = new QAction(QIcon::fromTheme(QStringLiteral("zoom-in"), toolGlyph(ToolGlyph::ZoomIn)), tr("Zoom &In"), this);
    m_zoomIn->setShortcuts({ QKeySequence(Qt::Key_Plus), QKeySequence(Qt::Key_Equal), QKeySequence::ZoomIn });
    m_zoomIn->setToolTip(tr("Zoom in on the timeline (+ or the mouse wheel)"));
    connect(m_zoomIn, &QAction::triggered, this, [this] { zoomBy(kStep); });

    m_zoomOut = new QAction(
        QIcon::fromTheme(QStringLiteral("zoom-out"), toolGlyph(ToolGlyph::ZoomOut)), tr("Zoom &Out"), this);
    m_zoomOut->setShortcuts({ QKeySequence(Qt::Key_Minus), QKeySequence::ZoomOut });
    m_zoomOut->setToolTip(tr("Zoom out (- or the mouse wheel)"));
    connect(m_zoomOut, &QAction::triggered, this, [this] { zoomBy(1 / kStep); });

    m_fit = new QAction(
        QIcon::fromTheme(QStringLiteral("zoom-fit-best"), toolGlyph(ToolGlyph::FitAll)), tr("&Fit All"), this);
    m_fit->setShortcuts({ QKeySequence(Qt::Key_0), QKeySequence(Qt::CTRL | Qt::Key_0) });
    m_fit->setToolTip(tr("Show the whole run (0)"));
    connect(m_fit, &QAction::triggered, this, &ZoomState::fit);

    m_follow = new QAction(toolGlyph(ToolGlyph::Follow), tr("F&ollow Live"), this);
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    m_follow->setEnabled(false);
    m_follow->setShortcut(QKeySequence(Qt::Key_F));
    m_follow->setToolTip(tr("Keep the newest events in sight while a run is going (F)"));
    connect(m_follow, &QAction::toggled, this, &ZoomState::setFollowing);
}

// Ranges come from the data, and a trace's times may lie anywhere in a qint64: the sums here
// saturate (timearithmetic.h) rather than overflow.
void ZoomState::apply(qint64 t0, qint64 t1)
{
    if (subNs(t1, t0) < kMinimumRange) {
        const qint64 mid = addNs(t0, subNs(t1, t0) / 2);
        t1 = addNs(subNs(mid, kMinimumRange / 2), kMinimumRange);
        t0 = t1 - kMinimumRange;
    }
    if (t0 == m_t0 && t1 == m_t1)
        return;
    m_t0 = t0;
    m_t1 = t1;
    Q_EMIT rangeChanged();
}

void ZoomState::setExtent(qint64 start, qint64 end)
{
    m_extentStart = start;
    m_extentEnd = std::max(end, addNs(start, 1));
    track();
}

void ZoomState::track()
{
    const qint64 extent = subNs(m_extentEnd, m_extentStart);
    if (m_live && m_following) {
        if (m_fitted) {
            qint64 t1 = std::max(m_t1, addNs(m_extentStart, kLiveMinimum));
            if (m_t0 != m_extentStart || m_extentEnd > t1)
                t1 = addNs(m_extentStart, std::max(kLiveMinimum, roundNs(double(extent) * kLiveHeadroom)));
            apply(m_extentStart, t1);
        } else if (m_extentEnd > subNs(m_t1, subNs(m_t1, m_t0) / 20)) {
            const qint64 width = subNs(m_t1, m_t0);
            const qint64 t1 = addNs(m_extentEnd, width / 10);
            apply(subNs(t1, width), t1);
        }
        return;
    }
    if (m_fitted)
        apply(m_extentStart, m_extentEnd);
}

void ZoomState::setRange(qint64 t0, qint64 t1)
{
    const qint64 extent = subNs(m_extentEnd, m_extentStart);
    qint64 width = std::clamp<qint64>(subNs(t1, t0), kMinimumRange, std::max(kMinimumRange, addNs(extent, extent / 2)));
    // Some slack past either end, but never so much that the data leaves the screen.
    const qint64 slack = width / 10;
    const qint64 lo = subNs(m_extentStart, slack);
    const qint64 hi = addNs(std::max(m_extentEnd, m_live ? m_t1 : m_extentEnd), slack);
    if (width > subNs(hi, lo))
        width = subNs(hi, lo);
    t0 = std::clamp(t0, lo, std::max(lo, subNs(hi, width)));
    m_fitted = false;
    setFollowing(false);
    apply(t0, addNs(t0, width));
}

void ZoomState::zoomBy(double factor, double fraction)
{
    if (m_compact) {
        const TimeMapping m { m_t0, m_t1, 0, 1, 0, m_compact };
        const TimeMapping z = m.zoomedAround(fraction, factor);
        setRange(z.t0, z.t1);
        return;
    }
    const double width = diffNs(m_t1, m_t0);
    const double anchor = double(m_t0) + fraction * width;
    const double newWidth = width / factor;
    const qint64 t0 = roundNs(anchor - fraction * newWidth);
    setRange(t0, addNs(t0, roundNs(newWidth)));
}

void ZoomState::fit()
{
    m_fitted = true;
    if (m_live)
        setFollowing(true);
    if (m_live && m_following)
        track();
    else
        apply(m_extentStart, m_extentEnd);
}

void ZoomState::setLive(bool live)
{
    m_live = live;
    m_follow->setEnabled(live);
    if (live) {
        m_fitted = true;
        setFollowing(true);
        m_t0 = m_extentStart;
        m_t1 = m_extentStart + kLiveMinimum;
    }
    track();
}

void ZoomState::setFollowing(bool on)
{
    if (m_following == on)
        return;
    m_following = on;
    m_follow->setChecked(on);
    if (on && m_live && !m_fitted) {
        // Back to the newest events at the current zoom.
        const qint64 width = subNs(m_t1, m_t0);
        const qint64 t1 = addNs(m_extentEnd, width / 10);
        apply(subNs(t1, width), t1);
    }
    if (on)
        track();
    Q_EMIT followingChanged(on);
}

} // namespace Forkline
