#include "ingest/TextDecoder.h"

#include <QStringDecoder>
#include <array>

namespace sextant::ingest {

namespace {

// Windows-1252 differs from Latin-1 only in 0x80-0x9F. Five of those are
// undefined; they decode to the C1 control of the same value, as browsers do.
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

QString decodeCp1252(QByteArrayView bytes)
{
    QString out(bytes.size(), Qt::Uninitialized);
    QChar *dst = out.data();
    for (char ch : bytes) {
        const auto b = static_cast<unsigned char>(ch);
        *dst++ = (b >= 0x80 && b < 0xA0) ? QChar(kCp1252High[b - 0x80]) : QChar(char16_t(b));
    }
    return out;
}

struct Utf8Scan {
    qsizetype invalid = 0;   // bytes that start no valid sequence
    qsizetype multibyte = 0; // valid sequences of 2-4 bytes
};

Utf8Scan scanUtf8(QByteArrayView bytes)
{
    Utf8Scan scan;
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = 0;
        unsigned int min = 0;
        unsigned int cp = 0;
        if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
        bool ok = len > 0 && i + len <= n;
        for (int k = 1; ok && k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                ok = false;
            else
                cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        ok = ok && cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
        if (ok) {
            ++scan.multibyte;
            i += len;
        } else {
            ++scan.invalid;
            ++i;
        }
    }
    return scan;
}

QString stripNuls(QString s)
{
    if (s.contains(QChar(0)))
        s.remove(QChar(0));
    return s;
}

} // namespace

QStringList DecodedText::warnings() const
{
    QStringList out;
    if (replaced > 0)
        out << QStringLiteral("%1 invalid %2 byte sequences replaced").arg(replaced).arg(encoding);
    if (encoding == u"windows-1252")
        out << QStringLiteral("not valid UTF-8; read as Windows-1252");
    return out;
}

QString normalizeLineEnds(QString text)
{
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(u'\r', u'\n');
    return text;
}

bool looksBinary(QByteArrayView head)
{
    if (head.isEmpty())
        return false;
    // UTF-16 text has NULs in every other byte; a BOM says so.
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF"))
        return false;
    qsizetype control = 0;
    for (char ch : head) {
        const auto b = static_cast<unsigned char>(ch);
        if (b == 0)
            return true;
        if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1B)
            ++control;
    }
    return control * 20 > head.size(); // more than 5% control characters
}

DecodedText decodeText(QByteArrayView bytes, QByteArrayView declared)
{
    DecodedText out;
    auto viaDecoder = [&](QStringConverter::Encoding enc, qsizetype skip, const char *name) {
        QStringDecoder dec(enc, QStringConverter::Flag::Stateless);
        out.text = stripNuls(dec.decode(bytes.sliced(skip)));
        out.encoding = QString::fromLatin1(name);
        out.replaced = out.text.count(QChar(QChar::ReplacementCharacter));
        return out;
    };
    if (bytes.startsWith("\xEF\xBB\xBF"))
        return viaDecoder(QStringConverter::Utf8, 3, "UTF-8");
    if (bytes.startsWith("\xFF\xFE"))
        return viaDecoder(QStringConverter::Utf16LE, 2, "UTF-16LE");
    if (bytes.startsWith("\xFE\xFF"))
        return viaDecoder(QStringConverter::Utf16BE, 2, "UTF-16BE");

    const QByteArray label = declared.toByteArray().trimmed().toLower();
    const bool declaredLegacy = label == "iso-8859-1" || label == "latin1" || label == "latin-1"
                                || label == "windows-1252" || label == "cp1252" || label == "us-ascii"
                                || label == "ascii";

    const Utf8Scan scan = scanUtf8(bytes);
    if (scan.invalid == 0 && !(declaredLegacy && scan.multibyte == 0))
        return viaDecoder(QStringConverter::Utf8, 0, "UTF-8");
    // Valid multi-byte sequences outnumbering the bad bytes means UTF-8 with
    // damage, not a legacy encoding: keep UTF-8 and replace the bad bytes.
    if (!declaredLegacy && scan.multibyte > 0 && scan.multibyte >= scan.invalid) {
        viaDecoder(QStringConverter::Utf8, 0, "UTF-8");
        out.replaced = scan.invalid;
        return out;
    }
    out.text = stripNuls(decodeCp1252(bytes));
    out.encoding = QStringLiteral("windows-1252");
    return out;
}

} // namespace sextant::ingest
