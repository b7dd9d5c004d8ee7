#pragma once

namespace sextant::app {

/// Opens the window (QApplication); `--library DIR` picks the library.
int runGui(int argc, char **argv);

} // namespace sextant::app
