#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace sextant::test {

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs the real sextant binary with a fixed clock, no terminal, and the
/// given library.
inline CliResult runCli(const QString &library, const QStringList &args, int timeoutMs = 120000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SEXTANT_FIXED_TIME"), QStringLiteral("2026-01-01T00:00:00Z"));
    env.remove(QStringLiteral("SEXTANT_LIBRARY"));
    p.setProcessEnvironment(env);
    QStringList all{QStringLiteral("--library"), library};
    all += args;
    p.start(QStringLiteral(SEXTANT_BINARY), all);
    p.waitForFinished(timeoutMs);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

} // namespace sextant::test
