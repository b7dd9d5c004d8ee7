#pragma once

#include "common/Progress.h"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace sextant::library {

/// Makes the calling thread yield to normal-priority threads (nice +10).
void lowerThreadPriority();

/// Runs produce(i, worker) for i in [0, count) on `threads` worker threads and
/// hands the results to consume(i, result) on the calling thread, in order.
/// Workers run at most `window` items ahead of the consumer, which bounds
/// memory. consume returns false to stop; a set cancel flag stops too. Items
/// produced but not consumed are dropped. produce must not throw.
template <typename R>
void runOrdered(size_t count, int threads, size_t window, const std::function<R(size_t, int)> &produce,
                const std::function<bool(size_t, R &&)> &consume, const CancelFlag &cancel)
{
    if (count == 0)
        return;
    window = std::max<size_t>(window, static_cast<size_t>(threads));
    std::mutex mutex;
    std::condition_variable ready;  // a result was stored
    std::condition_variable space;  // the consumer moved on
    std::vector<std::optional<R>> slots(window);
    size_t claimed = 0;
    size_t consumed = 0;
    bool stop = false;

    auto worker = [&](int id) {
        lowerThreadPriority();
        for (;;) {
            size_t i;
            {
                std::unique_lock lock(mutex);
                space.wait(lock, [&] { return stop || claimed >= count || claimed < consumed + window; });
                if (stop || claimed >= count)
                    return;
                i = claimed++;
            }
            R result = produce(i, id);
            {
                std::lock_guard lock(mutex);
                slots[i % window] = std::move(result);
            }
            ready.notify_all();
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(static_cast<size_t>(threads));
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(worker, t);

    for (size_t i = 0; i < count; ++i) {
        std::optional<R> item;
        {
            std::unique_lock lock(mutex);
            ready.wait(lock, [&] { return slots[i % window].has_value(); });
            item = std::move(slots[i % window]);
            slots[i % window].reset();
            consumed = i + 1;
        }
        space.notify_all();
        if (cancel.load() || !consume(i, std::move(*item)))
            break;
    }
    {
        std::lock_guard lock(mutex);
        stop = true;
    }
    space.notify_all();
    for (auto &t : pool)
        t.join();
}

} // namespace sextant::library
