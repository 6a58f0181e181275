// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Forkline {

// What a scenario's "expect" says a shared value ends at, beside what the run ended with. It
// travels as an instant named `expect` (InstantKind::Other with that name, as a foreign
// trace's named instant) on the main thread's lane, whose args are the members below
// (`"shared":"counter","value":1005,"expected":4000`), so a saved trace keeps it and any
// Chrome trace viewer shows it as plain args.
struct ExpectOutcome
{
    static constexpr const char* kInstantName = "expect";

    QString shared;
    qint64 value = 0;
    qint64 expected = 0;

    // The args members, compact JSON without the braces.
    QByteArray toArgs() const;
    // False when `members` lacks one of the three or holds another type (a foreign trace's
    // instant that happens to be named "expect").
    static bool fromArgs(const QByteArray& members, ExpectOutcome* out);
};

} // namespace Forkline
