#include "common/Hash.h"

#include <openssl/evp.h>

#include <QCryptographicHash>

namespace sextant {

QString contentHash(QByteArrayView bytes)
{
    // OpenSSL's SHA-256 uses the processor's SHA instructions where there are
    // any, many times faster than Qt's portable code, which was about 4% of
    // ingest's instructions. Same digest either way; Qt's is the fallback.
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(bytes.data(), static_cast<size_t>(bytes.size()), digest, &size, EVP_sha256(), nullptr) == 1 && size == 32)
        return QString::fromLatin1(QByteArray::fromRawData(reinterpret_cast<const char *>(digest), 32).toHex());
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace sextant
