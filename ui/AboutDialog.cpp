#include "AboutDialog.h"

#include "index/SearchIndex.h"
#include "ingest/MarkdownReader.h"
#include "store/Store.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace sextant::ui {

QString AboutDialog::aboutHtml(const QString &libraryDir, qint64 libraryBytes)
{
    const QString size = QLocale().formattedDataSize(libraryBytes);
    QString html = QStringLiteral("<h2>Sextant %1</h2>"
                                  "<p>A research knowledge base for people who follow the AI industry.</p>"
                                  "<p><b>Library:</b> %2<br><b>Size on disk:</b> %3</p>"
                                  "<p>Sextant is free software under the GNU General Public License, version 3 or later.</p>"
                                  "<p><b>Built on</b></p><table cellpadding='2'>")
                       .arg(QStringLiteral(SEXTANT_VERSION), libraryDir.toHtmlEscaped(), size);
    const struct {
        QString name;
        QString version;
        QString license;
    } parts[] = {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion()), QStringLiteral("LGPL-3.0")},
        {QStringLiteral("SQLite"), store::Store::libraryVersion(), QStringLiteral("public domain")},
        {QStringLiteral("Xapian"), index::SearchIndex::libraryVersion(), QStringLiteral("GPL-2.0-or-later")},
        {QStringLiteral("cmark"), ingest::markdownLibraryVersion(), QStringLiteral("BSD-2-Clause")},
        {QStringLiteral("Gumbo"), QStringLiteral(SEXTANT_GUMBO_VERSION), QStringLiteral("Apache-2.0")},
    };
    for (const auto &p : parts)
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>").arg(p.name, p.version, p.license);
    return html + QStringLiteral("</table>");
}

AboutDialog::AboutDialog(const QString &libraryDir, qint64 libraryBytes, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("About Sextant"));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(aboutHtml(libraryDir, libraryBytes), this);
    text->setTextFormat(Qt::RichText);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace sextant::ui
