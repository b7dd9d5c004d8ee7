#include "annotate/Annotation.h"

#include <QRegularExpression>
#include <QUuid>

namespace sextant::annotate {

namespace {
struct NamedColor {
    const char16_t *name;
    const char16_t *hex;
};
// Light enough for dark text on a light page, saturated enough to be seen
// through the reader's translucency on a dark one.
constexpr NamedColor kColors[] = {
    {u"yellow", u"#facc15"}, {u"green", u"#4ade80"}, {u"blue", u"#60a5fa"},
    {u"pink", u"#f472b6"},   {u"purple", u"#a78bfa"}, {u"orange", u"#fb923c"},
};
} // namespace

const QStringList &colorNames()
{
    static const QStringList names = [] {
        QStringList out;
        for (const auto &c : kColors)
            out << QString::fromUtf16(c.name);
        return out;
    }();
    return names;
}

QString colorHex(const QString &name)
{
    for (const auto &c : kColors)
        if (name == QStringView(c.name))
            return QString::fromUtf16(c.hex);
    return QString::fromUtf16(kColors[0].hex);
}

QString newAnnotationId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

QStringList parseTags(const QString &typed)
{
    static const QRegularExpression sep(QStringLiteral(R"([,;\n]+)"));
    QStringList out;
    for (QString t : typed.split(sep, Qt::SkipEmptyParts)) {
        t = t.trimmed();
        while (t.startsWith(u'#'))
            t.remove(0, 1);
        t = t.simplified();
        if (!t.isEmpty() && !out.contains(t, Qt::CaseInsensitive))
            out << t;
    }
    return out;
}

} // namespace sextant::annotate
