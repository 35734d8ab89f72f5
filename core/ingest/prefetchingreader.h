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
// Memory goes back where it came from: the records the caller is done with
// (the previous one, handed back by next()) return to the reading thread in
// their chunk and are freed there. Freed on the caller's thread, each of
// their blocks went to glibc's arena of the reading thread under that
// arena's lock, which the reading thread needs for every allocation: the
// two threads spent more time waiting for that lock than working (perf
// sched, bench/README.md).
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
    // What `record` held before is taken back (to be freed by the reader).
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
    std::vector<Chunk> m_spent; // guarded: chunks of used records, for the reader to free
    bool m_finished = false;    // guarded: the reader reached the end
    bool m_stopping = false;    // guarded: the consumer is gone
    Chunk m_current;            // the consumer's own
    size_t m_position = 0;
    std::unique_ptr<QThread> m_thread;
};

} // namespace outflow
