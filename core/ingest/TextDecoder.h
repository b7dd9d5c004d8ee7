#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace sextant::ingest {

struct DecodedText {
    QString text;
    QString encoding;     ///< "UTF-8", "UTF-16LE", "windows-1252", ...
    qsizetype replaced = 0; ///< invalid sequences replaced with U+FFFD

    /// What a reader reports about the decoding: replaced bytes, a fallback.
    [[nodiscard]] QStringList warnings() const;
};

/// "\r\n" and lone "\r" become "\n".
QString normalizeLineEnds(QString text);

/// Decodes a file's bytes to text. A BOM decides (UTF-8, UTF-16LE/BE); else
/// `declared` (an HTML charset) when it names one we know; else UTF-8 when the
/// bytes are valid UTF-8 or mostly so (invalid sequences replaced and counted);
/// else Windows-1252, the encoding that "Latin-1" files on the web really use.
/// NUL characters are dropped. Never fails.
DecodedText decodeText(QByteArrayView bytes, QByteArrayView declared = {});

/// True when the bytes look like a binary file rather than text: NUL bytes
/// outside a UTF-16 pattern, or many control characters.
bool looksBinary(QByteArrayView head);

} // namespace sextant::ingest
