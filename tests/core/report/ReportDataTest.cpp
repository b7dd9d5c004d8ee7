// What charts and the timeline show, computed in core: which models, which
// values, where sources disagree, settings kept apart, the open-closed gap,
// spans honest to a date's precision; and bibliographies that escape.
#include "TestSupport.h"

#include "library/Knowledge.h"
#include "report/Bibliography.h"
#include "report/Charts.h"
#include "report/Timeline.h"

#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace sextant;

namespace {

/// Three short articles of our own: two disagree on one score, one states a score in another setting.
std::unique_ptr<library::Library> chartLibrary(QTemporaryDir &tmp)
{
    const QString dir = tmp.path() + QStringLiteral("/in");
    test::writeFile(dir + QStringLiteral("/a.md"),
                    "# Lab notes\n\n"
                    "| Model | GPQA Diamond |\n|---|---|\n| Gemma 9 27B | 61.5 |\n| Claude Opus 4.6 | 70.1 |\n| Qwen 9.1-Max | 66.0 |\n\n"
                    "Gemma 9 27B is an open-weight model. Claude Opus 4.6 is proprietary. Qwen 9.1-Max is open-weight.\n");
    test::writeFile(dir + QStringLiteral("/b.md"),
                    "# A second look\n\n"
                    "| Model | GPQA Diamond |\n|---|---|\n| Gemma 9 27B | 63.0 |\n| Claude Opus 4.6 | 70.1 |\n\n"
                    "| Model | GPQA Diamond (5-shot) |\n|---|---|\n| Qwen 9.1-Max | 58.2 |\n");
    auto lib = test::openWritable(tmp.path() + QStringLiteral("/lib"));
    test::ingest(*lib, {dir});
    return lib;
}

const report::Bar *barOf(const report::Chart &c, const QString &model)
{
    for (const report::Bar &b : c.bars)
        if (b.model == model)
            return &b;
    return nullptr;
}

} // namespace

TEST_CASE("a bar chart: models by value, disagreements as ranges, settings never mixed silently")
{
    QTemporaryDir tmp;
    auto lib = chartLibrary(tmp);
    auto k = library::Knowledge::load(*lib);
    REQUIRE(k);
    report::ChartRequest r;
    r.benchmarks = {QStringLiteral("GPQA Diamond")};
    auto c = report::buildChart(*k, r);
    REQUIRE(c);
    REQUIRE(c->bars.size() == 3);
    // Sorted by value, the best first.
    CHECK(c->bars[0].model == QStringLiteral("Claude Opus 4.6"));
    const report::Bar *gemma = barOf(*c, QStringLiteral("Gemma 9 27B"));
    REQUIRE(gemma);
    CHECK(gemma->conflict);
    CHECK(gemma->low == 61.5);
    CHECK(gemma->high == 63.0);
    CHECK(gemma->sources.size() == 2);
    CHECK(gemma->openness == QStringLiteral("open"));
    const report::Bar *claude = barOf(*c, QStringLiteral("Claude Opus 4.6"));
    REQUIRE(claude);
    CHECK_FALSE(claude->conflict); // two sources, one value
    CHECK(claude->openness == QStringLiteral("closed"));
    // The 5-shot score is left out, and the chart says so.
    const report::Bar *qwen = barOf(*c, QStringLiteral("Qwen 9.1-Max"));
    REQUIRE(qwen);
    CHECK(qwen->value == 66.0);
    CHECK(c->notes.join(u' ').contains(QStringLiteral("5-shot")));
    CHECK(c->footnote.startsWith(QStringLiteral("Sources: ")));
    CHECK(c->footnote.contains(QStringLiteral("Lab notes")));

    // Asking for every setting labels each bar instead.
    r.setting = QStringLiteral("*");
    auto all = report::buildChart(*k, r);
    REQUIRE(all);
    CHECK(all->bars.size() == 4);
    CHECK(all->notes.join(u' ').contains(QStringLiteral("mixed")));

    // Only the models asked; unknown names are errors that name them.
    r.setting.clear();
    r.models = {QStringLiteral("Gemma 9 27B")};
    auto one = report::buildChart(*k, r);
    REQUIRE(one);
    CHECK(one->bars.size() == 1);
    r.models = {QStringLiteral("No Such Model 7")};
    auto bad = report::buildChart(*k, r);
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.contains(QStringLiteral("No Such Model 7")));

    // Suggestions: the models with a score, the best first.
    const QStringList suggested = report::suggestModels(*k, QStringLiteral("GPQA Diamond"));
    REQUIRE(suggested.size() == 3);
    CHECK(suggested.front() == QStringLiteral("Claude Opus 4.6"));

    // The data behind it: CSV with a header, each value's sources, no formula injection.
    const QString csv = report::chartCsv(*c, *k);
    CHECK(csv.startsWith(QStringLiteral("model,benchmark,setting,openness,value,low,high")));
    CHECK(csv.contains(QStringLiteral("Gemma 9 27B,GPQA Diamond,,open,62.25,61.5,63,,yes")));
    CHECK(report::csvField(QStringLiteral("=HYPERLINK(\"x\")")) == QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\""));
    const QString md = report::chartMarkdown(*c, *k);
    CHECK(md.contains(QStringLiteral("| Claude Opus 4.6 | GPQA Diamond |")));

    // A definition survives a round trip through JSON.
    auto back = report::ChartRequest::fromJson(r.toJson());
    REQUIRE(back);
    CHECK(back->benchmarks == r.benchmarks);
    CHECK(back->models == r.models);
}

TEST_CASE("the open-versus-closed gap: best open and best closed score by release date")
{
    QTemporaryDir tmp;
    const QString dir = tmp.path() + QStringLiteral("/in");
    test::writeFile(dir + QStringLiteral("/a.md"),
                    "# Scores\n\n"
                    "| Model | MMLU-Pro |\n|---|---|\n| Gemma 9 | 60.0 |\n| Gemma 10 | 72.0 |\n| Claude Opus 9 | 70.0 |\n| Claude Opus 10 | 69.0 |\n\n"
                    "On March 3, 2031, Google released Gemma 9, an open-weight model. "
                    "On May 5, 2031, Anthropic released Claude Opus 9, a proprietary model. "
                    "On June 6, 2032, Google released Gemma 10, an open-weight model. "
                    "On July 7, 2032, Anthropic released Claude Opus 10, a proprietary model.\n");
    auto lib = test::openWritable(tmp.path() + QStringLiteral("/lib"));
    test::ingest(*lib, {dir});
    auto k = library::Knowledge::load(*lib);
    REQUIRE(k);
    report::ChartRequest r;
    r.kind = report::ChartKind::Gap;
    r.benchmarks = {QStringLiteral("MMLU-Pro")};
    auto c = report::buildChart(*k, r);
    REQUIRE(c);
    // Open: 60 (Gemma 9) then 72 (Gemma 10). Closed: 70 (Claude Opus 9); Opus 10's 69 is not a new best.
    REQUIRE(c->bestOpen.size() == 2);
    CHECK(c->bestOpen[0].value == 60.0);
    CHECK(c->bestOpen[1].model == QStringLiteral("Gemma 10"));
    REQUIRE(c->bestClosed.size() == 1);
    CHECK(c->bestClosed[0].value == 70.0);
    CHECK(c->bestClosed[0].date.toIso() == QStringLiteral("2031-05-05"));

    // A scatter against release date has one point per dated model.
    r.kind = report::ChartKind::Scatter;
    r.xAxis = QStringLiteral("released");
    auto s = report::buildChart(*k, r);
    REQUIRE(s);
    CHECK(s->points.size() == 4);

    // The timeline: releases in lanes by organization, filters.
    const report::Timeline t = report::buildTimeline(*k, {});
    REQUIRE(t.items.size() >= 4);
    CHECK(t.lanes.contains(QStringLiteral("Google")));
    CHECK(t.lanes.contains(QStringLiteral("Anthropic")));
    for (const report::TimelineItem &i : t.items)
        if (i.entities.contains(QStringLiteral("Gemma 10"))) {
            CHECK(i.openness == QStringLiteral("open"));
            CHECK(t.lanes[i.lane] == QStringLiteral("Google"));
            CHECK(i.first == QDate(2032, 6, 6));
        }
    report::TimelineRequest only;
    only.organizations = {QStringLiteral("Anthropic")};
    only.from = QDate(2032, 1, 1);
    const report::Timeline t2 = report::buildTimeline(*k, only);
    REQUIRE(t2.items.size() == 1);
    CHECK(t2.items[0].entities.contains(QStringLiteral("Claude Opus 10")));
    only = {};
    only.lanesByOpenness = true;
    only.openness = {QStringLiteral("closed")};
    const report::Timeline t3 = report::buildTimeline(*k, only);
    CHECK(t3.lanes == QStringList{QStringLiteral("closed")});
}

TEST_CASE("a date's span follows its precision: a year is a span, not a day")
{
    auto [a, b] = report::daysOf(model::PartialDate::fromIso(QStringLiteral("2024")));
    CHECK(a == QDate(2024, 1, 1));
    CHECK(b == QDate(2024, 12, 31));
    std::tie(a, b) = report::daysOf(model::PartialDate::fromIso(QStringLiteral("2024-02")));
    CHECK(b == QDate(2024, 2, 29));
    std::tie(a, b) = report::daysOf(model::PartialDate::fromIso(QStringLiteral("2024-02-10")));
    CHECK(a == b);
    CHECK(report::fractionalYear(model::PartialDate::fromIso(QStringLiteral("2024"))) == 2024.5);
}

TEST_CASE("bibliographies: CSL-JSON, BibTeX and Markdown, with whatever a source holds escaped")
{
    store::SourceSummary s;
    s.id = 7;
    s.title = QStringLiteral("Meta's {new} model <script>alert(1)</script> 100% _open_");
    s.publisher = QStringLiteral("The Daily Byte");
    s.url = QStringLiteral("https://example.org/a b");
    s.published = model::PartialDate::fromIso(QStringLiteral("2026-04-08"));
    const QString csl = report::cslJson({s});
    CHECK(csl.contains(QStringLiteral("\"container-title\": \"The Daily Byte\"")));
    CHECK(csl.contains(QStringLiteral("2026,")));
    const QString bib = report::bibtex({s});
    CHECK(bib.startsWith(QStringLiteral("@online{daily2026meta7,")));
    CHECK(bib.contains(QStringLiteral("\\{new\\}")));
    CHECK(bib.contains(QStringLiteral("100\\%")));
    const QString md = report::markdownBibliography({s});
    CHECK_FALSE(md.contains(QStringLiteral("<script>")));
    CHECK(md.contains(QStringLiteral("\\_open\\_")));
    CHECK(md.contains(QStringLiteral("<https://example.org/a%20b>")));
    CHECK(report::escapeHtml(QStringLiteral("<a href='x'>")) == QStringLiteral("&lt;a href=&#39;x&#39;&gt;"));
}
