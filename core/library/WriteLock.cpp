#include "library/WriteLock.h"

#include <QCoreApplication>
#include <QSysInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace sextant::library {

Result<std::unique_ptr<WriteLock>> WriteLock::acquire(const QString &lockFile, const QString &libraryName)
{
    const QByteArray path = lockFile.toLocal8Bit();
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return fail(ErrorCode::Io, QStringLiteral("%1: cannot create the lock file: %2").arg(lockFile, QString::fromLocal8Bit(std::strerror(errno))));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        char buf[256] = {};
        const ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
        ::close(fd);
        if (err == EWOULDBLOCK) {
            const QStringList holder = QString::fromUtf8(buf, n > 0 ? n : 0).split(u'\n');
            const QString pid = holder.value(0).trimmed();
            const QString what = holder.value(2).trimmed();
            return fail(ErrorCode::Busy,
                        QStringLiteral("library %1 is being written by another process (pid %2%3); wait for it to "
                                       "finish or stop it, then try again")
                            .arg(libraryName, pid.isEmpty() ? QStringLiteral("unknown") : pid,
                                 what.isEmpty() ? QString() : QStringLiteral(", ") + what));
        }
        return fail(ErrorCode::Io, QStringLiteral("%1: cannot lock: %2").arg(lockFile, QString::fromLocal8Bit(std::strerror(err))));
    }
    const QByteArray info = QByteArray::number(::getpid()) + '\n' + QSysInfo::machineHostName().toUtf8() + '\n'
                            + (QCoreApplication::instance() ? QCoreApplication::applicationName().toUtf8() : QByteArray("sextant"))
                            + '\n';
    if (::ftruncate(fd, 0) == 0)
        (void)!::pwrite(fd, info.constData(), static_cast<size_t>(info.size()), 0);
    return std::unique_ptr<WriteLock>(new WriteLock(fd));
}

WriteLock::~WriteLock()
{
    // Leave the file (and its stale pid) in place: unlinking it would race
    // with a process that has just opened it. The next holder overwrites it.
    ::flock(m_fd, LOCK_UN);
    ::close(m_fd);
}

} // namespace sextant::library
