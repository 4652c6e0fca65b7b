#pragma once
// The "Consolidate..." wizard (issue 5, part 2): the user picks the InfiniBand hardware and IOV mode, reviews
// the plan (model/edit/consolidation.h) with its before/after figures, and accepts it. A view: it never
// changes the project; the caller applies plan() with catalog() (DocumentEditor::addPlannedScenario).

#include "model/design/itemspecs.h"
#include "model/design/scenario.h"
#include "model/edit/consolidation.h"

#include <QWizard>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;
class QTextBrowser;

namespace iovplan::catalogs {
class CatalogDatabase;
}

namespace iovplan::ui {

/// Two pages: choices (items, HCAs per server, IOV mode, name; preselected by proposeConsolidation) and
/// review (the plan's steps with their reasons, a before/after table from cost::rollUp, problems). Finish is
/// disabled while the plan is refused, with the reason shown.
class ConsolidateWizard : public QWizard
{
    Q_OBJECT

public:
    /// Offers the items `projectCatalog` pins plus `catalogDb`'s items of the right kinds (the database may
    /// be null: then only the project's items); items from the database are pinned (catalogs::pinItem)
    /// when the plan uses them.
    ConsolidateWizard(const design::Scenario &source, const design::PinnedCatalog &projectCatalog,
                      const catalogs::CatalogDatabase *catalogDb, QWidget *parent = nullptr);

    enum PageId { ChoicesPage, ReviewPage };

    /// The options as currently chosen on the first page.
    [[nodiscard]] edit::ConsolidationOptions options() const;
    /// The plan for the current options (the accepted one after exec() returns Accepted).
    [[nodiscard]] const edit::ConsolidationPlan &plan() const { return m_plan; }
    /// The project's catalog plus the database items the plan uses, pinned.
    [[nodiscard]] design::PinnedCatalog catalog() const;
    /// Every item offered: the project's pinned items, then the database's candidates (project pins win).
    [[nodiscard]] const design::PinnedCatalog &offeredCatalog() const { return m_offered; }
    /// Ids of the items the project already pins (ranked first by the proposal).
    [[nodiscard]] const QStringList &projectItemIds() const { return m_projectIds; }

    /// Recomputes the plan from the current choices (the review page calls it on entry).
    void updatePlan();

private:
    void loadCandidates(const catalogs::CatalogDatabase *db);
    void fillCombo(QComboBox *combo, edit::ConsolidationRole role, const QString &noneText = {},
                   const QString &chassis = {});
    void selectItem(QComboBox *combo, const QString &id);
    void applyProposal();
    void refillModules();
    void showReview();

    QWizardPage *createChoicesPage();
    QWizardPage *createReviewPage();

    design::Scenario m_source;
    design::PinnedCatalog m_project;
    design::PinnedCatalog m_offered;
    QStringList m_projectIds;
    edit::ConsolidationPlan m_plan;

    QComboBox *m_hca = nullptr;
    QComboBox *m_gateway = nullptr;
    QComboBox *m_ethModule = nullptr;
    QComboBox *m_fcModule = nullptr;
    QComboBox *m_cable = nullptr;
    QComboBox *m_longCable = nullptr;
    QComboBox *m_switch = nullptr;
    QComboBox *m_hcasPerServer = nullptr;
    QButtonGroup *m_mode = nullptr;
    QLineEdit *m_name = nullptr;

    QTextBrowser *m_steps = nullptr;
    QTableWidget *m_figures = nullptr;
    QLabel *m_refusal = nullptr;
    QLabel *m_problems = nullptr;
};

} // namespace iovplan::ui
