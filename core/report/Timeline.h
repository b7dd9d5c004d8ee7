#pragma once

// The open-versus-closed timeline's content: events from the library and
// releases from the knowledge pack, each with a lane, a span honest to its
// precision and its sources. Laid out and painted in ui/render.

#include "library/Knowledge.h"
#include "model/PartialDate.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <vector>

namespace sextant::report {

struct TimelineItem {
    model::PartialDate date, end;
    QDate first, last; ///< the days the date covers: a year-only release spans its year
    QString kind;      ///< release, announcement, investment, license_change, ...
    QString title, openness; ///< openness for releases: open, closed or unknown
    QString organization;    ///< display name; "Unknown" when no one is known
    QStringList entities;
    bool fromPack = false;
    std::vector<library::Provenance> sources;
    int lane = 0;
};

struct TimelineRequest {
    QDate from, to;          ///< invalid: open-ended
    QStringList organizations; ///< names; empty: all
    QStringList kinds;       ///< empty: all
    QStringList openness;    ///< empty: all
    bool lanesByOpenness = false;
    bool wholePack = false;  ///< every release the pack knows, not only the library's models
};

struct Timeline {
    QStringList lanes;
    std::vector<TimelineItem> items; ///< by first day
    QDate first, last;               ///< the span of the items
    std::vector<qint64> sources;
};

Timeline buildTimeline(const library::Knowledge &k, const TimelineRequest &request);
/// The first and last day a partial date covers.
std::pair<QDate, QDate> daysOf(const model::PartialDate &date);
QString timelineCsv(const Timeline &timeline);
/// "Sources: …; other releases: the Sextant knowledge pack." — the footnote a drawn timeline carries.
QString timelineFootnote(const library::Knowledge &k, const Timeline &timeline);

} // namespace sextant::report
