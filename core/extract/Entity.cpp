#include "extract/Entity.h"

namespace sextant::extract {

QString entityKindName(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Model: return QStringLiteral("model");
    case EntityKind::Organization: return QStringLiteral("organization");
    case EntityKind::Benchmark: return QStringLiteral("benchmark");
    case EntityKind::Person: return QStringLiteral("person");
    case EntityKind::License: return QStringLiteral("license");
    case EntityKind::Product: return QStringLiteral("product");
    case EntityKind::Other: break;
    }
    return QStringLiteral("other");
}

EntityKind entityKindFromName(QStringView name)
{
    if (name == u"model") return EntityKind::Model;
    if (name == u"organization" || name == u"org") return EntityKind::Organization;
    if (name == u"benchmark" || name == u"bench") return EntityKind::Benchmark;
    if (name == u"person") return EntityKind::Person;
    if (name == u"license") return EntityKind::License;
    if (name == u"product") return EntityKind::Product;
    return EntityKind::Other;
}

} // namespace sextant::extract
