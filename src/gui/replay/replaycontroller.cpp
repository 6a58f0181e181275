// SPDX-License-Identifier: GPL-3.0-or-later
#include "replaycontroller.h"

#include "console/consolepane.h"
#include "replaybar.h"
#include "timearithmetic.h"
#include "timeaxis.h"
#include "tracemodel.h"
#include "view/timelineview.h"
#include "zoomstate.h"

#include <QAction>
#include <QLocale>
#include <algorithm>
#include <climits>

namespace Forkline {

namespace {
constexpr int kFrameMs = 16;

QAction* makeAction(QObject* parent, const QString& text, const QKeySequence& key, const QString& tip)
{
    auto* a = new QAction(text, parent);
    a->setShortcut(key);
    a->setToolTip(QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    a->setStatusTip(tip);
    return a;
}
} // namespace

ReplayController::ReplayController(TimelineView* view, ConsolePane* console, ReplayBar* bar)
    : QObject(bar)
    , m_view(view)
    , m_console(console)
    , m_bar(bar)
{
    createActions();
    m_bar->addButtons({ m_toStart, m_previous, m_play, m_next, m_toEnd });
    m_bar->addTrailingButton(m_replay);

    m_timer.setInterval(kFrameMs);
    connect(&m_timer, &QTimer::timeout, this, &ReplayController::tick);
    connect(m_bar, &ReplayBar::paletteChanged, this, &ReplayController::updateIcons);
    connect(m_bar, &ReplayBar::positionRequested, this, [this](qint64 t) {
        setPlaying(false);
        if (m_active)
            setPosition(t);
        else
            start(t);
    });
    connect(m_bar, &ReplayBar::speedChanged, this,
        [this](double speed) { Q_EMIT message(tr("Replay speed %1×").arg(QLocale().toString(speed))); });
    connect(m_view, &TimelineView::playheadDragged, this, [this](qint64 t) {
        setPlaying(false);
        if (m_active)
            setPosition(t);
        else
            start(t);
    });
    // A new run or trace, or a run going live, ends the replay of the old one.
    connect(m_view, &TimelineView::modelChanged, this, [this] {
        stop();
        updateActions();
    });
    connect(m_view, &TimelineView::liveChanged, this, [this] {
        stop();
        updateActions();
    });
    updateIcons();
}

void ReplayController::updateIcons()
{
    m_previous->setIcon(m_bar->glyph(ReplayBar::Glyph::Previous));
    m_next->setIcon(m_bar->glyph(ReplayBar::Glyph::Next));
    m_toStart->setIcon(m_bar->glyph(ReplayBar::Glyph::ToStart));
    m_toEnd->setIcon(m_bar->glyph(ReplayBar::Glyph::ToEnd));
    updateActions(); // the play and replay icons follow the state
}

void ReplayController::createActions()
{
    m_replay = makeAction(this, tr("&Replay"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R),
        tr("Replay the run with a playhead: play it slowly or step from event to event"));
    m_replay->setCheckable(true);
    connect(m_replay, &QAction::triggered, this, [this](bool on) {
        if (on)
            start();
        else
            stop();
    });

    m_play = makeAction(this, tr("&Play"), QKeySequence(Qt::Key_Space), tr("Play or pause the replay"));
    connect(m_play, &QAction::triggered, this, [this] { setPlaying(!m_playing); });
    m_previous = makeAction(this, tr("Pre&vious Event"), QKeySequence(Qt::Key_Left),
        tr("Move the playhead back to the previous moment something happened"));
    connect(m_previous, &QAction::triggered, this, &ReplayController::stepBack);
    m_next = makeAction(this, tr("&Next Event"), QKeySequence(Qt::Key_Right),
        tr("Move the playhead on to the next moment something happens"));
    connect(m_next, &QAction::triggered, this, &ReplayController::stepForward);
    m_toStart = makeAction(
        this, tr("To &Start"), QKeySequence(Qt::Key_Home), tr("Move the playhead to the start of the run"));
    connect(m_toStart, &QAction::triggered, this, &ReplayController::toStart);
    m_toEnd = makeAction(this, tr("To &End"), QKeySequence(Qt::Key_End), tr("Move the playhead to the end of the run"));
    connect(m_toEnd, &QAction::triggered, this, &ReplayController::toEnd);
    m_slower = makeAction(this, tr("S&lower"), QKeySequence(Qt::Key_BracketLeft), tr("Replay more slowly"));
    connect(m_slower, &QAction::triggered, this, [this] { m_bar->stepSpeed(-1); });
    m_faster = makeAction(this, tr("&Faster"), QKeySequence(Qt::Key_BracketRight), tr("Replay faster"));
    connect(m_faster, &QAction::triggered, this, [this] { m_bar->stepSpeed(+1); });

    // On the timeline and the bar the keys always work; elsewhere only during a replay
    // (see updateActions), so Space and the arrows keep their usual meaning in lists.
    const QList<QAction*> keys = { m_play, m_previous, m_next, m_toStart, m_toEnd, m_slower, m_faster };
    m_view->addActions(keys);
    m_bar->addActions(keys);
}

QList<QAction*> ReplayController::actions() const
{
    return { m_replay, m_play, m_previous, m_next, m_toStart, m_toEnd, m_slower, m_faster };
}

bool ReplayController::canReplay() const
{
    return m_view->model() && !m_view->model()->isEmpty() && !m_view->isLive();
}

void ReplayController::updateActions()
{
    const bool can = canReplay();
    m_replay->setEnabled(can || m_active);
    {
        const QSignalBlocker block(m_replay);
        m_replay->setChecked(m_active);
    }
    m_replay->setText(m_active ? tr("Leave &Replay") : tr("&Replay"));
    m_replay->setIcon(m_bar->glyph(m_active ? ReplayBar::Glyph::Leave : ReplayBar::Glyph::Play));
    m_play->setEnabled(can);
    m_play->setText(m_playing ? tr("&Pause") : tr("&Play"));
    m_play->setIcon(m_bar->glyph(m_playing ? ReplayBar::Glyph::Pause : ReplayBar::Glyph::Play));
    for (QAction* a : { m_previous, m_next, m_toStart, m_toEnd, m_slower, m_faster })
        a->setEnabled(m_active);
    const Qt::ShortcutContext context = m_active ? Qt::WindowShortcut : Qt::WidgetWithChildrenShortcut;
    for (QAction* a : { m_play, m_previous, m_next, m_toStart, m_toEnd, m_slower, m_faster }) {
        if (a->shortcutContext() != context)
            a->setShortcutContext(context);
    }
    m_bar->setEnabled(can || m_active);
    // While a new run is live there is nothing to replay yet: the bar starts over at zero
    // rather than keep showing the last run's end.
    const bool empty = !can && !m_active;
    m_bar->setRange(empty ? 0 : extentStart(), empty ? 0 : extentEnd());
    m_bar->setPosition(m_active ? m_position : (empty ? 0 : extentEnd()), m_active);
}

qint64 ReplayController::extentStart() const
{
    return m_view->model() ? TimeAxis::extent(*m_view->model()).first : 0;
}

qint64 ReplayController::extentEnd() const
{
    return m_view->model() ? TimeAxis::extent(*m_view->model()).second : 0;
}

void ReplayController::start(qint64 t)
{
    if (!canReplay())
        return;
    const bool was = m_active;
    m_active = true;
    m_position = std::clamp(t < 0 ? extentStart() : t, extentStart(), extentEnd());
    updateActions();
    apply();
    if (!was) {
        Q_EMIT activeChanged(true);
        Q_EMIT message(tr("Replay: Space plays and pauses, Left and Right step from event to event, Esc leaves"));
    }
}

void ReplayController::stop()
{
    m_timer.stop();
    m_playing = false;
    if (!m_active) {
        updateActions();
        return;
    }
    m_active = false;
    m_view->setPlayhead(-1);
    m_console->setCutoff(-1);
    updateActions();
    Q_EMIT activeChanged(false);
    Q_EMIT message(tr("Replay left: the whole run shows again"));
}

void ReplayController::setPosition(qint64 t)
{
    if (!m_active)
        return;
    m_position = std::clamp(t, extentStart(), extentEnd());
    apply();
}

void ReplayController::apply()
{
    m_view->setPlayhead(m_position);
    m_console->setCutoff(m_position);
    m_bar->setPosition(m_position, true);
    const ZoomState* zoom = m_view->zoom();
    if (m_position < zoom->start() || m_position > zoom->end())
        m_view->revealTime(m_position);
}

void ReplayController::stepForward()
{
    if (!m_active)
        start();
    setPlaying(false);
    const qint64 t = nextEventTime(*m_view->model(), m_position);
    if (t < 0) {
        Q_EMIT message(tr("Nothing happens after %1").arg(TimeAxis::timePoint(subNs(m_position, extentStart()))));
        return;
    }
    setPosition(t);
    Q_EMIT message(tr("Next event at %1").arg(TimeAxis::timePoint(subNs(t, extentStart()))));
}

void ReplayController::stepBack()
{
    if (!m_active)
        start();
    setPlaying(false);
    const qint64 t = previousEventTime(*m_view->model(), m_position);
    if (t < 0) {
        setPosition(extentStart());
        Q_EMIT message(tr("Nothing happens before %1").arg(TimeAxis::timePoint(subNs(m_position, extentStart()))));
        return;
    }
    setPosition(t);
    Q_EMIT message(tr("Previous event at %1").arg(TimeAxis::timePoint(subNs(t, extentStart()))));
}

void ReplayController::toStart()
{
    setPlaying(false);
    setPosition(extentStart());
}

void ReplayController::toEnd()
{
    setPlaying(false);
    setPosition(extentEnd());
}

void ReplayController::setPlaying(bool playing)
{
    if (playing == m_playing)
        return;
    if (playing) {
        if (!canReplay())
            return;
        if (!m_active)
            start();
        if (m_position >= extentEnd())
            setPosition(extentStart()); // play again from the top
        m_carry = 0;
        m_clock.start();
        m_timer.start();
    } else {
        m_timer.stop();
    }
    m_playing = playing;
    updateActions();
    if (playing)
        Q_EMIT message(tr("Playing at %1×").arg(QLocale().toString(speed())));
}

double ReplayController::speed() const
{
    return m_bar->speed();
}

void ReplayController::setSpeed(double speed)
{
    m_bar->setSpeed(speed);
}

void ReplayController::tick()
{
    m_carry += double(m_clock.nsecsElapsed()) * speed();
    m_clock.start();
    const qint64 dt = qint64(m_carry);
    m_carry -= double(dt);
    const qint64 end = extentEnd();
    if (m_position + dt >= end) {
        setPosition(end);
        setPlaying(false);
        Q_EMIT message(tr("Replay reached the end of the run"));
        return;
    }
    setPosition(m_position + dt);
}

qint64 ReplayController::nextEventTime(const TraceModel& model, qint64 t)
{
    qint64 best = LLONG_MAX;
    for (const Lane& lane : model.lanes()) {
        const size_t i = TraceModel::firstSpanEndingAfter(lane, t);
        if (i < lane.spans.size())
            best = std::min(best, lane.spans[i].start > t ? lane.spans[i].start : lane.spans[i].end);
        const auto it = std::upper_bound(
            lane.instants.begin(), lane.instants.end(), t, [](qint64 v, const Instant& in) { return v < in.t; });
        if (it != lane.instants.end())
            best = std::min(best, it->t);
    }
    return best == LLONG_MAX ? -1 : best;
}

qint64 ReplayController::previousEventTime(const TraceModel& model, qint64 t)
{
    qint64 best = -1;
    for (const Lane& lane : model.lanes()) {
        // Spans before i end before t; span i ends at or after t and may start before it.
        const size_t i = TraceModel::firstSpanEndingAfter(lane, t - 1);
        if (i > 0)
            best = std::max(best, lane.spans[i - 1].end);
        if (i < lane.spans.size() && lane.spans[i].start < t)
            best = std::max(best, lane.spans[i].start);
        const auto it = std::lower_bound(
            lane.instants.begin(), lane.instants.end(), t, [](const Instant& in, qint64 v) { return in.t < v; });
        if (it != lane.instants.begin())
            best = std::max(best, std::prev(it)->t);
    }
    return best;
}

} // namespace Forkline
