#include "sweepdialog.h"

#include "model/io/atomicfile.h"

#include "sweepresultmodel.h"

#include "model/io/evaluationjson.h"

#include <QtCharts/QChart>
#include <QtCharts/QChartView>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace iovplan::ui {

namespace {

// How often the progress bar reads the sweep's progress: smooth to the eye, negligible work.
constexpr int progressPollMs = 50;

// Where the controls start for each parameter: around the scenario's own value.
struct DefaultRange
{
    double from = 0.0;
    double to = 0.0;
    int steps = 1;
};

DefaultRange defaultRange(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                          const iov::SweepParameter &parameter)
{
    switch (parameter.kind) {
    case iov::SweepKind::VmsPerServer: {
        const int now = std::max(1, static_cast<int>(std::lround(io::vmsPerServer(scenario))));
        const int to = std::max(2, 2 * now);
        return { 1.0, static_cast<double>(to), std::min(to, 40) };
    }
    case iov::SweepKind::LoadScale:
        return { 0.25, 2.0, 8 };
    case iov::SweepKind::Gateways: {
        const int now = std::max(1, static_cast<int>(scenario.design.gateways.size()));
        return { 1.0, static_cast<double>(now), now };
    }
    case iov::SweepKind::Hcas:
        return { 1.0, 2.0, 2 };
    case iov::SweepKind::Price: {
        const auto item = catalog.find(parameter.itemId);
        const double price = item != catalog.end() ? item->second.priceUsd : 0.0;
        return { std::round(price * 50.0) / 100.0, std::round(price * 150.0) / 100.0, 5 };
    }
    }
    return {};
}

QString fieldLabel(const QString &field)
{
    if (field == u"--from")
        return SweepDialog::tr("From");
    if (field == u"--to")
        return SweepDialog::tr("To");
    if (field == u"--steps")
        return SweepDialog::tr("Steps");
    return SweepDialog::tr("Parameter");
}

} // namespace

SweepDialog::SweepDialog(const design::Scenario &scenario, const design::PinnedCatalog &catalog, QWidget *parent)
    : QDialog(parent)
    , m_scenario(scenario)
    , m_catalog(catalog)
    , m_model(new SweepResultModel(this))
    , m_poll(new QTimer(this))
{
    setWindowTitle(tr("What-If Sweep — %1").arg(scenario.name));
    buildUi();
    m_poll->setInterval(progressPollMs);
    connect(m_poll, &QTimer::timeout, this, &SweepDialog::updateProgress);
    connect(&m_watcher, &QFutureWatcher<iov::SweepResult>::finished, this, &SweepDialog::onFinished);
    onParameterChanged();
    updateControls();
}

SweepDialog::~SweepDialog()
{
    if (m_watcher.isRunning()) {
        if (m_progress)
            m_progress->cancel();
        m_watcher.waitForFinished(); // the sweep stops at its next step; it holds copies, never this
    }
}

void SweepDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);

    auto *request = new QGroupBox(tr("Sweep"), this);
    auto *form = new QFormLayout(request);
    auto *parameterRow = new QHBoxLayout;
    m_parameter = new QComboBox(request);
    m_parameter->addItem(tr("VMs per server"), QStringLiteral("vms_per_server"));
    m_parameter->addItem(tr("Load scale"), QStringLiteral("load_scale"));
    m_parameter->addItem(tr("Gateways per side"), QStringLiteral("gateways"));
    m_parameter->addItem(tr("HCAs per server"), QStringLiteral("hcas"));
    m_parameter->addItem(tr("Price of an item"), QStringLiteral("price:"));
    m_item = new QComboBox(request);
    for (const auto &[id, item] : m_catalog)
        m_item->addItem(QStringLiteral("%1 %2 (%3)").arg(item.vendor, item.model, id).trimmed(), id);
    m_item->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    parameterRow->addWidget(m_parameter);
    parameterRow->addWidget(m_item, 1);
    auto *parameterLabel = new QLabel(tr("&Parameter:"), request);
    parameterLabel->setBuddy(m_parameter);
    form->addRow(parameterLabel, parameterRow);

    auto *rangeRow = new QHBoxLayout;
    m_from = new QDoubleSpinBox(request);
    m_to = new QDoubleSpinBox(request);
    for (QDoubleSpinBox *box : { m_from, m_to }) {
        box->setRange(0.0, 1e12);
        box->setGroupSeparatorShown(true);
        box->setMinimumWidth(120);
    }
    m_steps = new QSpinBox(request);
    m_steps->setRange(1, 100'000);
    rangeRow->addWidget(new QLabel(tr("&From"), request));
    rangeRow->addWidget(m_from);
    rangeRow->addWidget(new QLabel(tr("&to"), request));
    rangeRow->addWidget(m_to);
    rangeRow->addWidget(new QLabel(tr("in"), request));
    rangeRow->addWidget(m_steps);
    rangeRow->addWidget(new QLabel(tr("steps"), request));
    rangeRow->addStretch(1);
    const auto labels = request->findChildren<QLabel *>();
    for (QLabel *label : labels) {
        if (label->text() == tr("&From"))
            label->setBuddy(m_from);
        else if (label->text() == tr("&to"))
            label->setBuddy(m_to);
    }
    form->addRow(tr("Range:"), rangeRow);
    m_capacity = new QCheckBox(tr("Search the &capacity (max VMs per server within the SLA) at each step"), request);
    form->addRow(QString(), m_capacity);
    layout->addWidget(request);

    auto *runRow = new QHBoxLayout;
    m_run = new QPushButton(tr("&Run"), this);
    m_run->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_progressBar = new QProgressBar(this);
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(0);
    m_progressBar->setFormat(tr("%v of %m steps"));
    runRow->addWidget(m_run);
    runRow->addWidget(m_cancel);
    runRow->addWidget(m_progressBar, 1);
    layout->addLayout(runRow);
    m_status = new QLabel(tr("Choose a parameter and a range, then Run."), this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_table = new QTableView(splitter);
    m_table->setModel(m_model);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);

    auto *chartPane = new QWidget(splitter);
    auto *chartLayout = new QVBoxLayout(chartPane);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    auto *chartRow = new QHBoxLayout;
    m_chartColumn = new QComboBox(chartPane);
    m_chartColumn->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_chartColumn->setMinimumContentsLength(24);
    auto *chartLabel = new QLabel(tr("C&hart:"), chartPane);
    chartLabel->setBuddy(m_chartColumn);
    chartRow->addWidget(chartLabel);
    chartRow->addWidget(m_chartColumn);
    chartRow->addStretch(1);
    chartLayout->addLayout(chartRow);
    auto *chart = new QChart;
    // Follow the system's light or dark palette: the default chart theme is white whatever the palette.
    if (palette().color(QPalette::Window).lightness() < 128)
        chart->setTheme(QChart::ChartThemeDark);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    m_chartView = new QChartView(chart, chartPane);
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(220);
    chartLayout->addWidget(m_chartView, 1);
    splitter->addWidget(m_table);
    splitter->addWidget(chartPane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    auto *bottomRow = new QHBoxLayout;
    m_export = new QPushButton(tr("&Export CSV…"), this);
    auto *close = new QPushButton(tr("Close"), this);
    bottomRow->addWidget(m_export);
    bottomRow->addStretch(1);
    bottomRow->addWidget(close);
    layout->addLayout(bottomRow);

    connect(m_parameter, &QComboBox::currentIndexChanged, this, &SweepDialog::onParameterChanged);
    connect(m_item, &QComboBox::currentIndexChanged, this, &SweepDialog::onParameterChanged);
    connect(m_run, &QPushButton::clicked, this, &SweepDialog::run);
    connect(m_cancel, &QPushButton::clicked, this, &SweepDialog::cancel);
    connect(m_export, &QPushButton::clicked, this, &SweepDialog::chooseExportFile);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_chartColumn, &QComboBox::currentIndexChanged, this, &SweepDialog::updateChart);
    resize(980, 720);
}

iov::SweepParameter SweepDialog::parameter() const
{
    const QString name = m_parameter->currentData().toString();
    if (name == u"price:")
        return { iov::SweepKind::Price, m_item->currentData().toString() };
    return iov::sweepParameterFromName(name).value_or(iov::SweepParameter {});
}

void SweepDialog::setParameter(const iov::SweepParameter &parameter)
{
    const QString key = parameter.kind == iov::SweepKind::Price ? QStringLiteral("price:") : parameter.name();
    m_parameter->setCurrentIndex(std::max(0, m_parameter->findData(key)));
    if (parameter.kind == iov::SweepKind::Price)
        m_item->setCurrentIndex(std::max(0, m_item->findData(parameter.itemId)));
    onParameterChanged();
}

void SweepDialog::setRange(double from, double to, int steps)
{
    m_from->setValue(from);
    m_to->setValue(to);
    m_steps->setValue(steps);
}

void SweepDialog::setCapacitySearch(bool on)
{
    m_capacity->setChecked(on);
}

void SweepDialog::onParameterChanged()
{
    const iov::SweepParameter p = parameter();
    const bool price = p.kind == iov::SweepKind::Price;
    m_item->setVisible(price);
    const int decimals = p.integral() ? 0 : 2;
    m_from->setDecimals(decimals);
    m_to->setDecimals(decimals);
    const QString suffix = price ? QStringLiteral(" USD") : QString();
    m_from->setSuffix(suffix);
    m_to->setSuffix(suffix);
    const DefaultRange range = defaultRange(m_scenario, m_catalog, p);
    setRange(range.from, range.to, range.steps);
    // The VM count is what the capacity search varies: searching it at each VM count means nothing.
    m_capacity->setEnabled(p.kind != iov::SweepKind::VmsPerServer && !isRunning());
}

bool SweepDialog::isRunning() const
{
    return m_running;
}

int SweepDialog::stepsDone() const
{
    return m_progress ? m_progress->done() : 0;
}

const iov::SweepResult &SweepDialog::result() const
{
    return m_model->result();
}

QString SweepDialog::statusText() const
{
    return m_status->text();
}

void SweepDialog::run()
{
    if (isRunning())
        return;
    const iov::SweepParameter p = parameter();
    const double from = m_from->value();
    const double to = m_to->value();
    const int steps = m_steps->value();
    iov::SweepOptions options;
    options.capacitySearch = m_capacity->isChecked() && m_capacity->isEnabled();
    m_progress.emplace();
    options.progress = m_progress->callback();
    m_requestedSteps = steps;
    m_progressBar->setRange(0, steps);
    m_progressBar->setValue(0);
    m_status->setText(tr("Sweeping %1 from %2 to %3 in %4 steps…").arg(p.name()).arg(from).arg(to).arg(steps));
    // The lambda owns copies of everything it reads: the dialog may be closed while it runs.
    m_watcher.setFuture(QtConcurrent::run([scenario = m_scenario, catalog = m_catalog, p, from, to, steps, options] {
        return iov::sweep(scenario, catalog, p, from, to, steps, options);
    }));
    m_running = true;
    m_poll->start();
    updateControls();
}

void SweepDialog::cancel()
{
    if (m_progress && isRunning()) {
        m_progress->cancel();
        m_status->setText(tr("Cancelling…"));
        m_cancel->setEnabled(false);
    }
}

void SweepDialog::updateProgress()
{
    if (!m_progress)
        return;
    m_progressBar->setValue(std::min(m_progress->done(), m_progressBar->maximum()));
}

void SweepDialog::onFinished()
{
    m_poll->stop();
    m_running = false;
    const iov::SweepResult result = m_watcher.result();
    updateProgress();
    if (!result.error.isEmpty()) {
        m_status->setText(tr("%1: %2").arg(fieldLabel(result.errorField), result.error));
    } else {
        const int rows = static_cast<int>(result.rows.size());
        if (result.cancelled)
            m_status->setText(tr("Cancelled after %1 of %2 steps.").arg(rows).arg(m_requestedSteps));
        else
            m_status->setText(rows == 1 ? tr("1 step computed.") : tr("%1 steps computed.").arg(rows));
        const int chosen = m_chartColumn->currentIndex();
        m_model->setResult(result);
        const QSignalBlocker block(m_chartColumn);
        m_chartColumn->clear();
        for (int c = 1; c < m_model->columnCount(); ++c)
            m_chartColumn->addItem(m_model->headerData(c, Qt::Horizontal).toString(), c);
        m_chartColumn->setCurrentIndex(chosen >= 0 && chosen < m_chartColumn->count() ? chosen : 0);
    }
    updateChart();
    updateControls();
    Q_EMIT sweepFinished();
}

void SweepDialog::setChartColumn(int column)
{
    m_chartColumn->setCurrentIndex(std::max(0, m_chartColumn->findData(column)));
    updateChart();
}

void SweepDialog::updateChart()
{
    QChart *chart = m_chartView->chart();
    chart->removeAllSeries();
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
    const int column = m_chartColumn->currentData().toInt();
    if (column <= 0 || m_model->rowCount() == 0) {
        chart->setTitle(QString());
        return;
    }
    auto *series = new QLineSeries;
    double low = 0.0;
    double high = 0.0;
    bool first = true;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const std::optional<double> y = m_model->displayValue(r, column);
        if (!y)
            continue; // a saturated step has no latency: a gap, not a zero
        series->append(*m_model->displayValue(r, 0), *y);
        low = first ? *y : std::min(low, *y);
        high = first ? *y : std::max(high, *y);
        first = false;
    }
    series->setPointsVisible(m_model->rowCount() <= 50);
    chart->addSeries(series);
    const QString yTitle = m_model->headerData(column, Qt::Horizontal).toString();
    chart->setTitle(tr("%1 against %2").arg(yTitle, m_model->headerData(0, Qt::Horizontal).toString()));
    auto *x = new QValueAxis;
    x->setTitleText(m_model->headerData(0, Qt::Horizontal).toString());
    const double xa = *m_model->displayValue(0, 0);
    const double xb = *m_model->displayValue(m_model->rowCount() - 1, 0);
    x->setRange(std::min(xa, xb), std::max(xa, xb) > std::min(xa, xb) ? std::max(xa, xb) : std::min(xa, xb) + 1.0);
    x->setLabelFormat(QStringLiteral("%.4g"));
    x->applyNiceNumbers(); // 0, 10, 20 … rather than 1, 10.75, 20.5 …
    auto *y = new QValueAxis;
    y->setTitleText(yTitle);
    if (first) {
        y->setRange(0.0, 1.0);
    } else {
        const double span = high > low ? high - low : std::max(1.0, std::abs(high));
        y->setRange(std::min(0.0, low), high + 0.05 * span);
    }
    y->setLabelFormat(QStringLiteral("%.4g"));
    y->applyNiceNumbers();
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
}

void SweepDialog::updateControls()
{
    const bool running = isRunning();
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running && !(m_progress && m_progress->cancelRequested()));
    m_parameter->setEnabled(!running);
    m_item->setEnabled(!running);
    m_from->setEnabled(!running);
    m_to->setEnabled(!running);
    m_steps->setEnabled(!running);
    m_capacity->setEnabled(!running && parameter().kind != iov::SweepKind::VmsPerServer);
    m_export->setEnabled(!running && m_model->rowCount() > 0);
    m_chartColumn->setEnabled(m_model->rowCount() > 0);
}

QString SweepDialog::exportCsv(const QString &path) const
{
    return io::writeFileAtomically(path, m_model->toCsv().toUtf8());
}

void SweepDialog::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Sweep"),
                                                      QStringLiteral("%1-%2.csv").arg(m_scenario.name, parameter().name()).replace(QLatin1Char(':'), QLatin1Char('-')),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const QString error = exportCsv(path);
    m_status->setText(error.isEmpty() ? tr("Exported to %1.").arg(QDir::toNativeSeparators(path)) : error);
}

} // namespace iovplan::ui
