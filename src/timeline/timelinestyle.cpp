// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelinestyle.h"

#include "textfit.h"
#include "textstamps.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QVarLengthArray>
#include <cmath>

namespace Forkline {

namespace {

QColor mix(const QColor& c, const QColor& with, double amount)
{
    return QColor::fromRgbF(float(c.redF() * (1 - amount) + with.redF() * amount),
        float(c.greenF() * (1 - amount) + with.greenF() * amount),
        float(c.blueF() * (1 - amount) + with.blueF() * amount));
}

// Diagonal lines through `r` on a grid fixed to the page: lines where x + y (forward) or
// x - y (backward) is a multiple of `step`. Computed, not clipped, so SVG stays small.
void hatch(QPainter* p, const QRect& r, int step, bool forward)
{
    QVarLengthArray<QLineF, 64> lines;
    // Inclusive pixel bounds: aliased lines cover both end points, so a line ending at
    // left + width would paint over the neighbouring box.
    const double left = r.left(), right = r.right(), top = r.top(), bottom = r.bottom();
    if (forward) {
        // x + y = c: from (c - bottom, bottom) up to (c - top, top), clipped to [left, right].
        const int cFrom = int(std::ceil((left + top) / step)) * step;
        for (int c = cFrom; c <= right + bottom; c += step) {
            double x1 = c - bottom, y1 = bottom, x2 = c - top, y2 = top;
            if (x1 < left) {
                y1 -= left - x1;
                x1 = left;
            }
            if (x2 > right) {
                y2 += x2 - right;
                x2 = right;
            }
            if (x1 <= x2)
                lines.append(QLineF(x1, y1, x2, y2));
        }
    } else {
        // x - y = c: from (c + top, top) down to (c + bottom, bottom).
        const int cFrom = int(std::floor((left - bottom) / step)) * step;
        for (int c = cFrom; c <= right - top; c += step) {
            double x1 = c + top, y1 = top, x2 = c + bottom, y2 = bottom;
            if (x1 < left) {
                y1 += left - x1;
                x1 = left;
            }
            if (x2 > right) {
                y2 -= x2 - right;
                x2 = right;
            }
            if (x1 <= x2)
                lines.append(QLineF(x1, y1, x2, y2));
        }
    }
    p->drawLines(lines.constData(), int(lines.size()));
}

// The dashes of a waiting state's mid-line, in pen widths; empty for the states without one.
QList<qreal> midLineDashes(State s)
{
    switch (s) {
    case State::Running:
    case State::Computing:
    case State::Sleeping:
    case State::WaitingLock:
    case State::Count:
        return {};
    case State::WaitingJoin:
        return { 1, 2 };
    case State::WaitingExit: // the join's dots, in pairs: a join nobody wrote
        return { 1, 1.5, 1, 4 };
    case State::WaitingGil:
        return { 3, 2 };
    case State::WaitingInput:
        return { 4, 1.5, 1, 1.5 };
    default:
        return { 6, 1.5, 1, 1.5, 1, 1.5 };
    }
}

} // namespace

TimelineStyle::TimelineStyle(const QFont& base, bool presentation)
    : m_presentation(presentation)
{
    font = base;
    const double k = presentation ? 1.45 : 1.0;
    const double pt = base.pointSizeF() > 0 ? base.pointSizeF() : 9.0;
    font.setPointSizeF(pt * k);
    smallFont = font;
    smallFont.setPointSizeF(font.pointSizeF() * 0.85);
    boldFont = font;
    boldFont.setBold(true);
    titleFont = font;
    titleFont.setPointSizeF(font.pointSizeF() * 1.6);
    titleFont.setBold(true);
    laneHeight = int(22 * k);
    laneGap = int(4 * k);
    headerHeight = int(22 * k);
    groupGap = int(10 * k);
    axisHeight = int(28 * k);
    markSize = int(9 * k);
    padding = int(8 * k);
    dataRightPad = int(18 * k);
}

QColor TimelineStyle::stateColor(State s)
{
    switch (s) {
    case State::Running:
        return QColor(0x00, 0x9e, 0x73); // bluish green
    case State::Computing:
        return QColor(0x00, 0x72, 0xb2); // blue
    case State::Sleeping:
        return QColor(0x56, 0xb4, 0xe9); // sky blue
    case State::WaitingGil:
        return QColor(0xe6, 0x9f, 0x00); // orange
    case State::WaitingLock:
        return QColor(0xd5, 0x5e, 0x00); // vermillion
    case State::WaitingJoin:
    case State::WaitingExit: // a join too, the one Python does by itself
        return QColor(0xcc, 0x79, 0xa7); // reddish purple
    case State::WaitingInput:
        return QColor(0xb8, 0xa9, 0x00); // Okabe-Ito yellow, darkened to read on white
    case State::Deadlocked:
        return QColor(0xb2, 0x18, 0x2b); // a deep red: this wait never ends
    case State::WaitingEvent:
        return QColor(0x8c, 0x6b, 0xb1); // violet: a wait for another thread's signal
    case State::WaitingQueue:
    case State::Count:
        break;
    }
    return QColor(0x55, 0x55, 0x55);
}

QColor TimelineStyle::stateFill(State s)
{
    switch (s) {
    case State::Running:
    case State::Computing:
        return stateColor(s);
    case State::Sleeping:
        return mix(stateColor(s), Qt::white, 0.72);
    default:
        return mix(stateColor(s), Qt::white, 0.8);
    }
}

void TimelineStyle::usePalette(const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    m_dark = base.lightnessF() < 0.5;
    m_background = base;
    m_text = text;
    m_dimText = mix(text, base, 0.42);
    m_lane = mix(base, text, m_dark ? 0.05 : 0.03);
    m_header = mix(base, text, m_dark ? 0.13 : 0.09);
    m_grid = mix(base, text, m_dark ? 0.2 : 0.13);
    m_highlight = palette.color(QPalette::Highlight);
    // Some themes highlight in a grey that vanishes next to the state colours.
    if (m_highlight.hsvSaturationF() < 0.25)
        m_highlight = m_dark ? QColor(0x56, 0xb4, 0xe9) : QColor(0x30, 0x8c, 0xc6);
    else if (m_dark && m_highlight.lightnessF() < 0.6)
        m_highlight = m_highlight.lighter(140); // a selection ring must stand out on dark lanes
    m_markHalo = m_dark ? m_lane : QColor(Qt::white);
}

QColor TimelineStyle::ink(State s) const
{
    // The queue's grey is the one state colour with no hue: on a dark lane it needs light.
    return m_dark && s == State::WaitingQueue ? QColor(0x9a, 0x9e, 0xa6) : stateColor(s);
}

QColor TimelineStyle::fill(State s) const
{
    if (!m_dark)
        return stateFill(s);
    switch (s) {
    case State::Running:
    case State::Computing:
        return ink(s);
    case State::Sleeping:
        return mix(ink(s), m_lane, 0.62);
    default:
        return mix(ink(s), m_lane, 0.7);
    }
}

QColor TimelineStyle::markColor(InstantKind k) const
{
    const QColor c = instantColor(k);
    // Near-black ink is lost on a dark lane; endings keep their warning colour.
    return m_dark && c.lightnessF() < 0.3 ? m_text : c;
}

QColor TimelineStyle::instantColor(InstantKind k)
{
    // What went wrong stands out: an abnormal end, a signal, a deadlock.
    if ((isTerminal(k) && k != InstantKind::End) || k == InstantKind::Signal || k == InstantKind::Deadlocked)
        return QColor(0xc2, 0x4f, 0x00);
    return QColor(0x1d, 0x1f, 0x23);
}

QString TimelineStyle::stateLabel(State s)
{
    switch (s) {
    case State::Running:
        return tr("running");
    case State::Sleeping:
        return tr("sleeping");
    case State::Computing:
        return tr("computing");
    case State::WaitingGil:
        return tr("waiting: GIL");
    case State::WaitingLock:
        return tr("waiting: lock");
    case State::WaitingJoin:
        return tr("waiting: join");
    case State::WaitingInput:
        return tr("waiting: input");
    case State::WaitingQueue:
        return tr("waiting: queue");
    case State::WaitingExit:
        return tr("waiting: non-daemon threads (exit)");
    case State::Deadlocked:
        return tr("deadlocked");
    case State::WaitingEvent:
        return tr("waiting: event / condition");
    case State::Count:
        break;
    }
    return {};
}

QString TimelineStyle::instantLabel(InstantKind k)
{
    switch (k) {
    case InstantKind::Fork:
        return tr("fork");
    case InstantKind::Start:
        return tr("start");
    case InstantKind::Print:
        return tr("print");
    case InstantKind::End:
        return tr("end");
    case InstantKind::Join:
        return tr("join");
    case InstantKind::Killed:
        return tr("killed");
    case InstantKind::Terminated:
        return tr("terminated");
    case InstantKind::Crashed:
        return tr("crashed");
    case InstantKind::Aborted:
        return tr("aborted");
    case InstantKind::Failed:
        return tr("failed");
    case InstantKind::MainExit:
        return tr("main exit");
    case InstantKind::Send:
        return tr("send");
    case InstantKind::Receive:
        return tr("receive");
    case InstantKind::Signal:
        return tr("terminate / kill");
    case InstantKind::Deadlocked:
        return tr("deadlocked");
    case InstantKind::Other:
    case InstantKind::Count:
        break;
    }
    return tr("event");
}

QString TimelineStyle::flowLabel(FlowKind k)
{
    switch (k) {
    case FlowKind::Fork:
        return tr("fork → start");
    case FlowKind::Join:
        return tr("end → join");
    case FlowKind::Message:
        return tr("message");
    case FlowKind::Lock:
        return tr("lock hand-over");
    case FlowKind::Signal:
        return tr("terminate / kill → end");
    case FlowKind::Notify:
        return tr("set / notify → wake");
    case FlowKind::Other:
    case FlowKind::Count:
        break;
    }
    return tr("flow");
}

void TimelineStyle::drawBoxWords(QPainter* p, const QRect& box, const QString& words, const QFontMetrics& fm) const
{
    // What fm.elidedText gives, measured once for all the boxes with these words.
    const TextFit::Words text = TextFit::elided(smallFont, words, box.width());
    if (text.text.isEmpty() || text.text == QStringLiteral("…"))
        return;
    // Opaque, as the words are the same few on most boxes: they are copied from an image of
    // them on it (TextStamps).
    const QColor backing = laneBackground();
    const int w = std::min(box.width(), text.advance + 2);
    const int th = std::min(box.height(), fm.height());
    const QRect area(box.x() - 1, box.y() + (box.height() - th) / 2, w + 1, th);
    // The backing starts a pixel left of the box: not where drawText clips to.
    QPointF at;
    bool clipped = false;
    if (TextFit::place(p, box, text, Qt::AlignLeft, &at, &clipped) && !clipped
        && TextStamps::draw(p, area, backing, text, at))
        return;
    p->fillRect(area, backing);
    // drawText clips only words that leave the box; those, and words it lays out right to
    // left (Hebrew or Arabic), go by drawText itself.
    TextFit::draw(p, box, text, Qt::AlignLeft);
}

void TimelineStyle::drawStateBox(QPainter* p, const QRect& r, State s) const
{
    if (r.width() <= 0 || r.height() <= 0)
        return;
    const QColor c = ink(s);
    const bool wide = r.width() >= 3;
    switch (s) {
    case State::Running:
        p->fillRect(r, c);
        return;
    case State::Computing:
        p->fillRect(r, c);
        if (wide) {
            // Vertical ticks: a busy CPU, apart from plain running without colour.
            p->setPen(QPen(mix(c, Qt::white, 0.45), 1));
            const int step = tickStep();
            QVarLengthArray<QLine, 64> lines;
            for (int x = (r.left() / step + 1) * step; x <= r.right(); x += step)
                lines.append(QLine(x, r.top() + 2, x, r.bottom() - 2));
            p->drawLines(lines.constData(), int(lines.size()));
        }
        return;
    case State::Sleeping:
        p->fillRect(r, fill(s));
        if (wide) {
            p->setPen(QPen(mix(c, Qt::black, 0.1), 1));
            hatch(p, r, hatchStep(), true);
        }
        return;
    default:
        break;
    }
    // Waiting: a pale box edged in the state's colour with a patterned mid-line, so that
    // "blocked" reads as hollow next to the solid running boxes.
    p->fillRect(r, fill(s));
    const QColor edge = mix(c, Qt::black, 0.05);
    p->fillRect(QRect(r.left(), r.top(), r.width(), 1), edge);
    p->fillRect(QRect(r.left(), r.bottom(), r.width(), 1), edge);
    if (!wide)
        return;
    QPen pen(edge, midLineWidth());
    pen.setCapStyle(Qt::FlatCap);
    if (s == State::WaitingLock) {
        p->setPen(QPen(mix(c, Qt::white, 0.25), 1));
        hatch(p, r.adjusted(0, 1, 0, -1), hatchStep(), false);
        return;
    }
    pen.setDashPattern(midLineDashes(s));
    // Offset the dashes to the page so neighbouring boxes continue the same rhythm.
    const double period = [&] {
        double sum = 0;
        for (double d : pen.dashPattern())
            sum += d;
        return sum * pen.widthF();
    }();
    pen.setDashOffset(std::fmod(double(r.left()), period) / pen.widthF());
    p->setPen(pen);
    const double y = r.top() + r.height() / 2.0;
    p->drawLine(QLineF(r.left(), y, r.left() + r.width(), y));
}

QSize TimelineStyle::patternRepeat(State s) const
{
    switch (s) {
    case State::Running:
        return { 1, 1 };
    case State::Computing:
        return { tickStep(), 1 };
    case State::Sleeping:
    case State::WaitingLock:
        // Diagonals on the page's grid: one row down is one column along.
        return { hatchStep(), hatchStep() };
    default:
        break;
    }
    // Dashes offset to the page: their rhythm, in whole pixels (two rounds of a half-pixel one).
    double period = 0;
    for (qreal d : midLineDashes(s))
        period += d * midLineWidth();
    int rounds = 1;
    while (rounds < 8 && std::fabs(period * rounds - std::round(period * rounds)) > 1e-9)
        ++rounds;
    return { std::max(1, int(std::lround(period * rounds))), 1 };
}

void TimelineStyle::drawFlow(QPainter* p, QPointF from, QPointF to, FlowKind k) const
{
    const QLineF line(from, to);
    if (line.length() < 2)
        return;
    const double gap = markSize / 2.0 + 1.5; // end at the target mark's edge, not under it
    const double head = m_presentation ? 9 : 7;
    const QPointF dir = (to - from) / line.length();
    const QPointF tip = line.length() > gap + head ? to - dir * gap : to;
    QColor color = arrowInk();
    QPen pen(color, m_presentation ? 1.8 : 1.3);
    // Each kind differs in line and head, not only in colour, so a greyscale slide still
    // tells a lock hand-over (dotted) from a message (open head) and from fork and join.
    bool openHead = false;
    switch (k) {
    case FlowKind::Fork:
        break;
    case FlowKind::Join:
        pen.setDashPattern({ 4, 2.5 });
        break;
    case FlowKind::Message:
        // The computing blue, lifted on a dark page where the plain one sinks into the lane.
        color = m_dark ? ink(State::Computing).lighter(140) : ink(State::Computing);
        pen.setColor(color);
        openHead = true;
        break;
    case FlowKind::Lock:
        // Darkened to read on white, kept bright on a dark page.
        color = m_dark ? ink(State::WaitingLock) : mix(ink(State::WaitingLock), Qt::black, 0.35);
        pen.setColor(color);
        // Round dots: a zero-length dash with a round cap, one pen width apart.
        pen.setCapStyle(Qt::RoundCap);
        pen.setDashPattern({ 0.01, 2.2 });
        break;
    case FlowKind::Notify:
        // In the colour of the wait it ends.
        color = m_dark ? ink(State::WaitingEvent).lighter(130) : mix(ink(State::WaitingEvent), Qt::black, 0.2);
        pen.setColor(color);
        pen.setDashPattern({ 5, 2, 1.5, 2 });
        break;
    case FlowKind::Signal:
        // Solid, in the colour of the endings it causes.
        color = markColor(InstantKind::Terminated);
        pen.setColor(color);
        pen.setWidthF(pen.widthF() * 1.3);
        break;
    default:
        pen.setDashPattern({ 5, 2, 1.5, 2 });
        break;
    }
    const QPointF base = tip - dir * head;
    const QPointF normal(-dir.y(), dir.x());
    p->setPen(pen);
    if (openHead) {
        p->drawLine(QLineF(from, tip));
        pen.setJoinStyle(Qt::MiterJoin);
        p->setPen(pen);
        const QPointF chevron[3] = { base + normal * head * 0.5, tip, base - normal * head * 0.5 };
        p->drawPolyline(chevron, 3);
        return;
    }
    p->drawLine(QLineF(from, base));
    const QPointF poly[3] = { tip, base + normal * head * 0.45, base - normal * head * 0.45 };
    p->setPen(Qt::NoPen);
    p->setBrush(color);
    p->drawPolygon(poly, 3);
    p->setBrush(Qt::NoBrush);
}

} // namespace Forkline
