#pragma once

#include <QDateTime>
#include <functional>

namespace sextant {

/// The current time in UTC. Tests replace it to get reproducible records.
class Clock {
public:
    static QDateTime nowUtc();
    /// ISO 8601 with seconds, e.g. 2026-04-08T12:00:00Z.
    static QString nowIso();
    static void setOverride(std::function<QDateTime()> now);
};

} // namespace sextant
