#include "TestSupport.h"

#include "extract/KnowledgePack.h"
#include "extract/MentionMatcher.h"

#include <QDir>
#include <QFile>

#include <catch2/catch.hpp>

using namespace sextant;
using namespace sextant::extract;

namespace {

/// (written form, entity id) of every mention in text.
std::vector<std::pair<QString, QString>> mentions(const QString &text)
{
    static const MentionMatcher matcher = MentionMatcher::fromPack(KnowledgePack::builtin());
    const auto &pack = KnowledgePack::builtin();
    std::vector<std::pair<QString, QString>> out;
    for (const Mention &m : matcher.find(text))
        out.emplace_back(text.mid(m.range.start, m.range.length()), pack.entities()[static_cast<size_t>(m.entity)].id);
    return out;
}

QStringList ids(const QString &text)
{
    QStringList out;
    for (const auto &[written, id] : mentions(text))
        out << id;
    return out;
}

} // namespace

TEST_CASE("the built-in knowledge pack is whole: every fact's entity and entity-valued fact resolve")
{
    const KnowledgePack &pack = KnowledgePack::builtin();
    REQUIRE(pack.entities().size() > 1000);
    for (const PackFact &f : pack.facts()) {
        INFO(f.attribute.toStdString() << " = " << f.value.toStdString());
        CHECK_FALSE(f.reference.isEmpty());
        if (f.attribute == u"organization" || f.attribute == u"license")
            CHECK(pack.indexOf(f.value) >= 0);
        if (f.attribute == u"openness")
            CHECK((f.value == u"open" || f.value == u"closed"));
    }
    const int glm = pack.indexOf(QStringLiteral("model:glm-5.1"));
    REQUIRE(glm >= 0);
    QStringList about;
    for (const PackFact *f : pack.factsAbout(glm))
        about << f->attribute + u'=' + f->value;
    CHECK(about.contains(QStringLiteral("license=license:mit")));
    CHECK(pack.entities()[static_cast<size_t>(pack.indexOf(QStringLiteral("org:meta")))].kind == EntityKind::Organization);

    CHECK_FALSE(KnowledgePack::parse("model:x\tmodel\n", "").has_value()); // no name
    CHECK_FALSE(KnowledgePack::parse("model:x\tmodel\tX\n", "model:y\treleased\t2024\tref\n").has_value());
}

TEST_CASE("names match however spaces, hyphens and case are written, at their exact offsets")
{
    const auto found = mentions(QStringLiteral("Compare GPT 5.4 with gpt-5.4 and ARC AGI 2 with ARC-AGI-2."));
    REQUIRE(found.size() == 4);
    CHECK(found[0] == std::pair{QStringLiteral("GPT 5.4"), QStringLiteral("model:gpt-5.4")});
    CHECK(found[1] == std::pair{QStringLiteral("gpt-5.4"), QStringLiteral("model:gpt-5.4")});
    CHECK(found[2] == std::pair{QStringLiteral("ARC AGI 2"), QStringLiteral("bench:arc-agi-2")});
    CHECK(found[3] == std::pair{QStringLiteral("ARC-AGI-2"), QStringLiteral("bench:arc-agi-2")});
}

TEST_CASE("word boundaries, versions and common words are respected")
{
    CHECK(ids(QStringLiteral("A meta-analysis of metadata, by Meta.")) == QStringList{QStringLiteral("org:meta")});
    CHECK_FALSE(ids(QStringLiteral("GPT-5.4 is out")).contains(QStringLiteral("model:gpt-5")));
    CHECK_FALSE(ids(QStringLiteral("the gemini constellation")).contains(QStringLiteral("org:google")));
    CHECK(ids(QStringLiteral("MMLU-Pro and MMLU")) == (QStringList{QStringLiteral("bench:mmlu-pro"), QStringLiteral("bench:mmlu")}));
    // Codenames are tied by what the text says (see ExtractorTest), not by the pack.
    CHECK(ids(QStringLiteral("Meta's Muse Spark, codenamed Avocado")) ==
          (QStringList{QStringLiteral("org:meta"), QStringLiteral("model:muse-spark")}));
    CHECK(ids(QStringLiteral(u"Humanity\u2019s Last Exam")) == QStringList{QStringLiteral("bench:hle")});
}

TEST_CASE("the longest name wins; letter-digit joins are optional")
{
    MentionMatcher m;
    m.add(QStringLiteral("Mistral"), 1, true);
    m.add(QStringLiteral("Mistral Small 4"), 2, false);
    m.add(QStringLiteral("Qwen 2.5"), 3, false);
    m.add(QStringLiteral("Qwen2.5-Max"), 4, false);
    m.build();
    const QString text = QStringLiteral("Mistral Small 4 from Mistral; qwen2.5 and Qwen 2.5 Max; mistral lower case.");
    std::vector<int> got;
    for (const Mention &x : m.find(text))
        got.push_back(x.entity);
    CHECK(got == std::vector<int>{2, 1, 3, 4});
    CHECK(m.find(QString()).empty());
}

TEST_CASE("a case-sensitive name and a case-blind one may share a spelling; each matches as it should")
{
    MentionMatcher m;
    m.add(QStringLiteral("Spark"), 1, true);       // a product, only as capitalized
    m.add(QStringLiteral("spark-lab"), 2, false);  // any case
    m.add(QStringLiteral("SPARK LAB"), 3, true);   // same folded form as 2: the first added wins wherever both match
    m.add(QStringLiteral("Arc"), 4, true);
    m.add(QStringLiteral("ARC"), 5, true);         // same letters, another case: both kept
    m.build();
    auto entities = [&](const QString &text) {
        std::vector<int> got;
        for (const Mention &x : m.find(text))
            got.push_back(x.entity);
        return got;
    };
    CHECK(entities(QStringLiteral("Spark and spark and SPARK")) == std::vector<int>{1});
    CHECK(entities(QStringLiteral("Spark-Lab, SPARK LAB and spark lab")) == std::vector<int>{2, 2, 2});
    CHECK(entities(QStringLiteral("Arc, ARC and arc")) == std::vector<int>{4, 5});
    // prefixes() checks case the same way.
    CHECK(m.prefixes(QStringLiteral("ARCtic")).size() == 1);
    CHECK(m.prefixes(QStringLiteral("arctic")).empty());
}

TEST_CASE("the seed articles' main names are found")
{
    const QString root = test::sharedCorpus();
    if (root.isEmpty()) {
        WARN("../shared/corpus is absent: skipping");
        return;
    }
    QFile f(root + QStringLiteral("/seeds/001_7c47345609712b57.txt"));
    REQUIRE(f.open(QIODevice::ReadOnly));
    const QStringList found = ids(QString::fromUtf8(f.readAll()));
    for (const char *id : {"model:muse-spark", "org:meta", "model:gpt-5.5", "model:gemini-3.1-pro", "model:claude-opus-4.6",
                           "person:alexandr-wang", "org:scale-ai", "bench:aa-index", "model:llama-4-scout"})
        CHECK(found.contains(QString::fromLatin1(id)));
}
