#include "UrlFetcher.h"

#include <QCryptographicHash>
#include <QDir>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSaveFile>

namespace sextant::ui {

UrlFetcher::UrlFetcher(QString downloadDir, QObject *parent)
    : QObject(parent), m_dir(std::move(downloadDir)), m_net(new QNetworkAccessManager(this))
{
    m_net->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

QUrl UrlFetcher::parse(const QString &typed)
{
    QString t = typed.trimmed();
    if (t.isEmpty())
        return {};
    if (!t.contains(QStringLiteral("://")))
        t.prepend(QStringLiteral("https://"));
    const QUrl url(t, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http" && url.scheme() != u"https"))
        return {};
    return url;
}

void UrlFetcher::fetch(const QUrl &url)
{
    if (m_reply)
        return;
    m_data.clear();
    m_tooLarge = false;
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Sextant/" SEXTANT_VERSION " (research library)"));
    req.setRawHeader("Accept", "text/html,application/xhtml+xml,text/markdown,text/plain;q=0.9,*/*;q=0.1");
    req.setTransferTimeout(timeoutMs);
    req.setMaximumRedirectsAllowed(10);
    m_reply = m_net->get(req);
    connect(m_reply, &QNetworkReply::readyRead, this, [this] {
        m_data += m_reply->readAll();
        if (m_data.size() > maxBytes) {
            m_tooLarge = true;
            m_reply->abort();
        }
    });
    connect(m_reply, &QNetworkReply::downloadProgress, this, &UrlFetcher::progressed);
    connect(m_reply, &QNetworkReply::finished, this, &UrlFetcher::finish);
}

void UrlFetcher::cancel()
{
    if (m_reply)
        m_reply->abort();
}

void UrlFetcher::finish()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    const QUrl asked = reply->request().url();
    const QUrl url = reply->url(); // after redirects
    m_data += reply->readAll();
    if (m_tooLarge) {
        Q_EMIT failed(asked, tr("%1: the page is larger than %2 MB").arg(asked.toString()).arg(maxBytes / (1024 * 1024)));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QString why = status >= 400 ? tr("the server answered %1 %2").arg(status).arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString())
                                          : reply->errorString();
        Q_EMIT failed(asked, tr("%1: %2").arg(asked.toString(), why));
        return;
    }
    if (m_data.isEmpty()) {
        Q_EMIT failed(asked, tr("%1: the page is empty").arg(asked.toString()));
        return;
    }
    // A name that says what it is, and a suffix the ingest reads it by.
    const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString().section(u';', 0, 0).trimmed().toLower();
    QString suffix = QStringLiteral("html");
    if (type == u"text/markdown" || url.path().endsWith(u".md"))
        suffix = QStringLiteral("md");
    else if (type == u"text/plain")
        suffix = QStringLiteral("txt");
    else if (type == u"application/pdf")
        suffix = QStringLiteral("pdf");
    QString stem = (url.host() + url.path()).toLower();
    static const QRegularExpression unsafe(QStringLiteral("[^a-z0-9]+"));
    stem.replace(unsafe, QStringLiteral("-"));
    stem = stem.left(80);
    while (stem.endsWith(u'-'))
        stem.chop(1);
    const QString hash = QString::fromLatin1(QCryptographicHash::hash(url.toEncoded(), QCryptographicHash::Sha1).toHex().left(8));
    QDir().mkpath(m_dir);
    const QString path = QDir(m_dir).filePath(QStringLiteral("%1-%2.%3").arg(stem, hash, suffix));
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(m_data) != m_data.size() || !f.commit()) {
        Q_EMIT failed(asked, tr("%1: cannot save the page: %2").arg(path, f.errorString()));
        return;
    }
    Q_EMIT fetched(path, url);
}

} // namespace sextant::ui
