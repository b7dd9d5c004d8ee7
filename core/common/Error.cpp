#include "common/Error.h"

namespace sextant {

QString Error::codeName() const
{
    switch (code) {
    case ErrorCode::Io: return QStringLiteral("io");
    case ErrorCode::NotFound: return QStringLiteral("not-found");
    case ErrorCode::Busy: return QStringLiteral("busy");
    case ErrorCode::Corrupt: return QStringLiteral("corrupt");
    case ErrorCode::Unsupported: return QStringLiteral("unsupported");
    case ErrorCode::TooLarge: return QStringLiteral("too-large");
    case ErrorCode::Empty: return QStringLiteral("empty");
    case ErrorCode::Binary: return QStringLiteral("binary");
    case ErrorCode::Invalid: return QStringLiteral("invalid");
    case ErrorCode::Cancelled: return QStringLiteral("cancelled");
    case ErrorCode::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace sextant
