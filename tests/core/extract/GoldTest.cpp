// Precision and recall of extraction against hand-written gold annotations
// (tests/gold/seeds.tsv: facts only) over the seed articles in ../shared.
// The floors are set high; the figures are printed for the record.
#include "TestSupport.h"

#include "extract/Extraction.h"
#include "library/Knowledge.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>

#include <catch2/catch.hpp>
#include <cstdio>

using namespace sextant;

namespace {

struct Score {
    double precision = 0, recall = 0;
    int truePositives = 0, predicted = 0, gold = 0;
};

Score measure(const QSet<QString> &predicted, const QSet<QString> &gold)
{
    Score s;
    s.predicted = int(predicted.size());
    s.gold = int(gold.size());
    for (const QString &p : predicted)
        if (gold.contains(p))
            ++s.truePositives;
    s.precision = s.predicted ? double(s.truePositives) / s.predicted : 1.0;
    s.recall = s.gold ? double(s.truePositives) / s.gold : 1.0;
    return s;
}

void report(const char *what, const Score &s, const QSet<QString> &predicted, const QSet<QString> &gold)
{
    std::printf("gold %-10s precision %.3f (%d/%d)  recall %.3f (%d/%d)\n", what, s.precision, s.truePositives, s.predicted,
                s.recall, s.truePositives, s.gold);
    for (const QString &p : predicted)
        if (!gold.contains(p))
            std::printf("  extra:   %s\n", qPrintable(p));
    for (const QString &g : gold)
        if (!predicted.contains(g))
            std::printf("  missing: %s\n", qPrintable(g));
}

QString f(const QString &name) { return extract::foldName(name); }

} // namespace

TEST_CASE("extraction meets its precision and recall floors on the seed articles")
{
    const QString root = test::sharedCorpus();
    if (root.isEmpty()) {
        WARN("../shared/corpus is absent: skipping the gold test");
        return;
    }
    QTemporaryDir tmp;
    auto lib = test::openWritable(tmp.path() + QStringLiteral("/lib"));
    test::ingest(*lib, {root + QStringLiteral("/seeds")});
    library::Knowledge::Options options;
    options.withMentions = true;
    auto k = library::Knowledge::load(*lib, options);
    REQUIRE(k);

    QHash<qint64, QString> prefixOf;
    for (const store::SourceSummary &s : k->sources)
        prefixOf.insert(s.id, QFileInfo(s.originalPath).fileName().left(3));

    QSet<QString> goldEntities, goldScores, goldConflicts;
    struct GoldEvent {
        QString kind, date, entity;
    };
    std::vector<GoldEvent> goldEvents;
    QFile file(QStringLiteral(SEXTANT_GOLD_DIR "/seeds.tsv"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList c = line.split(u'\t');
        if (c[0] == u"E")
            goldEntities << c[1] + u'|' + c[2] + u'|' + f(c[3]);
        else if (c[0] == u"S")
            goldScores << c[1] + u'|' + f(c[2]) + u'|' + f(c[3]) + u'|' + QString::number(c[4].toDouble());
        else if (c[0] == u"V")
            goldEvents.push_back({c[1], c[2], f(c[3])});
        else if (c[0] == u"C")
            goldConflicts << f(c[1]) + u'|' + c[2];
    }

    QSet<QString> entities;
    for (const library::KnownEntity &e : k->entities) {
        if (e.kind != u"model" && e.kind != u"benchmark")
            continue;
        for (const library::MentionRef &m : e.mentions)
            entities << prefixOf.value(m.source) + u'|' + e.kind + u'|' + f(e.name);
    }
    QSet<QString> scores;
    for (const library::KnownScore &s : k->scores)
        scores << prefixOf.value(s.from.source) + u'|' + f(s.model) + u'|' + f(s.benchmark) + u'|' + QString::number(s.value);
    QSet<QString> conflicts;
    for (const library::Conflict &c : k->conflicts)
        conflicts << f(c.subject) + u'|' + c.attribute.section(u' ', 0, 0);

    // Events: a predicted event is right when a gold one has its kind, a compatible date and names its entity.
    QSet<QString> events, goldEventKeys;
    for (const GoldEvent &g : goldEvents)
        goldEventKeys << g.kind + u'|' + g.date + u'|' + g.entity;
    for (const library::KnownEvent &e : k->events) {
        QString key = e.kind + u'|' + e.date.toIso() + u"|?";
        for (const GoldEvent &g : goldEvents) {
            const QString d = e.date.toIso();
            const bool date = d.startsWith(g.date) || g.date.startsWith(d);
            bool names = false;
            for (const QString &n : e.entityNames)
                names = names || f(n) == g.entity;
            if (g.kind == e.kind && date && names)
                key = g.kind + u'|' + g.date + u'|' + g.entity;
        }
        events << key;
    }

    const Score se = measure(entities, goldEntities), ss = measure(scores, goldScores), sv = measure(events, goldEventKeys),
                sc = measure(conflicts, goldConflicts);
    report("entities", se, entities, goldEntities);
    report("scores", ss, scores, goldScores);
    report("events", sv, events, goldEventKeys);
    report("conflicts", sc, conflicts, goldConflicts);
    CHECK(se.precision >= 0.90);
    CHECK(se.recall >= 0.90);
    CHECK(ss.precision >= 0.95);
    CHECK(ss.recall >= 0.95);
    CHECK(sv.precision >= 0.80);
    CHECK(sv.recall >= 0.85);
    CHECK(sc.precision >= 0.75);
    CHECK(sc.recall >= 0.75);
}
