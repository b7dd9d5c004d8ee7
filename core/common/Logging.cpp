#include "common/Logging.h"

Q_LOGGING_CATEGORY(lcIngest, "sextant.ingest", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "sextant.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcIndex, "sextant.index", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLibrary, "sextant.library", QtWarningMsg)
