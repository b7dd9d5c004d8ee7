#pragma once

#include "common/Error.h"
#include "index/SearchIndex.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace sextant::library {

/// Writes to the search index on a thread of its own, so that the thread
/// that writes SQLite does not also carry Xapian's inverter (the larger half
/// of an ingest's writing). Documents and commits are done in the order they
/// are queued; a commit reports the (source, version) pairs it made
/// searchable, which the caller records in the store once they are durable.
///
/// The queue is bounded: replace() waits while it is full, so memory stays
/// flat whatever the pace of the two writers. After the first error nothing
/// more is written and every later call returns that error.
class IndexWriter {
public:
    using Indexed = std::vector<std::pair<qint64, qint64>>; // (source id, version id)

    explicit IndexWriter(index::SearchIndex &index, size_t maxQueued = 128);
    ~IndexWriter(); ///< drops what is still queued; call finish() first to have it done
    IndexWriter(const IndexWriter &) = delete;
    IndexWriter &operator=(const IndexWriter &) = delete;

    Result<void> replace(qint64 sourceId, qint64 versionId, index::PreparedDocument &&doc);
    /// Queues a commit of everything queued so far; `indexed` comes back from takeCommitted() once it is done.
    Result<void> commit(Indexed indexed);
    /// The pairs of the commits done since the last call.
    Indexed takeCommitted();
    /// Waits until everything queued is done.
    Result<void> finish();
    /// CPU seconds the writer's thread has spent writing and committing.
    double busySeconds() const;

private:
    struct Task {
        qint64 sourceId = 0;
        qint64 versionId = 0;
        std::optional<index::PreparedDocument> doc; // empty: a commit
        Indexed indexed;
    };

    void run();
    Result<void> push(Task &&task);

    index::SearchIndex &m_index;
    const size_t m_maxQueued;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Task> m_queue;
    bool m_busy = false; // the thread holds a task
    bool m_stop = false;
    std::optional<Error> m_error;
    Indexed m_committed;
    double m_busySeconds = 0;
    std::thread m_thread;
};

} // namespace sextant::library
