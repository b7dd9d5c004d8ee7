#pragma once

#include <QString>
#include <atomic>

namespace sextant {

/// A snapshot of long work. Engines fill it in and hand it to a ProgressSink
/// on a phase change or at most every ~100 ms; they never block on the sink.
struct Progress {
    QString phase;     ///< "scanning", "ingesting", "indexing", ...
    qint64 done = 0;   ///< units finished in this phase
    qint64 total = 0;  ///< units in this phase, 0 when unknown
    qint64 errors = 0; ///< failures so far
    QString current;   ///< what is being worked on (a path, an id)
};

/// Receives progress from an engine running on any thread. Implementations
/// must be cheap and thread-safe; a Qt worker forwards to a queued signal.
class ProgressSink {
public:
    virtual ~ProgressSink() = default;
    virtual void report(const Progress &progress) = 0;
};

/// A sink that drops everything, for callers that do not care.
class NullProgress final : public ProgressSink {
public:
    void report(const Progress &) override {}
};

/// Set from any thread to ask an engine to stop at its next safe point.
using CancelFlag = std::atomic_bool;

} // namespace sextant
