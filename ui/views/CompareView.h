#pragma once

#include "library/Knowledge.h"
#include "report/Charts.h"

#include <QWidget>
#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace sextant::ui {

class ChartCanvas final : public QWidget {
    Q_OBJECT
public:
    explicit ChartCanvas(QWidget *parent = nullptr);
    void setChart(std::optional<report::Chart> chart, QString message = {});
    [[nodiscard]] const std::optional<report::Chart> &chart() const { return m_chart; }

protected:
    void paintEvent(QPaintEvent *) override;

private:
    std::optional<report::Chart> m_chart;
    QString m_message;
};

/// Benchmark comparison: choose benchmark, models (suggested from the scores),
/// chart kind and setting; edit title and footnote; save the definition in the
/// library; export the chart (SVG, PNG, PDF) and its data (CSV, Markdown).
class CompareView final : public QWidget {
    Q_OBJECT
public:
    /// load: the library's knowledge; save: stores a definition (name, JSON) and returns an error or empty;
    /// saved: the saved definitions.
    CompareView(std::function<Result<library::Knowledge>()> load,
                std::function<QString(const QString &, const QString &)> save,
                std::function<std::vector<std::pair<QString, QString>>()> saved, QWidget *parent = nullptr);
    void refresh();
    void setBenchmark(const QString &name);
    [[nodiscard]] report::ChartRequest request() const;
    ChartCanvas *canvas() const { return m_canvas; }
    QString exportTo(const QString &path) const;

private:
    void fillModels();
    void redraw();
    void applyDefinition(const report::ChartRequest &r);

    std::function<Result<library::Knowledge>()> m_load;
    std::function<QString(const QString &, const QString &)> m_save;
    std::function<std::vector<std::pair<QString, QString>>()> m_saved;
    std::optional<library::Knowledge> m_knowledge;
    QComboBox *m_benchmark = nullptr, *m_benchmark2 = nullptr, *m_kind = nullptr, *m_x = nullptr, *m_setting = nullptr, *m_definitions = nullptr;
    QListWidget *m_models = nullptr;
    QLineEdit *m_title = nullptr, *m_footnote = nullptr;
    ChartCanvas *m_canvas = nullptr;
    bool m_filling = false;
};

} // namespace sextant::ui
