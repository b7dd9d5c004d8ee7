#include "library/Knowledge.h"

#include "extract/Extraction.h"
#include "extract/Extractor.h"
#include "extract/KnowledgePack.h"
#include "library/Library.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <limits>

namespace sextant::library {

using model::PartialDate;

const QStringList &contractAttributes()
{
    static const QStringList names{QStringLiteral("organization"), QStringLiteral("license"), QStringLiteral("openness"),
                                   QStringLiteral("params_total_b"), QStringLiteral("params_active_b"),
                                   QStringLiteral("released")};
    return names;
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool isNumericAttribute(const QString &a)
{
    return a == u"params_total_b" || a == u"params_active_b" || a == u"age" || a.endsWith(u"_pct") || a.endsWith(u"_usd_b");
}

/// An interval for a numeric value, from its bounds or its written precision.
std::pair<double, double> interval(const AttributeValue &v)
{
    if (v.low && v.high)
        return {*v.low, *v.high};
    bool ok = false;
    const double n = v.value.toDouble(&ok);
    if (!ok)
        return {kInf, -kInf};
    if (v.note == u"more than")
        return {n, kInf};
    const double tolerance = std::max(std::abs(n) * 0.02, 0.05);
    return {n - tolerance, n + tolerance};
}

/// Whether organization a is b or part of it ("Meta Superintelligence Labs" of "Meta"), by the
/// organizations' "parent" facts.
bool partOf(const Knowledge &k, const QString &a, const QString &b)
{
    QString at = a;
    for (int depth = 0; depth < 8 && !at.isEmpty(); ++depth) {
        if (at == b)
            return true;
        const KnownEntity *e = k.entity(at);
        at = e ? e->resolved.value(QStringLiteral("parent")) : QString();
    }
    return false;
}

bool agree(const Knowledge &k, const QString &attribute, const AttributeValue &a, const AttributeValue &b)
{
    if (attribute == u"organization") // a model made by a lab is made by its company too
        return partOf(k, a.value, b.value) || partOf(k, b.value, a.value);
    if (attribute == u"age") {
        bool ok1 = false, ok2 = false;
        const double x = a.value.toDouble(&ok1), y = b.value.toDouble(&ok2);
        return !(ok1 && ok2) || std::abs(x - y) <= 1.0;
    }
    if (isNumericAttribute(attribute)) {
        const auto [l1, h1] = interval(a);
        const auto [l2, h2] = interval(b);
        return l1 <= h2 && l2 <= h1;
    }
    if (attribute == u"released") // "2025-04" and "2025-04-05" agree
        return a.value.startsWith(b.value) || b.value.startsWith(a.value);
    if (attribute == u"license")
        return a.value == b.value && a.note == b.note;
    return a.value == b.value;
}

QString slice(const QHash<qint64, QString> &texts, qint64 source, qint64 start, qint64 length)
{
    const auto it = texts.constFind(source);
    if (it == texts.constEnd() || start < 0 || start + length > it->size())
        return {};
    return it->mid(start, length).simplified();
}

} // namespace

const KnownEntity *Knowledge::entity(const QString &key) const
{
    const int i = m_byKey.value(key, -1);
    return i < 0 ? nullptr : &entities[size_t(i)];
}

const KnownEntity *Knowledge::find(const QString &nameOrKey) const
{
    if (const KnownEntity *e = entity(nameOrKey))
        return e;
    const QString folded = extract::foldName(nameOrKey);
    const KnownEntity *found = nullptr;
    for (const KnownEntity &e : entities) {
        bool match = extract::foldName(e.name) == folded;
        for (const QString &a : e.aliases)
            match = match || extract::foldName(a) == folded;
        if (match) {
            if (found && found != &e)
                return found->kind == u"model" ? found : &e; // prefer a model when a name is both
            found = &e;
        }
    }
    return found;
}

Result<Knowledge> Knowledge::load(Library &library, const Options &options)
{
    store::Store &store = library.store();
    auto rows = store.entityRows();
    if (!rows)
        return std::unexpected(rows.error());
    auto stats = store.mentionStats();
    if (!stats)
        return std::unexpected(stats.error());
    auto facts = store.factRows();
    if (!facts)
        return std::unexpected(facts.error());
    auto corrections = store.corrections();
    if (!corrections)
        return std::unexpected(corrections.error());
    auto sources = store.listSources(store::SourceOrder::Id);
    if (!sources)
        return std::unexpected(sources.error());

    Knowledge k;
    k.sources = std::move(*sources);
    const extract::KnowledgePack &pack = extract::KnowledgePack::builtin();

    QHash<qint64, const store::EntityRow *> byId;
    QHash<QString, const store::EntityRow *> rowByKey;
    for (const store::EntityRow &r : *rows) {
        byId.insert(r.id, &r);
        rowByKey.insert(r.key, &r);
    }

    // --- corrections, in order ---------------------------------------------
    QHash<QString, QString> mergedInto, renamed;
    QSet<QString> rejected, confirmed, rejectedFacts, rejectedMentions;
    QHash<QString, QHash<QString, QString>> userAttributes;
    struct Split {
        QString from, surface, name;
    };
    std::vector<Split> splits;
    struct Added {
        QString key, name, kind;
    };
    std::vector<Added> added;
    for (const store::CorrectionRow &c : *corrections) {
        if (c.undone)
            continue;
        if (c.action == u"rename")
            renamed.insert(c.target, c.value);
        else if (c.action == u"merge")
            mergedInto.insert(c.target, c.value);
        else if (c.action == u"reject-entity")
            rejected.insert(c.target);
        else if (c.action == u"confirm-entity")
            confirmed.insert(c.target);
        else if (c.action == u"reject-fact")
            rejectedFacts.insert(c.target);
        else if (c.action == u"reject-mention")
            rejectedMentions.insert(c.target + u'|' + c.extra);
        else if (c.action == u"set")
            userAttributes[c.target].insert(c.value, c.extra);
        else if (c.action == u"split")
            splits.push_back({c.target, c.extra, c.value});
        else if (c.action == u"add")
            added.push_back({c.target, c.value, c.extra});
    }
    auto canonical = [&](QString key) {
        for (int guard = 0; guard < 32 && mergedInto.contains(key); ++guard)
            key = mergedInto.value(key);
        return key;
    };

    // Texts, for quotes and for the names mentions were written with.
    QHash<qint64, QString> texts;
    if (options.withQuotes || !splits.empty()) {
        std::vector<qint64> ids;
        for (const store::SourceSummary &s : k.sources)
            ids.push_back(s.id);
        auto t = store.texts(ids);
        if (!t)
            return std::unexpected(t.error());
        texts = std::move(*t);
    }

    // --- entities ------------------------------------------------------------
    auto entityFor = [&](const QString &key) -> KnownEntity * {
        const int i = k.m_byKey.value(key, -1);
        if (i >= 0)
            return &k.entities[size_t(i)];
        KnownEntity e;
        e.key = key;
        if (const store::EntityRow *r = rowByKey.value(key)) {
            e.name = r->name;
            e.kind = r->kind;
            e.origin = r->origin;
            e.confidence = r->confidence;
            e.variantOf = r->parent;
            if (!r->codename.isEmpty())
                e.aliases << r->codename;
        } else if (const int p = pack.indexOf(key); p >= 0) {
            const extract::PackEntity &pe = pack.entities()[size_t(p)];
            e.name = pe.name;
            e.kind = extract::entityKindName(pe.kind);
            e.origin = QStringLiteral("pack");
        } else {
            return nullptr;
        }
        if (const int p = pack.indexOf(key); p >= 0)
            e.aliases << pack.entities()[size_t(p)].aliases;
        k.m_byKey.insert(key, int(k.entities.size()));
        k.entities.push_back(std::move(e));
        return &k.entities.back();
    };
    for (const Added &a : added) {
        KnownEntity e;
        e.key = a.key;
        e.name = a.name;
        e.kind = a.kind;
        e.origin = QStringLiteral("user");
        e.confirmed = true;
        k.m_byKey.insert(a.key, int(k.entities.size()));
        k.entities.push_back(std::move(e));
    }
    auto keyOfId = [&](qint64 id) -> QString {
        const store::EntityRow *r = byId.value(id);
        return r ? canonical(r->key) : QString();
    };
    for (const store::MentionStat &m : *stats) {
        const store::EntityRow *r = byId.value(m.entityId);
        if (!r)
            continue;
        KnownEntity *e = entityFor(canonical(r->key));
        if (!e)
            continue;
        if (canonical(r->key) != r->key && !e->aliases.contains(r->name) && r->name != e->name)
            e->aliases << r->name;
        e->mentionCount += m.mentions;
        e->sourceCount = std::max(e->sourceCount, m.sources); // exact below when merged or split
    }
    // A variant's model is known too though no text names it, so that the variant shares its facts
    // ("o1-1217" is closed as o1 is).
    for (size_t i = 0; i < k.entities.size(); ++i)
        if (const QString parent = k.entities[i].variantOf; !parent.isEmpty())
            entityFor(canonical(parent));
    // Exact counts where merges, splits or rejected mentions make the sums wrong.
    QSet<QString> recount;
    for (auto it = mergedInto.cbegin(); it != mergedInto.cend(); ++it)
        recount << canonical(it.key());
    for (const Split &s : splits)
        recount << canonical(s.from);
    for (const QString &m : rejectedMentions)
        recount << canonical(m.section(u'|', 0, 0));
    if (options.withMentions)
        for (const store::EntityRow &r : *rows)
            recount << canonical(r.key);
    if (!recount.isEmpty()) {
        std::vector<qint64> ids;
        for (const store::EntityRow &r : *rows)
            if (recount.contains(canonical(r.key)))
                ids.push_back(r.id);
        auto mentions = store.mentionsOf(ids);
        if (!mentions)
            return std::unexpected(mentions.error());
        QHash<QString, QSet<qint64>> sourcesOf;
        QHash<QString, qint64> countOf;
        for (const store::MentionRow &m : *mentions) {
            QString key = keyOfId(m.entityId);
            if (rejectedMentions.contains(key + u'|' + QString::number(m.sourceId) + u':' + QString::number(m.start)))
                continue;
            for (const Split &s : splits) {
                if (canonical(s.from) != key)
                    continue;
                const QString surface = slice(texts, m.sourceId, m.start, m.length);
                if (extract::foldName(surface) == extract::foldName(s.surface)) {
                    const QString newKey = extract::keyPrefix(extract::entityKindFromName(byId.value(m.entityId)->kind))
                                           + QStringLiteral(":~") + extract::foldName(s.name);
                    if (!k.m_byKey.contains(newKey)) {
                        KnownEntity e;
                        e.key = newKey;
                        e.name = s.name;
                        e.kind = byId.value(m.entityId)->kind;
                        e.origin = QStringLiteral("user");
                        e.confirmed = true;
                        k.m_byKey.insert(newKey, int(k.entities.size()));
                        k.entities.push_back(std::move(e));
                    }
                    key = newKey;
                }
            }
            ++countOf[key];
            sourcesOf[key].insert(m.sourceId);
            if (options.withMentions)
                if (KnownEntity *e = entityFor(key))
                    e->mentions.push_back({m.sourceId, m.start, m.length});
        }
        for (const QString &key : recount) {
            if (KnownEntity *e = entityFor(key)) {
                e->mentionCount = countOf.value(key);
                e->sourceCount = sourcesOf.value(key).size();
            }
        }
        for (const Split &s : splits) {
            for (KnownEntity &e : k.entities)
                if (e.origin == u"user" && e.name == s.name && countOf.contains(e.key)) {
                    e.mentionCount = countOf.value(e.key);
                    e.sourceCount = sourcesOf.value(e.key).size();
                }
        }
    }

    // --- facts from the sources -------------------------------------------------
    auto nameOf = [&](const QString &key) -> QString {
        if (renamed.contains(key))
            return renamed.value(key);
        if (const KnownEntity *e = k.entity(key))
            return e->name;
        if (const store::EntityRow *r = rowByKey.value(key))
            return r->name;
        const int p = pack.indexOf(key);
        return p >= 0 ? pack.entities()[size_t(p)].name : key;
    };
    struct EventGroup {
        KnownEvent event;
        QString subject;
        QString iso; ///< event.date as ISO, kept in step with it
    };
    std::vector<EventGroup> groups;
    // Groups by what happened to what (kind and subject, or kind and title), so a
    // new report is compared only with the events it could be: linear in events.
    QHash<QString, std::vector<size_t>> groupsByThing;
    for (const store::FactRow &f : *facts) {
        Provenance from;
        from.source = f.sourceId;
        from.start = f.start;
        from.length = f.length;
        if (options.withQuotes)
            from.quote = slice(texts, f.sourceId, f.start, f.length);
        if (f.kind == u"score") {
            const QString model = keyOfId(f.subject), bench = keyOfId(f.object);
            if (model.isEmpty() || bench.isEmpty() || rejected.contains(model) || rejected.contains(bench))
                continue;
            KnownScore s;
            s.modelKey = model;
            s.benchmarkKey = bench;
            s.value = f.number.value_or(0);
            s.unit = f.unit;
            s.setting = f.setting;
            s.from = from;
            s.factSignature = QStringLiteral("%1|score|%2|%3|%4|%5").arg(f.sourceId).arg(model, bench, f.value, f.setting);
            if (rejectedFacts.contains(s.factSignature))
                continue;
            entityFor(model);
            entityFor(bench);
            k.scores.push_back(std::move(s));
        } else if (f.kind == u"attribute") {
            const QString subject = keyOfId(f.subject);
            if (subject.isEmpty() || rejected.contains(subject))
                continue;
            AttributeValue v;
            v.value = f.object ? keyOfId(f.object) : f.value;
            v.note = f.note;
            v.low = f.low;
            v.high = f.high;
            v.from = from;
            const QString signature = QStringLiteral("%1|attribute|%2|%3|%4").arg(f.sourceId).arg(subject, f.attribute, v.value);
            if (rejectedFacts.contains(signature))
                continue;
            if (KnownEntity *e = entityFor(subject))
                e->attributes[f.attribute].push_back(std::move(v));
        } else if (f.kind == u"event") {
            KnownEvent e;
            e.date = PartialDate::fromIso(f.date);
            e.end = PartialDate::fromIso(f.dateEnd);
            e.kind = f.attribute;
            e.title = f.title;
            e.openness = f.openness;
            for (const qint64 id : f.entities) {
                const QString key = keyOfId(id);
                if (!key.isEmpty() && !rejected.contains(key) && !e.entityKeys.contains(key))
                    e.entityKeys << key;
            }
            const QString signature = QStringLiteral("%1|event|%2|%3").arg(f.sourceId).arg(e.kind, f.date);
            if (rejectedFacts.contains(signature) || !e.date.isValid())
                continue;
            e.sources.push_back(from);
            // One happening reported by several sources is one event.
            const QString subject = e.entityKeys.value(0);
            bool merged = false;
            const QString thing = e.kind + u'\x1f' + (subject.isEmpty() ? u'#' + e.title : subject);
            std::vector<size_t> &candidates = groupsByThing[thing];
            const QString b = e.date.toIso();
            for (const size_t gi : candidates) {
                EventGroup &g = groups[gi];
                const QString &a = g.iso;
                const bool sameDate = a.startsWith(b) || b.startsWith(a);
                if (sameDate) {
                    if (e.date.precision > g.event.date.precision) {
                        g.event.date = e.date; // the more precise report
                        g.iso = b;
                    }
                    g.event.sources.push_back(from);
                    for (const QString &key : std::as_const(e.entityKeys))
                        if (!g.event.entityKeys.contains(key))
                            g.event.entityKeys << key;
                    if (g.event.openness.isEmpty() || g.event.openness == u"unknown")
                        g.event.openness = e.openness;
                    merged = true;
                    break;
                }
            }
            if (!merged) {
                candidates.push_back(groups.size());
                groups.push_back({std::move(e), subject, b});
            }
        }
    }

    // --- the pack's facts and the user's, for the entities the library knows --
    for (KnownEntity &e : k.entities) {
        const int p = pack.indexOf(e.key);
        if (p >= 0) {
            for (const extract::PackFact *f : pack.factsAbout(p)) {
                AttributeValue v;
                v.value = f->value;
                v.from.reference = f->reference;
                e.attributes[f->attribute].push_back(std::move(v));
            }
        }
        for (auto it = userAttributes.value(e.key).cbegin(); it != userAttributes.value(e.key).cend(); ++it) {
            AttributeValue v;
            v.value = it.value();
            v.from.reference = QStringLiteral("user");
            e.attributes[it.key()].push_back(std::move(v));
        }
        if (renamed.contains(e.key))
            e.name = renamed.value(e.key);
        e.confirmed = e.confirmed || confirmed.contains(e.key);
        if (e.confirmed)
            e.confidence = 1;
    }

    // Display values and the value Sextant shows: the user's, else the one most sources state, else the pack's.
    for (KnownEntity &e : k.entities) {
        for (auto it = e.attributes.begin(); it != e.attributes.end(); ++it) {
            for (AttributeValue &v : it.value()) {
                if (it.key() == u"organization" || it.key() == u"license" || it.key() == u"parent")
                    v.display = nameOf(v.value) + (v.note.isEmpty() ? QString() : QStringLiteral(" (") + v.note + u')');
                else if (v.display.isEmpty())
                    v.display = v.note.isEmpty() || v.note == u"on launch day" ? v.value : v.note + u' ' + v.value;
            }
            const auto &values = it.value();
            QString chosen;
            for (const AttributeValue &v : values)
                if (v.from.reference == u"user")
                    chosen = v.value;
            if (chosen.isEmpty()) {
                QHash<QString, int> votes;
                for (const AttributeValue &v : values)
                    if (v.from.source != 0 && v.note != u"weights under a license")
                        ++votes[v.value];
                int best = 0;
                for (const AttributeValue &v : values)
                    if (votes.value(v.value) > best) {
                        best = votes.value(v.value);
                        chosen = v.value;
                    }
                if (chosen.isEmpty())
                    for (const AttributeValue &v : values)
                        if (v.from.source != 0) {
                            chosen = v.value;
                            break;
                        }
                if (chosen.isEmpty() && !values.empty())
                    chosen = values.front().value;
            }
            e.resolved.insert(it.key(), chosen);
        }
    }
    // A variant ("GPT-4o 0513", "... Instruct") shares its model's maker, openness and license
    // unless something is said of the variant itself.
    for (KnownEntity &e : k.entities) {
        if (e.kind != u"model" || e.variantOf.isEmpty())
            continue;
        const auto parent = k.m_byKey.constFind(e.variantOf);
        if (parent == k.m_byKey.constEnd())
            continue;
        const KnownEntity &p = k.entities[size_t(*parent)];
        for (const QString &attribute : {QStringLiteral("organization"), QStringLiteral("openness"), QStringLiteral("license")})
            if (!e.resolved.contains(attribute) && p.resolved.contains(attribute))
                e.resolved.insert(attribute, p.resolved.value(attribute));
    }
    // A model no one names the maker of is its family's ("Llama 2" -> Llama -> Meta, "GPT-4o" -> GPT -> OpenAI).
    const extract::Extractor &extractor = extract::Extractor::builtin();
    for (KnownEntity &e : k.entities) {
        if (e.kind != u"model" || e.resolved.contains(QStringLiteral("organization")))
            continue;
        const QString head = e.name.section(u' ', 0, 0);
        int family = extractor.family(head);
        if (family < 0)
            family = extractor.family(head.section(u'-', 0, 0));
        if (family < 0 || pack.entities()[size_t(family)].id == e.key)
            continue;
        for (const extract::PackFact *f : pack.factsAbout(family))
            if (f->attribute == u"organization") {
                e.resolved.insert(QStringLiteral("organization"), f->value);
                break;
            }
    }
    for (KnownEntity &e : k.entities)
        if (!e.resolved.contains(QStringLiteral("openness")) && e.kind == u"model")
            e.resolved.insert(QStringLiteral("openness"), QStringLiteral("unknown"));

    // --- conflicts ------------------------------------------------------------
    for (const KnownEntity &e : k.entities) {
        for (auto it = e.attributes.cbegin(); it != e.attributes.cend(); ++it) {
            const QString &attribute = it.key();
            if (attribute == u"access" || attribute == u"parent")
                continue;
            // Claims qualified differently ("on launch day" or not) are different claims.
            QHash<QString, std::vector<const AttributeValue *>> byQualifier;
            for (const AttributeValue &v : it.value()) {
                if (v.from.reference == u"user")
                    continue;
                const QString qualifier = attribute == u"stock_change_pct" ? v.note : QString();
                byQualifier[qualifier].push_back(&v);
            }
            for (auto q = byQualifier.cbegin(); q != byQualifier.cend(); ++q) {
                const auto &values = q.value();
                bool disagree = false;
                for (size_t i = 0; i < values.size() && !disagree; ++i)
                    for (size_t j = i + 1; j < values.size() && !disagree; ++j)
                        if ((values[i]->from.source != 0 || values[j]->from.source != 0)
                            && values[i]->from.source != values[j]->from.source) // two sources, or a source and the pack
                            disagree = !agree(k, attribute, *values[i], *values[j]);
                if (!disagree)
                    continue;
                Conflict c;
                c.subject = e.name;
                c.subjectKey = e.key;
                c.attribute = attribute + (q.key().isEmpty() ? QString() : QStringLiteral(" (") + q.key() + u')');
                for (const AttributeValue *v : values)
                    c.values.push_back(*v);
                k.conflicts.push_back(std::move(c));
            }
        }
    }
    // Scores: the same model, benchmark and setting with different values.
    {
        QMap<QString, std::vector<const KnownScore *>> byKey;
        for (const KnownScore &s : k.scores)
            byKey[s.modelKey + u'|' + s.benchmarkKey + u'|' + s.setting].push_back(&s);
        for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
            const auto &list = it.value();
            bool disagree = false;
            for (const KnownScore *s : list)
                disagree = disagree || std::abs(s->value - list.front()->value) > 0.051;
            if (!disagree)
                continue;
            Conflict c;
            c.subject = nameOf(list.front()->modelKey);
            c.subjectKey = list.front()->modelKey;
            c.attribute = QStringLiteral("score: ") + nameOf(list.front()->benchmarkKey)
                          + (list.front()->setting.isEmpty() ? QString() : QStringLiteral(" (") + list.front()->setting + u')');
            for (const KnownScore *s : list) {
                AttributeValue v;
                v.value = QString::number(s->value, 'g', 8);
                v.display = v.value + s->unit;
                v.from = s->from;
                c.values.push_back(std::move(v));
            }
            k.conflicts.push_back(std::move(c));
        }
    }

    // --- finish: names, events, order ---------------------------------------------
    for (KnownScore &s : k.scores) {
        s.model = nameOf(s.modelKey);
        s.benchmark = nameOf(s.benchmarkKey);
    }
    for (EventGroup &g : groups) {
        KnownEvent &e = g.event;
        for (const QString &key : std::as_const(e.entityKeys))
            e.entityNames << nameOf(key);
        if (e.kind == u"release" && (e.openness.isEmpty() || e.openness == u"unknown")) {
            const KnownEntity *m = k.entity(g.subject);
            e.openness = m ? m->resolved.value(QStringLiteral("openness"), QStringLiteral("unknown")) : QStringLiteral("unknown");
        }
        k.events.push_back(std::move(e));
    }
    std::stable_sort(k.events.begin(), k.events.end(),
                     [](const KnownEvent &a, const KnownEvent &b) { return a.date.sortKey() < b.date.sortKey(); });

    // Entities the library has seen (mentioned or stated), not rejected.
    std::erase_if(k.entities, [&](const KnownEntity &e) {
        if (!options.includeRejected && rejected.contains(e.key))
            return true;
        return e.mentionCount == 0 && e.attributes.isEmpty() && e.origin != u"user"
               && std::none_of(k.scores.begin(), k.scores.end(),
                               [&](const KnownScore &s) { return s.modelKey == e.key || s.benchmarkKey == e.key; });
    });
    std::stable_sort(k.entities.begin(), k.entities.end(), [](const KnownEntity &a, const KnownEntity &b) {
        if (a.kind != b.kind)
            return a.kind < b.kind;
        if (a.mentionCount != b.mentionCount)
            return a.mentionCount > b.mentionCount;
        return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
    });
    k.m_byKey.clear();
    for (size_t i = 0; i < k.entities.size(); ++i)
        k.m_byKey.insert(k.entities[i].key, int(i));
    return k;
}

const QStringList &correctionActions()
{
    static const QStringList actions{QStringLiteral("rename"),        QStringLiteral("merge"),          QStringLiteral("split"),
                                     QStringLiteral("reject-entity"), QStringLiteral("confirm-entity"), QStringLiteral("reject-mention"),
                                     QStringLiteral("reject-fact"),   QStringLiteral("set"),            QStringLiteral("add")};
    return actions;
}

Result<store::CorrectionRow> addCorrection(Library &library, const CorrectionRequest &r)
{
    if (!correctionActions().contains(r.action))
        return fail(ErrorCode::Invalid,
                    QStringLiteral("unknown correction '%1' (one of: %2)").arg(r.action, correctionActions().join(QStringLiteral(", "))));
    store::CorrectionRow row;
    row.action = r.action;
    row.at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    if (r.action == u"reject-fact") {
        if (r.entity.count(u'|') < 3)
            return fail(ErrorCode::Invalid, QStringLiteral("reject-fact needs a fact id as printed by --json (\"fact\")"));
        row.target = r.entity;
    } else if (r.action == u"add") {
        const extract::EntityKind kind = extract::entityKindFromName(r.extra);
        if (r.entity.trimmed().isEmpty())
            return fail(ErrorCode::Invalid, QStringLiteral("add needs a name"));
        row.target = extract::keyFor(kind, r.entity);
        row.value = r.entity.simplified();
        row.extra = extract::entityKindName(kind);
    } else {
        auto k = Knowledge::load(library, {false, true});
        if (!k)
            return std::unexpected(k.error());
        const KnownEntity *e = k->find(r.entity);
        if (!e)
            return fail(ErrorCode::NotFound, QStringLiteral("no entity named '%1' (see sextant entities)").arg(r.entity));
        row.target = e->key;
        row.value = r.value.simplified();
        row.extra = r.extra;
        if (r.action == u"merge") {
            const KnownEntity *into = k->find(r.value);
            if (!into)
                return fail(ErrorCode::NotFound, QStringLiteral("no entity named '%1' to merge into").arg(r.value));
            if (into->key == e->key)
                return fail(ErrorCode::Invalid, QStringLiteral("'%1' and '%2' are the same entity").arg(r.entity, r.value));
            row.value = into->key;
        } else if ((r.action == u"rename" || r.action == u"split") && row.value.isEmpty()) {
            return fail(ErrorCode::Invalid, QStringLiteral("%1 needs a new name").arg(r.action));
        } else if (r.action == u"split" && r.extra.isEmpty()) {
            return fail(ErrorCode::Invalid, QStringLiteral("split needs the name as written to split off"));
        } else if (r.action == u"set") {
            if (row.value.isEmpty() || r.extra.isEmpty())
                return fail(ErrorCode::Invalid, QStringLiteral("set needs an attribute and a value"));
            if (row.value == u"organization" || row.value == u"license") {
                const KnownEntity *v = k->find(r.extra);
                row.extra = v ? v->key : r.extra;
            }
        } else if (r.action == u"reject-mention" && !QRegularExpression(QStringLiteral("^\\d+:\\d+$")).match(r.extra).hasMatch()) {
            return fail(ErrorCode::Invalid, QStringLiteral("reject-mention needs SOURCE:OFFSET"));
        }
    }
    store::Store &store = library.store();
    auto id = store.addCorrection(row);
    if (!id)
        return std::unexpected(id.error());
    row.id = *id;
    return row;
}

Result<std::optional<store::CorrectionRow>> undoCorrection(Library &library, bool redo)
{
    store::Store &store = library.store();
    auto all = store.corrections();
    if (!all)
        return std::unexpected(all.error());
    for (auto it = all->rbegin(); it != all->rend(); ++it) {
        if (it->undone == redo) {
            if (auto r = store.setCorrectionUndone(it->id, !redo); !r)
                return std::unexpected(r.error());
            it->undone = !redo;
            return std::optional<store::CorrectionRow>(*it);
        }
    }
    return std::optional<store::CorrectionRow>();
}

} // namespace sextant::library
