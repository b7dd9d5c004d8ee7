#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace sextant::ui {

/// Downloads a web page for Add from URL: the bytes are saved untouched (the
/// original the library keeps) in a folder of the library, named after the
/// page, for the ingest to read. Only http and https; redirects followed
/// within them; a size limit and a timeout; nothing else is fetched (no
/// images, scripts or styles).
class UrlFetcher final : public QObject {
    Q_OBJECT
public:
    explicit UrlFetcher(QString downloadDir, QObject *parent = nullptr);

    /// Parses what the user typed ("example.org/a" is https://example.org/a); invalid QUrl when unusable.
    static QUrl parse(const QString &typed);
    void fetch(const QUrl &url);
    void cancel();
    [[nodiscard]] bool busy() const { return m_reply != nullptr; }

    qint64 maxBytes = 50LL * 1024 * 1024;
    int timeoutMs = 30000;

Q_SIGNALS:
    void progressed(qint64 received, qint64 total);
    void fetched(const QString &path, const QUrl &url);
    void failed(const QUrl &url, const QString &message);

private:
    void finish();

    QString m_dir;
    QNetworkAccessManager *m_net;
    QNetworkReply *m_reply = nullptr;
    QByteArray m_data;
    bool m_tooLarge = false;
};

} // namespace sextant::ui
