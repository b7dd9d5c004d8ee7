#include "ingest/Format.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace sextant::ingest {

using model::Format;

const QStringList &supportedExtensions()
{
    static const QStringList exts{QStringLiteral("html"), QStringLiteral("htm"), QStringLiteral("xhtml"),
                                  QStringLiteral("md"), QStringLiteral("markdown"), QStringLiteral("mdx"),
                                  QStringLiteral("txt"), QStringLiteral("text"), QStringLiteral("rst"), QStringLiteral("pdf")};
    return exts;
}

Format formatFromFileName(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == u"html" || suffix == u"htm" || suffix == u"xhtml")
        return Format::Html;
    if (suffix == u"md" || suffix == u"markdown" || suffix == u"mdx" || suffix == u"mdown" || suffix == u"mkd")
        return Format::Markdown;
    if (suffix == u"txt" || suffix == u"text" || suffix == u"rst") // reStructuredText reads as text with grid tables
        return Format::Text;
    if (suffix == u"pdf")
        return Format::Pdf;
    return Format::Unknown;
}

Format sniffFormat(QByteArrayView head)
{
    if (head.startsWith("%PDF-"))
        return Format::Pdf;
    // Skip a BOM and leading white space for the checks that look at the start.
    QByteArray start = head.first(std::min<qsizetype>(head.size(), 4096)).toByteArray();
    if (start.startsWith("\xEF\xBB\xBF"))
        start.remove(0, 3);
    const QByteArray trimmed = start.trimmed();
    const QByteArray lower = trimmed.toLower();
    if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.startsWith("<?xml")
        || lower.startsWith("<head") || lower.startsWith("<!--"))
        return Format::Html;
    if (lower.contains("<html") || (lower.contains("<body") && lower.contains("</")))
        return Format::Html;
    if (trimmed.startsWith("---\n") || trimmed.startsWith("---\r\n") || trimmed.startsWith("+++"))
        return Format::Markdown;
    // Markdown when several lines use its block syntax.
    static const QRegularExpression mdLine(
        QStringLiteral(R"(^(#{1,6} \S|```|\s*[-*+] \S|\s*\d+\. \S|> |\|.*\|\s*$|\[[^\]]+\]\([^)]+\)))"),
        QRegularExpression::MultilineOption);
    const QString text = QString::fromUtf8(start);
    int hits = 0;
    auto it = mdLine.globalMatch(text);
    bool heading = false;
    while (it.hasNext()) {
        const auto m = it.next();
        heading = heading || m.captured(0).startsWith(u'#');
        ++hits;
    }
    if (hits >= 3 || (heading && hits >= 2))
        return Format::Markdown;
    return Format::Text;
}

} // namespace sextant::ingest
