// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "autofold.h"
#include "lanesummary.h"
#include "timelinelayout.h"
#include "timelinelegend.h"
#include "timelineoverlay.h"
#include "timelinepainter.h"
#include "timelinestyle.h"
#include "timemapping.h"

#include <QAbstractScrollArea>
#include <QSet>
#include <QTimer>
#include <array>
#include <functional>
#include <memory>

namespace Forkline {

class TraceModel;
class ZoomState;

// The live Gantt view: a fixed time axis on top, lane names on the left, the legend at the
// bottom and the lanes scrolling in between. Wheel zooms around the cursor, drag pans,
// shift+drag (or right-drag) zooms to a range, a click on a process header folds it.
class TimelineView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);
    ~TimelineView() override;

    // The model must outlive the view or be replaced first; it may grow between updates.
    void setModel(const TraceModel* model);
    const TraceModel* model() const { return m_model; }
    ZoomState* zoom() const { return m_zoom; }

    // While a clock is set the run is live: open spans reach clock() and the view follows.
    void setLiveClock(std::function<qint64()> clock);
    bool isLive() const { return bool(m_clock); }
    // What a live run measured that its model does not hold yet (the GIL waits of a Python
    // run), drawn over the model while live; none when empty.
    void setLiveStretches(std::function<const TimelineOverlay::Stretches&()> stretches, State state);

    // Coalesces: many calls within a frame cause one repaint.
    void scheduleUpdate();

    TimelineHit hitAt(QPoint viewportPos) const;
    QString toolTipAt(QPoint viewportPos) const;
    // The viewport position of a lane's centre at time t (tests, accessibility).
    QPoint lanePoint(int lane, qint64 t) const;

    void setCollapsed(qint64 pid, bool collapsed);
    bool isCollapsed(qint64 pid) const { return m_collapsed.contains(pid); }

    // The box or mark the user clicked (kind Span or Instant), or kind None. A new model
    // clears it.
    const TimelineHit& selection() const { return m_selection; }
    void select(const TimelineHit& hit);
    void clearSelection();
    // More boxes and marks ringed as the selection is (the events of one line of code, say);
    // a new model clears them.
    void setHighlights(const std::vector<TimelineHit>& hits);
    const std::vector<TimelineHit>& highlights() const { return m_highlights; }
    // Brings time t of a lane into sight: unfolds its process, scrolls to its row and, when
    // t is off screen, pans (keeping the zoom) so that t is in the middle.
    void reveal(int lane, qint64 t);
    void revealTime(qint64 t);

    // The replay playhead, -1 for none: what comes after it is dimmed and every lane says
    // what it is doing at that moment.
    void setPlayhead(qint64 t);
    qint64 playhead() const { return m_playhead; }

    // Sentences from the trace beside the marks that make a lesson's point (TraceCallouts).
    void setCallouts(bool on);
    bool callouts() const { return m_callouts; }
    // Compact time: idle gaps drawn short (CompactTime), once a run has ended. A live run is
    // drawn as it comes: its last quiet stretch may still be growing into a gap.
    void setCompactTime(bool on);
    bool compactTime() const { return m_compactOn; }
    // The gaps drawn short now; null when none (switched off, live, or nothing idle).
    const CompactTime* compact() const { return m_compact.get(); }
    // Larger fonts and lanes for a projector.
    void setPresentation(bool on);
    bool isPresentation() const { return m_style.presentation(); }
    const TimelineStyle& style() const { return m_style; }

    QSize sizeHint() const override;

Q_SIGNALS:
    void selectionChanged();
    void modelChanged();
    void liveChanged(bool live);
    // The user pressed or dragged on the time axis of a finished run: move the replay there.
    void playheadDragged(qint64 t);
    // setPlayhead() moved it (-1: the replay ended).
    void playheadChanged(qint64 t);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool viewportEvent(QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void rebuildStyle();
    bool canScrub() const;
    void updateScrollBars();
    void onHorizontalScroll(int value);
    TimeMapping mapping() const;
    void updateCompact();
    // Shows [a0, a1] of the axis' own time (compact or real): pans and scrolls move along it.
    void setAxisRange(const TimeMapping& m, qint64 a0, qint64 a1);
    qint64 now() const;
    int rowsTop() const { return m_style.axisHeight; }
    int rowsBottom() const;
    QPoint toContent(QPoint viewportPos) const;

    const TraceModel* m_model = nullptr;
    ZoomState* m_zoom = nullptr;
    TimelineStyle m_style;
    bool m_callouts = true;
    bool m_compactOn = false;
    std::shared_ptr<const CompactTime> m_compact;
    std::array<qint64, 4> m_compactKey {}; // what m_compact was found in (see updateCompact)
    TimelineLayout m_layout;
    size_t m_layoutKey = 0; // TimelineLayout::signature() of what m_layout was built from
    bool m_layoutValid = false;
    LaneSummary m_summary;
    double m_paintMs = 0; // how long the last frame took to paint
    QSet<qint64> m_collapsed;
    AutoFold m_autoFold;
    std::function<qint64()> m_clock;
    // What the legend lists: the model's keys and the live stretches' state.
    TimelineLegend::Keys legendKeys(const TraceModel& model);
    std::function<const TimelineOverlay::Stretches&()> m_liveStretches;
    State m_liveStretchState = State::WaitingGil;
    QTimer m_repaintTimer;
    QTimer m_liveTimer;
    TimelineLegend::Scanner m_legendScanner;
    int m_legendHeight = 0;
    qint64 m_scrollUnit = 1;
    bool m_settingScrollBars = false;

    TimelineHit m_selection;
    std::vector<TimelineHit> m_highlights;
    qint64 m_playhead = -1;

    enum class Drag : std::uint8_t { None, Pan, Select, Playhead };
    Drag m_drag = Drag::None;
    QPoint m_pressPos;
    qint64 m_pressT0 = 0;
    qint64 m_pressT1 = 0;
    int m_pressScrollY = 0;
    bool m_moved = false;
    int m_selectTo = 0;
};

} // namespace Forkline
