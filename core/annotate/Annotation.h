#pragma once

#include <QString>
#include <QStringList>

namespace sextant::annotate {

/// A user's annotation of a passage: a highlight with an optional note and
/// tags. Where it points is kept twice, as the W3C Web Annotation model does:
/// the quote with some text before and after it (TextQuoteSelector) and the
/// character range (TextPositionSelector) in the version it was anchored in,
/// so a new version of the source can be anchored again, or the annotation
/// shown as orphaned when its passage is gone.
struct Annotation {
    QString id;              ///< a UUID, without braces; stable across export and import
    qint64 sourceId = 0;
    qint64 versionId = 0;    ///< the version start and length refer to
    qint64 start = 0;
    qint64 length = 0;
    QString exact;           ///< the quoted text
    QString prefix, suffix;  ///< up to kContextChars before and after it
    QString color = QStringLiteral("yellow");
    QString note;
    QStringList tags;
    bool orphaned = false;   ///< its passage is not in the source's current version
    QString created, modified; ///< ISO 8601 UTC

    [[nodiscard]] qint64 end() const { return start + length; }
    friend bool operator==(const Annotation &, const Annotation &) = default;
};

/// Characters of context kept on each side of a quote.
inline constexpr int kContextChars = 32;

/// The highlight colors, by name: yellow, green, blue, pink, purple, orange.
const QStringList &colorNames();
/// A color name's RGB ("#rrggbb"); yellow's for an unknown name.
QString colorHex(const QString &name);

/// A new annotation id.
QString newAnnotationId();

/// Tags as typed ("open weights, #policy  license") -> trimmed, without '#', unique, in order.
QStringList parseTags(const QString &typed);

} // namespace sextant::annotate
