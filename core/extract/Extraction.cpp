#include "extract/Extraction.h"

namespace sextant::extract {

int Extraction::intern(const EntityRef &ref)
{
    for (size_t i = 0; i < entities.size(); ++i) {
        EntityRef &e = entities[i];
        if (e.key == ref.key) {
            e.confidence = std::max(e.confidence, ref.confidence);
            if (e.parent.isEmpty())
                e.parent = ref.parent;
            if (e.codename.isEmpty())
                e.codename = ref.codename;
            return static_cast<int>(i);
        }
    }
    entities.push_back(ref);
    return static_cast<int>(entities.size() - 1);
}

QString foldName(QStringView name)
{
    QString out;
    out.reserve(name.size());
    QChar lastKept;
    bool pendingSep = false;
    for (const QChar c : name) {
        if (c.isLetterOrNumber() || c == u'.' || c == u'+') {
            if (pendingSep && lastKept.isDigit() && c.isDigit())
                out += u'-'; // "Llama 3.1 405B": keep the numbers apart
            out += c.toLower();
            lastKept = c;
            pendingSep = false;
        } else {
            pendingSep = !out.isEmpty();
        }
    }
    while (out.endsWith(u'.'))
        out.chop(1);
    return out;
}

QString keyPrefix(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Model: return QStringLiteral("model");
    case EntityKind::Organization: return QStringLiteral("org");
    case EntityKind::Benchmark: return QStringLiteral("bench");
    case EntityKind::Person: return QStringLiteral("person");
    case EntityKind::License: return QStringLiteral("license");
    case EntityKind::Product: return QStringLiteral("product");
    case EntityKind::Other: break;
    }
    return QStringLiteral("other");
}

QString keyFor(EntityKind kind, QStringView name)
{
    return keyPrefix(kind) + u':' + u'~' + foldName(name);
}

} // namespace sextant::extract
