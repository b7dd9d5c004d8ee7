// Sextant's entry point. With a command it is a command-line tool that runs
// under QCoreApplication and needs no display; without one it opens the window.

#include "cli/Cli.h"

#include <QCoreApplication>
#include <QStringList>

#ifdef SEXTANT_WITH_GUI
#include "GuiMain.h"
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <unistd.h>
#endif

#include <cstdio>

int main(int argc, char **argv)
{
    QStringList arguments;
    arguments.reserve(argc);
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);

    if (sextant::cli::isCommandLine(arguments)) {
#ifdef SEXTANT_WITH_GUI
        if (sextant::cli::needsPainting(arguments)) {
            // Drawing needs fonts, not a display: offscreen unless one is there.
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
                && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
                // What Qt would pick, made here so that drawing prints no warning about it.
                const QByteArray dir = QDir::tempPath().toLocal8Bit() + "/runtime-" + QByteArray::number(uint(getuid()));
                if (QDir().mkpath(QString::fromLocal8Bit(dir)))
                    QFile::setPermissions(QString::fromLocal8Bit(dir), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
                qputenv("XDG_RUNTIME_DIR", dir);
            }
            QGuiApplication app(argc, argv);
            QCoreApplication::setApplicationName(QStringLiteral("sextant"));
            QCoreApplication::setApplicationVersion(QStringLiteral(SEXTANT_VERSION));
            return sextant::cli::run(arguments);
        }
#endif
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("sextant"));
        QCoreApplication::setApplicationVersion(QStringLiteral(SEXTANT_VERSION));
        return sextant::cli::run(arguments);
    }
#ifdef SEXTANT_WITH_GUI
    return sextant::app::runGui(argc, argv);
#else
    std::fputs("sextant: this build has no window; run `sextant --help` for the command line\n", stderr);
    return 2;
#endif
}
