#pragma once

#include <QString>
#include <expected>

namespace sextant {

/// What kind of failure an Error reports. Callers branch on the code; the
/// message is for people and always names the file or library involved.
enum class ErrorCode {
    Io,          ///< a file or folder could not be read or written
    NotFound,    ///< the thing asked for does not exist
    Busy,        ///< another process holds the library's write lock
    Corrupt,     ///< stored data could not be understood
    Unsupported, ///< a format Sextant does not read (yet)
    TooLarge,    ///< over a configured size limit
    Empty,       ///< a file with no content
    Binary,      ///< a file that is not text
    Invalid,     ///< malformed input or arguments
    Cancelled,   ///< the user asked to stop
    Internal,    ///< a bug or an unexpected library failure
};

struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message;

    [[nodiscard]] QString codeName() const;
};

template <typename T>
using Result = std::expected<T, Error>;

/// Shorthand for returning a failure: `return fail(ErrorCode::Io, u"..."_s);`
inline std::unexpected<Error> fail(ErrorCode code, QString message)
{
    return std::unexpected<Error>(Error{code, std::move(message)});
}

} // namespace sextant
