#pragma once

#include "fragmentparser.h"

#include <deque>
#include <memory>
#include <QMutex>
#include <QWaitCondition>
#include <vector>

class QThread;

namespace outflow {

class NdjsonReader;

// Runs an NdjsonReader on a thread of its own, a bounded number of records
// ahead of the caller: parsing and validating a line (about a fifth of the
// ingest's CPU time) then overlaps with merging and writing the previous
// ones, on the machine's other core.
//
// Only for devices that never wait long for data (files): a pipe or a
// terminal could block the reading thread indefinitely, and the ingest must
// commit before it waits (Ingestor reads those directly). The reader and its
// device belong to the reading thread until this object is destroyed.
class PrefetchingReader
{
public:
    explicit PrefetchingReader(NdjsonReader &reader);
    ~PrefetchingReader(); // stops the reading thread and waits for it
    PrefetchingReader(const PrefetchingReader &) = delete;
    PrefetchingReader &operator=(const PrefetchingReader &) = delete;

    // Blocks until the next record is read; false at the end of the input.
    bool next(ReadRecord &record);

private:
    using Chunk = std::vector<ReadRecord>;
    void produce();

    // Records travel in chunks: one lock and one wake-up per chunk, not per line.
    static constexpr size_t kChunkRecords = 256;
    static constexpr size_t kMaxChunks = 16;

    NdjsonReader &m_reader;
    QMutex m_mutex;
    QWaitCondition m_notEmpty;
    QWaitCondition m_notFull;
    std::deque<Chunk> m_chunks; // guarded by m_mutex
    bool m_finished = false;    // guarded: the reader reached the end
    bool m_stopping = false;    // guarded: the consumer is gone
    Chunk m_current;            // the consumer's own
    size_t m_position = 0;
    std::unique_ptr<QThread> m_thread;
};

} // namespace outflow
