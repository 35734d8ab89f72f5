#include "networkthreadpool.h"

#include <algorithm>
#include <QThread>

namespace outflow {

NetworkThreadPool::NetworkThreadPool(int threads)
{
    for (int i = 0; i < threads; ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("outflow-network-%1").arg(i));
        thread->start();
        m_threads.push_back(std::move(thread));
    }
}

NetworkThreadPool::~NetworkThreadPool()
{
    for (const auto &thread : m_threads)
        thread->quit();
    for (const auto &thread : m_threads)
        thread->wait();
}

int NetworkThreadPool::defaultSize()
{
    return std::clamp(QThread::idealThreadCount(), 1, 4);
}

} // namespace outflow
