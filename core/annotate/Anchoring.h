#pragma once

#include "annotate/Annotation.h"

#include <QString>

namespace sextant::annotate {

/// The selectors of a passage: its quote with context, and its position.
struct Selector {
    QString exact, prefix, suffix;
    qint64 start = 0; ///< a hint: where the passage was
};

/// The selectors for text[start, start + length).
Selector selectorFor(const QString &text, qint64 start, qint64 length);
Selector selectorOf(const Annotation &a);

struct Anchor {
    enum class How {
        Position,   ///< the quote is still at its position
        Context,    ///< the quote moved; its context says where
        Unique,     ///< the quote moved and occurs once, long enough to be itself
        Whitespace, ///< found once spacing is ignored
        Edited,     ///< the quote changed a little between its unchanged context
        Orphaned,   ///< not found, or not found unambiguously
    };
    How how = How::Orphaned;
    qint64 start = 0;
    qint64 length = 0;
    [[nodiscard]] bool found() const { return how != How::Orphaned; }
};

/// Finds a passage in (a new version of) a text. Prefers the recorded
/// position, then the quote placed by its context, then a quote that is
/// unique and long enough, then the quote with spacing ignored, then a
/// slightly edited quote between its context; anything ambiguous or weaker is
/// orphaned, never moved to other text.
Anchor anchor(const QString &text, const Selector &selector);

/// Anchors an annotation in a version's text: updates its position, quote and
/// context (or marks it orphaned, keeping them). Returns whether it changed.
bool reanchor(Annotation &a, qint64 versionId, const QString &text);

QString howName(Anchor::How how);

} // namespace sextant::annotate
