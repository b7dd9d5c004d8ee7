// Catch2's main, with the Qt application every test of Sextant needs: a
// QCoreApplication, or a QApplication on the offscreen platform for UI tests.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#ifdef SEXTANT_UI_TESTS
#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>
#else
#include <QCoreApplication>
#endif

int main(int argc, char **argv)
{
#ifdef SEXTANT_UI_TESTS
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    // Window layout and preferences go to a folder of this run, never the user's.
    QTemporaryDir settings;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
#else
    QCoreApplication app(argc, argv);
#endif
    return Catch::Session().run(argc, argv);
}
