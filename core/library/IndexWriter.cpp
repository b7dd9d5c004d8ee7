#include "library/IndexWriter.h"

#include <ctime>

namespace sextant::library {

namespace {

double threadCpuSeconds()
{
    timespec t{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

} // namespace

IndexWriter::IndexWriter(index::SearchIndex &index, size_t maxQueued)
    : m_index(index), m_maxQueued(std::max<size_t>(maxQueued, 1)), m_thread([this] { run(); })
{
}

IndexWriter::~IndexWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_queue.clear(); // what finish() was not asked to wait for is dropped
    }
    m_changed.notify_all();
    m_thread.join();
}

Result<void> IndexWriter::push(Task &&task)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_error || m_queue.size() < m_maxQueued; });
    if (m_error)
        return std::unexpected(*m_error);
    m_queue.push_back(std::move(task));
    lock.unlock();
    m_changed.notify_all();
    return {};
}

Result<void> IndexWriter::replace(qint64 sourceId, qint64 versionId, index::PreparedDocument &&doc)
{
    Task t;
    t.sourceId = sourceId;
    t.versionId = versionId;
    t.doc.emplace(std::move(doc));
    return push(std::move(t));
}

Result<void> IndexWriter::commit(Indexed indexed)
{
    Task t;
    t.indexed = std::move(indexed);
    return push(std::move(t));
}

IndexWriter::Indexed IndexWriter::takeCommitted()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_committed, {});
}

Result<void> IndexWriter::finish()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [&] { return m_error || (m_queue.empty() && !m_busy); });
    if (m_error)
        return std::unexpected(*m_error);
    return {};
}

double IndexWriter::busySeconds() const
{
    std::lock_guard lock(m_mutex);
    return m_busySeconds;
}

void IndexWriter::run()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [&] { return m_stop || !m_queue.empty(); });
        if (m_stop)
            return; // the destructor dropped what was queued
        if (m_error) {
            m_queue.clear(); // after an error, queued work is dropped
            m_changed.notify_all();
            continue;
        }
        Task task = std::move(m_queue.front());
        m_queue.pop_front();
        m_busy = true;
        lock.unlock();
        m_changed.notify_all(); // room in the queue

        const double started = threadCpuSeconds();
        const bool isCommit = !task.doc;
        Result<void> r = !isCommit ? m_index.replace(task.sourceId, task.versionId, std::move(*task.doc)) : m_index.commit();
        task.doc.reset(); // the document's terms are freed here, not on the caller's thread
        const double spent = threadCpuSeconds() - started;

        lock.lock();
        m_busySeconds += spent;
        m_busy = false;
        if (!r)
            m_error = r.error();
        else if (isCommit)
            m_committed.insert(m_committed.end(), task.indexed.begin(), task.indexed.end());
        m_changed.notify_all();
    }
}

} // namespace sextant::library
