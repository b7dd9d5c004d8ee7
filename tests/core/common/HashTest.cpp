#include "common/Hash.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <catch2/catch.hpp>

using namespace sextant;

TEST_CASE("content hash: SHA-256 in lower-case hex, the same digest as before and on every input size")
{
    // FIPS 180-2 test vectors.
    CHECK(contentHash(QByteArrayView()) == QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    CHECK(contentHash(QByteArrayView("abc")) == QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    // Libraries name their originals by this digest: it must match Qt's, which earlier versions used.
    QRandomGenerator rng(20261123);
    for (qsizetype size : {1, 55, 56, 63, 64, 65, 4096, 1 << 20}) {
        QByteArray bytes(size, Qt::Uninitialized);
        for (char &c : bytes)
            c = static_cast<char>(rng.bounded(256));
        INFO(size);
        CHECK(contentHash(bytes) == QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    }
}
