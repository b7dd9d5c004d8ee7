#include "report/Timeline.h"

#include "report/Charts.h"

#include "extract/KnowledgePack.h"

#include <QHash>
#include <QSet>
#include <algorithm>

namespace sextant::report {

using library::Knowledge;
using library::KnownEntity;
using model::PartialDate;

std::pair<QDate, QDate> daysOf(const PartialDate &d)
{
    using P = PartialDate::Precision;
    switch (d.precision) {
    case P::Year: return {QDate(d.year, 1, 1), QDate(d.year, 12, 31)};
    case P::Month: {
        const QDate first(d.year, d.month, 1);
        return {first, first.addMonths(1).addDays(-1)};
    }
    case P::Day: return {QDate(d.year, d.month, d.day), QDate(d.year, d.month, d.day)};
    case P::None: break;
    }
    return {};
}

namespace {

QString orgName(const Knowledge &k, const QString &orgKey)
{
    if (orgKey.isEmpty())
        return {};
    if (const KnownEntity *o = k.entity(orgKey))
        return o->name;
    const auto &pack = extract::KnowledgePack::builtin();
    const int p = pack.indexOf(orgKey);
    return p >= 0 ? pack.entities()[size_t(p)].name : orgKey;
}

bool matches(const QStringList &filter, const QString &value)
{
    if (filter.isEmpty())
        return true;
    for (const QString &f : filter)
        if (f.compare(value, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

Timeline buildTimeline(const Knowledge &k, const TimelineRequest &request)
{
    Timeline t;
    std::vector<TimelineItem> items;
    QSet<QString> released; // models whose release the library reports
    for (const library::KnownEvent &e : k.events) {
        TimelineItem item;
        item.date = e.date;
        item.end = e.end;
        item.kind = e.kind;
        item.title = e.title;
        item.openness = e.kind == u"release" ? (e.openness.isEmpty() ? QStringLiteral("unknown") : e.openness) : QString();
        item.entities = e.entityNames;
        item.sources = e.sources;
        for (const QString &key : e.entityKeys) {
            const KnownEntity *x = k.entity(key);
            if (!x)
                continue;
            if (x->kind == u"model" && e.kind == u"release")
                released << key;
            if (item.organization.isEmpty())
                item.organization = x->kind == u"organization" ? x->name : x->kind == u"model" ? orgName(k, x->resolved.value(QStringLiteral("organization"))) : QString();
        }
        items.push_back(std::move(item));
    }
    // Releases the pack knows: of the library's models, or of every model when asked.
    auto addPackRelease = [&](const QString &name, const QString &key, const QString &date, const QString &openness, const QString &org) {
        const PartialDate d = PartialDate::fromIso(date);
        if (!d.isValid() || released.contains(key))
            return;
        released << key;
        TimelineItem item;
        item.date = d;
        item.kind = QStringLiteral("release");
        item.title = QStringLiteral("%1 released").arg(name);
        item.openness = openness == u"open" || openness == u"closed" ? openness : QStringLiteral("unknown");
        item.entities = {name};
        item.organization = org;
        item.fromPack = true;
        library::Provenance p;
        p.reference = QStringLiteral("knowledge pack");
        item.sources.push_back(p);
        items.push_back(std::move(item));
    };
    for (const KnownEntity &e : k.entities)
        if (e.kind == u"model")
            addPackRelease(e.name, e.key, e.resolved.value(QStringLiteral("released")), e.resolved.value(QStringLiteral("openness")),
                           orgName(k, e.resolved.value(QStringLiteral("organization"))));
    if (request.wholePack) {
        const auto &pack = extract::KnowledgePack::builtin();
        for (size_t i = 0; i < pack.entities().size(); ++i) {
            const auto &pe = pack.entities()[i];
            if (pe.kind != extract::EntityKind::Model)
                continue;
            QString date, openness, org;
            for (const extract::PackFact *f : pack.factsAbout(int(i))) {
                if (f->attribute == u"released" && date.isEmpty())
                    date = f->value;
                else if (f->attribute == u"openness" && openness.isEmpty())
                    openness = f->value;
                else if (f->attribute == u"organization" && org.isEmpty())
                    org = orgName(k, f->value);
            }
            addPackRelease(pe.name, pe.id, date, openness, org);
        }
    }

    // Filters, spans, lanes.
    for (TimelineItem &item : items) {
        if (item.organization.isEmpty())
            item.organization = QStringLiteral("Unknown");
        const auto [first, last] = daysOf(item.date);
        item.first = first;
        item.last = item.end.isValid() ? daysOf(item.end).second : last;
        if (!item.first.isValid())
            continue;
        if (request.from.isValid() && item.last < request.from)
            continue;
        if (request.to.isValid() && item.first > request.to)
            continue;
        if (!matches(request.organizations, item.organization) || !matches(request.kinds, item.kind))
            continue;
        if (!request.openness.isEmpty() && !matches(request.openness, item.openness.isEmpty() ? QStringLiteral("unknown") : item.openness))
            continue;
        t.items.push_back(item);
    }
    std::sort(t.items.begin(), t.items.end(), [](const TimelineItem &a, const TimelineItem &b) {
        return a.first != b.first ? a.first < b.first : a.title < b.title;
    });
    QHash<QString, int> laneCount;
    for (const TimelineItem &item : t.items)
        ++laneCount[request.lanesByOpenness ? (item.openness.isEmpty() ? QStringLiteral("other events") : item.openness) : item.organization];
    if (request.lanesByOpenness) {
        for (const QString &l : {QStringLiteral("open"), QStringLiteral("closed"), QStringLiteral("unknown"), QStringLiteral("other events")})
            if (laneCount.contains(l))
                t.lanes << l;
    } else {
        t.lanes = laneCount.keys();
        // The busiest organizations first; Unknown last.
        std::sort(t.lanes.begin(), t.lanes.end(), [&](const QString &a, const QString &b) {
            if ((a == u"Unknown") != (b == u"Unknown"))
                return b == u"Unknown";
            return laneCount[a] != laneCount[b] ? laneCount[a] > laneCount[b] : a < b;
        });
    }
    for (TimelineItem &item : t.items) {
        item.lane = int(t.lanes.indexOf(request.lanesByOpenness ? (item.openness.isEmpty() ? QStringLiteral("other events") : item.openness)
                                                                : item.organization));
        if (!t.first.isValid() || item.first < t.first)
            t.first = item.first;
        if (!t.last.isValid() || item.last > t.last)
            t.last = item.last;
        for (const library::Provenance &p : item.sources)
            if (p.source > 0 && std::find(t.sources.begin(), t.sources.end(), p.source) == t.sources.end())
                t.sources.push_back(p.source);
    }
    return t;
}

QString timelineFootnote(const Knowledge &k, const Timeline &t)
{
    const QString cited = citeSources(k, t.sources);
    return cited.isEmpty() ? QStringLiteral("Sources: the Sextant knowledge pack.")
                           : QStringLiteral("Sources: %1; other releases: the Sextant knowledge pack.").arg(cited);
}

QString timelineCsv(const Timeline &t)
{
    const auto field = csvField;
    QString out = QStringLiteral("date,date_end,kind,title,openness,organization,entities,from_pack\r\n");
    for (const TimelineItem &i : t.items)
        out += QStringList{field(i.date.toIso()), field(i.end.toIso()), field(i.kind), field(i.title), field(i.openness),
                           field(i.organization), field(i.entities.join(QStringLiteral("; "))),
                           i.fromPack ? QStringLiteral("yes") : QStringLiteral("no")}
                   .join(u',')
               + QStringLiteral("\r\n");
    return out;
}

} // namespace sextant::report
