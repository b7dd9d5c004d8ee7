#include "common/Regex.h"

#include <QRandomGenerator>
#include <QStringList>

#include <catch2/catch.hpp>

#include <thread>

using namespace sextant;

namespace {

/// Every group of both matches: taking part or not, where, and what.
void requireSame(const QRegularExpressionMatch &q, const rx::Match &m, int groups)
{
    REQUIRE(m.hasMatch() == q.hasMatch());
    if (!q.hasMatch())
        return;
    CHECK(m.lastCapturedIndex() == q.lastCapturedIndex());
    for (int g = 0; g <= groups + 1; ++g) { // one past the last group too
        INFO("group " << g);
        CHECK(m.capturedStart(g) == q.capturedStart(g));
        CHECK(m.capturedEnd(g) == q.capturedEnd(g));
        CHECK(m.capturedLength(g) == q.capturedLength(g));
        CHECK(m.captured(g) == q.captured(g));
        CHECK(m.captured(g).isNull() == q.captured(g).isNull());
    }
}

struct Case {
    const char16_t *pattern;
    QRegularExpression::PatternOptions options;
};

const Case kCases[] = {
    {u"\\b(?<model>[A-Z][a-z]+)[- ](?<version>\\d+(?:\\.\\d+)?)(?<tier> Pro| Mini)?\\b", {}},
    {u"(?:open[- ]weights?|closed|proprietary)", QRegularExpression::CaseInsensitiveOption},
    {u"(\\d+)|(x)", {}},
    {u"a*", {}},                   // empty matches everywhere
    {u"(?=b)|b", {}},              // an empty match, then a non-empty one at the same place
    {u"\\G(?:ab)", {}},            // anchored at the offset
    {u"^\\w+$", QRegularExpression::MultilineOption},
    {u"\u00e9t\u00e9|\\p{L}+", {}},
    {u"[\U0001F947\u274c]", {}},   // outside the BMP, as surrogate pairs
    {u"(a)?(b)?(c)", {}},           // groups that do not take part, then one that does
    {u"x.y", QRegularExpression::DotMatchesEverythingOption},
};

const QString kSubjects[] = {
    QStringLiteral("Llama 4 Pro and Qwen 3.6 beat Gemma-27 (open weights), GPT 5 Mini is closed."),
    QStringLiteral("bab aab ab abab cccc"),
    QStringLiteral("first line\nsecond\nx\ny\n"),
    QStringLiteral("\U0001F947 GPT-4 \u274c \u00e9t\u00e9 caf\u00e9 123 x45"),
    QString(),
    QStringLiteral("c bc ac abc"),
};

} // namespace

TEST_CASE("rx::Regex matches as QRegularExpression does: groups, options, offsets, empty and unset groups")
{
    for (const Case &c : kCases) {
        const QString pattern = QString::fromUtf16(c.pattern);
        const QRegularExpression q(pattern, c.options);
        const rx::Regex r(pattern, c.options);
        REQUIRE(q.isValid());
        REQUIRE(r.isValid());
        CHECK(r.captureCount() == q.captureCount());
        CHECK(r.namedCaptureGroups() == q.namedCaptureGroups());
        for (const QString &subject : kSubjects) {
            INFO(pattern.toStdString() << " on \"" << subject.toStdString() << '"');
            for (qsizetype from = 0; from <= subject.size(); ++from) {
                INFO("from " << from);
                requireSame(rx::match(q, subject, from), rx::match(r, subject, from), q.captureCount());
                requireSame(rx::match(q, QStringView(subject), from), rx::match(r, QStringView(subject), from),
                            q.captureCount());
            }
            // Global matching, with Qt's rule after an empty match.
            auto qi = rx::globalMatch(q, subject);
            auto ri = rx::globalMatch(r, subject);
            int n = 0;
            while (qi.hasNext()) {
                REQUIRE(ri.hasNext());
                requireSame(qi.next(), ri.next(), q.captureCount());
                REQUIRE(++n < 1000);
            }
            CHECK_FALSE(ri.hasNext());
        }
    }
}

TEST_CASE("rx::Regex: named groups, a match keeps a QString subject alive, a bad pattern matches nothing")
{
    const rx::Regex r(QStringLiteral(u"(?<org>[A-Z]\\w+)'s (?<model>\\w+)"));
    CHECK(r.groupIndex(u"org") == 1);
    CHECK(r.groupIndex(u"model") == 2);
    CHECK(r.groupIndex(u"none") == -1);

    rx::Match m;
    {
        QString subject = QStringLiteral("Meta's Muse");
        m = rx::match(r, subject);
        subject[0] = u'B'; // the match kept its own copy of the text
    }
    REQUIRE(m.hasMatch());
    CHECK(m.captured(u"org") == u"Meta");
    CHECK(m.capturedView(QStringLiteral("model")) == u"Muse");
    CHECK(m.capturedStart(u"none") == -1);
    CHECK(m.captured(u"none").isNull());

    const rx::Regex bad(QStringLiteral("(unclosed"));
    CHECK_FALSE(bad.isValid());
    CHECK_FALSE(bad.errorString().isEmpty());
    CHECK_FALSE(rx::match(bad, QStringLiteral("(unclosed")).hasMatch());
    CHECK_FALSE(rx::globalMatch(bad, QStringLiteral("(unclosed")).hasNext());
    CHECK_FALSE(rx::match(r, QStringLiteral("Meta's Muse"), 99).hasMatch()); // offset past the end
}

TEST_CASE("rx::Regex: a pattern deep enough to need a larger JIT stack still matches, on several threads at once")
{
    // A backtracking group repeated many times needs more than the JIT's default 32 KB stack.
    const rx::Regex deep(QStringLiteral("^(?:(a|b)(?:c|d)?)+$"));
    const QRegularExpression qdeep(deep.pattern());
    QString subject;
    for (int i = 0; i < 4000; ++i)
        subject += (i % 3 == 0) ? QStringLiteral("ac") : QStringLiteral("b");
    const bool expected = qdeep.match(subject).hasMatch();
    CHECK(expected); // within the 512 KB that both fall back to
    CHECK(rx::match(deep, subject).hasMatch() == expected);

    // Each thread reuses its own match data: results must not mix.
    const rx::Regex num(QStringLiteral("(\\d+)"));
    std::vector<std::thread> threads;
    std::vector<int> wrong(4, 0);
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            QRandomGenerator rng(quint32(t + 1));
            for (int i = 0; i < 2000; ++i) {
                const int v = int(rng.bounded(1000000));
                const QString s = QStringLiteral("value %1 end").arg(v);
                const rx::Match m = rx::match(num, s);
                if (!m.hasMatch() || m.captured(1).toInt() != v)
                    ++wrong[size_t(t)];
            }
        });
    for (std::thread &th : threads)
        th.join();
    CHECK(wrong == std::vector<int>(4, 0));
}
