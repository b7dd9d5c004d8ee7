#pragma once

#include <QStringList>

namespace sextant::cli {

/// Exit codes of the command line (documented in README and `--help`).
enum ExitCode : int {
    ExitOk = 0,
    ExitSomeFailed = 1,  ///< the command ran, but some input failed or `check` found problems
    ExitUsage = 2,       ///< bad arguments
    ExitBusy = 3,        ///< another process is writing the library
    ExitLibrary = 4,     ///< the library cannot be opened or written
    ExitNotFound = 5,    ///< no such source
    ExitCancelled = 130, ///< interrupted (Ctrl+C); committed work is kept
};

/// True when the arguments name a command (or --help/--version), i.e. the
/// program should run as a command-line tool with no display.
bool isCommandLine(const QStringList &arguments);

/// True for commands that draw (chart/timeline --out, report): they need a
/// QGuiApplication, offscreen when there is no display.
bool needsPainting(const QStringList &arguments);

/// Runs the command line. Needs a QCoreApplication (a QGuiApplication to draw), never a QApplication.
int run(const QStringList &arguments);

} // namespace sextant::cli
