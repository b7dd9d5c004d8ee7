#pragma once

#include <QDialog>

namespace sextant::library {
class Library;
}

namespace sextant::ui {

/// Version, the library's location and size, and the licenses of what
/// Sextant is built on.
class AboutDialog final : public QDialog {
    Q_OBJECT
public:
    AboutDialog(const QString &libraryDir, qint64 libraryBytes, QWidget *parent = nullptr);

    /// The dialog's text as HTML (for tests).
    static QString aboutHtml(const QString &libraryDir, qint64 libraryBytes);
};

} // namespace sextant::ui
