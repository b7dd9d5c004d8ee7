#pragma once

#include <QString>
#include <cstdint>

namespace sextant::extract {

/// The kinds of entity, named as the export contract names them.
enum class EntityKind : std::uint8_t { Model, Organization, Benchmark, Person, License, Product, Other };

QString entityKindName(EntityKind kind);
/// "model", "organization", ... (and "org", "bench" as shorthands); Other when unknown.
EntityKind entityKindFromName(QStringView name);

} // namespace sextant::extract
