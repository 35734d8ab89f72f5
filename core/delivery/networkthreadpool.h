#pragma once

#include <memory>
#include <vector>

class QThread;

namespace outflow {

// The worker threads that run the senders' QNetworkAccessManager instances,
// shared by every destination (each destination has managers of its own on
// them: see QnamTransport). Qt's HTTP stack costs CPU per request (DESIGN,
// issue #6: ≈ 160 µs over HTTP/1.1, 75 µs over HTTP/2), so one thread caps a
// destination's rate; more threads than cores only add switching.
//
// Threads start in the constructor and stop in the destructor, which waits
// for them: objects still on them that were deleteLater()'d are deleted then.
class NetworkThreadPool
{
public:
    // 0 threads: the transports keep their managers in their own thread.
    explicit NetworkThreadPool(int threads = defaultSize());
    ~NetworkThreadPool();
    NetworkThreadPool(const NetworkThreadPool &) = delete;
    NetworkThreadPool &operator=(const NetworkThreadPool &) = delete;

    // The cores, at most 4: beyond that the senders' own threads and SQLite
    // are the limit, not Qt's HTTP stack.
    static int defaultSize();

    int size() const { return int(m_threads.size()); }
    QThread *thread(int index) const { return m_threads.at(std::size_t(index)).get(); }

private:
    std::vector<std::unique_ptr<QThread>> m_threads;
};

} // namespace outflow
