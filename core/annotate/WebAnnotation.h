#pragma once

#include "annotate/Annotation.h"
#include "common/Error.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <functional>
#include <vector>

namespace sextant::annotate {

/// What an export says about the source an annotation belongs to.
struct SourceRef {
    qint64 id = 0;
    QString title, publisher, published, url, path;

    /// The IRI a Web Annotation's target names: the page's URL, else the original file's file: URL.
    [[nodiscard]] QString iri() const;
};

/// Annotations as a W3C Web Annotation AnnotationCollection (JSON-LD). Each
/// annotation's target holds a TextQuoteSelector and a TextPositionSelector
/// (positions count characters of the text Sextant extracted), its color as
/// target.styleClass with a CssStylesheet, its note as a commenting
/// TextualBody and each tag as a tagging one.
QByteArray toWebAnnotationJson(const std::vector<Annotation> &annotations,
                               const std::function<SourceRef(qint64)> &sourceOf);

/// An annotation read from JSON-LD, not yet tied to a library's source.
struct ImportedAnnotation {
    Annotation annotation; ///< sourceId 0; start/length from a position selector when there is one
    QString sourceIri;
};

struct ImportResult {
    std::vector<ImportedAnnotation> annotations;
    QStringList problems; ///< items that were skipped, each with why
};

/// Reads one annotation, an array of them, an AnnotationPage or an
/// AnnotationCollection. Errors only when the whole input is unreadable.
Result<ImportResult> fromWebAnnotationJson(const QByteArray &json, const QString &fileName);

/// Annotations as Markdown grouped by source, each quote cited with the
/// source's title, publisher and date, its note and tags.
QString toMarkdown(const std::vector<Annotation> &annotations, const std::function<SourceRef(qint64)> &sourceOf,
                   const QString &title);

} // namespace sextant::annotate
