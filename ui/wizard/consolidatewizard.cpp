#include "consolidatewizard.h"

#include "catalogs/catalogdatabase.h"
#include "catalogs/catalogqueries.h"
#include "catalogs/pricerefresh.h"
#include "model/cost/rollup.h"
#include "reports/figureformat.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSet>
#include <QStyle>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <functional>

namespace iovplan::ui {

using edit::ConsolidationRole;

namespace {

// A page whose completeness (Finish / Next enabled) the wizard decides.
class CheckedPage : public QWizardPage
{
public:
    std::function<bool()> complete;
    [[nodiscard]] bool isComplete() const override { return complete ? complete() : true; }
    void recheck() { Q_EMIT completeChanged(); }
};

// The IOV modes offered, with one line each from the white paper (ciov-whitepaper.txt, "I/O
// Virtualization Options Today").
struct ModeChoice
{
    design::IovMode mode;
    const char *title;
    const char *explanation;
};
constexpr ModeChoice modeChoices[] = {
    { design::IovMode::Software, QT_TRANSLATE_NOOP("ConsolidateWizard", "Software"),
      QT_TRANSLATE_NOOP("ConsolidateWizard",
                        "The hypervisor presents virtual NICs and HBAs over the HCA: guests keep their drivers and live "
                        "migration; the hypervisor's virtual switch costs CPU.") },
    { design::IovMode::Native, QT_TRANSLATE_NOOP("ConsolidateWizard", "Native"),
      QT_TRANSLATE_NOOP("ConsolidateWizard",
                        "VMs send and receive on their own CIOV end points, bypassing the virtual switch: faster and less "
                        "CPU, but guests need the HCA's driver and migration restarts the VM.") },
    { design::IovMode::Passthrough, QT_TRANSLATE_NOOP("ConsolidateWizard", "Passthrough"),
      QT_TRANSLATE_NOOP("ConsolidateWizard",
                        "The adapter or chipset remaps DMA, so VMs use their share of the adapter with no hypervisor in "
                        "the path (ConnectX-class HCAs only).") },
};

// Every item id a scenario's design refers to.
QSet<QString> itemsUsed(const design::Scenario &scenario)
{
    QSet<QString> ids;
    const design::Design &d = scenario.design;
    for (const design::Server &s : d.servers) {
        ids.insert(s.itemId);
        for (const design::SlotItem &a : s.adapters)
            ids.insert(a.itemId);
    }
    for (const design::Switch &s : d.switches)
        ids.insert(s.itemId);
    for (const design::Gateway &g : d.gateways) {
        ids.insert(g.itemId);
        for (const design::SlotItem &m : g.modules)
            ids.insert(m.itemId);
    }
    for (const design::StorageArray &a : d.storage)
        ids.insert(a.itemId);
    for (const design::Cable &c : d.cables) {
        ids.insert(c.itemId);
        for (const QString &t : c.transceiverItemIds)
            ids.insert(t);
    }
    return ids;
}

QString changeText(double before, double after, const QString &delta)
{
    if (before == after)
        return ConsolidateWizard::tr("no change");
    const QString sign = after > before ? QStringLiteral("+") : QStringLiteral("−");
    if (before == 0.0)
        return sign + delta;
    return QStringLiteral("%1%2 (%1%3 %)").arg(sign, delta, reports::formatNumber(std::abs(after - before) / before * 100.0, 1));
}

} // namespace

ConsolidateWizard::ConsolidateWizard(const design::Scenario &source, const design::PinnedCatalog &projectCatalog,
                                     const catalogs::CatalogDatabase *catalogDb, QWidget *parent)
    : QWizard(parent), m_source(source), m_project(projectCatalog), m_offered(projectCatalog)
{
    setWindowTitle(tr("Consolidate \"%1\" onto InfiniBand").arg(source.name));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    for (const auto &[id, item] : m_project)
        m_projectIds << id;
    loadCandidates(catalogDb);
    setPage(ChoicesPage, createChoicesPage());
    setPage(ReviewPage, createReviewPage());
    applyProposal();
    updatePlan();
    resize(880, 640);
}

void ConsolidateWizard::loadCandidates(const catalogs::CatalogDatabase *db)
{
    if (db == nullptr || !db->isOpen())
        return;
    const catalogs::CatalogIdsResult candidates = catalogs::activeItemIds(
        *db, { QStringLiteral("adapter"), QStringLiteral("gateway"), QStringLiteral("gateway-module"),
               QStringLiteral("cable"), QStringLiteral("switch") });
    if (!candidates.ok())
        return; // the project's own items are still offered
    for (const QString &id : candidates.ids) {
        if (m_offered.count(id) != 0)
            continue;
        const catalogs::PinResult pinned = catalogs::pinItem(*db, id);
        if (!pinned.ok())
            continue;
        for (ConsolidationRole role : { ConsolidationRole::Hca, ConsolidationRole::Gateway, ConsolidationRole::EthernetModule,
                                        ConsolidationRole::FibreChannelModule, ConsolidationRole::IbCable,
                                        ConsolidationRole::IbSwitch }) {
            if (edit::fitsRole(*pinned.item, role)) {
                m_offered[id] = *pinned.item;
                break;
            }
        }
    }
}

void ConsolidateWizard::fillCombo(QComboBox *combo, ConsolidationRole role, const QString &noneText, const QString &chassis)
{
    const QString current = combo->currentData().toString();
    combo->clear();
    if (!noneText.isEmpty())
        combo->addItem(noneText, QString());
    // The project's items first (already chosen for this project), then the catalog's.
    for (const bool pinned : { true, false }) {
        for (const auto &[id, item] : m_offered) {
            if (m_projectIds.contains(id) != pinned || !edit::fitsRole(item, role))
                continue;
            if (!chassis.isNull() && design::specText(item, u"chassis") != chassis)
                continue;
            QString text = QStringLiteral("%1 — %2").arg(design::displayName(item), reports::formatUsd(item.priceUsd));
            if (!pinned)
                text += tr(" (from the catalog)");
            combo->addItem(text, id);
            combo->setItemData(combo->count() - 1, item.description, Qt::ToolTipRole);
        }
    }
    selectItem(combo, current);
}

void ConsolidateWizard::selectItem(QComboBox *combo, const QString &id)
{
    const int index = combo->findData(id);
    if (index >= 0)
        combo->setCurrentIndex(index);
}

QWizardPage *ConsolidateWizard::createChoicesPage()
{
    auto *page = new CheckedPage;
    page->setTitle(tr("InfiniBand hardware and IOV mode"));
    page->setSubTitle(tr("\"%1\" has %2 servers. Their NICs and HBAs are replaced by HCAs; gateways carry the LAN and "
                         "SAN traffic into the existing networks.")
                          .arg(m_source.name)
                          .arg(m_source.design.servers.size()));
    auto *layout = new QVBoxLayout(page);

    auto *hardware = new QGroupBox(tr("Hardware"));
    auto *form = new QFormLayout(hardware);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto combo = [&](const QString &label, QComboBox *&box) {
        box = new QComboBox;
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(30);
        form->addRow(label, box);
    };
    combo(tr("&HCA:"), m_hca);
    m_hcasPerServer = new QComboBox;
    m_hcasPerServer->addItem(tr("1 per server"), 1);
    m_hcasPerServer->addItem(tr("2 per server (HA: two independent gateway sets)"), 2);
    form->addRow(tr("HCAs &per server:"), m_hcasPerServer);
    combo(tr("&Gateway chassis:"), m_gateway);
    combo(tr("&Ethernet module:"), m_ethModule);
    combo(tr("&FC module:"), m_fcModule);
    combo(tr("&Cable in a rack:"), m_cable);
    combo(tr("Cable &between racks:"), m_longCable);
    combo(tr("IB &switch:"), m_switch);
    fillCombo(m_hca, ConsolidationRole::Hca);
    fillCombo(m_gateway, ConsolidationRole::Gateway);
    fillCombo(m_cable, ConsolidationRole::IbCable);
    fillCombo(m_longCable, ConsolidationRole::IbCable, tr("Same as in a rack"));
    fillCombo(m_switch, ConsolidationRole::IbSwitch, tr("None (servers cable to the gateways)"));
    layout->addWidget(hardware);

    auto *modes = new QGroupBox(tr("IOV mode"));
    auto *modeLayout = new QGridLayout(modes);
    m_mode = new QButtonGroup(this);
    int row = 0;
    for (const ModeChoice &choice : modeChoices) {
        auto *button = new QRadioButton(tr(choice.title));
        auto *explanation = new QLabel(tr(choice.explanation));
        explanation->setWordWrap(true);
        explanation->setBuddy(button);
        m_mode->addButton(button, static_cast<int>(choice.mode));
        modeLayout->addWidget(button, row, 0, Qt::AlignTop);
        modeLayout->addWidget(explanation, row++, 1);
    }
    modeLayout->setColumnStretch(1, 1);
    layout->addWidget(modes);

    auto *nameForm = new QFormLayout;
    m_name = new QLineEdit;
    nameForm->addRow(tr("New scenario &name:"), m_name);
    layout->addLayout(nameForm);
    layout->addStretch(1);

    page->complete = [this] { return !m_name->text().trimmed().isEmpty(); };
    connect(m_name, &QLineEdit::textChanged, page, [page] { page->recheck(); });
    connect(m_gateway, &QComboBox::currentIndexChanged, this, [this] { refillModules(); });
    return page;
}

void ConsolidateWizard::refillModules()
{
    const QString chassis = m_gateway->currentData().toString();
    const bool modular = m_offered.count(chassis) != 0
        && design::specCount(m_offered.at(chassis), u"module_slots").value_or(0) > 0;
    // A fixed gateway has no modules: the empty entry stands for "none".
    const QString none = modular ? QString() : tr("None (fixed gateway)");
    fillCombo(m_ethModule, ConsolidationRole::EthernetModule, none, chassis);
    fillCombo(m_fcModule, ConsolidationRole::FibreChannelModule, none, chassis);
    if (modular) {
        const edit::ConsolidationOptions proposed = edit::proposeConsolidation(m_source, m_offered, m_projectIds);
        if (proposed.gatewayItemId == chassis) {
            selectItem(m_ethModule, proposed.ethernetModuleItemId);
            selectItem(m_fcModule, proposed.fibreChannelModuleItemId);
        }
    }
}

void ConsolidateWizard::applyProposal()
{
    const edit::ConsolidationOptions p = edit::proposeConsolidation(m_source, m_offered, m_projectIds);
    selectItem(m_hca, p.hcaItemId);
    selectItem(m_gateway, p.gatewayItemId);
    refillModules();
    selectItem(m_ethModule, p.ethernetModuleItemId);
    selectItem(m_fcModule, p.fibreChannelModuleItemId);
    selectItem(m_cable, p.ibCableItemId);
    selectItem(m_longCable, p.ibLongCableItemId);
    selectItem(m_switch, p.ibSwitchItemId);
    m_hcasPerServer->setCurrentIndex(p.hcasPerServer == 2 ? 1 : 0);
    if (QAbstractButton *b = m_mode->button(static_cast<int>(p.iovMode)))
        b->setChecked(true);
    m_name->setText(p.scenarioName);
}

edit::ConsolidationOptions ConsolidateWizard::options() const
{
    edit::ConsolidationOptions o;
    o.hcaItemId = m_hca->currentData().toString();
    o.hcasPerServer = m_hcasPerServer->currentData().toInt();
    o.gatewayItemId = m_gateway->currentData().toString();
    o.ethernetModuleItemId = m_ethModule->currentData().toString();
    o.fibreChannelModuleItemId = m_fcModule->currentData().toString();
    o.ibCableItemId = m_cable->currentData().toString();
    o.ibLongCableItemId = m_longCable->currentData().toString();
    o.ibSwitchItemId = m_switch->currentData().toString();
    o.iovMode = static_cast<design::IovMode>(std::max(0, m_mode->checkedId()));
    o.scenarioName = m_name->text().trimmed();
    return o;
}

design::PinnedCatalog ConsolidateWizard::catalog() const
{
    design::PinnedCatalog result = m_project;
    if (!m_plan.ok())
        return result;
    for (const QString &id : itemsUsed(*m_plan.scenario)) {
        if (result.count(id) == 0 && m_offered.count(id) != 0)
            result[id] = m_offered.at(id);
    }
    return result;
}

void ConsolidateWizard::updatePlan()
{
    m_plan = edit::planConsolidation(m_source, m_offered, options());
}

QWizardPage *ConsolidateWizard::createReviewPage()
{
    auto *page = new CheckedPage;
    page->setTitle(tr("Review the plan"));
    page->setSubTitle(tr("Finish adds the consolidated design as a new scenario; \"%1\" stays as it is.").arg(m_source.name));
    page->setFinalPage(true);
    auto *layout = new QVBoxLayout(page);

    m_refusal = new QLabel;
    m_refusal->setWordWrap(true);
    m_refusal->setTextFormat(Qt::RichText);
    layout->addWidget(m_refusal);

    m_steps = new QTextBrowser;
    m_steps->setObjectName(QStringLiteral("steps"));
    m_steps->setOpenLinks(false);
    layout->addWidget(m_steps, 1);

    m_figures = new QTableWidget(0, 3);
    m_figures->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_figures->setSelectionMode(QAbstractItemView::NoSelection);
    m_figures->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_figures->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_figures->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_figures->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_figures->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_figures->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    layout->addWidget(m_figures);

    m_problems = new QLabel;
    m_problems->setWordWrap(true);
    layout->addWidget(m_problems);
    layout->addStretch(0); // takes the page when a refusal hides the steps and figures

    page->complete = [this] { return m_plan.ok(); };
    connect(this, &QWizard::currentIdChanged, page, [this, page](int id) {
        if (id != ReviewPage)
            return;
        updatePlan();
        showReview();
        page->recheck();
    });
    return page;
}

void ConsolidateWizard::showReview()
{
    m_steps->clear();
    m_figures->setRowCount(0);
    if (!m_plan.ok()) {
        QString reasons;
        for (const QString &reason : m_plan.refusal.split(QStringLiteral("; ")))
            reasons += QStringLiteral("<li>%1</li>").arg(reason.toHtmlEscaped());
        m_refusal->setText(tr("<p><b>The plan cannot be built:</b></p><ul>%1</ul><p>Go <i>Back</i> and change the "
                              "choices.</p>")
                               .arg(reasons));
        m_refusal->show();
        m_problems->clear();
        m_figures->hide();
        m_steps->hide();
        return;
    }
    m_refusal->hide();
    m_steps->show();
    m_figures->show();

    // The reasons in the palette's placeholder color: readable in light and dark palettes, but quieter.
    const QString whyColor = palette().color(QPalette::PlaceholderText).name();
    QString html = QStringLiteral("<ol style=\"margin-left: 0\">");
    for (const edit::ConsolidationStep &step : m_plan.steps) {
        html += QStringLiteral("<li style=\"margin-bottom: 6px\"><b>%1</b><br/><span style=\"color: %2\">%3</span></li>")
                    .arg(step.what.toHtmlEscaped(), whyColor, step.why.toHtmlEscaped());
    }
    m_steps->setHtml(html + QStringLiteral("</ol>"));

    const design::Scenario &after = *m_plan.scenario;
    const design::PinnedCatalog afterCatalog = catalog();
    const cost::Rollup a = cost::rollUp(m_source, m_project);
    const cost::Rollup b = cost::rollUp(after, afterCatalog);
    m_figures->setHorizontalHeaderLabels({ m_source.name, after.name, tr("Change") });
    struct Row
    {
        QString label;
        double before;
        double after;
        std::function<QString(double)> format;
    };
    const auto usd = [](double v) { return reports::formatUsd(v); };
    const auto watts = [](double v) { return reports::formatWatts(v); };
    const auto count = [](double v) { return reports::formatNumber(v); };
    const Row rows[] = {
        { tr("I/O purchase"), cost::toUsd(a.cost.ioPurchase), cost::toUsd(b.cost.ioPurchase), usd },
        { tr("Server adapter power (typical)"), a.power.adapterTypicalW, b.power.adapterTypicalW, watts },
        { tr("Adapters + gateway modules power"), a.power.endpointTypicalW(), b.power.endpointTypicalW(), watts },
        { tr("Adapters"), static_cast<double>(a.counts.adapters), static_cast<double>(b.counts.adapters), count },
        { tr("Cables"), static_cast<double>(a.counts.cables), static_cast<double>(b.counts.cables), count },
        { tr("Switches"), static_cast<double>(a.counts.switches), static_cast<double>(b.counts.switches), count },
        { tr("Gateways (modules)"), static_cast<double>(a.counts.gateways), static_cast<double>(b.counts.gateways), count },
    };
    for (const Row &row : rows) {
        const int r = m_figures->rowCount();
        m_figures->insertRow(r);
        m_figures->setVerticalHeaderItem(r, new QTableWidgetItem(row.label));
        QString afterText = row.format(row.after);
        if (row.label == tr("Gateways (modules)"))
            afterText += QStringLiteral(" (%1)").arg(b.counts.gatewayModules);
        const QString cells[] = { row.format(row.before), afterText,
                                  changeText(row.before, row.after, row.format(std::abs(row.after - row.before))) };
        for (int c = 0; c < 3; ++c) {
            auto *cell = new QTableWidgetItem(cells[c]);
            cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_figures->setItem(r, c, cell);
        }
    }

    QStringList problems;
    for (const design::Problem &p : b.problems)
        problems << QStringLiteral("%1: %2").arg(design::severityName(p.severity), p.message);
    m_problems->setText(problems.isEmpty() ? tr("No design problems in the consolidated scenario.")
                                           : tr("Problems in the consolidated scenario:\n") + problems.join(QLatin1Char('\n')));
}

} // namespace iovplan::ui
