#pragma once

#include <QString>

namespace sextant::model {

/// A calendar date known to a year, a month or a day. Articles say "2023",
/// "June 2025" or "April 8, 2026"; keeping the precision keeps us honest.
struct PartialDate {
    enum class Precision : unsigned char { None, Year, Month, Day };

    int year = 0;
    int month = 0; ///< 1-12, 0 when unknown
    int day = 0;   ///< 1-31, 0 when unknown
    Precision precision = Precision::None;

    [[nodiscard]] bool isValid() const { return precision != Precision::None; }
    /// "YYYY", "YYYY-MM" or "YYYY-MM-DD" by precision; empty when invalid.
    [[nodiscard]] QString toIso() const;
    /// Eight digits with unknown parts as 00, so string order is date order:
    /// the key stored in the search index's date slot.
    [[nodiscard]] QString sortKey() const;
    /// Parses what toIso() writes, and also full ISO timestamps (the date part).
    static PartialDate fromIso(QStringView text);
    static PartialDate ymd(int y, int m, int d);

    bool operator==(const PartialDate &) const = default;
};

} // namespace sextant::model
