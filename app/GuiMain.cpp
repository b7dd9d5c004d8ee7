#include "GuiMain.h"

#include "MainWindow.h"
#include "library/Library.h"

#include <QApplication>
#include <QFileInfo>
#include <QSettings>

namespace sextant::app {

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("sextant"));
    QApplication::setApplicationDisplayName(QStringLiteral("Sextant"));
    QApplication::setOrganizationName(QStringLiteral("Sextant"));
    QApplication::setApplicationVersion(QStringLiteral(SEXTANT_VERSION));
    // The library named on the command line or in $SEXTANT_LIBRARY, else the one used last, else the default.
    QString dir = library::Library::defaultLocation();
    if (qEnvironmentVariableIsEmpty("SEXTANT_LIBRARY")) {
        const QString last = QSettings().value(QStringLiteral("library/last")).toString();
        if (!last.isEmpty() && QFileInfo::exists(library::LibraryPaths::under(last).database))
            dir = last;
    }
    bool demo = false;
    QStringList files;
    const QStringList args = QApplication::arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--library" && i + 1 < args.size())
            dir = args[++i];
        else if (args[i].startsWith(u"--library="))
            dir = args[i].mid(10);
        else if (args[i] == u"--demo")
            demo = true;
        else if (!args[i].startsWith(u'-'))
            files << QFileInfo(args[i]).absoluteFilePath(); // from the desktop: add them
    }
    const bool firstRun = !QFileInfo::exists(library::LibraryPaths::under(dir).database);
    ui::MainWindow window(dir);
    window.show();
    if (!files.isEmpty())
        window.ingestPaths(files);
    else if (demo && window.sourceCount() == 0)
        window.loadDemo();
    else if (firstRun)
        window.offerDemo();
    return QApplication::exec();
}

} // namespace sextant::app
