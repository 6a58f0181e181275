// SPDX-License-Identifier: GPL-3.0-or-later
#include "threadworker.h"

#include "processhost.h"

namespace Forkline {

ThreadWorker::ThreadWorker(ProcessHost* host, int workerIndex)
    : m_host(host)
    , m_worker(workerIndex)
{ }

void ThreadWorker::run()
{
    m_host->runWorker(m_worker);
}

} // namespace Forkline
