#include "ingest/DocumentReader.h"

#include "ingest/DateParsing.h"
#include "ingest/Format.h"
#include "ingest/HtmlReader.h"
#include "ingest/MarkdownReader.h"
#include "ingest/TextDecoder.h"
#include "ingest/TextHeuristics.h"
#include "ingest/TextReader.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace sextant::ingest {

using model::BlockKind;
using model::Document;
using model::Format;

void completeMetadata(Document &doc, const QString &fileName)
{
    model::Metadata &meta = doc.meta;
    const qsizetype lookAhead = std::min<qsizetype>(static_cast<qsizetype>(doc.blocks.size()), 12);

    // Plain text has no markup: its title is the first headline-like line,
    // not site furniture ("Featured News") that happens to precede it.
    if (meta.title.isEmpty() && doc.format != Format::Text) {
        // The highest-level heading near the top, skipping a table of contents.
        static const QRegularExpression generic(QStringLiteral(R"(^(table of )?contents$|^toc$)"),
                                                QRegularExpression::CaseInsensitiveOption);
        int bestLevel = 7;
        for (qsizetype i = 0; i < lookAhead; ++i) {
            const auto &b = doc.blocks[static_cast<size_t>(i)];
            if (b.kind != BlockKind::Heading || b.range.length() > 300 || b.level >= bestLevel)
                continue;
            const QString t = doc.slice(b.range).simplified();
            if (generic.match(t).hasMatch())
                continue;
            meta.title = t;
            meta.titleFrom = QStringLiteral("first heading");
            bestLevel = b.level;
        }
    }
    if (meta.title.isEmpty()) {
        for (qsizetype i = 0; i < lookAhead; ++i) {
            const auto &b = doc.blocks[static_cast<size_t>(i)];
            if (b.kind != BlockKind::Table && isHeadline(doc.slice(b.range))) {
                meta.title = doc.slice(b.range).simplified();
                meta.titleFrom = QStringLiteral("first line");
                break;
            }
        }
    }
    if (meta.title.isEmpty() && !doc.blocks.empty()) {
        meta.title = doc.slice(doc.blocks.front().range).simplified().left(200);
        meta.titleFrom = QStringLiteral("first line");
    }
    if (meta.title.isEmpty()) {
        meta.title = QFileInfo(fileName).completeBaseName();
        meta.titleFrom = QStringLiteral("file name");
    }

    if (!meta.published.isValid()) {
        // A dateline: a short block near the top that is mostly a date,
        // perhaps with a byline ("2026-04-13 by AICC", "Published April 8, 2026").
        static const QRegularExpression byline(QStringLiteral(R"(^\s*(?:[|·\x{2022}\x{2014}\x{2013},-]\s*)?by\s+(.{2,60})$)"),
                                               QRegularExpression::CaseInsensitiveOption);
        // "Published", "Updated:", or a byline first: "By Dana Lee | ", "Dana Lee · "
        static const QRegularExpression lead(
            QStringLiteral(R"(^\s*(?:((published|posted|updated|date|on)\b:?)?|(?:by\s+)?(?<author>[^|·\x{2022}\x{2014}\x{2013}\d]{2,60}?)\s*[|·\x{2022}\x{2014}\x{2013}]\s*(?:(?:published|posted|updated)\b:?\s*)?)\s*$)"),
            QRegularExpression::CaseInsensitiveOption);
        for (qsizetype i = 0; i < lookAhead; ++i) {
            const auto &b = doc.blocks[static_cast<size_t>(i)];
            if (b.kind == BlockKind::Table || b.range.length() > 90)
                continue;
            const QString line = doc.slice(b.range);
            const DateMatch m = findDate(line);
            if (!m.date.isValid())
                continue;
            const QString before = line.left(m.start);
            const QString after = line.mid(m.end).trimmed();
            const auto by = byline.match(after);
            const auto led = lead.match(before);
            if (!led.hasMatch() || !(after.isEmpty() || by.hasMatch()))
                continue;
            meta.published = m.date;
            meta.publishedFrom = QStringLiteral("dateline");
            if (by.hasMatch() && meta.author.isEmpty())
                meta.author = by.captured(1).trimmed();
            if (!led.captured(QStringLiteral("author")).isEmpty() && meta.author.isEmpty())
                meta.author = led.captured(QStringLiteral("author")).trimmed();
            break;
        }
    }
    if (!meta.published.isValid()) {
        if (const model::PartialDate d = dateFromFileName(fileName); d.isValid()) {
            meta.published = d;
            meta.publishedFrom = QStringLiteral("file name");
        }
    }
}

Result<Document> readDocument(QByteArrayView bytes, Format format, const ReadOptions &options)
{
    const QString name = options.fileName.isEmpty() ? QStringLiteral("input") : QFileInfo(options.fileName).fileName();
    if (bytes.isEmpty())
        return fail(ErrorCode::Empty, QStringLiteral("%1: the file is empty").arg(name));
    const QByteArrayView head = bytes.first(std::min<qsizetype>(bytes.size(), 8192));
    if (head.startsWith("%PDF-"))
        format = Format::Pdf; // whatever the name says
    if (format == Format::Pdf)
        return fail(ErrorCode::Unsupported, QStringLiteral("%1: PDF is not supported yet (planned); convert it to text or HTML").arg(name));
    if (looksBinary(head))
        return fail(ErrorCode::Binary, QStringLiteral("%1: not a text file (binary content)").arg(name));
    if (format == Format::Unknown)
        format = sniffFormat(head);

    Result<Document> doc = [&]() -> Result<Document> {
        switch (format) {
        case Format::Html: return readHtml(bytes, options);
        case Format::Markdown: return readMarkdown(bytes, options);
        default: return readText(bytes, options);
        }
    }();
    if (!doc)
        return fail(doc.error().code, name + QStringLiteral(": ") + doc.error().message);
    if (doc->text.trimmed().isEmpty() && doc->meta.title.isEmpty())
        return fail(ErrorCode::Empty, QStringLiteral("%1: no text found in the file").arg(name));
    completeMetadata(*doc, options.fileName);
    if (doc->meta.url.isEmpty() && !options.url.isEmpty())
        doc->meta.url = options.url;
    return doc;
}

} // namespace sextant::ingest
