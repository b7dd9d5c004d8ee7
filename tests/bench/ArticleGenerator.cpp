#include "ArticleGenerator.h"

#include <QDir>
#include <QFile>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace sextant::bench {

namespace {

struct Rng {
    std::uint64_t s;
    std::uint64_t next()
    {
        // splitmix64: small, fast, and the same on every platform.
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    template <typename T, size_t N>
    const T &pick(const T (&a)[N]) { return a[below(static_cast<int>(N))]; }
};

const char *const kOrgs[] = {"Meta", "OpenAI", "Google DeepMind", "Anthropic", "Mistral AI", "Alibaba", "DeepSeek",
                             "Zhipu AI", "xAI", "Microsoft", "Amazon", "Cohere", "AI21 Labs", "Moonshot AI", "Xiaomi"};
const char *const kFamilies[] = {"Llama", "GPT", "Gemini", "Claude", "Mistral", "Qwen", "DeepSeek", "GLM", "Grok",
                                 "Phi", "Nova", "Command", "Jamba", "Kimi", "MiMo", "Gemma", "Muse"};
const char *const kTiers[] = {"Pro", "Mini", "Flash", "Ultra", "Instruct", "Base", "Turbo", "Max", "Lite", "Spark",
                              "Opus", "Sonnet", "Haiku", "Scout", "Maverick"};
const char *const kBenchmarks[] = {"MMLU", "MMLU-Pro", "GPQA Diamond", "HumanEval", "SWE-bench Verified", "ARC-AGI-2",
                                   "Humanity's Last Exam", "MATH-500", "AIME 2025", "LiveCodeBench", "MMMU",
                                   "Chatbot Arena", "BigCodeBench", "IFEval", "SimpleQA"};
const char *const kLicenses[] = {"MIT", "Apache 2.0", "a custom community license", "a proprietary license",
                                 "CC BY-NC 4.0", "the Llama Community License"};
const char *const kMonths[] = {"January", "February", "March", "April", "May", "June", "July", "August",
                               "September", "October", "November", "December"};
const char *const kPublishers[] = {"The Verge", "TechCrunch", "Ars Technica", "Wired", "VentureBeat", "The Register",
                                   "Reuters", "Bloomberg", "MIT Technology Review", "AI Weekly"};
const char *const kVerbs[] = {"released", "announced", "unveiled", "launched", "open-sourced", "previewed", "shipped"};
// Running text follows Zipf's law, as real prose does: a few hundred common
// words make up most tokens, and a long tail of rare words (here made from
// syllables) makes up most of the vocabulary.
const char *const kCommon[] = {
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "as", "was", "with", "on", "by", "be", "at",
    "this", "from", "are", "or", "an", "which", "has", "have", "but", "not", "its", "their", "they", "more", "than",
    "new", "said", "will", "would", "can", "could", "also", "been", "about", "into", "after", "over", "most", "other",
    "model", "models", "training", "data", "company", "release", "benchmark", "open", "weights", "researchers",
    "performance", "compute", "parameters", "inference", "developers", "results", "reasoning", "language", "users",
    "source", "closed", "license", "api", "access", "evaluation", "safety", "frontier", "labs", "industry", "market",
    "cost", "chips", "cluster", "report", "version", "tokens", "context", "window", "agents", "coding", "tasks",
    "scores", "leaderboard", "accuracy", "customers", "enterprise", "pricing", "launch", "analysts", "investors",
    "billion", "million", "percent", "year", "month", "week", "today", "earlier", "later", "first", "latest",
    "previous", "larger", "smaller", "faster", "cheaper", "better", "stronger", "multimodal", "vision", "audio",
    "memory", "hardware", "software", "platform", "product", "team", "lab", "paper", "technical", "card", "policy",
    "regulators", "government", "competition", "rivals", "startup", "cloud", "partnership", "deal", "funding"};
const char *const kSyllables[] = {"ka", "ter", "vo", "lin", "mar", "sen", "dro", "pal", "qui", "ret", "nos", "bel",
                                  "tra", "cor", "mi", "das", "fen", "gul", "hor", "jas", "lem", "ost", "pri", "sul"};

struct Zipf {
    std::vector<double> cdf;
    explicit Zipf(size_t n)
    {
        cdf.resize(n);
        double sum = 0;
        for (size_t k = 0; k < n; ++k)
            cdf[k] = (sum += 1.0 / double(k + 1));
        for (double &c : cdf)
            c /= sum;
    }
    size_t draw(Rng &r) const
    {
        const double u = double(r.next() >> 11) / double(1ULL << 53);
        return static_cast<size_t>(std::lower_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
    }
};

constexpr size_t kCommonCount = sizeof kCommon / sizeof kCommon[0];
constexpr size_t kVocabulary = 30000;

QString word(size_t rank)
{
    if (rank < kCommonCount)
        return QString::fromLatin1(kCommon[rank]);
    // Rare words: deterministic syllable strings, 2-4 syllables.
    size_t v = rank * 2654435761ULL;
    const size_t n = 2 + (rank % 3);
    QString w;
    for (size_t i = 0; i < n; ++i) {
        w += QString::fromLatin1(kSyllables[v % 24]);
        v /= 24;
    }
    return w;
}

QString sentence(Rng &r)
{
    static const Zipf zipf(kVocabulary);
    const int n = 8 + r.below(14);
    QString s;
    for (int i = 0; i < n; ++i) {
        if (i)
            s += u' ';
        s += word(zipf.draw(r));
    }
    s[0] = s[0].toUpper();
    return s + u'.';
}

struct Facts {
    QString org, model, benchmark, license, publisher, date, isoDate, verb;
    int params, score, year, month, day;
};

Facts facts(Rng &r)
{
    Facts f;
    f.org = QString::fromLatin1(r.pick(kOrgs));
    f.model = QStringLiteral("%1 %2.%3 %4").arg(QString::fromLatin1(r.pick(kFamilies))).arg(1 + r.below(6)).arg(r.below(10)).arg(QString::fromLatin1(r.pick(kTiers)));
    f.benchmark = QString::fromLatin1(r.pick(kBenchmarks));
    f.license = QString::fromLatin1(r.pick(kLicenses));
    f.publisher = QString::fromLatin1(r.pick(kPublishers));
    f.verb = QString::fromLatin1(r.pick(kVerbs));
    f.params = 1 + r.below(700);
    f.score = 30 + r.below(65);
    f.year = 2019 + r.below(8);
    f.month = 1 + r.below(12);
    f.day = 1 + r.below(28);
    f.date = QStringLiteral("%1 %2, %3").arg(QString::fromLatin1(kMonths[f.month - 1])).arg(f.day).arg(f.year);
    f.isoDate = QStringLiteral("%1-%2-%3").arg(f.year).arg(f.month, 2, 10, QChar(u'0')).arg(f.day, 2, 10, QChar(u'0'));
    return f;
}

QStringList paragraphs(Rng &r, const Facts &f, int targetBytes)
{
    QStringList out;
    out << QStringLiteral("On %1, %2 %3 %4, a model with %5 billion parameters released under %6.")
               .arg(f.date, f.org, f.verb, f.model)
               .arg(f.params)
               .arg(f.license);
    out << QStringLiteral("The company said %1 scores %2.%3%% on %4, ahead of rivals from %5 and %6.")
               .arg(f.model)
               .arg(f.score)
               .arg(r.below(10))
               .arg(f.benchmark, QString::fromLatin1(r.pick(kOrgs)), QString::fromLatin1(r.pick(kOrgs)));
    qsizetype size = out[0].size() + out[1].size();
    while (size < targetBytes) {
        QString p;
        const int sentences = 2 + r.below(4);
        for (int s = 0; s < sentences; ++s)
            p += sentence(r) + u' ';
        p += QStringLiteral("%1 compared it with %2 %3.%4 on %5.")
                 .arg(QString::fromLatin1(r.pick(kPublishers)), QString::fromLatin1(r.pick(kFamilies)))
                 .arg(2 + r.below(4))
                 .arg(r.below(10))
                 .arg(QString::fromLatin1(r.pick(kBenchmarks)));
        size += p.size();
        out << p.trimmed();
    }
    return out;
}

} // namespace

ArticleGenerator::Article ArticleGenerator::make(std::uint64_t index) const
{
    Rng r{m_seed * 1'000'003ULL + index};
    const Facts f = facts(r);
    const int target = 800 + r.below(3800); // text 0.8-4.6 KB, files 1-5 KB with markup
    const QStringList paras = paragraphs(r, f, target);
    const QString title = QStringLiteral("%1 %2 %3, scoring %4 on %5").arg(f.org, f.verb, f.model).arg(f.score).arg(f.benchmark);
    const int kind = r.below(10);
    Article a;
    QString body;
    if (kind < 4) {
        a.fileName = QStringLiteral("a%1.html").arg(index, 7, 10, QChar(u'0'));
        body = QStringLiteral("<!doctype html><html><head><meta charset=\"utf-8\"><title>%1 | %2</title>"
                              "<meta property=\"og:site_name\" content=\"%2\">"
                              "<meta property=\"article:published_time\" content=\"%3T09:00:00Z\">"
                              "<script>var tracking = 1;</script><style>body{font:serif}</style></head><body>"
                              "<nav><a href=\"/\">Home</a> <a href=\"/ai\">AI</a></nav><article><h1>%1</h1>")
                   .arg(title, f.publisher, f.isoDate);
        for (int i = 0; i < paras.size(); ++i) {
            if (i == 2)
                body += QStringLiteral("<h2>Benchmarks</h2><table><thead><tr><th>Model</th><th>%1</th></tr></thead>"
                                       "<tbody><tr><td>%2</td><td>%3</td></tr></tbody></table>")
                            .arg(f.benchmark, f.model)
                            .arg(f.score);
            body += QStringLiteral("<p>") + paras[i].toHtmlEscaped() + QStringLiteral("</p>");
        }
        body += QStringLiteral("</article><footer>Copyright %1</footer></body></html>\n").arg(f.publisher);
    } else if (kind < 7) {
        a.fileName = QStringLiteral("a%1.md").arg(index, 7, 10, QChar(u'0'));
        body = QStringLiteral("---\ntitle: \"%1\"\ndate: %2\npublisher: %3\n---\n\n# %1\n\n").arg(title, f.isoDate, f.publisher);
        for (int i = 0; i < paras.size(); ++i) {
            if (i == 2)
                body += QStringLiteral("## Benchmarks\n\n| Model | %1 |\n|---|---|\n| %2 | %3 |\n\n").arg(f.benchmark, f.model).arg(f.score);
            body += paras[i] + QStringLiteral("\n\n");
        }
    } else {
        a.fileName = QStringLiteral("a%1.txt").arg(index, 7, 10, QChar(u'0'));
        body = title + QStringLiteral("\n\n") + f.isoDate + QStringLiteral(" by ") + f.publisher + QStringLiteral("\n\n");
        for (const QString &p : paras)
            body += p + QStringLiteral("\n\n");
    }
    a.bytes = body.toUtf8();
    return a;
}

qint64 ArticleGenerator::writeTo(const QString &dir, std::uint64_t first, std::uint64_t count) const
{
    qint64 total = 0;
    for (std::uint64_t i = first; i < first + count; ++i) {
        const QString sub = QStringLiteral("%1/%2").arg(dir).arg(i / 1000, 3, 10, QChar(u'0'));
        if (i == first || i % 1000 == 0)
            QDir().mkpath(sub);
        const Article a = make(i);
        QFile f(sub + u'/' + a.fileName);
        if (f.open(QIODevice::WriteOnly))
            total += f.write(a.bytes);
    }
    return total;
}

} // namespace sextant::bench
