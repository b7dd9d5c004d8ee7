#include "library/Indexing.h"

#include "extract/KnowledgePack.h"

#include <QHash>
#include <QSet>

namespace sextant::library {

namespace {

index::IndexFields baseFields(const model::Document &doc)
{
    const auto &m = doc.meta;
    index::IndexFields f;
    f.title = m.title;
    f.text = doc.text;
    f.publisher = m.publisher;
    f.author = m.author;
    f.url = m.url;
    f.format = model::formatName(doc.format);
    f.published = m.published;
    return f;
}

/// Openness of the models a document mentions: what it states wins over the pack.
QStringList opennessOf(const QHash<QString, QString> &stated, const QStringList &modelKeys)
{
    QSet<QString> values;
    for (const QString &k : modelKeys) {
        QString v = stated.value(k);
        if (v.isEmpty())
            v = packOpenness(k);
        if (v == u"open" || v == u"closed")
            values.insert(v);
    }
    QStringList out(values.begin(), values.end());
    out.sort();
    return out;
}

} // namespace

QString packOpenness(const QString &key)
{
    static const QHash<QString, QString> byKey = [] {
        QHash<QString, QString> out;
        const extract::KnowledgePack &pack = extract::KnowledgePack::builtin();
        for (const extract::PackFact &f : pack.facts())
            if (f.attribute == u"openness" && f.entity >= 0)
                out.insert(pack.entities()[static_cast<size_t>(f.entity)].id, f.value);
        return out;
    }();
    return byKey.value(key);
}

index::IndexFields indexFields(const model::Document &doc, const extract::Extraction &x)
{
    index::IndexFields f = baseFields(doc);
    std::vector<int> counts(x.entities.size(), 0);
    for (const extract::FoundMention &m : x.mentions)
        if (m.entity >= 0 && static_cast<size_t>(m.entity) < counts.size())
            ++counts[static_cast<size_t>(m.entity)];
    QStringList models;
    for (size_t i = 0; i < x.entities.size(); ++i) {
        if (counts[i] == 0)
            continue;
        f.entities.emplace_back(x.entities[i].key, counts[i]);
        if (x.entities[i].kind == extract::EntityKind::Model)
            models << x.entities[i].key;
    }
    QHash<QString, QString> stated;
    for (const extract::Attribute &a : x.attributes)
        if (a.attribute == u"openness" && a.subject >= 0 && static_cast<size_t>(a.subject) < x.entities.size())
            stated.insert(x.entities[static_cast<size_t>(a.subject)].key, a.value);
    f.openness = opennessOf(stated, models);
    return f;
}

Result<index::IndexFields> indexFields(store::Store &store, const store::StoredDocument &doc)
{
    index::IndexFields f = baseFields(doc.document);
    f.format = model::formatName(doc.version.format);
    auto ve = store.versionEntities(doc.version.id);
    if (!ve)
        return std::unexpected(ve.error());
    QStringList models;
    for (const auto &[key, kind, mentions] : ve->entities) {
        f.entities.emplace_back(key, mentions);
        if (kind == u"model")
            models << key;
    }
    QHash<QString, QString> stated;
    for (const auto &[key, value] : ve->openness)
        stated.insert(key, value);
    f.openness = opennessOf(stated, models);
    return f;
}

} // namespace sextant::library
