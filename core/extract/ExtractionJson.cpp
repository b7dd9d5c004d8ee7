#include "extract/ExtractionJson.h"

#include <QJsonArray>

namespace sextant::extract {

namespace {
QString quote(const model::Document &doc, model::TextRange r) { return doc.slice(r).simplified(); }
} // namespace

QJsonObject extractionToJson(const Extraction &x, const model::Document &doc)
{
    auto name = [&](int e) { return e < 0 ? QString() : x.entities[static_cast<size_t>(e)].name; };
    QJsonArray entities;
    for (size_t i = 0; i < x.entities.size(); ++i) {
        const EntityRef &e = x.entities[i];
        QJsonArray mentions;
        for (const FoundMention &m : x.mentions)
            if (m.entity == static_cast<int>(i))
                mentions.append(QJsonArray{m.range.start, m.range.length(), doc.slice(m.range)});
        QJsonObject o{{QStringLiteral("key"), e.key},
                      {QStringLiteral("name"), e.name},
                      {QStringLiteral("kind"), entityKindName(e.kind)},
                      {QStringLiteral("origin"), e.origin == Origin::Pack ? QStringLiteral("pack") : QStringLiteral("found")},
                      {QStringLiteral("confidence"), e.confidence},
                      {QStringLiteral("mentions"), mentions}};
        if (!e.parent.isEmpty())
            o.insert(QStringLiteral("variant_of"), e.parent);
        if (!e.codename.isEmpty())
            o.insert(QStringLiteral("codename"), e.codename);
        entities.append(o);
    }
    QJsonArray scores;
    for (const Score &s : x.scores)
        scores.append(QJsonObject{{QStringLiteral("model"), name(s.model)},
                                  {QStringLiteral("benchmark"), name(s.benchmark)},
                                  {QStringLiteral("value"), s.value},
                                  {QStringLiteral("unit"), s.unit},
                                  {QStringLiteral("setting"), s.setting},
                                  {QStringLiteral("quote"), quote(doc, s.quote)}});
    QJsonArray attributes;
    for (const Attribute &a : x.attributes) {
        QJsonObject o{{QStringLiteral("subject"), name(a.subject)},
                      {QStringLiteral("attribute"), a.attribute},
                      {QStringLiteral("value"), a.valueEntity >= 0 ? name(a.valueEntity) : a.value},
                      {QStringLiteral("quote"), quote(doc, a.quote)}};
        if (!a.note.isEmpty())
            o.insert(QStringLiteral("note"), a.note);
        attributes.append(o);
    }
    QJsonArray events;
    for (const Event &e : x.events) {
        QJsonArray names;
        for (int i : e.entities)
            names.append(name(i));
        QJsonObject o{{QStringLiteral("date"), e.date.toIso()},
                      {QStringLiteral("kind"), e.kind},
                      {QStringLiteral("title"), e.title},
                      {QStringLiteral("entities"), names},
                      {QStringLiteral("quote"), quote(doc, e.quote)}};
        if (e.dateEnd.isValid())
            o.insert(QStringLiteral("date_end"), e.dateEnd.toIso());
        if (!e.openness.isEmpty())
            o.insert(QStringLiteral("openness"), e.openness);
        if (e.relative)
            o.insert(QStringLiteral("relative"), true);
        events.append(o);
    }
    return QJsonObject{{QStringLiteral("entities"), entities},
                       {QStringLiteral("scores"), scores},
                       {QStringLiteral("attributes"), attributes},
                       {QStringLiteral("events"), events}};
}

} // namespace sextant::extract
