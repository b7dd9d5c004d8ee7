#pragma once

#include "model/Document.h"

#include <QString>
#include <vector>

namespace sextant::extract {

/// A date written in running text. Absolute dates carry their precision and,
/// for ranges ("April 6-7, 2026", "summer 2025"), an end. Relative ones
/// ("the day before", "nine months later", "two days before the launch")
/// carry an offset to resolve against an anchor chosen by the caller.
struct DateMention {
    model::TextRange range; ///< in the text given to findDates
    model::PartialDate date;
    model::PartialDate end;
    bool yearInferred = false; ///< "April 8": the year came from the document
    bool relative = false;
    int amount = 0;          ///< relative: how many units
    char unit = 'd';         ///< relative: 'd', 'w', 'm', 'y', or 'W' a weekday (amount 1 = Monday ... 7)
    int direction = 0;       ///< relative: -1 before/earlier/ago, +1 after/later
    bool fromDocumentDate = false; ///< relative to the document's own date ("ago", "last year")
    QString anchorText;      ///< relative: what follows "before"/"after" ("the Muse Spark launch")
};

/// Every date expression in text, left to right. defaultYear (0 for none)
/// completes a day or month written without a year; without one such a date is
/// left out and *yearMissing (when given) set.
std::vector<DateMention> findDates(QStringView text, int defaultYear, bool *yearMissing = nullptr);

/// anchor moved by the mention's offset, at a precision no finer than the
/// anchor's nor than the unit allows ("nine months later" gives a month).
model::PartialDate shiftDate(const model::PartialDate &anchor, const DateMention &relative);

} // namespace sextant::extract
