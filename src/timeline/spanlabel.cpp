// SPDX-License-Identifier: GPL-3.0-or-later
#include "spanlabel.h"

#include "timelinestyle.h"

namespace Forkline {

QString SpanLabel::of(const TraceModel& model, const Span& span)
{
    if (span.name >= 0)
        return model.nameOf(span);
    return phrase(span.state, model.detailOf(span));
}

QString SpanLabel::onBox(const TraceModel& model, const Span& span)
{
    if (span.name == -1 && span.state == State::Running)
        return {};
    return of(model, span);
}

QString SpanLabel::phrase(State state, const QString& detail)
{
    if (detail.isEmpty())
        return TimelineStyle::stateLabel(state);
    switch (state) {
    case State::Sleeping:
        return tr("sleep %1").arg(detail);
    case State::Computing:
        return tr("compute %1").arg(detail);
    case State::WaitingLock:
        return tr("lock %1").arg(detail);
    case State::WaitingJoin:
        return tr("join %1").arg(detail);
    case State::WaitingQueue:
        return tr("get %1").arg(detail);
    case State::WaitingEvent:
        return tr("wait %1").arg(detail);
    default:
        break;
    }
    //: a state and what it is about, "deadlocked: th1"
    return tr("%1: %2").arg(TimelineStyle::stateLabel(state), detail);
}

} // namespace Forkline
