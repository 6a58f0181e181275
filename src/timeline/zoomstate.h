// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <memory>

class QAction;

namespace Forkline {

class CompactTime;

// The visible time range of the timeline and the actions that change it. One object, so
// the wheel, the keys, the scroll bar and the menus can never disagree.
class ZoomState : public QObject
{
    Q_OBJECT
public:
    explicit ZoomState(QObject* parent = nullptr);

    qint64 start() const { return m_t0; }
    qint64 end() const { return m_t1; }
    qint64 extentStart() const { return m_extentStart; }
    qint64 extentEnd() const { return m_extentEnd; }
    // The range the data covers; keeps a fitted view fitted and a following view on "now".
    void setExtent(qint64 start, qint64 end);
    // A range chosen by the user (wheel, drag, selection, scroll bar): stops following.
    void setRange(qint64 t0, qint64 t1);
    // Zooms by `factor` (>1 zooms in) keeping the time at `fraction` of the width in place.
    void zoomBy(double factor, double fraction = 0.5);
    void fit();
    bool isFitted() const { return m_fitted; }
    // Compact time (null: none): zoomBy() then keeps the axis' middle, not real time's.
    void setCompact(std::shared_ptr<const CompactTime> compact) { m_compact = std::move(compact); }

    // While a run is live the view can follow it: the range grows (fitted) or scrolls
    // (zoomed in) so that "now" stays in sight.
    void setLive(bool live);
    bool isLive() const { return m_live; }
    bool isFollowing() const { return m_following; }
    void setFollowing(bool on);

    static constexpr qint64 kMinimumRange = 1000; // 1 µs: below that a ns clock has nothing to show

    QAction* zoomInAction() const { return m_zoomIn; }
    QAction* zoomOutAction() const { return m_zoomOut; }
    QAction* fitAction() const { return m_fit; }
    QAction* followAction() const { return m_follow; }

Q_SIGNALS:
    void rangeChanged();
    void followingChanged(bool following);

private:
    void apply(qint64 t0, qint64 t1);
    void track();

    qint64 m_t0 = 0;
    qint64 m_t1 = 1000000000;
    qint64 m_extentStart = 0;
    qint64 m_extentEnd = 1000000000;
    std::shared_ptr<const CompactTime> m_compact;
    bool m_fitted = true;
    bool m_live = false;
    bool m_following = true;
    QAction* m_zoomIn = nullptr;
    QAction* m_zoomOut = nullptr;
    QAction* m_fit = nullptr;
    QAction* m_follow = nullptr;
};

} // namespace Forkline
