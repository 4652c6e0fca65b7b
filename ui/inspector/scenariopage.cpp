#include "scenariopage.h"

#include "vmprofiledelegate.h"
#include "vmprofilesmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace iovplan::ui {

namespace {

constexpr double msPerS = 1000.0;
constexpr double bytesPerMb = 1e6;

bool sameValue(std::optional<double> a, std::optional<double> b)
{
    if (!a || !b)
        return a.has_value() == b.has_value();
    return std::abs(*a - *b) <= 1e-9 * std::max(1.0, std::max(std::abs(*a), std::abs(*b)));
}

QString modeTitle(design::IovMode mode)
{
    switch (mode) {
    case design::IovMode::Software: return QStringLiteral("Software (hypervisor-emulated I/O)");
    case design::IovMode::Native: return QStringLiteral("Native (adapter virtual functions)");
    case design::IovMode::Passthrough: return QStringLiteral("Passthrough (device given to one VM)");
    case design::IovMode::BareMetal: return QStringLiteral("Bare metal (no hypervisor)");
    }
    return design::iovModeName(mode);
}

QFormLayout *formIn(QGroupBox *box)
{
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    return form;
}

} // namespace

ScenarioPage::ScenarioPage(Document &document, DocumentEditor &editor, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_editor(editor)
    , m_name(new QLineEdit(this))
    , m_iovMode(new QComboBox(this))
    , m_haDualHoming(new QCheckBox(QStringLiteral("Dual-home every server (HA)"), this))
    , m_profiles(new VmProfilesModel(this))
    , m_profilesView(new QTableView(this))
    , m_addProfile(new QPushButton(QStringLiteral("Add profile"), this))
    , m_removeProfile(new QPushButton(QStringLiteral("Remove profile"), this))
{
    m_name->setObjectName(QStringLiteral("scenarioName"));
    m_iovMode->setObjectName(QStringLiteral("iovMode"));
    m_haDualHoming->setObjectName(QStringLiteral("haDualHoming"));
    m_profilesView->setObjectName(QStringLiteral("profiles"));
    m_addProfile->setObjectName(QStringLiteral("addProfile"));
    m_removeProfile->setObjectName(QStringLiteral("removeProfile"));
    for (const auto &spelling : design::iovModeSpellings)
        m_iovMode->addItem(modeTitle(spelling.value), static_cast<int>(spelling.value));
    m_iovMode->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_iovMode->setMinimumContentsLength(12);

    auto *scenarioBox = new QGroupBox(QStringLiteral("Scenario"), this);
    QFormLayout *scenarioForm = formIn(scenarioBox);
    scenarioForm->addRow(QStringLiteral("Name"), m_name);
    scenarioForm->addRow(QStringLiteral("IOV mode"), m_iovMode);

    auto *slaBox = new QGroupBox(QStringLiteral("Service level"), this);
    QFormLayout *slaForm = formIn(slaBox);
    slaForm->addRow(QStringLiteral("Latency (ms)"),
        addNumberField({nullptr, {QStringLiteral("SLA latency"), 0, 1e6, true, false, false, QStringLiteral("ms")},
                        [](const design::Scenario &s) -> std::optional<double> { return s.workload.sla.latencyS * msPerS; },
                        [this](const design::Scenario &s, std::optional<double> v) {
                            design::Workload w = s.workload;
                            w.sla.latencyS = *v / msPerS;
                            return m_editor.setWorkload(m_key, w, QStringLiteral("sla latency"));
                        }}));
    slaForm->addRow(QStringLiteral("Throughput (MB/s)"),
        addNumberField({nullptr, {QStringLiteral("SLA throughput"), 0, 1e9, false, false, false, QStringLiteral("MB/s")},
                        [](const design::Scenario &s) -> std::optional<double> {
                            return s.workload.sla.throughputBytesPerS / bytesPerMb;
                        },
                        [this](const design::Scenario &s, std::optional<double> v) {
                            design::Workload w = s.workload;
                            w.sla.throughputBytesPerS = *v * bytesPerMb;
                            return m_editor.setWorkload(m_key, w, QStringLiteral("sla throughput"));
                        }}));

    auto *assumptionsBox = new QGroupBox(QStringLiteral("Assumptions"), this);
    QFormLayout *assumptionsForm = formIn(assumptionsBox);
    const auto assumption = [this](NumberRule rule, double (*get)(const design::Assumptions &),
                                   void (*set)(design::Assumptions &, double), const QString &field) {
        return addNumberField({nullptr, std::move(rule),
                               [get](const design::Scenario &s) -> std::optional<double> { return get(s.assumptions); },
                               [this, set, field](const design::Scenario &s, std::optional<double> v) {
                                   design::Assumptions a = s.assumptions;
                                   set(a, *v);
                                   return m_editor.setAssumptions(m_key, a, field);
                               }});
    };
    // Ranges match DocumentEditor::setAssumptions, so the field turns red before the editor would refuse.
    assumptionsForm->addRow(QStringLiteral("Electricity (USD/kWh)"),
        assumption({QStringLiteral("Electricity price"), 0, 10, false, false, false, QStringLiteral("USD/kWh")},
                   [](const design::Assumptions &a) { return a.electricityUsdPerKwh; },
                   [](design::Assumptions &a, double v) { a.electricityUsdPerKwh = v; }, QStringLiteral("electricity")));
    assumptionsForm->addRow(QStringLiteral("PUE"),
        assumption({QStringLiteral("PUE"), 1, 5, false, false, false, {}},
                   [](const design::Assumptions &a) { return a.pue; },
                   [](design::Assumptions &a, double v) { a.pue = v; }, QStringLiteral("pue")));
    assumptionsForm->addRow(QStringLiteral("TCO horizon (years)"),
        assumption({QStringLiteral("TCO horizon"), 1, 30, false, true, false, QStringLiteral("years")},
                   [](const design::Assumptions &a) { return static_cast<double>(a.years); },
                   [](design::Assumptions &a, double v) { a.years = static_cast<int>(v); }, QStringLiteral("years")));
    QLineEdit *maintenance = addNumberField(
        {nullptr, {QStringLiteral("Maintenance override"), 0, 100, false, false, true, QStringLiteral("%")},
         [](const design::Scenario &s) { return s.assumptions.maintenancePctOverride; },
         [this](const design::Scenario &s, std::optional<double> v) {
             design::Assumptions a = s.assumptions;
             a.maintenancePctOverride = v;
             return m_editor.setAssumptions(m_key, a, QStringLiteral("maintenance override"));
         }});
    maintenance->setPlaceholderText(QStringLiteral("each item's own figure"));
    assumptionsForm->addRow(QStringLiteral("Maintenance (% of list/year)"), maintenance);
    assumptionsForm->addRow(QString(), m_haDualHoming);

    auto *workloadBox = new QGroupBox(QStringLiteral("Workload: VM profiles"), this);
    auto *workloadLayout = new QVBoxLayout(workloadBox);
    m_profilesView->setModel(m_profiles);
    auto *delegate = new VmProfileDelegate(m_profilesView);
    m_profilesView->setItemDelegate(delegate);
    m_profilesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_profilesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_profilesView->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                    | QAbstractItemView::AnyKeyPressed);
    m_profilesView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_profilesView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // A few rows tall: the table scrolls, the page does not end in an empty grid.
    m_profilesView->setFixedHeight(150);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addProfile);
    buttons->addWidget(m_removeProfile);
    buttons->addStretch(1);
    workloadLayout->addWidget(m_profilesView);
    workloadLayout->addLayout(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scenarioBox);
    layout->addWidget(slaBox);
    layout->addWidget(assumptionsBox);
    layout->addWidget(workloadBox);
    layout->addStretch(1);

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &text) {
        const QString reason = text.trimmed().isEmpty() ? QStringLiteral("Name: a scenario needs a name") : QString();
        markField(m_name, reason);
        Q_EMIT message(reason);
    });
    connect(m_name, &QLineEdit::editingFinished, this, &ScenarioPage::nameEdited);
    connect(m_iovMode, &QComboBox::activated, this, [this](int index) {
        if (!hasScenario())
            return;
        const auto mode = static_cast<design::IovMode>(m_iovMode->itemData(index).toInt());
        if (mode == m_document.scenario(m_key).iovMode)
            return;
        const EditOutcome outcome = m_editor.setIovMode(m_key, mode);
        markField(m_iovMode, outcome.refusal);
        Q_EMIT message(outcome.refusal);
        if (!outcome.ok())
            refresh();
    });
    connect(m_haDualHoming, &QCheckBox::clicked, this, [this](bool checked) {
        if (!hasScenario())
            return;
        design::Assumptions a = m_document.scenario(m_key).assumptions;
        a.haDualHoming = checked;
        const EditOutcome outcome = m_editor.setAssumptions(m_key, a, QStringLiteral("ha dual homing"));
        Q_EMIT message(outcome.refusal);
        if (!outcome.ok())
            refresh();
    });

    m_profiles->setCommit([this](const std::vector<design::VmProfile> &profiles, const QString &field) {
        if (!hasScenario())
            return QStringLiteral("no scenario");
        design::Workload w = m_document.scenario(m_key).workload;
        w.profiles = profiles;
        return m_editor.setWorkload(m_key, w, field).refusal;
    });
    connect(m_profiles, &VmProfilesModel::refused, this, &ScenarioPage::message);
    connect(m_profiles, &VmProfilesModel::applied, this, [this] { Q_EMIT message({}); });
    connect(delegate, &VmProfileDelegate::validated, this, &ScenarioPage::message);
    connect(m_addProfile, &QPushButton::clicked, this, [this] {
        QString group;
        if (hasScenario() && !m_document.scenario(m_key).design.servers.empty())
            group = m_document.scenario(m_key).design.servers.front().group;
        if (m_profiles->addProfile(group).isEmpty())
            Q_EMIT message({});
    });
    connect(m_removeProfile, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_profilesView->currentIndex();
        if (m_profiles->removeProfile(current.isValid() ? current.row() : -1).isEmpty())
            Q_EMIT message({});
    });
}

ScenarioPage::~ScenarioPage() = default;

QLineEdit *ScenarioPage::addNumberField(NumberField field)
{
    field.edit = new QLineEdit(this);
    // Object names ("pue", "sla-latency") let tests and style sheets find the fields.
    field.edit->setObjectName(field.rule.what.toLower().replace(u' ', u'-'));
    const std::size_t index = m_fields.size();
    connect(field.edit, &QLineEdit::textEdited, this,
            [this, index](const QString &text) { numberEdited(index, text); });
    connect(field.edit, &QLineEdit::editingFinished, this, [this, index] { m_sessionStart[index].reset(); });
    m_sessionStart.emplace_back();
    m_fields.push_back(std::move(field));
    return m_fields.back().edit;
}

bool ScenarioPage::hasScenario() const
{
    return m_key != 0 && m_document.contains(m_key);
}

void ScenarioPage::numberEdited(std::size_t index, const QString &text)
{
    if (!hasScenario())
        return;
    const NumberField &field = m_fields[index];
    std::optional<std::optional<double>> &sessionStart = m_sessionStart[index];
    const ParsedNumber parsed = parseNumber(text, field.rule);
    const design::Scenario &scenario = m_document.scenario(m_key);
    if (!sessionStart)
        sessionStart = field.read(scenario);
    QString reason = parsed.error;
    if (parsed.ok() && !sameValue(parsed.value, field.read(scenario))) {
        const EditOutcome outcome = field.apply(scenario, parsed.value);
        if (!outcome.ok())
            reason = field.rule.what + QStringLiteral(": ") + outcome.refusal;
    }
    markField(field.edit, reason); // before the revert below, so the refresh it causes keeps the text
    if (!reason.isEmpty() && !sameValue(*sessionStart, field.read(m_document.scenario(m_key)))) {
        // Same field name: the editor merges this into the step just pushed, which then changes nothing.
        field.apply(m_document.scenario(m_key), *sessionStart);
    }
    markField(field.edit, reason);
    Q_EMIT message(reason);
}

void ScenarioPage::nameEdited()
{
    if (!hasScenario() || m_name->text() == m_document.scenario(m_key).name)
        return;
    const EditOutcome outcome = m_editor.renameScenario(m_key, m_name->text());
    const QString reason = outcome.ok() ? QString() : QStringLiteral("Name: ") + outcome.refusal;
    markField(m_name, reason);
    Q_EMIT message(reason);
}

void ScenarioPage::setScenario(ScenarioKey key)
{
    if (key == m_key)
        return;
    m_key = key;
    for (const NumberField &field : m_fields)
        markField(field.edit, {});
    markField(m_name, {});
    refresh();
}

void ScenarioPage::refresh()
{
    const bool has = hasScenario();
    setEnabled(has);
    if (!has) {
        m_profiles->setProfiles({});
        return;
    }
    const design::Scenario &scenario = m_document.scenario(m_key);
    if (!(m_name->hasFocus() && isMarkedInvalid(m_name)) && m_name->text() != scenario.name) {
        m_name->setText(scenario.name);
        markField(m_name, {});
    }
    m_iovMode->setCurrentIndex(m_iovMode->findData(static_cast<int>(scenario.iovMode)));
    m_haDualHoming->setChecked(scenario.assumptions.haDualHoming);
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        const NumberField &field = m_fields[i];
        // Keep what the user is typing: a red field being edited, or text that already means the value.
        if (isMarkedInvalid(field.edit) && (field.edit->hasFocus() || m_sessionStart[i]))
            continue;
        const std::optional<double> value = field.read(scenario);
        const ParsedNumber shown = parseNumber(field.edit->text(), field.rule);
        if (!(shown.ok() && sameValue(shown.value, value) && !field.edit->text().isEmpty() == value.has_value()))
            field.edit->setText(value ? editableNumber(*value) : QString());
        markField(field.edit, {});
    }
    m_profiles->setProfiles(scenario.workload.profiles);
}

} // namespace iovplan::ui
