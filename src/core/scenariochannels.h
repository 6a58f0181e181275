// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "scenario.h"

#include <QString>
#include <vector>

namespace Forkline {

// How the send and recv steps reach their messages. A queue name is the queue itself; a pipe
// end (Scenario::pipes) sends into the buffer its peer end reads and receives from its own, so a
// duplex pipe is two one-way queues, as multiprocessing.Pipe() is two directions of one socket.
namespace ScenarioChannels {

// The pipe that has `end` as one of its ends, or null.
const Scenario::Pipe* pipeOf(const Scenario& scenario, const QString& end);
// The runtime queue a send to `name` puts on, and the one a recv from `name` takes from.
QString sendQueue(const Scenario& scenario, const QString& name);
QString recvQueue(const Scenario& scenario, const QString& name);
// The flows (worker indexes, -1 for main) whose steps put on the queue a recv from `name`
// reads: the only ones that could ever end that wait.
std::vector<int> feeders(const Scenario& scenario, const QString& name);

} // namespace ScenarioChannels

} // namespace Forkline
