#pragma once

#include <QByteArray>
#include <QString>
#include <cstdint>

namespace sextant::bench {

/// Writes deterministic news-like articles (1-5 KB) about AI models,
/// companies, benchmarks and dates, as HTML, Markdown and plain text. The
/// same seed and index always give the same bytes.
class ArticleGenerator {
public:
    explicit ArticleGenerator(std::uint64_t seed = 42) : m_seed(seed) {}

    struct Article {
        QString fileName; ///< e.g. "a000123.html"
        QByteArray bytes;
    };
    Article make(std::uint64_t index) const;

    /// Writes articles [first, first + count) into dir, 1000 per sub-folder.
    /// Returns the bytes written.
    qint64 writeTo(const QString &dir, std::uint64_t first, std::uint64_t count) const;

private:
    std::uint64_t m_seed;
};

} // namespace sextant::bench
