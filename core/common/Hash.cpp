#include "common/Hash.h"

#include <QCryptographicHash>

namespace sextant {

QString contentHash(QByteArrayView bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace sextant
