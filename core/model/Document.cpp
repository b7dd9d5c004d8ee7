#include "model/Document.h"

namespace sextant::model {

QString formatName(Format format)
{
    switch (format) {
    case Format::Html: return QStringLiteral("html");
    case Format::Markdown: return QStringLiteral("markdown");
    case Format::Text: return QStringLiteral("text");
    case Format::Pdf: return QStringLiteral("pdf");
    case Format::Unknown: break;
    }
    return QStringLiteral("unknown");
}

Format formatFromName(const QString &name)
{
    if (name == u"html") return Format::Html;
    if (name == u"markdown") return Format::Markdown;
    if (name == u"text") return Format::Text;
    if (name == u"pdf") return Format::Pdf;
    return Format::Unknown;
}

QString blockKindName(BlockKind kind)
{
    switch (kind) {
    case BlockKind::Heading: return QStringLiteral("heading");
    case BlockKind::Paragraph: return QStringLiteral("paragraph");
    case BlockKind::ListItem: return QStringLiteral("list-item");
    case BlockKind::Table: return QStringLiteral("table");
    case BlockKind::Code: return QStringLiteral("code");
    case BlockKind::Quote: return QStringLiteral("quote");
    }
    return QStringLiteral("paragraph");
}

} // namespace sextant::model
