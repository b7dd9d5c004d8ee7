// Extraction on small documents written for these tests: names, tables,
// prose scores, attributes, claims, dates and events.
#include "TestSupport.h"

#include "common/Regex.h"
#include "extract/DateFinder.h"
#include "extract/Extractor.h"
#include "extract/TextScan.h"
#include "ingest/DocumentReader.h"
#include "ingest/Format.h"

#include <catch2/catch.hpp>

#include <QMap>

using namespace sextant;
using extract::Extraction;

namespace {

model::Document read(const QString &text, const QString &fileName = QStringLiteral("note.txt"))
{
    ingest::ReadOptions o;
    o.fileName = fileName;
    auto doc = ingest::readDocument(text.toUtf8(), ingest::formatFromFileName(fileName), o);
    REQUIRE(doc);
    return *doc;
}

Extraction run(const model::Document &doc) { return extract::Extractor::builtin().extract(doc); }

int entity(const Extraction &x, const QString &name)
{
    for (size_t i = 0; i < x.entities.size(); ++i)
        if (x.entities[i].name == name)
            return int(i);
    return -1;
}

/// How many mentions the entity of that name has (0 when there is none).
long mentionCount(const Extraction &x, const QString &name)
{
    const int e = entity(x, name);
    return e < 0 ? 0 : std::count_if(x.mentions.begin(), x.mentions.end(), [&](const auto &m) { return m.entity == e; });
}

bool hasMention(const Extraction &x, const QString &name) { return mentionCount(x, name) > 0; }

std::optional<double> score(const Extraction &x, const QString &modelName, const QString &bench)
{
    for (const auto &s : x.scores)
        if (x.entities[size_t(s.model)].name == modelName && x.entities[size_t(s.benchmark)].name == bench)
            return s.value;
    return std::nullopt;
}

QStringList attribute(const Extraction &x, const QString &subject, const QString &attr)
{
    QStringList out;
    for (const auto &a : x.attributes)
        if (x.entities[size_t(a.subject)].name == subject && a.attribute == attr)
            out << a.value;
    return out;
}

} // namespace

TEST_CASE("dates in running text keep their precision, ranges and relative offsets")
{
    const QString text = QStringLiteral("It shipped on March 3, 2025 after a preview in June 2024; a beta came in summer 2023 "
                                        "and a paper in early 2022. The summit ran May 6-7, 2025, and 2025-11-30 closed it.");
    const auto dates = extract::findDates(text, 0);
    QStringList iso;
    for (const auto &d : dates)
        iso << d.date.toIso() + (d.end.isValid() ? QStringLiteral("..") + d.end.toIso() : QString());
    CHECK(iso == (QStringList{QStringLiteral("2025-03-03"), QStringLiteral("2024-06"), QStringLiteral("2023-06..2023-08"),
                              QStringLiteral("2022-01..2022-04"), QStringLiteral("2025-05-06..2025-05-07"), QStringLiteral("2025-11-30")}));

    // A day without a year takes the document's.
    const auto inferred = extract::findDates(QStringLiteral("The launch was on October 2."), 2024);
    REQUIRE(inferred.size() == 1);
    CHECK(inferred[0].date.toIso() == QStringLiteral("2024-10-02"));
    CHECK(inferred[0].yearInferred);

    const auto rel = extract::findDates(QStringLiteral("Three weeks later, and two days before the Orion launch, it leaked."), 0);
    REQUIRE(rel.size() == 2);
    CHECK(rel[0].relative);
    CHECK(extract::shiftDate(model::PartialDate::ymd(2025, 3, 1), rel[0]).toIso() == QStringLiteral("2025-03-22"));
    CHECK(rel[1].anchorText.contains(QStringLiteral("Orion launch")));
    CHECK(extract::shiftDate(model::PartialDate::ymd(2025, 3, 1), rel[1]).toIso() == QStringLiteral("2025-02-27"));
    // Months from a month-precise anchor stay months.
    const auto months = extract::findDates(QStringLiteral("Nine months later it was done."), 0);
    REQUIRE(months.size() == 1);
    CHECK(extract::shiftDate(model::PartialDate::ymd(2025, 6, 0), months[0]).toIso() == QStringLiteral("2026-03"));
    // Numbers that are not dates.
    CHECK(extract::findDates(QStringLiteral("It has 2048 experts and scores 2025 Elo."), 0).empty());

    // Every way a date may start, in one text: the finder looks only where a date can begin.
    const auto starts = extract::findDates(
        QStringLiteral("A paper (2019) came in 2021, then Q3 2024, mid-2023 and the first half of 2022; on 8 April 2026 "
                       "and the day before, yesterday, last year, an election year 2020, a year later."),
        2026);
    QStringList found;
    for (const auto &d : starts)
        found << (d.relative ? QStringLiteral("rel") : d.date.toIso());
    CHECK(found == (QStringList{QStringLiteral("2019"), QStringLiteral("2021"), QStringLiteral("2024-07"), QStringLiteral("2023-05"),
                                QStringLiteral("2022-01"), QStringLiteral("2026-04-08"), QStringLiteral("rel"), QStringLiteral("rel"),
                                QStringLiteral("rel"), QStringLiteral("2020"), QStringLiteral("rel")}));
    // Without the document's year a day-and-month date is left out, and the caller is told.
    bool yearMissing = false;
    CHECK(extract::findDates(QStringLiteral("It opened on October 2."), 0, &yearMissing).empty());
    CHECK(yearMissing);
}

TEST_CASE("models unknown to the pack are found from how their names are written")
{
    const auto x = run(read(QStringLiteral(
        "We compared Qwen 9.5-Max, MiMo V7.1 Pro, DeepSeek-R3-Distill-Qwen-14B and Llama 9 Maverick (17Bx128E) "
        "with GPT-4o 0513 in April 2025. Table 3 lists Step 2 of the method.")));
    for (const char *name : {"Qwen 9.5-Max", "MiMo V7.1 Pro", "DeepSeek-R3-Distill-Qwen-14B", "Llama 9 Maverick (17Bx128E)", "GPT-4o 0513"}) {
        INFO(name);
        CHECK(hasMention(x, QString::fromUtf8(name)));
    }
    const int snapshot = entity(x, QStringLiteral("GPT-4o 0513"));
    REQUIRE(snapshot >= 0);
    CHECK(x.entities[size_t(snapshot)].parent == QStringLiteral("model:gpt-4o"));
    CHECK(x.entities[size_t(snapshot)].origin == extract::Origin::Found);
    CHECK(entity(x, QStringLiteral("Table 3")) < 0);
    CHECK(entity(x, QStringLiteral("Step 2")) < 0);
}

TEST_CASE("OpenAI's letter-and-digit models: snapshots are variants, and a maker's name before a header's model is no part of it")
{
    const auto x = run(read(QStringLiteral("| Benchmark | OpenAI o1-1217 | Google Gemini 9.5 Pro |\n|---|---|---|\n| MMLU | 91.8 | 90.1 |\n\n"
                                           "We also ran o9-pro and o1-2024-12-17. An o2-based sensor is no model."),
                             QStringLiteral("t.md")));
    const int snapshot = entity(x, QStringLiteral("o1-1217"));
    REQUIRE(snapshot >= 0);
    CHECK(x.entities[size_t(snapshot)].parent == QStringLiteral("model:o1"));
    CHECK(score(x, QStringLiteral("o1-1217"), QStringLiteral("MMLU")) == 91.8);
    CHECK(entity(x, QStringLiteral("OpenAI o1-1217")) < 0);
    CHECK(score(x, QStringLiteral("Gemini 9.5 Pro"), QStringLiteral("MMLU")) == 90.1);
    CHECK(entity(x, QStringLiteral("Google Gemini 9.5 Pro")) < 0);
    CHECK(hasMention(x, QStringLiteral("o9-pro")));
    const int dated = entity(x, QStringLiteral("o1-2024-12-17"));
    REQUIRE(dated >= 0);
    CHECK(x.entities[size_t(dated)].parent == QStringLiteral("model:o1"));
    CHECK(entity(x, QStringLiteral("o2")) < 0);
    CHECK(entity(x, QStringLiteral("o2-based")) < 0);
}

TEST_CASE("sizes written once for a name are a model each; a number said of coordinated models is no one's")
{
    const auto x = run(read(QStringLiteral(
        "Llama 9-7|13|70B came out first, then Qwen9.5-1.5/9B.\n\n"
        "On MMLU, Qwen9.5-1.5/9B are improved from 40.1 to 52.3 and 61.0 to 70.2.\n\n"
        "Qwen9-3/8 is a ratio, not a list of sizes.")));
    for (const char *name : {"Llama 9-7B", "Llama 9-13B", "Llama 9-70B", "Qwen9.5-1.5B", "Qwen9.5-9B"}) {
        INFO(name);
        CHECK(hasMention(x, QString::fromUtf8(name)));
    }
    CHECK(entity(x, QStringLiteral("Llama 9-7")) < 0);
    CHECK(entity(x, QStringLiteral("Qwen9.5-1.5")) < 0);
    CHECK(entity(x, QStringLiteral("Qwen9-3B")) < 0);
    CHECK(x.scores.empty());
}

TEST_CASE("a model column holds no dates, makers, version numbers or phrases; a model that measures another is no subject")
{
    const auto x = run(read(QStringLiteral("| Model | Date | Size |\n|---|---|---|\n| Orbitron-9B | 2031-06 | 9B |\n"
                                           "| Anthropic | 2031/07 | 52B |\n| V12 | Jan/2031 | 7B |\n| About this table | - | - |\n\n"
                                           "Orbitron-9B - the first open GPT-4o level model."),
                             QStringLiteral("t.md")));
    CHECK(entity(x, QStringLiteral("Orbitron-9B")) >= 0);
    for (const char *name : {"2031-06", "2031/07", "V12", "Jan/2031", "About this table"}) {
        INFO(name);
        CHECK(entity(x, QString::fromUtf8(name)) < 0);
    }
    for (const auto &e : x.entities)
        if (e.name == u"Anthropic")
            CHECK(e.kind == extract::EntityKind::Organization);
    CHECK(attribute(x, QStringLiteral("GPT-4o"), QStringLiteral("openness")).isEmpty());
}

TEST_CASE("licenses given 'respectively' go to their models in order; a category in a list is no model's openness")
{
    const auto x = run(read(QStringLiteral(
        "# Gemma 9 notes\n\nGemma 9 is the subject here.\n\n- Closed-source Models\n- Open LLMs\n\n"
        "Most sizes use Apache 2.0, while Qwen9.5-3B and Qwen9.5-72B are governed by the Qwen Research License and "
        "Qwen License, respectively."),
        QStringLiteral("t.md")));
    CHECK(attribute(x, QStringLiteral("Qwen9.5-3B"), QStringLiteral("license")) == QStringList{QStringLiteral("license:qwen-research")});
    CHECK(attribute(x, QStringLiteral("Qwen9.5-72B"), QStringLiteral("license")) == QStringList{QStringLiteral("license:qwen")});
    CHECK(attribute(x, QStringLiteral("Gemma 9"), QStringLiteral("openness")).isEmpty());
}

TEST_CASE("models and makers no pack knows are found from what the text says of them")
{
    const auto x = run(read(QStringLiteral(
        "Zorblat Labs on Thursday released its new model Quasar 3 to developers.\n\n"
        "Quasar 3 scores 77.1 on GPQA Diamond. Quasar 2 Mini, a 9-billion-parameter model, came out in 2025.\n\n"
        "Helix Robotics, a Boston startup, announced Ember-7B, and Ember-70B is planned. Helix raised $40 million.\n\n"
        "\"It runs on a laptop,\" said Marco Lindqvist, the company's co-founder. "
        "Early users include Tarnow's pioneering Polish-first model, PlGPT.\n\n"
        "Corvid-8B-Instruct is an instruction-tuned model from Rookery Labs.")));
    const int quasar = entity(x, QStringLiteral("Quasar 3"));
    REQUIRE(quasar >= 0);
    CHECK(x.entities[size_t(quasar)].kind == extract::EntityKind::Model);
    CHECK(score(x, QStringLiteral("Quasar 3"), QStringLiteral("GPQA Diamond")) == 77.1);
    CHECK(hasMention(x, QStringLiteral("Quasar 2 Mini")));
    CHECK(attribute(x, QStringLiteral("Quasar 2 Mini"), QStringLiteral("params_total_b")) == QStringList{QStringLiteral("9")});
    for (const char *name : {"Zorblat Labs", "Helix Robotics"}) {
        INFO(name);
        const int org = entity(x, QString::fromUtf8(name));
        REQUIRE(org >= 0);
        CHECK(x.entities[size_t(org)].kind == extract::EntityKind::Organization);
    }
    CHECK(attribute(x, QStringLiteral("Quasar 3"), QStringLiteral("organization")).size() == 1);
    CHECK(hasMention(x, QStringLiteral("Ember-7B")));
    CHECK(hasMention(x, QStringLiteral("Ember-70B")));
    CHECK(mentionCount(x, QStringLiteral("Helix Robotics")) == 2); // "Helix raised" too
    CHECK(hasMention(x, QStringLiteral("PlGPT")));
    const int rookery = entity(x, QStringLiteral("Rookery Labs"));
    REQUIRE(rookery >= 0);
    CHECK(attribute(x, QStringLiteral("Corvid-8B-Instruct"), QStringLiteral("organization")) == QStringList{x.entities[size_t(rookery)].key});
    const int person = entity(x, QStringLiteral("Marco Lindqvist"));
    REQUIRE(person >= 0);
    CHECK(x.entities[size_t(person)].kind == extract::EntityKind::Person);
}

TEST_CASE("a model a table names is the same model wherever the text names it; scores given 'respectively' go to models in order")
{
    const auto x = run(read(QStringLiteral(
        "Falconet 3 and Osprey 2 score 71.4 and 78.9 on GPQA Diamond, respectively. On SWE-bench Verified, Falconet 3 reaches 58.2%.\n\n"
        "| Model | Params | Weights |\n|---|---|---|\n| Falconet 3 | 120B | Open |\n| Osprey 2 | - | API only |\n| Pi | - | API only |\n\n"
        "The number pi is no model."),
        QStringLiteral("t.md")));
    CHECK(score(x, QStringLiteral("Falconet 3"), QStringLiteral("GPQA Diamond")) == 71.4);
    CHECK(score(x, QStringLiteral("Osprey 2"), QStringLiteral("GPQA Diamond")) == 78.9);
    CHECK(score(x, QStringLiteral("Falconet 3"), QStringLiteral("SWE-bench Verified")) == 58.2);
    CHECK(mentionCount(x, QStringLiteral("Falconet 3")) == 3);
    CHECK(mentionCount(x, QStringLiteral("Pi")) <= 1);
}

TEST_CASE("a maker's line named after its possessive; a benchmark carried to the next sentence of a paragraph")
{
    const auto x = run(read(QStringLiteral(
        "---\ntitle: t\ndate: 2031-04-20\n---\n\n"
        "DeepSeek's V9, released on April 14, ships under the MIT license with 2 trillion parameters, 60 billion of them active.\n\n"
        "Qwen9.9-Max, Alibaba's latest flagship, is closed-source.\n\n"
        "On the Artificial Analysis Intelligence Index, GPT-9 leads with 61. DeepSeek V9 sits at 55.\n\n"
        "DeepSeek V9 was trained on 20 trillion tokens."),
        QStringLiteral("t.md")));
    CHECK(attribute(x, QStringLiteral("DeepSeek V9"), QStringLiteral("license")) == QStringList{QStringLiteral("license:mit")});
    CHECK(attribute(x, QStringLiteral("DeepSeek V9"), QStringLiteral("params_total_b")) == QStringList{QStringLiteral("2000")});
    CHECK(attribute(x, QStringLiteral("DeepSeek V9"), QStringLiteral("params_active_b")) == QStringList{QStringLiteral("60")});
    CHECK(attribute(x, QStringLiteral("DeepSeek V9"), QStringLiteral("released")) == QStringList{QStringLiteral("2031-04-14")});
    CHECK(attribute(x, QStringLiteral("Qwen9.9-Max"), QStringLiteral("organization")) == QStringList{QStringLiteral("org:alibaba")});
    CHECK(score(x, QStringLiteral("DeepSeek V9"), QStringLiteral("Artificial Analysis Intelligence Index")) == 55);
    int scores = 0;
    for (const auto &sc : x.scores)
        if (x.entities[size_t(sc.model)].name == u"DeepSeek V9")
            ++scores;
    CHECK(scores == 1); // the next paragraph's "20 trillion" is no score
}

TEST_CASE("openness from how the weights are had: downloaded, only through an API, not released, not to be opened")
{
    const auto x = run(read(QStringLiteral(
        "Gemma 9 weights can be downloaded from Hugging Face. Llama 9 is available for download on Kaggle.\n\n"
        "GPT-9 is available only via API. The weights of Claude 9 have not been released. Grok 9 will not be open-sourced.\n\n"
        "Phi-9 will be open-sourced next year. Qwen 9.7 has not been released yet.")));
    CHECK(attribute(x, QStringLiteral("Gemma 9"), QStringLiteral("openness")) == QStringList{QStringLiteral("open")});
    CHECK(attribute(x, QStringLiteral("Llama 9"), QStringLiteral("openness")) == QStringList{QStringLiteral("open")});
    CHECK(attribute(x, QStringLiteral("GPT-9"), QStringLiteral("openness")) == QStringList{QStringLiteral("closed")});
    CHECK(attribute(x, QStringLiteral("Claude 9"), QStringLiteral("openness")) == QStringList{QStringLiteral("closed")});
    CHECK(attribute(x, QStringLiteral("Grok 9"), QStringLiteral("openness")) == QStringList{QStringLiteral("closed")});
    CHECK(attribute(x, QStringLiteral("Phi-9"), QStringLiteral("openness")).isEmpty());    // a plan
    CHECK(attribute(x, QStringLiteral("Qwen 9.7"), QStringLiteral("openness")).isEmpty()); // not out at all
}

TEST_CASE("a sentence ends after a size ('… Llama-3.1-8B. It has'), not after an initial ('J. Smith')")
{
    const auto x = run(read(QStringLiteral(
        "# Corvid-8B-Instruct\n\nCorvid-8B-Instruct is an instruction-tuned model, fine-tuned from Llama-9.1-8B. It has 8.03B parameters.\n\n"
        "Qwen 9 was described by J. Smith as having 14B parameters."),
        QStringLiteral("t.md")));
    CHECK(attribute(x, QStringLiteral("Corvid-8B-Instruct"), QStringLiteral("params_total_b")) == QStringList{QStringLiteral("8.03")});
    CHECK(attribute(x, QStringLiteral("Llama-9.1-8B"), QStringLiteral("params_total_b")).isEmpty());
    CHECK(attribute(x, QStringLiteral("Qwen 9"), QStringLiteral("params_total_b")) == QStringList{QStringLiteral("14")});
}

TEST_CASE("a release by a maker found by its name is dated, though the text never says 'model'")
{
    const auto x = run(read(QStringLiteral(
        "---\ntitle: t\ndate: 2031-05-10\n---\n\n"
        "Zorblat Labs released Quasar 3 on March 3, 2031.\n\nQuasar 2 shipped in summer 2030."),
        QStringLiteral("t.md")));
    QMap<QString, QString> released; // model -> date
    for (const auto &e : x.events)
        if (e.kind == u"release" && !e.entities.empty())
            released.insert(x.entities[size_t(e.entities.front())].name, e.date.toIso());
    CHECK(released.value(QStringLiteral("Quasar 3")) == QStringLiteral("2031-03-03"));
    CHECK(released.value(QStringLiteral("Quasar 2")) == QStringLiteral("2030-06"));
}

TEST_CASE("a family known only by its sized names: 'Tianmu-2' once 'Tianmu-2-32B' is a model, open-sourced today")
{
    const auto x = run(read(QStringLiteral(
        "---\ntitle: t\ndate: 2031-08-01\n---\n\n"
        "Today we are open-sourcing Tianmu-2, a family of reasoning models: Tianmu-2-7B and Tianmu-2-32B."),
        QStringLiteral("t.md")));
    CHECK(hasMention(x, QStringLiteral("Tianmu-2-7B")));
    CHECK(hasMention(x, QStringLiteral("Tianmu-2-32B")));
    CHECK(hasMention(x, QStringLiteral("Tianmu-2")));
    CHECK(attribute(x, QStringLiteral("Tianmu-2"), QStringLiteral("openness")) == QStringList{QStringLiteral("open")});
    bool released = false;
    for (const auto &e : x.events)
        released = released || (e.kind == u"release" && e.date.toIso() == u"2031-08-01");
    CHECK(released);
}

TEST_CASE("what only looks like a new model or maker is left alone")
{
    const auto x = run(read(QStringLiteral(
        "# What the Model Does\n\nEarlier, the company said it was using the AI, the company said. "
        "See the new version of the open LLM Leaderboard and the Model License. "
        "The Model-3B benchmark, a Top-5B list and the Boeing-737 fleet are no models. Sam Altman said it stays closed.\n\n"
        "Samsung launched the Galaxy S26 on Tuesday with a brighter screen."),
        QStringLiteral("t.md")));
    for (const auto &e : x.entities) {
        INFO(e.name.toStdString());
        CHECK(e.origin != extract::Origin::Found);
    }
}

TEST_CASE("a codename the text gives is tied to its model, and its mentions count")
{
    const auto x = run(read(QStringLiteral(
        "Google released Gemma 9 on May 2, 2031.\n\nThe model, codenamed \u201cNebula\u201d internally, replaces older work. "
        "Nebula was trained on new data.")));
    const int gemma = entity(x, QStringLiteral("Gemma 9"));
    REQUIRE(gemma >= 0);
    CHECK(x.entities[size_t(gemma)].codename == QStringLiteral("Nebula"));
    CHECK(mentionCount(x, QStringLiteral("Gemma 9")) == 3);
}

TEST_CASE("tables whose cells ran together are split by what their columns hold")
{
    const auto x = run(read(QStringLiteral(
        "Open models\n\n"
        "ModelDeveloperParams (total/active)LicenseNotes\n"
        "Qwen 9.1-MaxAlibaba235B / 22BApache 2.0Long context\n"
        "Granite 7.0IBM8BMITSmall and fast\n"
        "Stratus 2Nimbus AI236BApache 2.0Long context\n\n"
        "Scores\n\n"
        "BenchmarkGemma 9GPT-5.4\n"
        "MMLU-Pro (5-shot)71.2%80.4%\n"
        "HumanEval64.0%\n")));
    CHECK(attribute(x, QStringLiteral("Qwen 9.1-Max"), QStringLiteral("organization")) == QStringList{QStringLiteral("org:alibaba")});
    CHECK(attribute(x, QStringLiteral("Qwen 9.1-Max"), QStringLiteral("params_total_b")) == QStringList{QStringLiteral("235")});
    CHECK(attribute(x, QStringLiteral("Qwen 9.1-Max"), QStringLiteral("params_active_b")) == QStringList{QStringLiteral("22")});
    CHECK(attribute(x, QStringLiteral("Granite 7.0"), QStringLiteral("license")) == QStringList{QStringLiteral("license:mit")});
    // A maker no pack knows does not take the digits of the size after it.
    CHECK(attribute(x, QStringLiteral("Stratus 2"), QStringLiteral("params_total_b")) == QStringList{QStringLiteral("236")});
    CHECK(entity(x, QStringLiteral("Nimbus AI")) >= 0);
    CHECK(score(x, QStringLiteral("Gemma 9"), QStringLiteral("MMLU-Pro")) == 71.2);
    CHECK(score(x, QStringLiteral("GPT-5.4"), QStringLiteral("MMLU-Pro")) == 80.4);
    // One value under two models: which model it belongs to is not said, so nothing is taken.
    CHECK_FALSE(score(x, QStringLiteral("Gemma 9"), QStringLiteral("HumanEval")));
    CHECK_FALSE(score(x, QStringLiteral("GPT-5.4"), QStringLiteral("HumanEval")));
    for (const auto &s : x.scores)
        if (x.entities[size_t(s.benchmark)].name == u"MMLU-Pro")
            CHECK(s.setting == QStringLiteral("5-shot"));
}

TEST_CASE("Markdown and HTML tables: models as rows or columns, spans, markers and dashes")
{
    const auto md = run(read(QStringLiteral("| Model | MMLU (5-shot) | GSM8K |\n|---|---|---|\n| Qwen2.9 72B Instruct | **84.1** | 91.5 |\n"
                                            "| Llama 9 70B | 79.3 | \u2014 |\n"),
                             QStringLiteral("t.md")));
    CHECK(score(md, QStringLiteral("Qwen2.9 72B Instruct"), QStringLiteral("MMLU")) == 84.1);
    CHECK(score(md, QStringLiteral("Llama 9 70B"), QStringLiteral("GSM8K")) == std::nullopt);
    const int variant = entity(md, QStringLiteral("Qwen2.9 72B Instruct"));
    REQUIRE(variant >= 0);
    CHECK(!md.entities[size_t(variant)].parent.isEmpty());

    const auto html = run(read(QStringLiteral(
        "<html><body><table><thead><tr><th>Category</th><th>Benchmark</th><th>Gemma 9 27B</th><th>Mixtral 9x22B</th></tr></thead>"
        "<tbody><tr><td rowspan=2>Reasoning</td><td>HellaSwag</td><td>86.4<sup>a</sup></td><td>88.0</td></tr>"
        "<tr><td>WinoGrande</td><td>83.7</td><td>-</td></tr></tbody></table></body></html>"),
                               QStringLiteral("t.html")));
    CHECK(score(html, QStringLiteral("Gemma 9 27B"), QStringLiteral("HellaSwag")) == 86.4);
    CHECK(score(html, QStringLiteral("Mixtral 9x22B"), QStringLiteral("HellaSwag")) == 88.0);
    CHECK(score(html, QStringLiteral("Gemma 9 27B"), QStringLiteral("WinoGrande")) == 83.7);
    CHECK(score(html, QStringLiteral("Mixtral 9x22B"), QStringLiteral("WinoGrande")) == std::nullopt);
}

TEST_CASE("reStructuredText grid tables: spans, a quantization column as the setting")
{
    const auto doc = read(QStringLiteral(
        "Results\n=======\n\n"
        "+--------------+--------+-------+--------+\n"
        "|              | Quant  | MMLU  | GSM8K  |\n"
        "+==============+========+=======+========+\n"
        "| Orca 9 13B   | BF16   | 61.2  | 40.5   |\n"
        "+              +--------+-------+--------+\n"
        "|              | AWQ    | 60.1  | 39.9   |\n"
        "+--------------+--------+-------+--------+\n"
        "| Nimbus-7B    | BF16   | 55.0  | 31.4   |\n"
        "+--------------+--------+-------+--------+\n"),
                          QStringLiteral("quant.rst"));
    const auto table = std::find_if(doc.blocks.begin(), doc.blocks.end(), [](const model::Block &b) { return b.kind == model::BlockKind::Table; });
    REQUIRE(table != doc.blocks.end());
    CHECK(table->rows.size() == 4);
    const auto x = run(doc);
    // The spanning model cell covers both of its rows; each quantization is its own setting.
    QStringList scores; // model|benchmark|value|setting
    for (const extract::Score &s : x.scores)
        scores << x.entities[size_t(s.model)].name + u'|' + x.entities[size_t(s.benchmark)].name + u'|'
                      + QString::number(s.value) + u'|' + s.setting;
    CHECK(scores.contains(QStringLiteral("Orca 9 13B|MMLU|60.1|AWQ")));
    CHECK(scores.contains(QStringLiteral("Orca 9 13B|GSM8K|40.5|BF16")));
    CHECK(scores.contains(QStringLiteral("Nimbus-7B|MMLU|55|BF16")));
    CHECK(scores.size() == 6);
}

TEST_CASE("a Model column holds models the grammar does not know, with descriptions and license words")
{
    const auto x = run(read(QStringLiteral(
        "<html><body><table><tr><th>Rank</th><th>Model</th><th>Arena Elo</th><th>Description</th><th>License</th></tr>"
        "<tr><td>1</td><td>\U0001F947 Zephyrine-X2</td><td>1190</td><td>an assistant tuned by Larkspur Labs</td><td>Proprietary</td></tr>"
        "<tr><td>2</td><td>owl-12b-chat</td><td>1010</td><td>a chat model by EleutherAI</td><td>Weights available; Non-commercial</td></tr>"
        "<tr><td>3</td><td>the best one we tried</td><td>990</td><td>n/a</td><td>Apache 2.0</td></tr>"
        "</table></body></html>"),
                            QStringLiteral("arena.html")));
    CHECK(score(x, QStringLiteral("Zephyrine-X2"), QStringLiteral("Chatbot Arena")) == 1190.0);
    CHECK(score(x, QStringLiteral("owl-12b-chat"), QStringLiteral("Chatbot Arena")) == 1010.0);
    CHECK(entity(x, QStringLiteral("the best one we tried")) < 0); // a phrase is not a name
    CHECK(attribute(x, QStringLiteral("Zephyrine-X2"), QStringLiteral("openness")) == QStringList{QStringLiteral("closed")});
    CHECK(attribute(x, QStringLiteral("owl-12b-chat"), QStringLiteral("openness")) == QStringList{QStringLiteral("open")});
    CHECK(attribute(x, QStringLiteral("owl-12b-chat"), QStringLiteral("organization")) == QStringList{QStringLiteral("org:eleutherai")});
    CHECK(attribute(x, QStringLiteral("Zephyrine-X2"), QStringLiteral("organization")).size() == 1);
}

TEST_CASE("scores stated in prose go to the model they are said of")
{
    const auto x = run(read(QStringLiteral(
        "Grok 9 is the new model from xAI. It posts 61.5 on GPQA Diamond, ahead of Claude Opus 4.6 (58.0) and "
        "behind GPT-5.4\u2019s 66. In its Deep mode it reaches 22.1% on Humanity\u2019s Last Exam (vs. 19.7% for Gemini 3.1 Pro). "
        "On MMLU-Pro it achieves a score of 70.2, compared to 74.0 for GPT-5.5.")));
    CHECK(score(x, QStringLiteral("Grok 9"), QStringLiteral("GPQA Diamond")) == 61.5);
    CHECK(score(x, QStringLiteral("Claude Opus 4.6"), QStringLiteral("GPQA Diamond")) == 58.0);
    CHECK(score(x, QStringLiteral("GPT-5.4"), QStringLiteral("GPQA Diamond")) == 66.0);
    CHECK(score(x, QStringLiteral("Grok 9"), QStringLiteral("Humanity's Last Exam")) == 22.1);
    CHECK(score(x, QStringLiteral("Gemini 3.1 Pro"), QStringLiteral("Humanity's Last Exam")) == 19.7);
    CHECK(score(x, QStringLiteral("Grok 9"), QStringLiteral("MMLU-Pro")) == 70.2);
    CHECK(score(x, QStringLiteral("GPT-5.5"), QStringLiteral("MMLU-Pro")) == 74.0);
    for (const auto &s : x.scores)
        if (x.entities[size_t(s.model)].name == u"Grok 9" && x.entities[size_t(s.benchmark)].name == u"Humanity's Last Exam")
            CHECK(s.setting == QStringLiteral("Deep mode"));
    // Years, money and counts are not scores.
    const auto y = run(read(QStringLiteral("In 2025 Grok 9 cost $300 million on GPQA Diamond work with 1,000 GPUs.")));
    CHECK(y.scores.empty());
}

TEST_CASE("attributes: organization, license, openness and parameters from their phrasing")
{
    const auto x = run(read(QStringLiteral(
        "Mistral released Mistral Small 9 under the Apache 2.0 license. Grok 9 is proprietary. "
        "Alibaba's Qwen 9.5 (MIT, 1.2T params) is open-weight. Meta plans to open-source Muse 9 one day.")));
    CHECK(attribute(x, QStringLiteral("Mistral Small 9"), QStringLiteral("organization")) == QStringList{QStringLiteral("org:mistral-ai")});
    CHECK(attribute(x, QStringLiteral("Mistral Small 9"), QStringLiteral("license")) == QStringList{QStringLiteral("license:apache-2.0")});
    CHECK(attribute(x, QStringLiteral("Grok 9"), QStringLiteral("openness")) == QStringList{QStringLiteral("closed")});
    CHECK(attribute(x, QStringLiteral("Qwen 9.5"), QStringLiteral("organization")) == QStringList{QStringLiteral("org:alibaba")});
    CHECK(attribute(x, QStringLiteral("Qwen 9.5"), QStringLiteral("params_total_b")) == QStringList{QStringLiteral("1200")});
    CHECK(attribute(x, QStringLiteral("Qwen 9.5"), QStringLiteral("openness")).contains(QStringLiteral("open")));
    // A plan is not a fact about the model.
    CHECK(attribute(x, QStringLiteral("Muse 9"), QStringLiteral("openness")).isEmpty());
}

TEST_CASE("events: dated happenings with kinds, relative dates resolved, plans left out")
{
    const auto x = run(read(QStringLiteral(
        "On May 2, 2031, Google released Gemma 9, an open-weight model. Two days before the Gemma 9 launch, Reuters reported "
        "a leak. The day before, Anthropic invested $2 billion in Scale AI. Google will release Gemma 10 in June 2031.")));
    QStringList got;
    for (const auto &e : x.events)
        got << e.kind + u' ' + e.date.toIso();
    CHECK(got.contains(QStringLiteral("release 2031-05-02")));
    CHECK(got.contains(QStringLiteral("report 2031-04-30")));
    CHECK(got.contains(QStringLiteral("investment 2031-04-29")));
    CHECK_FALSE(got.contains(QStringLiteral("release 2031-06")));
    for (const auto &e : x.events)
        if (e.kind == u"release") {
            CHECK(e.openness == QStringLiteral("open"));
            CHECK(e.title == QStringLiteral("Google releases Gemma 9"));
        }
    CHECK(attribute(x, QStringLiteral("Gemma 9"), QStringLiteral("released")) == QStringList{QStringLiteral("2031-05-02")});
}

TEST_CASE("numeric claims: stock moves, ages and amounts, with how exactly they were said")
{
    const auto x = run(read(QStringLiteral(
        "Alibaba shares jumped more than 4% on launch day. Alexandr Wang, 31, runs the lab. "
        "Meta invested nearly $20 billion in Scale AI.")));
    bool stock = false, age = false, money = false;
    for (const auto &a : x.attributes) {
        if (a.attribute == u"stock_change_pct") {
            stock = true;
            CHECK(*a.low == 4.0);
            CHECK(std::isinf(*a.high));
            CHECK(a.note == QStringLiteral("on launch day"));
        } else if (a.attribute == u"age") {
            age = true;
            CHECK(a.value == QStringLiteral("31"));
        } else if (a.attribute == u"investment_usd_b") {
            money = true;
            CHECK(x.entities[size_t(a.subject)].key == QStringLiteral("org:scale-ai"));
            CHECK(*a.high == 20.0);
            CHECK(*a.low < 20.0);
        }
    }
    CHECK(stock);
    CHECK(age);
    CHECK(money);
}

TEST_CASE("extraction never crashes or runs away on hostile text")
{
    QString nasty;
    for (int i = 0; i < 2000; ++i)
        nasty += QStringLiteral("GPT-%1.%2Claude%3%%4 (((( ").arg(i).arg(i % 7).arg(i % 13).arg(i % 3);
    nasty += QString(20000, u'9') + QStringLiteral(" on MMLU ") + QString(5000, u'(');
    const model::Document doc = read(nasty);
    const auto x = run(doc);
    CHECK(!x.mentions.empty());
    for (const auto &m : x.mentions)
        CHECK((m.range.start >= 0 && m.range.start < m.range.end && m.range.end <= doc.text.size()));
    for (const auto &sc : x.scores)
        CHECK((sc.quote.start >= 0 && sc.quote.end <= doc.text.size()));
}

TEST_CASE("a document text with lone surrogates is read as if each were a replacement character")
{
    // Matching skips PCRE2's per-match check of the subject, so the extractor itself must never
    // hand it a lone surrogate. A text built in memory (not through a reader) can have them.
    model::Document doc;
    const QChar high(char16_t(0xd83d)), low(char16_t(0xde00));
    doc.text = QString(QStringLiteral("Qwen2.5-72B scores 81.5 on MMLU") + high + QStringLiteral(" and ") + low
                       + QStringLiteral("79.0 on GSM8K.") + high);
    doc.blocks.push_back(model::Block{model::BlockKind::Paragraph, {0, doc.text.size()}, 0, {}});
    doc.meta.title = QString(QStringLiteral("Qwen2.5-72B") + low);
    const auto x = run(doc);
    CHECK(hasMention(x, QStringLiteral("Qwen2.5-72B")));
    CHECK(score(x, QStringLiteral("Qwen2.5-72B"), QStringLiteral("MMLU")) == 81.5);
    for (const auto &m : x.mentions)
        CHECK((m.range.start >= 0 && m.range.end <= doc.text.size()));
    // The repair keeps offsets: a well-formed pair stays, each lone half becomes U+FFFD.
    const QString pair = QString(high) + low;
    CHECK(rx::repairUtf16(pair) == pair);
    CHECK(rx::repairUtf16(QString(low) + high) == QStringLiteral(u"\ufffd\ufffd"));
    const QString longPair = QString(200, u'a') + pair + QString(40, u'b');
    const QString longLone = QString(200, u'a') + high + QString(40, u'b');
    CHECK(rx::isWellFormedUtf16(longPair));
    CHECK(!rx::isWellFormedUtf16(longLone));
}

TEST_CASE("table headers and cells: sizes in brackets, context lengths, abbreviations, codes, averages")
{
    const auto x = run(read(QStringLiteral(
                                "| Benchmark | Qwen 1.5 (14B) | Mistral (7B) | Phi-9-Mini-64K-Ins |\n"
                                "| --- | --- | --- | --- |\n"
                                "| TruthfulQA (MC2) <br>10-shot | 51.5 | 48.2 | 60.3 |\n"
                                "| Zorblax-QA | 33.1 | 30.0 | 41.7 |\n"
                                "| Average | 42.3 | 39.1 | 51.0 |\n"),
                            QStringLiteral("t.md")));
    // A family with a size in brackets is that model (named as first written; its key is the same);
    // an organization's name with one is its model.
    const int qwen = entity(x, QStringLiteral("Qwen 1.5 (14B)"));
    REQUIRE(qwen >= 0);
    CHECK(x.entities[size_t(qwen)].key == extract::keyFor(extract::EntityKind::Model, u"Qwen 1.5 14B"));
    CHECK(score(x, QStringLiteral("Qwen 1.5 (14B)"), QStringLiteral("Zorblax-QA")) == 33.1);
    CHECK(score(x, QStringLiteral("Mistral 7B"), QStringLiteral("Zorblax-QA")) == 30.0);
    // A context length belongs to the name, and "-Ins" is written out.
    CHECK(score(x, QStringLiteral("Phi-9-Mini-64K-Instruct"), QStringLiteral("Zorblax-QA")) == 41.7);
    CHECK(hasMention(x, QStringLiteral("Phi-9-Mini-64K-Instruct")));
    // A benchmark named only in a row label is found and mentioned; an average is no benchmark.
    CHECK(hasMention(x, QStringLiteral("Zorblax-QA")));
    CHECK(entity(x, QStringLiteral("Average")) < 0);
    // A short code in brackets is part of the setting.
    bool mc2 = false;
    for (const auto &sc : x.scores)
        if (x.entities[size_t(sc.benchmark)].name == u"TruthfulQA")
            mc2 = mc2 || sc.setting == u"MC2, 10-shot";
    CHECK(mc2);
}

TEST_CASE("names from context: examples of models, repository ids, folded pack names")
{
    const auto x = run(read(QStringLiteral(
        "Many open models, such as Quillfire and NimbusChat, were tuned this way. "
        "Serve it with `vllm serve Qwen/Qwen9-Next-40B-A2B-Instruct`. "
        "The Zanzibar release was downloaded from https://example.org/Qwen/Qwen9-Max-Hidden today.")));
    CHECK(hasMention(x, QStringLiteral("Quillfire")));
    CHECK(hasMention(x, QStringLiteral("NimbusChat")));
    CHECK(hasMention(x, QStringLiteral("Qwen9-Next-40B-A2B-Instruct")));
    // The owner of a repository id is not a mention of the family, and a URL's path is no name.
    CHECK_FALSE(hasMention(x, QStringLiteral("Qwen")));
    CHECK(entity(x, QStringLiteral("Qwen9-Max-Hidden")) < 0);

    // API ids in lower case name the pack's models; a compound like "non-Llama" names none.
    const auto ids = run(read(QStringLiteral("Call open-mistral-7b or mistral-medium, not a non-Llama-3 model.")));
    QStringList folded;
    for (const auto &m : ids.mentions)
        folded << extract::foldName(ids.entities[size_t(m.entity)].name);
    CHECK(folded.contains(extract::foldName(u"Mistral 7B")));
    CHECK(folded.contains(extract::foldName(u"Mistral Medium")));
    CHECK_FALSE(hasMention(ids, QStringLiteral("Llama 3")));
}

TEST_CASE("openness and organization from common phrasings")
{
    const auto x = run(read(QStringLiteral(
        "Google released Gemma 9, the latest addition to its family of open LLMs. "
        "Qwen 9 is faster than open models like Gemma 9. "
        "Llama 9 is Meta's newest iteration of open models. "
        "The Qwen team thanked them for open-sourcing the model.")));
    CHECK(attribute(x, QStringLiteral("Gemma 9"), QStringLiteral("openness")).contains(QStringLiteral("open")));
    CHECK(attribute(x, QStringLiteral("Gemma 9"), QStringLiteral("organization")).contains(QStringLiteral("org:google")));
    CHECK(attribute(x, QStringLiteral("Llama 9"), QStringLiteral("openness")).contains(QStringLiteral("open")));
    // A comparison with open models does not make a model open; "the Qwen team" is the organization.
    CHECK(attribute(x, QStringLiteral("Qwen 9"), QStringLiteral("openness")).isEmpty());
    CHECK(hasMention(x, QStringLiteral("Alibaba")));

    // "is developed by", "which was built by": the passive with its auxiliary.
    const auto passive = run(read(QStringLiteral(
        "Qwen 9 Plus is developed by Alibaba Cloud. Mistral Large 9, which was built by Mistral AI, follows. "
        "GPT-9 was compared by Meta researchers.")));
    CHECK(attribute(passive, QStringLiteral("Qwen 9 Plus"), QStringLiteral("organization")).contains(QStringLiteral("org:alibaba")));
    CHECK(attribute(passive, QStringLiteral("Mistral Large 9"), QStringLiteral("organization")).contains(QStringLiteral("org:mistral-ai")));
    CHECK(attribute(passive, QStringLiteral("GPT-9"), QStringLiteral("organization")).isEmpty());
}

TEST_CASE("models named by coordination after another model of their family")
{
    const auto x = run(read(QStringLiteral(
        "The lab released Qwen 9 Scout and Maverick on Monday. "
        "Gemini 7.5 Pro, Flash and Flash-Lite follow next month. "
        "Developers can pick Claude Opus 9 or Sonnet 9 in the console. "
        "Llama 9.1 8B and 70B both ship with weights.")));
    CHECK(hasMention(x, QStringLiteral("Qwen 9 Scout")));
    CHECK(hasMention(x, QStringLiteral("Qwen 9 Maverick")));
    CHECK(hasMention(x, QStringLiteral("Gemini 7.5 Flash")));
    CHECK(hasMention(x, QStringLiteral("Gemini 7.5 Flash-Lite")));
    CHECK(hasMention(x, QStringLiteral("Claude Sonnet 9")));
    CHECK(hasMention(x, QStringLiteral("Llama 9.1 70B")));
    // A coordinated model's mention is the item as written.
    const auto doc = read(QStringLiteral("The lab released Qwen 9 Scout and Maverick on Monday."));
    const auto one = run(doc);
    const int maverick = entity(one, QStringLiteral("Qwen 9 Maverick"));
    REQUIRE(maverick >= 0);
    for (const auto &m : one.mentions)
        if (m.entity == maverick)
            CHECK(doc.text.mid(m.range.start, m.range.length()) == QStringLiteral("Maverick"));

    // Plans, modes and other families end the coordination.
    const auto plans = run(read(QStringLiteral(
        "Gemini 9 Pro and Ultra subscribers get more. Qwen 9 Max and Llama 9 ship today. "
        "Mistral Large 9 and thinking mode arrive later.")));
    CHECK(entity(plans, QStringLiteral("Gemini 9 Ultra")) < 0);
    CHECK(entity(plans, QStringLiteral("Qwen 9 Llama")) < 0);
    CHECK(hasMention(plans, QStringLiteral("Qwen 9 Max")));
}

TEST_CASE("models as columns: a category column, rows of parameters, and abbreviated variants")
{
    // Models in columns, a Benchmark column for names, and a first column that
    // names a group of rows only where the group begins.
    const auto x = run(read(QStringLiteral(
                                "|  | Benchmark (Metric) | # Shots | Gemma 9 27B | Qwen2.9 72B-Inst. |\n"
                                "|---|---|---|---|---|\n"
                                "| | Architecture | - | MoE | Dense |\n"
                                "| | # Activated Params | - | 21B | 72B |\n"
                                "| | # Total Params | - | 236B | 72B |\n"
                                "| English | MMLU (EM) | 5-shot | 78.8 | 79.8 |\n"
                                "| | Zorblax Reasoning (Acc.) | 3-shot | 61.5 | 64.0 |\n"
                                "| Code | Quixcode-Mul (Pass@1) | 0-shot | 43.3 | 53.0 |\n"),
                            QStringLiteral("t.md")));
    CHECK(score(x, QStringLiteral("Gemma 9 27B"), QStringLiteral("MMLU")) == 78.8);
    CHECK(score(x, QStringLiteral("Qwen2.9 72B-Instruct"), QStringLiteral("Quixcode-Mul")) == 53.0);
    CHECK(score(x, QStringLiteral("Gemma 9 27B"), QStringLiteral("Zorblax Reasoning")) == 61.5);
    // Group names and rows of model facts are not benchmarks.
    for (const QString &notBenchmark : {QStringLiteral("English"), QStringLiteral("Code"), QStringLiteral("Architecture"),
                                        QStringLiteral("Activated Params"), QStringLiteral("Total Params")})
        CHECK(entity(x, notBenchmark) < 0);
    CHECK(attribute(x, QStringLiteral("Gemma 9 27B"), QStringLiteral("params_total_b")) == QStringList{QStringLiteral("236")});
    CHECK(attribute(x, QStringLiteral("Gemma 9 27B"), QStringLiteral("params_active_b")) == QStringList{QStringLiteral("21")});

    // No header over the labels, a category in every row: the column next to the scores names the benchmark.
    const auto bare = run(read(QStringLiteral("| | | Gemma 9 27B | Qwen2.9 72B |\n|---|---|---|---|\n"
                                              "| Reasoning | MMLU | 80.1 | 70.2 |\n| Reasoning | Zorblax QA | 50.5 | 40.4 |\n"),
                               QStringLiteral("t.md")));
    CHECK(score(bare, QStringLiteral("Gemma 9 27B"), QStringLiteral("MMLU")) == 80.1);
    CHECK(score(bare, QStringLiteral("Qwen2.9 72B"), QStringLiteral("Zorblax QA")) == 40.4);
    CHECK(entity(bare, QStringLiteral("Reasoning")) < 0);

    // Models as rows: an Activated Params column beside the total.
    const auto rows = run(read(QStringLiteral("| Model | #Total Params | #Activated Params | Context Length |\n|---|---|---|---|\n"
                                              "| Gemma 9 27B | 671B | 37B | 128K |\n"),
                               QStringLiteral("t.md")));
    CHECK(attribute(rows, QStringLiteral("Gemma 9 27B"), QStringLiteral("params_total_b")) == QStringList{QStringLiteral("671")});
    CHECK(attribute(rows, QStringLiteral("Gemma 9 27B"), QStringLiteral("params_active_b")) == QStringList{QStringLiteral("37")});
}

TEST_CASE("prose: a number of shots is the setting, never the score; a name inside a longer one is not mentioned")
{
    const auto x = run(read(QStringLiteral(
        "Running the GSM8K benchmark on Gemma 9 with 8 shots and chain-of-thought, we observed an exact match score of 95.38%. "
        "FP8 kernels came from our partners: Neural Magic for quantization and Google for testing.")));
    const auto s = score(x, QStringLiteral("Gemma 9"), QStringLiteral("GSM8K"));
    CHECK(s == 95.38);
    for (const auto &sc : x.scores) {
        CHECK(sc.value != 8);
        CHECK(sc.setting == QStringLiteral("8-shot"));
    }
    CHECK_FALSE(hasMention(x, QStringLiteral("Magic")));
    CHECK(hasMention(x, QStringLiteral("Google")));
    // A headline in title case keeps its names; so does a nationality before one.
    const auto title = run(read(QStringLiteral("Zuckerberg Says Meta Will Keep Building. Analysts covered the Chinese Alibaba too.")));
    CHECK(hasMention(title, QStringLiteral("Meta")));
    CHECK(hasMention(title, QStringLiteral("Alibaba")));
}

TEST_CASE("releases the source announces without a date are dated by the source")
{
    auto events = [](const Extraction &x) {
        QStringList got;
        for (const auto &e : x.events)
            got << e.kind + u' ' + e.date.toIso() + u' ' + x.entities[size_t(e.entities.front())].name;
        got.sort();
        return got;
    };
    // A changelog whose only date is its front matter.
    const auto log = run(read(QStringLiteral("---\ndate: 2031-02-26\n---\n\n"
                                             "- We released Mistral Large 9 (`mistral-large-2402`).\n"
                                             "- Gemma 9 is now available in vLLM.\n"),
                              QStringLiteral("changelog.md")));
    CHECK(events(log) == QStringList{QStringLiteral("release 2031-02-26 Mistral Large 9")});
    CHECK(attribute(log, QStringLiteral("Mistral Large 9"), QStringLiteral("released")) == QStringList{QStringLiteral("2031-02-26")});

    // A blog post: every model it open-sources, not the ones it compares with; a dated release wins.
    const auto post = run(read(QStringLiteral("---\ntitle: Gemma 9\ndate: 2031-09-19\n---\n\n"
                                              "To meet these demands, we are open-sourcing Gemma 9 2B and Gemma 9 27B, which beat Llama 9 70B. "
                                              "We are also introducing Qwen2.9 Max. Qwen2.9 Max was released on September 1, 2031.\n"),
                               QStringLiteral("post.md")));
    CHECK(events(post) == QStringList{QStringLiteral("release 2031-09-01 Qwen2.9 Max"), QStringLiteral("release 2031-09-19 Gemma 9 27B"),
                                      QStringLiteral("release 2031-09-19 Gemma 9 2B")});

    // Another project's news about the model, and plans, are not its release.
    const auto support = run(read(QStringLiteral("---\ndate: 2031-09-11\n---\n\n"
                                                 "We're excited to announce that vLLM now supports Gemma 9. We will release Gemma 10 soon.\n"),
                                  QStringLiteral("support.md")));
    CHECK(support.events.empty());
}

TEST_CASE("a possessive organization in apposition gives a model its maker and openness")
{
    const auto x = run(read(QStringLiteral("Welcome to the Gemma 9 series, Google's open-weight models for reasoning. "
                                           "Gemma 9 2B, Meta's finest work, was trained on 2T tokens.")));
    CHECK(attribute(x, QStringLiteral("Gemma 9"), QStringLiteral("organization")) == QStringList{QStringLiteral("org:google")});
    CHECK(attribute(x, QStringLiteral("Gemma 9"), QStringLiteral("openness")) == QStringList{QStringLiteral("open")});
    // Not every possessive after a comma is a maker: "work" is not models.
    REQUIRE(entity(x, QStringLiteral("Gemma 9 2B")) >= 0);
    CHECK(attribute(x, QStringLiteral("Gemma 9 2B"), QStringLiteral("organization")).isEmpty());
}

TEST_CASE("a maker's name right before its model's, in prose and in a description column")
{
    const auto x = run(read(QStringLiteral("New in the arena this week:\n\n1. Anthropic Claude-instant-v9\n2. Vicuna-9B\n")));
    CHECK(attribute(x, QStringLiteral("Claude-instant-v9"), QStringLiteral("organization")) == QStringList{QStringLiteral("org:anthropic")});
    REQUIRE(entity(x, QStringLiteral("Vicuna-9B")) >= 0);
    CHECK(attribute(x, QStringLiteral("Vicuna-9B"), QStringLiteral("organization")).isEmpty()); // "1." is not a maker

    const auto table = run(read(QStringLiteral("| Model | Description | License |\n|---|---|---|\n"
                                               "| StableLM-Tuned-Alpha-9B | Stability AI language models | CC-BY-NC-SA-4.0 |\n"
                                               "| Kestrel-9B | Experimental language models | Apache 2.0 |\n"),
                                QStringLiteral("t.md")));
    CHECK(attribute(table, QStringLiteral("StableLM-Tuned-Alpha-9B"), QStringLiteral("organization"))
          == QStringList{QStringLiteral("org:stability-ai")});
    REQUIRE(entity(table, QStringLiteral("Kestrel-9B")) >= 0);
    CHECK(attribute(table, QStringLiteral("Kestrel-9B"), QStringLiteral("organization")).isEmpty());
}

TEST_CASE("prose scores with their change beside them, benchmarks named on by a qualifier, identifiers and surnames")
{
    const auto x = run(read(QStringLiteral(
        "GLM-9 brings gains, including (73.8%, +5.8%) on SWE-bench, (66.7%, +12.9%) on SWE-bench Multilingual and (41%, +16.5%) on "
        "Terminal Bench 2.0. Set the parser to `glm9` or `glm47` when serving it. The report's authors were Da Yin and Sibo Yi.")));
    CHECK(score(x, QStringLiteral("GLM-9"), QStringLiteral("SWE-bench")) == 73.8);
    CHECK(score(x, QStringLiteral("GLM-9"), QStringLiteral("SWE-bench Multilingual")) == 66.7);
    CHECK(score(x, QStringLiteral("GLM-9"), QStringLiteral("Terminal-Bench 2.0")) == 41.0);
    for (const auto &s : x.scores)
        CHECK((s.value != 5.8 && s.value != 12.9 && s.value != 16.5));
    CHECK(entity(x, QStringLiteral("glm47")) < 0);
    CHECK_FALSE(hasMention(x, QStringLiteral("Yi")));
}

TEST_CASE("scores listed 'respectively' go to their benchmarks in order; a bracketed metric code stays whole")
{
    const auto x = run(read(QStringLiteral(
        "Qwen2.9-72B-Instruct achieves 55.5, 75.1, and 88.2 scores on LiveCodeBench (2305-2409), MultiPL-E and MBPP, respectively, "
        "outperforming Qwen2-72B-Instruct with 32.2, 69.2, and 80.2.\n\n"
        "Meanwhile, Qwen2.9-32B showcases exceptional capabilities. Notably, it outperforms its predecessor Qwen1.5-32B "
        "significantly, with notable scores of 57.7 in MATH and 84.5 in MBPP.\n")));
    CHECK(score(x, QStringLiteral("Qwen2.9-72B-Instruct"), QStringLiteral("MultiPL-E")) == 75.1);
    CHECK(score(x, QStringLiteral("Qwen2-72B-Instruct"), QStringLiteral("LiveCodeBench")) == 32.2);
    CHECK(score(x, QStringLiteral("Qwen2-72B-Instruct"), QStringLiteral("MBPP")) == 80.2);
    CHECK(x.scores.size() == 8);
    CHECK(score(x, QStringLiteral("Qwen2.9-32B"), QStringLiteral("MATH")) == 57.7);
    CHECK(score(x, QStringLiteral("Qwen1.5-32B"), QStringLiteral("MATH")) == std::nullopt);

    const auto table = run(read(QStringLiteral("| | Benchmark (Metric) | Gemma 9 27B |\n|---|---|---|\n"
                                               "| | LiveCodeBench (Pass@1-COT) | 40.5 |\n| | LiveCodeBench (Pass@1) | 37.6 |\n"),
                                QStringLiteral("t.md")));
    QStringList settings;
    for (const auto &s : table.scores)
        settings << s.setting;
    settings.sort();
    CHECK(settings == QStringList{QStringLiteral("Pass@1"), QStringLiteral("Pass@1-COT")});
}

TEST_CASE("'N on benchmarks like B' scores on B; a count of benchmarks is not a score")
{
    const auto x = run(read(QStringLiteral(
        "Knowledge: we use 5 MMLU-like benchmarks to test Gemma 9. Gemma 9 improves across tasks, achieving 74.2 on general "
        "benchmarks like MMLU, 49.8 on math challenges such as MATH, and 57.9 on HumanEval.")));
    CHECK(score(x, QStringLiteral("Gemma 9"), QStringLiteral("MMLU")) == 74.2);
    CHECK(score(x, QStringLiteral("Gemma 9"), QStringLiteral("MATH")) == 49.8);
    CHECK(score(x, QStringLiteral("Gemma 9"), QStringLiteral("HumanEval")) == 57.9);
    for (const auto &s : x.scores)
        CHECK(s.value != 5);
}

TEST_CASE("a score goes to the subject of its own clause; parameter counts before the model, of which some are active")
{
    const auto x = run(read(QStringLiteral(
        "Gemma 9 27B Instruct scores 75.1 on MMLU, while Qwen 9 7B reaches 74.2 on it. "
        "Mixtral 9x22B is a sparse model with 141B total parameters, of which 39B are active. "
        "The 70-billion-parameter Llama 9.3 was released in December 2024 by Meta. "
        "Kimi 9 was released on September 29, 2025 by Moonshot AI.")));
    CHECK(score(x, QStringLiteral("Gemma 9 27B Instruct"), QStringLiteral("MMLU")) == 75.1);
    CHECK(score(x, QStringLiteral("Qwen 9 7B"), QStringLiteral("MMLU")) == 74.2);
    for (const auto &s : x.scores)
        CHECK((s.value != 74.2 || x.entities[size_t(s.model)].name == u"Qwen 9 7B"));
    CHECK(attribute(x, QStringLiteral("Mixtral 9x22B"), QStringLiteral("params_total_b")) == QStringList{QStringLiteral("141")});
    CHECK(attribute(x, QStringLiteral("Mixtral 9x22B"), QStringLiteral("params_active_b")) == QStringList{QStringLiteral("39")});
    CHECK(attribute(x, QStringLiteral("Llama 9.3"), QStringLiteral("params_total_b")) == QStringList{QStringLiteral("70")});
    // A date between the verb and "by" still names the maker.
    CHECK(attribute(x, QStringLiteral("Llama 9.3"), QStringLiteral("organization")).contains(QStringLiteral("org:meta")));
    CHECK(attribute(x, QStringLiteral("Kimi 9"), QStringLiteral("organization")).contains(QStringLiteral("org:moonshot-ai")));

    // "It" is the model the text is about, but only when the sentence gives one count.
    const auto it = run(read(QStringLiteral("# Qwen 9 Next 80B\n\nIt has 80B total parameters with 3B active.\n\n"
                                            "It comes in two sizes, 9 billion and 27 billion parameters.\n"),
                             QStringLiteral("n.md")));
    CHECK(attribute(it, QStringLiteral("Qwen 9 Next 80B"), QStringLiteral("params_total_b")) == QStringList{QStringLiteral("80")});
    CHECK(attribute(it, QStringLiteral("Qwen 9 Next 80B"), QStringLiteral("params_active_b")) == QStringList{QStringLiteral("3")});
}

TEST_CASE("repository ids in a Model column name the model and, when the pack knows the owner, its maker")
{
    const auto x = run(read(QStringLiteral(
        "| Model | Availability | Arena score |\n|---|---|---|\n"
        "| [mistralai/Mistral-9B-v0.4](https://example.org/a) | Apache 2.0 | 61.5 |\n"
        "| [meta-llama/Llama-9-70b-hf](https://example.org/b) | Llama 2 license | 60.25 |\n"
        "| [someuser/Wizardly-13B](https://example.org/c) | MIT | 58.5 |\n"
        "| GPT-9 Turbo | Proprietary | 66.75 |\n"),
                            QStringLiteral("t.md")));
    CHECK(score(x, QStringLiteral("Mistral-9B-v0.4"), QStringLiteral("Chatbot Arena")) == 61.5); // "Arena score" is its alias
    CHECK(entity(x, QStringLiteral("mistralai/Mistral-9B-v0.4")) < 0);
    CHECK(attribute(x, QStringLiteral("Mistral-9B-v0.4"), QStringLiteral("organization")) == QStringList{QStringLiteral("org:mistral-ai")});
    CHECK(attribute(x, QStringLiteral("Llama-9-70b-hf"), QStringLiteral("organization")) == QStringList{QStringLiteral("org:meta")});
    CHECK(attribute(x, QStringLiteral("Llama-9-70b-hf"), QStringLiteral("license")) == QStringList{QStringLiteral("license:llama-2")});
    // An owner the pack does not know is no maker: it may have only quantized the model.
    CHECK(score(x, QStringLiteral("Wizardly-13B"), QStringLiteral("Chatbot Arena")) == 58.5);
    CHECK(attribute(x, QStringLiteral("Wizardly-13B"), QStringLiteral("organization")).isEmpty());
    // An Availability column is read as a License column: "Proprietary" is closed.
    CHECK(attribute(x, QStringLiteral("GPT-9 Turbo"), QStringLiteral("openness")) == QStringList{QStringLiteral("closed")});
    CHECK(attribute(x, QStringLiteral("Wizardly-13B"), QStringLiteral("openness")) == QStringList{QStringLiteral("open")});

    // Names paired by a slash are not a repository.
    CHECK(extract::repoOwnerEnd(u"mistralai/Mixtral-8x7B-v0.1") == 9);
    CHECK(extract::repoOwnerEnd(u"GPT-4/GPT-4o") == 0);
    CHECK(extract::repoOwnerEnd(u"Claude/Gemini") == 0);
    CHECK(extract::repoOwnerEnd(u"Qwen2.5-7B/72B-Instruct") == 0);
    CHECK(extract::repoOwnerEnd(u"org/two words-7B") == 0);
}

TEST_CASE("a line's own word between a family and its size; sizes that are not the model's")
{
    const auto x = run(read(QStringLiteral(
        "Aya Expanse 32B beats Llama Guard 9 on safety. Qwen May 5 was a busy day for the team. "
        "The Aya Expanse family comes in 8B and 32B parameter models. "
        "Mixtral 9x7B doesn't have 56B parameters, and it decodes at the speed of a 12B parameter model.")));
    CHECK(hasMention(x, QStringLiteral("Aya Expanse 32B")));
    CHECK(hasMention(x, QStringLiteral("Llama Guard 9")));
    CHECK(entity(x, QStringLiteral("Qwen May 5")) < 0);
    // A family with two sizes has neither; a negated or comparative count is not the model's.
    CHECK(attribute(x, QStringLiteral("Aya"), QStringLiteral("params_total_b")).isEmpty());
    CHECK(attribute(x, QStringLiteral("Mixtral 9x7B"), QStringLiteral("params_total_b")).isEmpty());
}

TEST_CASE("counts paired 'respectively' with their models; a maker's adjectives and the models coordinated after them")
{
    const auto x = run(read(QStringLiteral(
        "Falcon 9 90B and Falcon 9 12B have roughly 90 billion and 12 billion parameters, respectively. "
        "Both were trained on 15T and 9T tokens, respectively. "
        "The verdict on OpenAI's big GPT-9 launch is in. Google's two new language models, Gemma 9 2B and Gemma 9 9B, ship today.")));
    CHECK(attribute(x, QStringLiteral("Falcon 9 90B"), QStringLiteral("params_total_b")) == QStringList{QStringLiteral("90")});
    CHECK(attribute(x, QStringLiteral("Falcon 9 12B"), QStringLiteral("params_total_b")) == QStringList{QStringLiteral("12")});
    CHECK(attribute(x, QStringLiteral("GPT-9"), QStringLiteral("organization")) == QStringList{QStringLiteral("org:openai")});
    CHECK(attribute(x, QStringLiteral("Gemma 9 2B"), QStringLiteral("organization")) == QStringList{QStringLiteral("org:google")});
    CHECK(attribute(x, QStringLiteral("Gemma 9 9B"), QStringLiteral("organization")) == QStringList{QStringLiteral("org:google")});
}

TEST_CASE("one dated release of models coordinated with each other is a release of each")
{
    const auto x = run(read(QStringLiteral(
        "OpenAI changed course in August 2025, releasing gpt-oss-190b and gpt-oss-30b under Apache 2.0. "
        "Gemma 9 was released in May 2026, beating Qwen 9 on most tasks.")));
    CHECK(attribute(x, QStringLiteral("gpt-oss-190b"), QStringLiteral("released")) == QStringList{QStringLiteral("2025-08")});
    CHECK(attribute(x, QStringLiteral("gpt-oss-30b"), QStringLiteral("released")) == QStringList{QStringLiteral("2025-08")});
    // A model the released one is compared with was not released with it.
    CHECK(attribute(x, QStringLiteral("Qwen 9"), QStringLiteral("released")).isEmpty());
}

TEST_CASE("events of every kind: a license changed, a company bought, a partnership signed")
{
    const auto x = run(read(QStringLiteral(
        "---\ntitle: t\ndate: 2031-07-10\n---\n\n"
        "On July 1, 2031, Mistral AI switched the license of Mistral Medium 9 to Apache 2.0.\n\n"
        "Nvidia acquired the startup Orbital Labs on June 3, 2031.\n\n"
        "OpenAI and Microsoft signed a new partnership agreement on June 30.\n\n"
        "Anthropic raised $13 billion in September 2030."),
        QStringLiteral("t.md")));
    QMap<QString, QString> kinds; // date -> kind
    for (const auto &e : x.events)
        kinds.insert(e.date.toIso(), e.kind);
    CHECK(kinds.value(QStringLiteral("2031-07-01")) == u"license_change");
    CHECK(kinds.value(QStringLiteral("2031-06-03")) == u"acquisition");
    CHECK(kinds.value(QStringLiteral("2031-06-30")) == u"partnership");
    CHECK(kinds.value(QStringLiteral("2030-09")) == u"investment");
    for (const auto &e : x.events)
        if (e.kind == u"license_change")
            CHECK(e.title == QStringLiteral("Mistral AI switched the license of Mistral Medium 9 to Apache 2.0."));
}

TEST_CASE("what is said of coordinated models is said of each; a dateline is no event")
{
    const auto x = run(read(QStringLiteral(
        "# Roundup\n\nUpdated: March 3, 2031\n\n"
        "Gemini 9 Pro and GPT-9 Mini are closed models served only through an API. "
        "Meta released Llama 9 8B and Llama 9 70B with open weights. "
        "Qwen 9, Qwen 9 Max and QwQ 9, developed by Alibaba, came out on March 1, 2031. "
        "Gemma 9 and Phi-9 are available under several licenses, while Falcon 12 remains open-weight. "
        "Mistral Medium 9, which Mistral AI built for companies, is proprietary. "
        "Compared with Claude Opus 9, Qwen 9 72B is open-source and scores 86.1 on MMLU. "
        "Unlike GPT-9, Llama 9 405B ships as open weights; it beat GPT-9, Claude Opus 9 and Gemini 9 Pro on MATH with 91.2."),
        QStringLiteral("roundup.md")));
    const QStringList closed{QStringLiteral("closed")}, open{QStringLiteral("open")};
    CHECK(attribute(x, QStringLiteral("Gemini 9 Pro"), QStringLiteral("openness")) == closed);
    CHECK(attribute(x, QStringLiteral("GPT-9 Mini"), QStringLiteral("openness")) == closed);
    for (const QString &m : {QStringLiteral("Llama 9 8B"), QStringLiteral("Llama 9 70B")}) {
        CHECK(attribute(x, m, QStringLiteral("organization")) == QStringList{QStringLiteral("org:meta")});
        CHECK(attribute(x, m, QStringLiteral("openness")) == open);
    }
    for (const QString &m : {QStringLiteral("Qwen 9"), QStringLiteral("Qwen 9 Max"), QStringLiteral("QwQ 9")})
        CHECK(attribute(x, m, QStringLiteral("organization")) == QStringList{QStringLiteral("org:alibaba")});
    // What the clause after a "while" says of Falcon 12 is not said of the models before it.
    CHECK(attribute(x, QStringLiteral("Falcon 12"), QStringLiteral("openness")) == open);
    CHECK(attribute(x, QStringLiteral("Phi-9"), QStringLiteral("openness")).isEmpty());
    CHECK(attribute(x, QStringLiteral("Gemma 9"), QStringLiteral("openness")).isEmpty());
    // Past a relative clause that names the maker.
    CHECK(attribute(x, QStringLiteral("Mistral Medium 9"), QStringLiteral("openness")) == closed);
    CHECK(attribute(x, QStringLiteral("Mistral Medium 9"), QStringLiteral("organization")) == QStringList{QStringLiteral("org:mistral-ai")});
    // A comma after an opening phrase ends it: the model after it is the subject, not one more compared.
    CHECK(attribute(x, QStringLiteral("Qwen 9 72B"), QStringLiteral("openness")) == open);
    CHECK(score(x, QStringLiteral("Qwen 9 72B"), QStringLiteral("MMLU")) == 86.1);
    CHECK_FALSE(score(x, QStringLiteral("Claude Opus 9"), QStringLiteral("MMLU")).has_value());
    CHECK(attribute(x, QStringLiteral("Llama 9 405B"), QStringLiteral("openness")) == open);
    // ... while a list still goes on after its commas: the models beaten score nothing.
    CHECK(score(x, QStringLiteral("Llama 9 405B"), QStringLiteral("MATH")) == 91.2);
    for (const QString &m : {QStringLiteral("GPT-9"), QStringLiteral("Claude Opus 9"), QStringLiteral("Gemini 9 Pro")})
        CHECK_FALSE(score(x, m, QStringLiteral("MATH")).has_value());
    // The release is an event of each model released; the dateline above it is no event.
    QStringList kinds;
    for (const auto &e : x.events)
        kinds << e.kind + u' ' + e.date.toIso();
    CHECK(kinds == QStringList(3, QStringLiteral("release 2031-03-01")));
}

TEST_CASE("a weekday in the news is the last such day up to the document's date")
{
    const QString text = QStringLiteral("Google on Tuesday released Gemma 9 4B; on Sunday it said more; on Friday, May 1 nothing.");
    const auto dates = extract::findDates(text, 2031);
    REQUIRE(dates.size() == 3);
    CHECK(dates[0].relative);
    CHECK(text.mid(dates[0].range.start, dates[0].range.length()) == u"Tuesday");
    // 2031-04-13 is a Sunday: its Tuesday is the 8th, its Sunday is itself.
    CHECK(extract::shiftDate(model::PartialDate::ymd(2031, 4, 13), dates[0]).toIso() == u"2031-04-08");
    CHECK(extract::shiftDate(model::PartialDate::ymd(2031, 4, 13), dates[1]).toIso() == u"2031-04-13");
    CHECK_FALSE(extract::shiftDate(model::PartialDate::ymd(2031, 4, 0), dates[0]).isValid()); // a month has no Tuesday
    // "on Friday, May 1" is read as the date it writes.
    CHECK_FALSE(dates[2].relative);
    CHECK(dates[2].date.toIso() == u"2031-05-01");

    const auto x = run(read(QStringLiteral("---\ndate: 2031-04-13\n---\n\nGoogle on Tuesday released Gemma 9 4B, an open-weight model.\n"),
                            QStringLiteral("week.md")));
    CHECK(attribute(x, QStringLiteral("Gemma 9 4B"), QStringLiteral("released")) == QStringList{QStringLiteral("2031-04-08")});
    CHECK(attribute(x, QStringLiteral("Gemma 9 4B"), QStringLiteral("organization")) == QStringList{QStringLiteral("org:google")});
}

TEST_CASE("a relative clause's score is its model's; a model the text counts from is no subject")
{
    const auto x = run(read(QStringLiteral(
        "Meta released Llama 9 8B and Llama 9 70B, its first open-weight models since Llama 2, under the Apache 2.0 license. "
        "Both models trail GPT-9, which OpenAI launched last week and which scored 94.6% on AIME 2025. "
        "Anthropic, which released Claude Opus 9 in May, keeps its models closed.")));
    // The score belongs to the model the relative clause is about, not to the sentence's subject.
    CHECK(score(x, QStringLiteral("GPT-9"), QStringLiteral("AIME 2025")) == 94.6);
    CHECK_FALSE(score(x, QStringLiteral("Llama 9 8B"), QStringLiteral("AIME 2025")).has_value());
    // The license is the new models', not the one they are counted from.
    CHECK(attribute(x, QStringLiteral("Llama 9 70B"), QStringLiteral("license")) == QStringList{QStringLiteral("license:apache-2.0")});
    CHECK(attribute(x, QStringLiteral("Llama 2"), QStringLiteral("license")).isEmpty());
    CHECK(attribute(x, QStringLiteral("Claude Opus 9"), QStringLiteral("organization")) == QStringList{QStringLiteral("org:anthropic")});
}

TEST_CASE("a month named alone takes the document's year; 'in May' is no hedge")
{
    const auto dates = extract::findDates(QStringLiteral("It shipped in July, since March it grew; May we ask? Gone by December 2030."), 2031);
    QStringList got;
    for (const auto &d : dates)
        got << d.date.toIso() + (d.yearInferred ? QStringLiteral(" inferred") : QString());
    CHECK(got == QStringList{QStringLiteral("2031-07 inferred"), QStringLiteral("2031-03 inferred"), QStringLiteral("2030-12")});
    bool missing = false;
    CHECK(extract::findDates(QStringLiteral("It shipped in July."), 0, &missing).empty());
    CHECK(missing);

    const auto x = run(read(QStringLiteral("---\ndate: 2031-08-20\n---\n\n"
                                           "Kimi K9 was released by Moonshot AI in July as an open-weight model. "
                                           "Mistral Large 9 launched in May as a closed model. "
                                           "Qwen 9 is as capable as an open model from last year.\n"),
                            QStringLiteral("notes.md")));
    CHECK(attribute(x, QStringLiteral("Kimi K9"), QStringLiteral("released")) == QStringList{QStringLiteral("2031-07")});
    CHECK(attribute(x, QStringLiteral("Kimi K9"), QStringLiteral("openness")) == QStringList{QStringLiteral("open")});
    CHECK(attribute(x, QStringLiteral("Mistral Large 9"), QStringLiteral("openness")) == QStringList{QStringLiteral("closed")});
    CHECK(attribute(x, QStringLiteral("Qwen 9"), QStringLiteral("openness")).isEmpty());
}

TEST_CASE("dated snapshots by year and month, or by a whole date, are variants of their model")
{
    const auto x = run(read(QStringLiteral(
        "GPT-9o-2031-08-06 scored 88.9 on MMLU. Qwen9-235B-A22B-Thinking-3107 scored 92.3 on AIME 2025, "
        "and mistral-large-3102 replaced mistral-large-3012. Llama 9 2031 is no snapshot.")));
    for (const QString &name : {QStringLiteral("GPT-9o-2031-08-06"), QStringLiteral("Qwen9-235B-A22B-Thinking-3107"),
                                QStringLiteral("mistral-large-3102"), QStringLiteral("mistral-large-3012")}) {
        const int e = entity(x, name);
        INFO(name.toStdString());
        REQUIRE(e >= 0);
        CHECK_FALSE(x.entities[size_t(e)].parent.isEmpty());
    }
    CHECK(score(x, QStringLiteral("GPT-9o-2031-08-06"), QStringLiteral("MMLU")) == 88.9);
    CHECK(score(x, QStringLiteral("Qwen9-235B-A22B-Thinking-3107"), QStringLiteral("AIME 2025")) == 92.3);
    CHECK(entity(x, QStringLiteral("Llama 9 2031")) < 0);
}

TEST_CASE("'The weights are available under a license' is said of the model the text is about")
{
    const auto x = run(read(QStringLiteral(
        "# DeepSeek unveils DeepSeek-V9\n\nDeepSeek released DeepSeek-V9, a mixture-of-experts model. "
        "The weights are available on Hugging Face under the MIT license.\n"),
        QStringLiteral("v9.md")));
    CHECK(attribute(x, QStringLiteral("DeepSeek-V9"), QStringLiteral("license")) == QStringList{QStringLiteral("license:mit")});
    CHECK(attribute(x, QStringLiteral("DeepSeek-V9"), QStringLiteral("openness")) == QStringList{QStringLiteral("open")});
}

TEST_CASE("a month without its year, months after the document's date, is last year's")
{
    const auto x = run(read(QStringLiteral("---\ndate: 2031-01-20\n---\n\n"
                                           "Mistral AI released Mistral Small 9 in December. Qwen 9 launched on December 12. "
                                           "Meta released Llama 9 on January 5. Grok 9 (HLE: 25.4%) was released in January by xAI.\n"),
                            QStringLiteral("recap.md")));
    CHECK(attribute(x, QStringLiteral("Mistral Small 9"), QStringLiteral("released")) == QStringList{QStringLiteral("2030-12")});
    CHECK(attribute(x, QStringLiteral("Qwen 9"), QStringLiteral("released")) == QStringList{QStringLiteral("2030-12-12")});
    CHECK(attribute(x, QStringLiteral("Llama 9"), QStringLiteral("released")) == QStringList{QStringLiteral("2031-01-05")});
    // A bracket between the model and "released by" does not hide the maker.
    CHECK(attribute(x, QStringLiteral("Grok 9"), QStringLiteral("organization")) == QStringList{QStringLiteral("org:xai")});
}
