#pragma once

#include <QString>

namespace sextant::ingest {

/// Limits and context for turning one file's bytes into a Document.
struct ReadOptions {
    QString fileName;                      ///< for dates in file names and messages; may be empty
    QString url;                           ///< where the bytes were downloaded from, when the document names no URL
    qsizetype maxBlockChars = 1'000'000;   ///< longer blocks (a 10 MB line) are truncated
    int maxHtmlDepth = 256;                ///< deeper HTML nesting is flattened before parsing
    qsizetype maxHtmlBytes = 16 * 1024 * 1024; ///< larger HTML is refused (the tree would not fit)
};

} // namespace sextant::ingest
