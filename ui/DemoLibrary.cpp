#include "DemoLibrary.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

namespace sextant::ui {

Result<QStringList> writeDemoSources(const QString &libraryRoot)
{
    const QString target = libraryRoot + QStringLiteral("/demo-sources");
    if (!QDir().mkpath(target))
        return fail(ErrorCode::Io, QStringLiteral("%1: cannot create the demo folder").arg(target));
    QStringList written;
    QDirIterator it(QStringLiteral(":/demo"), QDir::Files);
    while (it.hasNext()) {
        const QString from = it.next();
        const QString to = target + u'/' + it.fileName();
        if (!QFileInfo::exists(to)) {
            QFile in(from);
            QFile out(to);
            if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly) || out.write(in.readAll()) < 0)
                return fail(ErrorCode::Io, QStringLiteral("%1: cannot write the demo source").arg(to));
        }
        written << to;
    }
    written.sort();
    if (written.isEmpty())
        return fail(ErrorCode::Internal, QStringLiteral("this build has no demo sources"));
    return written;
}

} // namespace sextant::ui
