// Catch2's main, with the Qt application every test of Sextant needs: a
// QCoreApplication, or a QApplication on the offscreen platform for UI tests.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#ifdef SEXTANT_UI_TESTS
#include <QApplication>
#else
#include <QCoreApplication>
#endif

int main(int argc, char **argv)
{
#ifdef SEXTANT_UI_TESTS
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    return Catch::Session().run(argc, argv);
}
