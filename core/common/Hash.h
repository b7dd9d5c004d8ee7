#pragma once

#include <QByteArray>
#include <QString>

namespace sextant {

/// Lower-case hex SHA-256 of the bytes: the identity of an original's content.
QString contentHash(QByteArrayView bytes);

} // namespace sextant
