#include "capacitysearchdialog.h"

#include "reports/figureformat.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace iovplan::ui {

namespace {

constexpr int progressPollMs = 50; // as the sweep dialog

QString slaText(const design::Sla &sla)
{
    QString text = CapacitySearchDialog::tr("p99 latency of LAN, SAN and IPC at most %1 µs")
                       .arg(reports::formatNumber(sla.latencyS * 1e6, 1));
    if (sla.throughputBytesPerS > 0.0) {
        text += CapacitySearchDialog::tr(", each VM offered at least %1 MB/s")
                    .arg(reports::formatNumber(sla.throughputBytesPerS / 1e6, 1));
    }
    return text + CapacitySearchDialog::tr(", nothing saturated");
}

} // namespace

CapacitySearchDialog::CapacitySearchDialog(const design::Scenario &scenario, const design::PinnedCatalog &catalog,
                                           QWidget *parent)
    : QDialog(parent)
    , m_scenario(scenario)
    , m_catalog(catalog)
    , m_poll(new QTimer(this))
{
    setWindowTitle(tr("Capacity Search — %1").arg(scenario.name));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    auto *sla = new QLabel(slaText(scenario.workload.sla), this);
    sla->setWordWrap(true);
    form->addRow(tr("SLA:"), sla);
    m_limit = new QSpinBox(this);
    m_limit->setRange(1, 1'000'000);
    m_limit->setValue(iov::PerformanceOptions {}.maxVmsSearched);
    m_limit->setGroupSeparatorShown(true);
    form->addRow(tr("Search up to (VMs per server):"), m_limit);
    layout->addLayout(form);

    auto *runRow = new QHBoxLayout;
    m_run = new QPushButton(tr("&Search"), this);
    m_run->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_progressBar = new QProgressBar(this);
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(0);
    m_progressBar->setFormat(tr("%v of at most %m evaluations"));
    runRow->addWidget(m_run);
    runRow->addWidget(m_cancel);
    runRow->addWidget(m_progressBar, 1);
    layout->addLayout(runRow);

    m_answer = new QLabel(tr("Search for the most VMs per server that meet the SLA."), this);
    m_answer->setWordWrap(true);
    m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_answer->font();
    if (big.pointSizeF() > 0.0)
        big.setPointSizeF(big.pointSizeF() * 1.2);
    m_answer->setFont(big);
    layout->addWidget(m_answer);
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);

    connect(m_run, &QPushButton::clicked, this, &CapacitySearchDialog::run);
    connect(m_cancel, &QPushButton::clicked, this, &CapacitySearchDialog::cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_poll->setInterval(progressPollMs);
    connect(m_poll, &QTimer::timeout, this, &CapacitySearchDialog::updateProgress);
    connect(&m_watcher, &QFutureWatcher<iov::PerformanceMetrics>::finished, this, &CapacitySearchDialog::onFinished);
    updateControls();
    resize(560, 240);
}

CapacitySearchDialog::~CapacitySearchDialog()
{
    if (m_watcher.isRunning()) {
        if (m_progress)
            m_progress->cancel();
        m_watcher.waitForFinished();
    }
}

void CapacitySearchDialog::setLimit(int maxVms)
{
    m_limit->setValue(maxVms);
}

int CapacitySearchDialog::evaluationsDone() const
{
    return m_progress ? m_progress->done() : 0;
}

QString CapacitySearchDialog::answerText() const
{
    return m_answer->text();
}

void CapacitySearchDialog::run()
{
    if (m_running)
        return;
    iov::PerformanceOptions options;
    options.capacitySearch = true;
    options.maxVmsSearched = m_limit->value();
    m_progress.emplace();
    options.capacityProgress = m_progress->callback();
    m_progressBar->setRange(0, 1);
    m_progressBar->setValue(0);
    m_answer->setText(tr("Searching…"));
    m_watcher.setFuture(QtConcurrent::run([scenario = m_scenario, catalog = m_catalog, options] {
        return iov::evaluatePerformance(scenario, catalog, options);
    }));
    m_running = true;
    m_poll->start();
    updateControls();
}

void CapacitySearchDialog::cancel()
{
    if (m_progress && m_running) {
        m_progress->cancel();
        m_answer->setText(tr("Cancelling…"));
        updateControls();
    }
}

void CapacitySearchDialog::updateProgress()
{
    if (!m_progress || m_progress->total() <= 0)
        return;
    m_progressBar->setRange(0, m_progress->total());
    m_progressBar->setValue(std::min(m_progress->done(), m_progress->total()));
}

void CapacitySearchDialog::onFinished()
{
    m_poll->stop();
    m_running = false;
    m_metrics = m_watcher.result();
    updateProgress();
    const iov::PerformanceMetrics &m = *m_metrics;
    const int evaluations = evaluationsDone();
    if (m.capacitySearchCancelled) {
        m_answer->setText(m.maxVmsPerServer > 0
                              ? tr("Cancelled after %1 of at most %2 evaluations. Max VMs per server within the SLA: at least %3.")
                                    .arg(evaluations).arg(m_progress->total()).arg(m.maxVmsPerServer)
                              : tr("Cancelled after %1 of at most %2 evaluations, before any VM count was found to meet the SLA.")
                                    .arg(evaluations).arg(m_progress->total()));
    } else {
        m_progressBar->setRange(0, std::max(1, evaluations));
        m_progressBar->setValue(std::max(1, evaluations));
        if (m.maxVmsPerServer > 0)
            m_answer->setText(tr("Max VMs per server within the SLA: %1 (%2 evaluations).").arg(m.maxVmsPerServer).arg(evaluations));
        else
            m_answer->setText(tr("Not even one VM per server meets the SLA: see the dashboard's problems and bottleneck (%1).")
                                  .arg(m.bottleneck));
    }
    updateControls();
    Q_EMIT searchFinished();
}

void CapacitySearchDialog::updateControls()
{
    m_run->setEnabled(!m_running);
    m_limit->setEnabled(!m_running);
    m_cancel->setEnabled(m_running && !(m_progress && m_progress->cancelRequested()));
}

} // namespace iovplan::ui
