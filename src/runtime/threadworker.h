// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QThread>

namespace Forkline {

class ProcessHost;

// A scenario worker of kind "thread": a real QThread with its own native thread id.
class ThreadWorker : public QThread
{
    Q_OBJECT
public:
    ThreadWorker(ProcessHost* host, int workerIndex);

protected:
    void run() override;

private:
    ProcessHost* m_host;
    int m_worker;
};

} // namespace Forkline
