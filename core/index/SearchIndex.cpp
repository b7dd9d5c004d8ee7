#include "index/SearchIndex.h"

#include "index/WordIndexer.h"

#include "common/Logging.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <unordered_map>

namespace sextant::index {

namespace {

// Value slots and term prefixes. Changing any of them needs a reindex.
constexpr Xapian::valueno kSlotDate = 0;    // YYYYMMDD, unknown parts 00
constexpr Xapian::valueno kSlotVersion = 1; // the version id the document holds
constexpr Xapian::valueno kSlotPublisher = 2; // the publisher as written (facet)
constexpr Xapian::valueno kSlotEntities = 3;  // entity keys, one per line (facet)
constexpr Xapian::valueno kSlotOpenness = 4;  // "open", "closed", one per line (facet)
const std::string kPrefixEntity = "XE";       // + entity key, wdf = mentions
const std::string kPrefixOpenness = "XO";     // + open/closed
const std::string kPrefixPublisherExact = "XQ"; // + the publisher as written, lower case
const std::string kPrefixTitle = "S";
const std::string kPrefixPublisher = "XP";
const std::string kPrefixAuthor = "A";
const std::string kPrefixType = "XT";
const std::string kPrefixSite = "XH";
const std::string kStemPrefix = "Z"; // STEM_ALL_Z: every word is stored as Z + stem

const QChar kMarkStart(0xE000); // private-use characters cannot occur in snippets' text
const QChar kMarkEnd(0xE001);

std::string utf8(const QString &s)
{
    const QByteArray b = s.toUtf8();
    return std::string(b.constData(), static_cast<size_t>(b.size()));
}

QString qstr(const std::string &s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

/// Turns an exception from Xapian into an Error naming the index.
Error xapianError(const QString &path, const Xapian::Error &e, const QString &what)
{
    ErrorCode code = ErrorCode::Io;
    const std::string type = e.get_type();
    if (type == "DatabaseLockError")
        code = ErrorCode::Busy;
    else if (type == "DatabaseNotFoundError")
        code = ErrorCode::NotFound;
    else if (type == "DatabaseCorruptError" || type == "DatabaseVersionError")
        code = ErrorCode::Corrupt;
    else if (type == "QueryParserError")
        code = ErrorCode::Invalid;
    return Error{code, QStringLiteral("%1: %2: %3").arg(path, what, qstr(e.get_description()))};
}

// "2025" -> 20250000 (start) / 20259999 (end): partial dates in the index
// sort before their period's first day, so a range from a year includes them.
// Empty when s is not a date.
std::string dateBound(const std::string &s, bool upper)
{
    const model::PartialDate d = model::PartialDate::fromIso(QString::fromStdString(s));
    if (!d.isValid())
        return {};
    QString key = d.sortKey();
    if (upper) {
        if (d.precision == model::PartialDate::Precision::Year)
            key = key.left(4) + QStringLiteral("9999");
        else if (d.precision == model::PartialDate::Precision::Month)
            key = key.left(6) + QStringLiteral("99");
    }
    return utf8(key);
}

/// date:A..B on the date slot, with each end a year, month or day.
class PartialDateRangeProcessor final : public Xapian::RangeProcessor {
public:
    PartialDateRangeProcessor() : Xapian::RangeProcessor(kSlotDate, "date:") {}

    Xapian::Query operator()(const std::string &begin, const std::string &end) override
    {
        const std::string b = dateBound(begin, false);
        const std::string e = dateBound(end, true);
        if ((!begin.empty() && b.empty()) || (!end.empty() && e.empty()))
            return Xapian::Query(Xapian::Query::OP_INVALID);
        if (begin.empty())
            return Xapian::Query(Xapian::Query::OP_VALUE_LE, kSlotDate, e);
        if (end.empty())
            return Xapian::Query(Xapian::Query::OP_VALUE_GE, kSlotDate, b);
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, kSlotDate, b, e);
    }
};

/// A term no longer than Xapian allows (245 bytes).
std::string boundedTerm(const std::string &prefix, const QString &value)
{
    std::string t = prefix + utf8(value);
    if (t.size() > 240)
        t.resize(240);
    return t;
}

/// English stemming with a memory of the words it has stemmed. A document's
/// words are mostly words other documents had, and Snowball's stemmer cost
/// more than the rest of term generation. The memory is a fixed table of
/// 64-byte sets, each holding two words of up to 15 bytes with their stems:
/// one cache line per lookup, no allocation, flat memory on any corpus (a
/// hash map of strings cost three cache misses a word and was, itself, the
/// largest cost of term generation). Longer words go to the stemmer directly.
/// One per thread, as Xapian's stemmers.
class CachingStem final : public Xapian::StemImplementation {
public:
    std::string operator()(const std::string &word) override
    {
        if (word.empty() || word.size() > kMaxLen)
            return m_english(word);
        if (m_sets.empty())
            m_sets.resize(kSets);
        Entry key{};
        std::memcpy(key.word, word.data(), word.size());
        key.word[kMaxLen] = static_cast<char>(word.size());
        std::uint64_t a = 0, b = 0;
        std::memcpy(&a, key.word, 8);
        std::memcpy(&b, key.word + 8, 8);
        const std::uint64_t h = (a * 0x9E3779B97F4A7C15ull) ^ (b * 0xC2B2AE3D27D4EB4Full);
        Set &set = m_sets[static_cast<size_t>(h >> (64 - kSetBits))]; // a product's high bits mix every input bit
        for (int i = 0; i < 2; ++i) {
            if (std::memcmp(set.e[i].word, key.word, sizeof key.word) == 0) {
                if (i == 1)
                    std::swap(set.e[0], set.e[1]); // most recent first
                return std::string(set.e[0].stem, static_cast<size_t>(set.e[0].stem[kMaxLen]));
            }
        }
        std::string stem = m_english(word);
        if (stem.size() <= kMaxLen) {
            std::memcpy(key.stem, stem.data(), stem.size());
            key.stem[kMaxLen] = static_cast<char>(stem.size());
            set.e[1] = set.e[0];
            set.e[0] = key;
        }
        return stem;
    }

    std::string get_description() const override { return "Xapian::Stem(english, cached)"; }

private:
    static constexpr size_t kMaxLen = 15;    // bytes of a cached word or stem; the 16th holds the length
    static constexpr int kSetBits = 14;
    static constexpr size_t kSets = size_t(1) << kSetBits; // 1 MB
    struct Entry {
        char word[kMaxLen + 1];
        char stem[kMaxLen + 1];
    };
    struct alignas(64) Set {
        Entry e[2];
    };
    Xapian::Stem m_english{"english"};
    std::vector<Set> m_sets;
};

/// Counts the facet values of every match it is shown.
class FacetSpy final : public Xapian::MatchSpy {
public:
    void operator()(const Xapian::Document &doc, double) override
    {
        ++seen;
        const std::string pub = doc.get_value(kSlotPublisher);
        if (!pub.empty())
            ++publishers[pub];
        countLines(doc.get_value(kSlotEntities), entities);
        countLines(doc.get_value(kSlotOpenness), openness);
        const std::string date = doc.get_value(kSlotDate);
        if (date.size() >= 4)
            ++years[date.substr(0, 4)];
    }

    static void countLines(const std::string &v, std::unordered_map<std::string, qint64> &into)
    {
        size_t from = 0;
        while (from < v.size()) {
            size_t to = v.find('\n', from);
            if (to == std::string::npos)
                to = v.size();
            if (to > from)
                ++into[v.substr(from, to - from)];
            from = to + 1;
        }
    }

    qint64 seen = 0;
    std::unordered_map<std::string, qint64> publishers, entities, openness, years;
};

std::vector<FacetCount> sortedFacet(const std::unordered_map<std::string, qint64> &counts, bool byValue)
{
    std::vector<FacetCount> out;
    out.reserve(counts.size());
    for (const auto &[k, n] : counts)
        out.push_back(FacetCount{qstr(k), n});
    std::sort(out.begin(), out.end(), [byValue](const FacetCount &a, const FacetCount &b) {
        if (byValue)
            return a.value < b.value;
        return a.count != b.count ? a.count > b.count : a.value < b.value;
    });
    return out;
}

/// Optimal string alignment distance: Levenshtein plus adjacent
/// transpositions ("sprak" -> "spark" is one edit). Gives up above limit.
int editDistance(const std::string &a, const std::string &b, int limit)
{
    const size_t n = a.size(), m = b.size();
    if (static_cast<int>(n > m ? n - m : m - n) > limit)
        return limit + 1;
    std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (size_t j = 0; j <= m; ++j)
        prev[j] = static_cast<int>(j);
    for (size_t i = 1; i <= n; ++i) {
        cur[0] = static_cast<int>(i);
        int best = cur[0];
        for (size_t j = 1; j <= m; ++j) {
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            best = std::min(best, cur[j]);
        }
        if (best > limit)
            return limit + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[m];
}

} // namespace

// ---------------------------------------------------------------------------

struct PreparedDocument::Impl {
    Xapian::Document doc;
};

PreparedDocument::PreparedDocument() : d(std::make_unique<Impl>()) {}
PreparedDocument::~PreparedDocument() = default;
PreparedDocument::PreparedDocument(PreparedDocument &&) noexcept = default;
PreparedDocument &PreparedDocument::operator=(PreparedDocument &&) noexcept = default;

namespace {

Xapian::Stem &cachingStemmer()
{
    thread_local Xapian::Stem stem(new CachingStem);
    return stem;
}

/// The fields' words: title (prefixed, then unprefixed and weighted up), text, publisher,
/// author, with a gap in positions between fields so that no phrase spans two.
/// One stemmed term per word (Z + stem), with positions: phrases and NEAR work
/// on stems, and Xapian's snippets highlight every form of a word. STEM_SOME
/// would also write every unstemmed word, which cost a third of ingest time in
/// tests/bench for exact-form matching that a research search does not need.
void indexWords(Xapian::Document &doc, const IndexFields &f)
{
    WordIndexer words(doc, cachingStemmer());
    words.index(f.title, 1, kPrefixTitle);
    words.skipPositions();
    words.index(f.title, 2);
    words.skipPositions();
    words.index(f.text, 1);
    if (!f.publisher.isEmpty()) {
        words.skipPositions();
        words.index(f.publisher, 1, kPrefixPublisher);
    }
    if (!f.author.isEmpty()) {
        words.skipPositions();
        words.index(f.author, 1, kPrefixAuthor);
    }
}

/// indexWords() as Xapian's TermGenerator does it: the reference WordIndexer is held to.
void indexWordsWithTermGenerator(Xapian::Document &doc, const IndexFields &f)
{
    Xapian::TermGenerator gen;
    gen.set_stemmer(cachingStemmer());
    gen.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL_Z);
    gen.set_document(doc);
    gen.set_termpos(0);
    const std::string title = utf8(f.title);
    gen.index_text(title, 1, kPrefixTitle);
    gen.increase_termpos();
    gen.index_text(title, 2);
    gen.increase_termpos();
    gen.index_text(utf8(f.text));
    if (!f.publisher.isEmpty()) {
        gen.increase_termpos();
        gen.index_text(utf8(f.publisher), 1, kPrefixPublisher);
    }
    if (!f.author.isEmpty()) {
        gen.increase_termpos();
        gen.index_text(utf8(f.author), 1, kPrefixAuthor);
    }
}

void prepare(Xapian::Document &doc, const IndexFields &f, void (*words)(Xapian::Document &, const IndexFields &))
{
    try {
        words(doc, f);
        if (!f.format.isEmpty())
            doc.add_boolean_term(kPrefixType + utf8(f.format));
        if (!f.url.isEmpty()) {
            QString host = QUrl(f.url).host().toLower();
            if (host.startsWith(u"www."))
                host.remove(0, 4);
            if (!host.isEmpty())
                doc.add_boolean_term(kPrefixSite + utf8(host));
        }
        if (f.published.isValid())
            doc.add_value(kSlotDate, utf8(f.published.sortKey()));
        if (!f.publisher.isEmpty()) {
            doc.add_value(kSlotPublisher, utf8(f.publisher));
            doc.add_boolean_term(boundedTerm(kPrefixPublisherExact, f.publisher.toLower()));
        }
        if (!f.entities.empty()) {
            std::string keys;
            for (const auto &[key, mentions] : f.entities) {
                // Weighted by mentions, so a search that an alias expands to
                // the entity ranks the sources about it first.
                doc.add_term(boundedTerm(kPrefixEntity, key), static_cast<Xapian::termcount>(std::clamp(mentions, 1, 50)));
                keys += utf8(key);
                keys += '\n';
            }
            doc.add_value(kSlotEntities, keys);
        }
        if (!f.openness.isEmpty()) {
            for (const QString &o : f.openness)
                doc.add_boolean_term(kPrefixOpenness + utf8(o));
            doc.add_value(kSlotOpenness, utf8(f.openness.join(u'\n')));
        }
    } catch (const Xapian::Error &e) {
        qCWarning(lcIndex) << "term generation failed:" << qstr(e.get_description());
    }
}

} // namespace

PreparedDocument prepareDocument(const IndexFields &fields)
{
    PreparedDocument out;
    prepare(out.d->doc, fields, indexWords);
    return out;
}

PreparedDocument prepareDocumentWithTermGenerator(const IndexFields &fields)
{
    PreparedDocument out;
    prepare(out.d->doc, fields, indexWordsWithTermGenerator);
    return out;
}

QStringList describeTerms(const PreparedDocument &prepared)
{
    QStringList out;
    try {
        const Xapian::Document &doc = prepared.d->doc;
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
            QString line = qstr(*t) + u' ' + QString::number(t.get_wdf());
            for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
                line += u' ' + QString::number(*p);
            out << line;
        }
    } catch (const Xapian::Error &e) {
        out << QStringLiteral("error: ") + qstr(e.get_description());
    }
    return out;
}

// ---------------------------------------------------------------------------

struct SearchIndex::Impl {
    QString path;
    std::unique_ptr<Xapian::Database> db; // a WritableDatabase when writable
    Xapian::WritableDatabase *writable = nullptr;
    Xapian::Stem stemmer{new CachingStem}; // queries, snippets, suggestions: one thread at a time, as the database
    std::optional<Xapian::QueryParser> parser; // built on first search, reused

    Xapian::QueryParser &queryParser()
    {
        if (!parser) {
            Xapian::QueryParser qp;
            qp.set_database(*db); // for wildcards; follows db's reopen()
            qp.set_stemmer(stemmer);
            qp.set_stemming_strategy(Xapian::QueryParser::STEM_ALL_Z);
            qp.set_default_op(Xapian::Query::OP_AND);
            qp.add_prefix("title", kPrefixTitle);
            qp.add_prefix("publisher", kPrefixPublisher);
            qp.add_prefix("source", kPrefixPublisher);
            qp.add_prefix("author", kPrefixAuthor);
            qp.add_boolean_prefix("type", kPrefixType);
            // Wildcards expand over stored terms, which all carry the stem
            // prefix; rewriteWildcards() sends them to these fields.
            qp.add_prefix("zzany", kStemPrefix);
            qp.add_prefix("zztitle", kStemPrefix + kPrefixTitle);
            qp.add_prefix("zzpublisher", kStemPrefix + kPrefixPublisher);
            qp.add_prefix("zzauthor", kStemPrefix + kPrefixAuthor);
            qp.add_boolean_prefix("site", kPrefixSite);
            qp.add_rangeprocessor((new PartialDateRangeProcessor())->release());
            qp.set_max_expansion(200, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
            parser = std::move(qp);
        }
        return *parser;
    }
};

QString SearchIndex::libraryVersion() { return QString::fromLatin1(Xapian::version_string()); }

SearchIndex::SearchIndex(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
SearchIndex::~SearchIndex()
{
    if (d && d->writable) {
        try {
            // Xapian commits what is pending when it closes. What the store
            // does not hold is removed by the next writer's catch-up (diffIndex).
            d->writable->close();
        } catch (const Xapian::Error &) {
        }
    }
}

Result<std::unique_ptr<SearchIndex>> SearchIndex::openWritable(const QString &path)
{
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    try {
        QDir().mkpath(QFileInfo(path).absolutePath());
        // Creation is atomic: the new database is made beside its place and renamed into it, so a
        // process killed while creating it leaves no half-made index. A folder without Xapian's
        // version file is such a leftover of an older Sextant (its creation never finished, so it
        // held nothing): it is made anew, and the next ingest's catch-up indexes what the store holds.
        if (!QFileInfo::exists(path + QStringLiteral("/iamglass"))) {
            const QString fresh = path + QStringLiteral(".new");
            QDir(fresh).removeRecursively();
            Xapian::WritableDatabase(utf8(fresh), Xapian::DB_CREATE_OR_OVERWRITE).close();
            QDir(path).removeRecursively();
            if (!QDir().rename(fresh, path))
                return fail(ErrorCode::Io, QStringLiteral("%1: cannot create the search index").arg(path));
        }
        auto w = std::make_unique<Xapian::WritableDatabase>(utf8(path), Xapian::DB_OPEN);
        impl->writable = w.get();
        impl->db = std::move(w);
    } catch (const Xapian::Error &e) {
        return std::unexpected(xapianError(path, e, QStringLiteral("cannot open the search index for writing")));
    }
    return std::unique_ptr<SearchIndex>(new SearchIndex(std::move(impl)));
}

Result<std::unique_ptr<SearchIndex>> SearchIndex::openReadOnly(const QString &path)
{
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    if (!QFileInfo(path).isDir())
        return fail(ErrorCode::NotFound, QStringLiteral("%1: the search index is missing; run `sextant reindex`").arg(path));
    try {
        impl->db = std::make_unique<Xapian::Database>(utf8(path));
    } catch (const Xapian::Error &e) {
        return std::unexpected(xapianError(path, e, QStringLiteral("cannot open the search index")));
    }
    return std::unique_ptr<SearchIndex>(new SearchIndex(std::move(impl)));
}

Result<void> SearchIndex::replace(qint64 sourceId, qint64 versionId, PreparedDocument &&prepared)
{
    if (!d->writable)
        return fail(ErrorCode::Internal, QStringLiteral("%1: the index is open read-only").arg(d->path));
    try {
        Xapian::Document &doc = prepared.d->doc;
        doc.add_value(kSlotVersion, std::to_string(versionId));
        d->writable->replace_document(static_cast<Xapian::docid>(sourceId), doc);
    } catch (const Xapian::Error &e) {
        return std::unexpected(xapianError(d->path, e, QStringLiteral("cannot index source %1").arg(sourceId)));
    }
    return {};
}

Result<void> SearchIndex::remove(qint64 sourceId)
{
    if (!d->writable)
        return fail(ErrorCode::Internal, QStringLiteral("%1: the index is open read-only").arg(d->path));
    try {
        d->writable->delete_document(static_cast<Xapian::docid>(sourceId));
    } catch (const Xapian::DocNotFoundError &) {
        // Already gone: removal is idempotent.
    } catch (const Xapian::Error &e) {
        return std::unexpected(xapianError(d->path, e, QStringLiteral("cannot remove source %1").arg(sourceId)));
    }
    return {};
}

Result<void> SearchIndex::commit()
{
    if (!d->writable)
        return {};
    try {
        d->writable->commit();
    } catch (const Xapian::Error &e) {
        return std::unexpected(xapianError(d->path, e, QStringLiteral("cannot commit the search index")));
    }
    return {};
}

Result<void> SearchIndex::refresh()
{
    try {
        d->db->reopen();
    } catch (const Xapian::Error &e) {
        return std::unexpected(xapianError(d->path, e, QStringLiteral("cannot reopen the search index")));
    }
    return {};
}

qint64 SearchIndex::documentCount()
{
    try {
        return static_cast<qint64>(d->db->get_doccount());
    } catch (const Xapian::Error &) {
        return -1;
    }
}

Result<QHash<qint64, qint64>> SearchIndex::contents()
{
    QHash<qint64, qint64> out;
    try {
        for (auto it = d->db->valuestream_begin(kSlotVersion); it != d->db->valuestream_end(kSlotVersion); ++it)
            out.insert(static_cast<qint64>(it.get_docid()), std::stoll(*it));
        // Documents without a version value (should not exist) still count.
        for (auto it = d->db->postlist_begin(""); it != d->db->postlist_end(""); ++it)
            if (!out.contains(static_cast<qint64>(*it)))
                out.insert(static_cast<qint64>(*it), 0);
    } catch (const Xapian::Error &e) {
        return std::unexpected(xapianError(d->path, e, QStringLiteral("cannot list the index")));
    } catch (const std::exception &) {
        return fail(ErrorCode::Corrupt, QStringLiteral("%1: a document has a malformed version value").arg(d->path));
    }
    return out;
}

namespace {

/// "llam*" -> "zzany:llam*", "title:kest*" -> "zztitle:kest*" (see queryParser()).
QString rewriteWildcards(const QString &query)
{
    static const QRegularExpression re(QStringLiteral(R"((?<![\w:"])(?:(title|publisher|source|author):)?(\w+)\*)"));
    QString out;
    qsizetype pos = 0;
    auto it = re.globalMatch(query);
    while (it.hasNext()) {
        const auto m = it.next();
        out += query.mid(pos, m.capturedStart() - pos);
        QString field = m.captured(1);
        if (field == u"source")
            field = QStringLiteral("publisher");
        out += QStringLiteral("zz%1:%2*").arg(field.isEmpty() ? QStringLiteral("any") : field, m.captured(2));
        pos = m.capturedEnd();
    }
    return out + query.mid(pos);
}

/// A word as written in some document whose stem is `stem`, so a suggestion
/// reads "companies", not the index's "compani".
QString surfaceForm(const Xapian::Database &db, const Xapian::Stem &stemmer, const std::string &stem,
                    const std::string &typed,
                    const std::function<QHash<qint64, QString>(const std::vector<qint64> &)> &textFor)
{
    auto post = db.postlist_begin(kStemPrefix + stem);
    if (post == db.postlist_end(kStemPrefix + stem) || !textFor)
        return qstr(stem);
    const qint64 id = static_cast<qint64>(*post);
    const QString text = textFor({id}).value(id);
    static const QRegularExpression word(QStringLiteral(R"(\w+)"));
    // Of the forms the document uses ("company", "companies"), the one
    // closest to what was typed.
    QString best = qstr(stem);
    int bestDist = 1 << 20;
    auto it = word.globalMatch(text);
    while (it.hasNext()) {
        const QString w = it.next().captured(0).toLower();
        if (stemmer(utf8(w)) != stem)
            continue;
        const int dist = editDistance(typed, utf8(w), 8);
        if (dist < bestDist) {
            best = w;
            bestDist = dist;
        }
    }
    return best;
}

/// Words of the query that match nothing, replaced by the closest indexed
/// word (edit distance 1, or 2 for longer words; ties go to the commoner).
QString suggestSpelling(const Xapian::Database &db, const Xapian::Stem &stemmer, const QString &query,
                        const std::function<QHash<qint64, QString>(const std::vector<qint64> &)> &textFor)
{
    static const QRegularExpression word(QStringLiteral(R"((?<![\w:*])([A-Za-z]{3,})(?![\w:*]))"));
    static const QSet<QString> operators{QStringLiteral("AND"), QStringLiteral("OR"), QStringLiteral("NOT"),
                                         QStringLiteral("XOR"), QStringLiteral("NEAR"), QStringLiteral("ADJ")};
    QString corrected = query;
    bool changed = false;
    qsizetype shift = 0;
    auto it = word.globalMatch(query);
    while (it.hasNext()) {
        const auto m = it.next();
        if (operators.contains(m.captured(1)))
            continue;
        const std::string w = stemmer(utf8(m.captured(1).toLower()));
        if (db.get_termfreq(kStemPrefix + w) > 0)
            continue;
        const int limit = w.size() >= 7 ? 2 : 1;
        std::string best;
        int bestDist = limit + 1;
        Xapian::doccount bestFreq = 0;
        int scanned = 0;
        const std::string first = kStemPrefix + w.substr(0, 1);
        for (auto t = db.allterms_begin(first); t != db.allterms_end(first) && scanned < 50000; ++t, ++scanned) {
            const std::string cand = (*t).substr(kStemPrefix.size());
            const int dist = editDistance(w, cand, limit);
            if (dist > limit)
                continue;
            const Xapian::doccount freq = t.get_termfreq();
            if (dist < bestDist || (dist == bestDist && freq > bestFreq)) {
                best = cand;
                bestDist = dist;
                bestFreq = freq;
            }
        }
        if (!best.empty()) {
            const QString replacement = surfaceForm(db, stemmer, best, utf8(m.captured(1).toLower()), textFor);
            corrected.replace(m.capturedStart(1) + shift, m.capturedLength(1), replacement);
            shift += replacement.size() - m.capturedLength(1);
            changed = true;
        }
    }
    return changed ? corrected : QString();
}

void toMarks(const std::string &marked, SearchHit &hit)
{
    const QString s = qstr(marked);
    hit.snippet.reserve(s.size());
    int start = -1;
    for (QChar c : s) {
        if (c == kMarkStart) {
            start = static_cast<int>(hit.snippet.size());
        } else if (c == kMarkEnd) {
            if (start >= 0)
                hit.marks.emplace_back(start, static_cast<int>(hit.snippet.size()) - start);
            start = -1;
        } else {
            hit.snippet.append(c == u'\n' || c == u'\t' ? QChar(u' ') : c);
        }
    }
}

} // namespace

Result<SearchResults> SearchIndex::search(const QString &query, const SearchOptions &options,
                                          const std::function<QHash<qint64, QString>(const std::vector<qint64> &)> &textFor)
{
    for (int attempt = 0;; ++attempt) {
        try {
            Xapian::QueryParser &qp = d->queryParser();
            const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD
                                   | Xapian::QueryParser::FLAG_PURE_NOT;
            const std::string q = utf8(rewriteWildcards(query.trimmed()));
            Xapian::Query parsed = q.empty() ? Xapian::Query::MatchAll : qp.parse_query(q, flags);
            // An alias in the query also finds the sources that mention its
            // entity under any name: (the query) OR (the rest of it AND the entity).
            for (const QueryExpansion &e : options.expansions) {
                std::vector<Xapian::Query> keys;
                for (const QString &k : e.keys)
                    keys.emplace_back(boundedTerm(kPrefixEntity, k));
                if (keys.empty() || e.surface.isEmpty())
                    continue;
                Xapian::Query entity(Xapian::Query::OP_OR, keys.begin(), keys.end());
                QString rest = query;
                const qsizetype at = rest.indexOf(e.surface, 0, Qt::CaseInsensitive);
                if (at < 0)
                    continue;
                qsizetype from = at, len = e.surface.size();
                if (from > 0 && from + len < rest.size() && rest[from - 1] == u'"' && rest[from + len] == u'"') {
                    --from;
                    len += 2;
                }
                rest.remove(from, len);
                // An operator left dangling by the removal ("gemini AND benchmark") goes with it.
                static const QRegularExpression dangling(QStringLiteral(R"(^\s*(?:(?:AND|OR|XOR|NOT|NEAR(?:/\d+)?|ADJ(?:/\d+)?)\s+)+|(?:\s+(?:AND|OR|XOR|NOT|NEAR(?:/\d+)?|ADJ(?:/\d+)?))+\s*$)"));
                rest = rest.simplified();
                for (QString before; before != rest;) {
                    before = rest;
                    rest = rest.remove(dangling).simplified();
                    if (rest == u"AND" || rest == u"OR" || rest == u"NOT" || rest == u"XOR")
                        rest.clear();
                }
                const std::string r = utf8(rewriteWildcards(rest));
                if (!r.empty()) {
                    try {
                        entity = Xapian::Query(Xapian::Query::OP_AND, qp.parse_query(r, flags), entity);
                    } catch (const Xapian::QueryParserError &) {
                        continue; // what is left is not a query by itself: no expansion for this name
                    }
                }
                parsed = Xapian::Query(Xapian::Query::OP_OR, parsed, entity);
            }
            // Facet selections narrow without changing the ranking.
            const SearchFilters &f = options.filters;
            std::vector<Xapian::Query> filters;
            for (const QString &k : f.entities) {
                std::vector<Xapian::Query> either;
                for (const QString &alt : k.split(u'|', Qt::SkipEmptyParts))
                    either.emplace_back(boundedTerm(kPrefixEntity, alt));
                filters.emplace_back(Xapian::Query::OP_OR, either.begin(), either.end());
            }
            auto anyOf = [&](const QStringList &values, const std::string &prefix, bool lower) {
                if (values.isEmpty())
                    return;
                std::vector<Xapian::Query> terms;
                for (const QString &v : values)
                    terms.emplace_back(boundedTerm(prefix, lower ? v.toLower() : v));
                filters.emplace_back(Xapian::Query::OP_OR, terms.begin(), terms.end());
            };
            anyOf(f.openness, kPrefixOpenness, false);
            anyOf(f.publishers, kPrefixPublisherExact, true);
            if (!f.dateFrom.isEmpty() || !f.dateTo.isEmpty()) {
                const std::string b = dateBound(utf8(f.dateFrom), false);
                const std::string e = dateBound(utf8(f.dateTo), true);
                if (!b.empty() && !e.empty())
                    filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, kSlotDate, b, e);
                else if (!b.empty())
                    filters.emplace_back(Xapian::Query::OP_VALUE_GE, kSlotDate, b);
                else if (!e.empty())
                    filters.emplace_back(Xapian::Query::OP_VALUE_LE, kSlotDate, e);
            }
            if (!filters.empty())
                parsed = Xapian::Query(Xapian::Query::OP_FILTER, parsed,
                                       Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));

            Xapian::Enquire enquire(*d->db);
            enquire.set_query(parsed);
            enquire.set_docid_order(Xapian::Enquire::DONT_CARE); // ties in any order: lets the matcher skip work
            if (options.sort == SearchOptions::Sort::NewestFirst)
                enquire.set_sort_by_value_then_relevance(kSlotDate, true);
            else if (options.sort == SearchOptions::Sort::OldestFirst)
                enquire.set_sort_by_value_then_relevance(kSlotDate, false);
            FacetSpy spy;
            Xapian::doccount checkAtLeast = 0;
            if (options.facets) {
                enquire.add_matchspy(&spy);
                checkAtLeast = std::min<Xapian::doccount>(d->db->get_doccount(),
                                                          static_cast<Xapian::doccount>(std::max(0, options.facetSample)));
            }
            const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(std::max(0, options.offset)),
                                                       static_cast<Xapian::doccount>(std::max(0, options.limit)),
                                                       checkAtLeast);
            enquire.clear_matchspies();
            SearchResults out;
            out.estimatedTotal = static_cast<qint64>(mset.get_matches_estimated());
            if (options.facets) {
                out.facets.insert(QStringLiteral("entity"), sortedFacet(spy.entities, false));
                out.facets.insert(QStringLiteral("openness"), sortedFacet(spy.openness, false));
                out.facets.insert(QStringLiteral("publisher"), sortedFacet(spy.publishers, false));
                out.facets.insert(QStringLiteral("year"), sortedFacet(spy.years, true));
                out.facetsExact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound()
                                  && spy.seen >= static_cast<qint64>(mset.get_matches_lower_bound());
            }
            std::vector<qint64> ids;
            for (auto it = mset.begin(); it != mset.end(); ++it)
                ids.push_back(static_cast<qint64>(*it));
            const QHash<qint64, QString> texts = options.snippets && textFor ? textFor(ids) : QHash<qint64, QString>();
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                SearchHit hit;
                hit.sourceId = static_cast<qint64>(*it);
                hit.rank = static_cast<int>(it.get_rank());
                hit.weight = it.get_weight();
                hit.percent = it.get_percent();
                if (options.snippets) {
                    const QString text = texts.value(hit.sourceId);
                    if (!text.isEmpty()) {
                        const std::string marked = mset.snippet(
                            utf8(text), static_cast<size_t>(options.snippetLength), d->stemmer,
                            Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH * 0,
                            utf8(QString(kMarkStart)), utf8(QString(kMarkEnd)), "…");
                        toMarks(marked, hit);
                    }
                }
                out.hits.push_back(std::move(hit));
            }
            if (out.estimatedTotal == 0 && !q.empty())
                out.correctedQuery = suggestSpelling(*d->db, d->stemmer, query, textFor);
            return out;
        } catch (const Xapian::DatabaseModifiedError &) {
            // A writer committed twice since we opened: see the new revision.
            if (attempt >= 2)
                return fail(ErrorCode::Busy, QStringLiteral("%1: the index keeps changing under the search; try again").arg(d->path));
            if (auto r = refresh(); !r)
                return std::unexpected(r.error());
        } catch (const Xapian::QueryParserError &e) {
            return fail(ErrorCode::Invalid, QStringLiteral("cannot understand the query \"%1\": %2").arg(query, qstr(e.get_msg())));
        } catch (const Xapian::Error &e) {
            return std::unexpected(xapianError(d->path, e, QStringLiteral("search failed")));
        }
    }
}

} // namespace sextant::index
