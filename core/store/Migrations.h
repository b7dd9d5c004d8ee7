#pragma once

#include <QByteArrayList>

namespace sextant::store {

/// The schema as numbered migrations: entry i takes PRAGMA user_version
/// from i to i+1. Never edit a shipped entry; append a new one.
const QByteArrayList &migrations();

} // namespace sextant::store
