#include "views/CompareView.h"

#include "render/Render.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QVBoxLayout>

namespace sextant::ui {

ChartCanvas::ChartCanvas(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(420, 300);
    setAccessibleName(QStringLiteral("Chart"));
}

void ChartCanvas::setChart(std::optional<report::Chart> chart, QString message)
{
    m_chart = std::move(chart);
    m_message = std::move(message);
    update();
}

void ChartCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    if (m_chart) {
        render::paintChart(p, QRectF(rect()), *m_chart);
        return;
    }
    p.fillRect(rect(), palette().base());
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_message);
}

CompareView::CompareView(std::function<Result<library::Knowledge>()> load, std::function<QString(const QString &, const QString &)> save,
                         std::function<std::vector<std::pair<QString, QString>>()> saved, QWidget *parent)
    : QWidget(parent), m_load(std::move(load)), m_save(std::move(save)), m_saved(std::move(saved))
{
    m_benchmark = new QComboBox(this);
    m_benchmark->setAccessibleName(tr("Benchmark"));
    m_benchmark2 = new QComboBox(this);
    m_benchmark2->setAccessibleName(tr("Second benchmark"));
    m_benchmark2->setToolTip(tr("Bars only: group a second benchmark's scores with the first"));
    m_kind = new QComboBox(this);
    m_kind->addItem(tr("Bars, sorted by score"), QStringLiteral("bars"));
    m_kind->addItem(tr("Score against size or date"), QStringLiteral("scatter"));
    m_kind->addItem(tr("Open versus closed over time"), QStringLiteral("gap"));
    m_kind->setAccessibleName(tr("Chart kind"));
    m_x = new QComboBox(this);
    m_x->addItem(tr("Parameters"), QStringLiteral("params"));
    m_x->addItem(tr("Release date"), QStringLiteral("released"));
    m_x->setAccessibleName(tr("Scatter axis"));
    m_setting = new QComboBox(this);
    m_setting->setAccessibleName(tr("Setting"));
    m_models = new QListWidget(this);
    m_models->setAccessibleName(tr("Models"));
    m_title = new QLineEdit(this);
    m_title->setPlaceholderText(tr("Title (automatic)"));
    m_title->setAccessibleName(tr("Chart title"));
    m_footnote = new QLineEdit(this);
    m_footnote->setPlaceholderText(tr("Footnote (the sources, automatic)"));
    m_footnote->setAccessibleName(tr("Chart footnote"));
    m_definitions = new QComboBox(this);
    m_definitions->setAccessibleName(tr("Saved charts"));
    auto *saveButton = new QPushButton(tr("Save Chart…"), this);
    auto *exportChart = new QPushButton(tr("Export Chart…"), this);
    auto *exportData = new QPushButton(tr("Export Data…"), this);
    auto *suggest = new QPushButton(tr("Suggest Models"), this);
    suggest->setToolTip(tr("Check the models with the best scores on this benchmark"));

    auto *form = new QFormLayout;
    form->addRow(tr("Saved"), m_definitions);
    form->addRow(tr("Benchmark"), m_benchmark);
    form->addRow(tr("And"), m_benchmark2);
    form->addRow(tr("Chart"), m_kind);
    form->addRow(tr("Scatter axis"), m_x);
    form->addRow(tr("Setting"), m_setting);
    form->addRow(tr("Title"), m_title);
    form->addRow(tr("Footnote"), m_footnote);
    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addLayout(form);
    sideLayout->addWidget(new QLabel(tr("Models"), side));
    sideLayout->addWidget(m_models, 1);
    sideLayout->addWidget(suggest);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(saveButton);
    buttons->addWidget(exportChart);
    buttons->addWidget(exportData);
    sideLayout->addLayout(buttons);

    m_canvas = new ChartCanvas(this);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(side);
    split->addWidget(m_canvas);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_benchmark, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_filling)
            fillModels();
    });
    for (QComboBox *c : {m_kind, m_x, m_setting, m_benchmark2})
        connect(c, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_filling)
                redraw();
        });
    connect(m_models, &QListWidget::itemChanged, this, [this] {
        if (!m_filling)
            redraw();
    });
    connect(m_title, &QLineEdit::editingFinished, this, &CompareView::redraw);
    connect(m_footnote, &QLineEdit::editingFinished, this, &CompareView::redraw);
    connect(suggest, &QPushButton::clicked, this, [this] {
        if (!m_knowledge)
            return;
        const QStringList best = report::suggestModels(*m_knowledge, m_benchmark->currentText(), 10);
        m_filling = true;
        for (int i = 0; i < m_models->count(); ++i)
            m_models->item(i)->setCheckState(best.contains(m_models->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
        m_filling = false;
        redraw();
    });
    connect(m_definitions, &QComboBox::activated, this, [this](int index) {
        if (index <= 0)
            return;
        if (auto r = report::ChartRequest::fromJson(m_definitions->itemData(index).toString()))
            applyDefinition(*r);
    });
    connect(saveButton, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save Chart"), tr("Name:"), QLineEdit::Normal, m_benchmark->currentText(), &ok).trimmed();
        if (!ok || name.isEmpty())
            return;
        if (const QString error = m_save(name, request().toJson()); !error.isEmpty())
            QMessageBox::warning(this, tr("Save Chart"), error);
        else
            refresh();
    });
    connect(exportChart, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), QStringLiteral("chart.svg"),
                                                          tr("SVG (*.svg);;PNG (*.png);;PDF (*.pdf)"));
        if (!path.isEmpty())
            if (const QString error = exportTo(path); !error.isEmpty())
                QMessageBox::warning(this, tr("Export Chart"), error);
    });
    connect(exportData, &QPushButton::clicked, this, [this] {
        if (!m_canvas->chart() || !m_knowledge)
            return;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Data"), QStringLiteral("chart.csv"),
                                                          tr("CSV (*.csv);;Markdown (*.md)"));
        if (path.isEmpty())
            return;
        const QString text = path.endsWith(QStringLiteral(".md"), Qt::CaseInsensitive) ? report::chartMarkdown(*m_canvas->chart(), *m_knowledge)
                                                                                       : report::chartCsv(*m_canvas->chart(), *m_knowledge);
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0 || !f.commit())
            QMessageBox::warning(this, tr("Export Data"), tr("Cannot write %1: %2").arg(path, f.errorString()));
    });
}

void CompareView::refresh()
{
    auto k = m_load();
    if (!k) {
        m_knowledge.reset();
        m_canvas->setChart(std::nullopt, k.error().message);
        return;
    }
    m_knowledge = std::move(*k);
    // Benchmarks with scores, the most scored first.
    const auto benches = report::scoredBenchmarks(*m_knowledge);
    const QString current = m_benchmark->currentText();
    m_filling = true;
    m_benchmark->clear();
    m_benchmark2->clear();
    m_benchmark2->addItem(tr("(no second benchmark)"), QString());
    for (const auto &[b, models] : benches) {
        m_benchmark->addItem(tr("%1 (%n model(s))", nullptr, models).arg(b), b);
        m_benchmark2->addItem(b, b);
    }
    m_definitions->clear();
    m_definitions->addItem(tr("(a new chart)"));
    for (const auto &[name, json] : m_saved())
        m_definitions->addItem(name, json);
    m_filling = false;
    const int again = m_benchmark->findData(current);
    m_benchmark->setCurrentIndex(std::max(0, again));
    fillModels();
}

void CompareView::setBenchmark(const QString &name)
{
    const int i = m_benchmark->findData(name);
    if (i >= 0)
        m_benchmark->setCurrentIndex(i);
}

void CompareView::fillModels()
{
    if (!m_knowledge)
        return;
    const QString bench = m_benchmark->currentData().toString();
    m_filling = true;
    m_models->clear();
    m_setting->clear();
    m_setting->addItem(tr("The most common setting"), QString());
    m_setting->addItem(tr("All settings, labelled"), QStringLiteral("*"));
    QStringList settings;
    for (const library::KnownScore &s : m_knowledge->scores)
        if (s.benchmark == bench && !s.setting.isEmpty() && !settings.contains(s.setting))
            settings << s.setting;
    for (const QString &s : settings)
        m_setting->addItem(s, s);
    const QStringList models = report::suggestModels(*m_knowledge, bench, 1000);
    for (const QString &m : models) {
        auto *item = new QListWidgetItem(m, m_models);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(m_models->count() <= 20 ? Qt::Checked : Qt::Unchecked);
    }
    m_filling = false;
    redraw();
}

report::ChartRequest CompareView::request() const
{
    report::ChartRequest r;
    r.kind = report::chartKindFromName(m_kind->currentData().toString()).value_or(report::ChartKind::Bars);
    r.benchmarks = {m_benchmark->currentData().toString()};
    const QString second = m_benchmark2->currentData().toString();
    if (r.kind == report::ChartKind::Bars && !second.isEmpty() && second != r.benchmarks.front())
        r.benchmarks << second;
    for (int i = 0; i < m_models->count(); ++i)
        if (m_models->item(i)->checkState() == Qt::Checked)
            r.models << m_models->item(i)->text();
    if (r.models.size() == m_models->count())
        r.models.clear(); // all: new models join as sources arrive
    r.setting = m_setting->currentData().toString();
    r.xAxis = m_x->currentData().toString();
    r.title = m_title->text().trimmed();
    r.footnote = m_footnote->text().trimmed();
    return r;
}

void CompareView::applyDefinition(const report::ChartRequest &r)
{
    m_filling = true;
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(report::chartKindName(r.kind))));
    m_x->setCurrentIndex(std::max(0, m_x->findData(r.xAxis)));
    m_title->setText(r.title);
    m_footnote->setText(r.footnote);
    m_filling = false;
    setBenchmark(r.benchmarks.value(0));
    m_filling = true;
    m_benchmark2->setCurrentIndex(std::max(0, m_benchmark2->findData(r.benchmarks.value(1))));
    m_setting->setCurrentIndex(std::max(0, m_setting->findData(r.setting)));
    for (int i = 0; i < m_models->count(); ++i)
        m_models->item(i)->setCheckState(r.models.isEmpty() || r.models.contains(m_models->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
    m_filling = false;
    redraw();
}

void CompareView::redraw()
{
    if (!m_knowledge || m_benchmark->count() == 0) {
        m_canvas->setChart(std::nullopt, tr("No benchmark scores yet. Add sources that report scores, and they appear here."));
        return;
    }
    report::ChartRequest r = request();
    if (r.models.isEmpty() && m_models->count() > 0) {
        bool any = false;
        for (int i = 0; i < m_models->count(); ++i)
            any = any || m_models->item(i)->checkState() == Qt::Checked;
        if (!any) {
            m_canvas->setChart(std::nullopt, tr("Check at least one model."));
            return;
        }
    }
    auto chart = report::buildChart(*m_knowledge, r);
    if (!chart)
        m_canvas->setChart(std::nullopt, chart.error().message);
    else
        m_canvas->setChart(std::move(*chart));
}

QString CompareView::exportTo(const QString &path) const
{
    if (!m_canvas->chart())
        return tr("There is no chart to export.");
    return render::exportChart(path, *m_canvas->chart(), 2);
}

} // namespace sextant::ui
