#include "common/Clock.h"

#include <QProcessEnvironment>
#include <mutex>

namespace sextant {

namespace {
std::mutex g_mutex;
std::function<QDateTime()> g_override;
}

QDateTime Clock::nowUtc()
{
    {
        std::lock_guard lock(g_mutex);
        if (g_override)
            return g_override();
    }
    // SEXTANT_FIXED_TIME lets golden tests of the command line compare
    // output that contains timestamps.
    static const QByteArray fixed = qgetenv("SEXTANT_FIXED_TIME");
    if (!fixed.isEmpty()) {
        QDateTime t = QDateTime::fromString(QString::fromLatin1(fixed), Qt::ISODate);
        if (t.isValid())
            return t.toUTC();
    }
    return QDateTime::currentDateTimeUtc();
}

QString Clock::nowIso()
{
    return nowUtc().toString(Qt::ISODate);
}

void Clock::setOverride(std::function<QDateTime()> now)
{
    std::lock_guard lock(g_mutex);
    g_override = std::move(now);
}

} // namespace sextant
