#include "views/TimelineView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QToolTip>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace sextant::ui {

TimelineCanvas::TimelineCanvas(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(480, 260);
    setAccessibleName(tr("Timeline"));
    setAccessibleDescription(tr("Releases and events by organization. Wheel or +/- to zoom, drag or arrows to pan, F to fit."));
}

void TimelineCanvas::setTimeline(report::Timeline timeline, QString footnote)
{
    m_timeline = std::move(timeline);
    m_footnote = std::move(footnote);
    fit();
}

QString TimelineCanvas::title() const
{
    if (!m_timeline.first.isValid())
        return tr("Releases and events");
    const QDate from = m_view.from.isValid() ? m_view.from : m_timeline.first;
    const QDate to = m_view.to.isValid() ? m_view.to : m_timeline.last;
    return tr("Releases and events, %1 to %2").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
}

void TimelineCanvas::fit()
{
    m_view.from = {};
    m_view.to = {};
    if (m_timeline.first.isValid()) {
        const qint64 pad = std::max<qint64>(15, m_timeline.first.daysTo(m_timeline.last) / 20);
        m_view.from = m_timeline.first.addDays(-pad);
        m_view.to = m_timeline.last.addDays(pad);
    }
    update();
}

void TimelineCanvas::zoom(double factor, double at)
{
    if (!m_view.from.isValid())
        return;
    const double days = double(m_view.from.daysTo(m_view.to));
    // From decades to days: at least one week, at most two centuries in view.
    const double next = std::clamp(days * factor, 7.0, 365.0 * 200);
    const QDate pivot = m_view.from.addDays(qint64(days * at));
    m_view.from = pivot.addDays(-qint64(next * at));
    m_view.to = m_view.from.addDays(qint64(next));
    update();
}

void TimelineCanvas::pan(double fraction)
{
    if (!m_view.from.isValid())
        return;
    const qint64 shift = qint64(double(m_view.from.daysTo(m_view.to)) * fraction);
    m_view.from = m_view.from.addDays(shift);
    m_view.to = m_view.to.addDays(shift);
    update();
}

void TimelineCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    m_hits = render::paintTimeline(p, QRectF(rect()), m_timeline, m_view, title(), m_footnote);
}

void TimelineCanvas::wheelEvent(QWheelEvent *e)
{
    const double steps = e->angleDelta().y() / 120.0;
    if (steps != 0)
        zoom(std::pow(0.8, steps), std::clamp(e->position().x() / std::max(1, width()), 0.0, 1.0));
    e->accept();
}

void TimelineCanvas::mousePressEvent(QMouseEvent *e)
{
    if (e->button() == Qt::LeftButton) {
        m_dragFrom = e->position();
        m_dragViewFrom = m_view.from;
        m_dragViewTo = m_view.to;
        m_dragged = false;
    }
}

void TimelineCanvas::mouseMoveEvent(QMouseEvent *e)
{
    if (!m_dragFrom || !m_dragViewFrom.isValid())
        return;
    const double dx = e->position().x() - m_dragFrom->x();
    if (std::abs(dx) < 3 && !m_dragged)
        return;
    m_dragged = true;
    const double days = double(m_dragViewFrom.daysTo(m_dragViewTo));
    const qint64 shift = -qint64(dx / std::max(1, width()) * days);
    m_view.from = m_dragViewFrom.addDays(shift);
    m_view.to = m_dragViewTo.addDays(shift);
    update();
}

void TimelineCanvas::mouseReleaseEvent(QMouseEvent *e)
{
    if (m_dragFrom && !m_dragged)
        if (const render::TimelineHit *hit = hitAt(e->position()))
            Q_EMIT itemsActivated(hit->items);
    m_dragFrom.reset();
}

void TimelineCanvas::keyPressEvent(QKeyEvent *e)
{
    switch (e->key()) {
    case Qt::Key_Plus: case Qt::Key_Equal: zoom(0.7); break;
    case Qt::Key_Minus: zoom(1 / 0.7); break;
    case Qt::Key_Left: pan(-0.1); break;
    case Qt::Key_Right: pan(0.1); break;
    case Qt::Key_F: fit(); break;
    default: QWidget::keyPressEvent(e); return;
    }
    e->accept();
}

const render::TimelineHit *TimelineCanvas::hitAt(QPointF at) const
{
    for (const render::TimelineHit &h : m_hits)
        if (h.box.adjusted(-3, -3, 3, 3).contains(at))
            return &h;
    return nullptr;
}

bool TimelineCanvas::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(e);
        if (const render::TimelineHit *hit = hitAt(help->pos())) {
            QStringList lines;
            for (size_t i = 0; i < hit->items.size() && i < 8; ++i) {
                const report::TimelineItem &it = m_timeline.items[size_t(hit->items[i])];
                lines << QStringLiteral("%1  %2%3").arg(it.date.toIso(), it.title,
                                                        it.kind == u"release" ? QStringLiteral(" (%1)").arg(it.openness) : QString());
            }
            if (hit->items.size() > 8)
                lines << tr("… and %1 more; click to list them").arg(hit->items.size() - 8);
            QToolTip::showText(help->globalPos(), lines.join(u'\n'), this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(e);
}

// --- the view -------------------------------------------------------------------

TimelineView::TimelineView(std::function<Result<library::Knowledge>()> load, QWidget *parent)
    : QWidget(parent), m_load(std::move(load))
{
    m_lanes = new QComboBox(this);
    m_lanes->addItem(tr("Lanes by organization"), QStringLiteral("org"));
    m_lanes->addItem(tr("Lanes by openness"), QStringLiteral("openness"));
    m_lanes->setAccessibleName(tr("Lanes"));
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("All events"), QString());
    for (const auto &[kind, label] : {std::pair{"release", "Releases"}, {"announcement", "Announcements"}, {"investment", "Investments"},
                                      {"acquisition", "Acquisitions"}, {"partnership", "Partnerships"},
                                      {"license_change", "License changes"}, {"report", "Reports"}, {"organization", "Organization changes"}})
        m_kind->addItem(tr(label), QString::fromLatin1(kind));
    m_kind->setAccessibleName(tr("Kind of event"));
    m_openness = new QComboBox(this);
    m_openness->addItem(tr("Open and closed"), QString());
    m_openness->addItem(tr("Open only"), QStringLiteral("open"));
    m_openness->addItem(tr("Closed only"), QStringLiteral("closed"));
    m_openness->addItem(tr("Openness unknown"), QStringLiteral("unknown"));
    m_openness->setAccessibleName(tr("Openness"));
    m_org = new QComboBox(this);
    m_org->setAccessibleName(tr("Organization"));
    m_org->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_org->setMinimumContentsLength(18);
    m_wholePack = new QCheckBox(tr("Every release in the knowledge pack"), this);
    // A date range: years, "any" at either end.
    for (QSpinBox **box : {&m_fromYear, &m_toYear}) {
        *box = new QSpinBox(this);
        (*box)->setRange(1949, 2100);
        (*box)->setSpecialValueText(tr("any"));
        (*box)->setValue(1949);
    }
    m_fromYear->setPrefix(tr("from "));
    m_toYear->setPrefix(tr("to "));
    m_fromYear->setAccessibleName(tr("From year"));
    m_toYear->setAccessibleName(tr("To year"));
    auto *fit = new QPushButton(tr("Fit"), this);
    fit->setToolTip(tr("Show all events (F)"));
    auto *exportButton = new QPushButton(tr("Export…"), this);
    exportButton->setToolTip(tr("Save the timeline as SVG, PNG or PDF"));

    auto *bar = new QHBoxLayout;
    for (QWidget *w : std::initializer_list<QWidget *>{m_lanes, m_kind, m_openness, m_org, m_fromYear, m_toYear, m_wholePack})
        bar->addWidget(w);
    bar->addStretch(1);
    bar->addWidget(fit);
    bar->addWidget(exportButton);

    m_canvas = new TimelineCanvas(this);
    m_details = new QTextBrowser(this);
    m_details->setOpenLinks(false);
    m_details->setAccessibleName(tr("Selected events"));
    m_details->setPlaceholderText(tr("Click an event to see its sources and quotes."));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_canvas);
    split->addWidget(m_details);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    for (QComboBox *c : {m_lanes, m_kind, m_openness, m_org})
        connect(c, &QComboBox::currentIndexChanged, this, &TimelineView::rebuild);
    connect(m_wholePack, &QCheckBox::toggled, this, &TimelineView::rebuild);
    connect(m_fromYear, &QSpinBox::valueChanged, this, &TimelineView::rebuild);
    connect(m_toYear, &QSpinBox::valueChanged, this, &TimelineView::rebuild);
    connect(fit, &QPushButton::clicked, m_canvas, &TimelineCanvas::fit);
    connect(m_canvas, &TimelineCanvas::itemsActivated, this, &TimelineView::showItems);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Timeline"), QStringLiteral("timeline.svg"),
                                                          tr("SVG (*.svg);;PNG (*.png);;PDF (*.pdf)"));
        if (path.isEmpty())
            return;
        if (const QString error = exportTo(path); !error.isEmpty())
            QMessageBox::warning(this, tr("Export Timeline"), error);
    });
    connect(m_details, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        // sextant:source/ID/START/LENGTH
        const QStringList parts = url.path().split(u'/');
        if (url.scheme() == u"sextant" && parts.size() == 4)
            Q_EMIT openSourceRequested(parts[1].toLongLong(), parts[2].toLongLong(), parts[3].toLongLong());
    });
}

void TimelineView::refresh()
{
    auto k = m_load();
    if (!k) {
        m_knowledge.reset();
        m_details->setPlainText(k.error().message);
        return;
    }
    m_knowledge = std::move(*k);
    // Organizations with events, for the filter.
    const QString current = m_org->currentData().toString();
    const report::Timeline all = report::buildTimeline(*m_knowledge, {});
    QSignalBlocker block(m_org);
    m_org->clear();
    m_org->addItem(tr("All organizations"), QString());
    for (const QString &lane : all.lanes)
        m_org->addItem(lane, lane);
    m_org->setCurrentIndex(std::max(0, m_org->findData(current)));
    rebuild();
}

void TimelineView::rebuild()
{
    if (!m_knowledge)
        return;
    report::TimelineRequest r;
    r.lanesByOpenness = m_lanes->currentData().toString() == u"openness";
    if (const QString k = m_kind->currentData().toString(); !k.isEmpty())
        r.kinds = {k};
    if (const QString o = m_openness->currentData().toString(); !o.isEmpty())
        r.openness = {o};
    if (const QString o = m_org->currentData().toString(); !o.isEmpty())
        r.organizations = {o};
    r.wholePack = m_wholePack->isChecked();
    if (m_fromYear->value() > m_fromYear->minimum())
        r.from = QDate(m_fromYear->value(), 1, 1);
    if (m_toYear->value() > m_toYear->minimum())
        r.to = QDate(m_toYear->value(), 12, 31);
    report::Timeline t = report::buildTimeline(*m_knowledge, r);
    const QString footnote = report::timelineFootnote(*m_knowledge, t);
    m_canvas->setTimeline(std::move(t), footnote);
    m_details->clear();
}

void TimelineView::showItems(const std::vector<int> &items)
{
    if (!m_knowledge)
        return;
    QString html;
    for (int i : items) {
        const report::TimelineItem &it = m_canvas->timeline().items[size_t(i)];
        html += QStringLiteral("<p><b>%1</b> — %2 <span style='color:gray'>(%3%4, %5)</span><br>")
                    .arg(it.date.toIso().toHtmlEscaped(), it.title.toHtmlEscaped(), it.kind.toHtmlEscaped(),
                         it.openness.isEmpty() ? QString() : QStringLiteral(", ") + it.openness.toHtmlEscaped(),
                         it.organization.toHtmlEscaped());
        for (const library::Provenance &p : it.sources) {
            if (p.source <= 0) {
                html += tr("Source: %1").arg(p.reference.toHtmlEscaped()) + QStringLiteral("<br>");
                continue;
            }
            html += QStringLiteral("<a href='sextant:source/%1/%2/%3'>%4</a>: “%5”<br>")
                        .arg(p.source)
                        .arg(p.start)
                        .arg(p.length)
                        .arg(report::citeSources(*m_knowledge, {p.source}).toHtmlEscaped(), p.quote.left(400).toHtmlEscaped());
        }
        html += QStringLiteral("</p>");
    }
    m_details->setHtml(html);
}

QString TimelineView::exportTo(const QString &path) const
{
    return render::exportTimeline(path, m_canvas->timeline(), m_canvas->view(), m_canvas->title(), m_canvas->footnote(), 2);
}

} // namespace sextant::ui
