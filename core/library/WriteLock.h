#pragma once

#include "common/Error.h"

#include <QString>
#include <memory>

namespace sextant::library {

/// The one-writer rule of a library, as an advisory lock (flock) on a file in
/// the library folder. The kernel drops it when the holder exits, however it
/// exits (kill -9 included), so a stale lock never blocks the next writer.
class WriteLock final {
public:
    /// Errors: Busy with the holder's pid in the message; Io.
    static Result<std::unique_ptr<WriteLock>> acquire(const QString &lockFile, const QString &libraryName);
    ~WriteLock();
    Q_DISABLE_COPY_MOVE(WriteLock)

private:
    explicit WriteLock(int fd) : m_fd(fd) {}
    int m_fd;
};

} // namespace sextant::library
