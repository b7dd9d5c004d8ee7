#include "GuiMain.h"

#include "MainWindow.h"
#include "library/Library.h"

#include <QApplication>

namespace sextant::app {

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("sextant"));
    QApplication::setApplicationDisplayName(QStringLiteral("Sextant"));
    QApplication::setOrganizationName(QStringLiteral("Sextant"));
    QApplication::setApplicationVersion(QStringLiteral(SEXTANT_VERSION));
    QString dir = library::Library::defaultLocation();
    const QStringList args = QApplication::arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == u"--library" && i + 1 < args.size())
            dir = args[++i];
        else if (args[i].startsWith(u"--library="))
            dir = args[i].mid(10);
    }
    ui::MainWindow window(dir);
    window.show();
    return QApplication::exec();
}

} // namespace sextant::app
