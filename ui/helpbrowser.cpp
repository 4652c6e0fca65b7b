#include "helpbrowser.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QHBoxLayout>
#include <QListWidget>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace iovplan::ui {

namespace {

struct Topic
{
    const char *title;
    const char *resource;
};

// The documents a user needs to trust the figures: the equations and assumptions, where each number
// comes from, and how the white paper's tables are reproduced (ui/CMakeLists.txt embeds these files).
constexpr Topic topicList[] = {
    {QT_TRANSLATE_NOOP("HelpBrowser", "Performance model"), ":/help/docs/model.md"},
    {QT_TRANSLATE_NOOP("HelpBrowser", "Cost, power and TCO"), ":/help/docs/cost-model.md"},
    {QT_TRANSLATE_NOOP("HelpBrowser", "The white paper's example"), ":/help/docs/ciov-whitepaper-example.md"},
    {QT_TRANSLATE_NOOP("HelpBrowser", "Catalog sources"), ":/help/catalogs/data/README.md"},
    {QT_TRANSLATE_NOOP("HelpBrowser", "What-if analysis"), ":/help/docs/whatif.md"},
    {QT_TRANSLATE_NOOP("HelpBrowser", "Simulation"), ":/help/docs/simulation.md"},
    {QT_TRANSLATE_NOOP("HelpBrowser", "Queueing solvers"), ":/help/docs/queueing.md"},
    {QT_TRANSLATE_NOOP("HelpBrowser", "Document format"), ":/help/docs/document-format.md"},
};

} // namespace

HelpBrowser::HelpBrowser(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("helpBrowser"));
    setWindowTitle(tr("Model Notes and Sources"));
    m_topics = new QListWidget(this);
    m_topics->setObjectName(QStringLiteral("helpTopics"));
    for (const Topic &topic : topicList)
        m_topics->addItem(tr(topic.title));
    m_topics->setMaximumWidth(240);
    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("helpText"));
    m_text->setOpenExternalLinks(true);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_topics);
    splitter->addWidget(m_text);
    splitter->setStretchFactor(1, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    layout->addWidget(buttons);
    connect(m_topics, &QListWidget::currentRowChanged, this, &HelpBrowser::showRow);
    m_topics->setCurrentRow(0);
    resize(1000, 700);
}

void HelpBrowser::showRow(int row)
{
    if (row < 0 || row >= static_cast<int>(std::size(topicList)))
        return;
    QFile file(QString::fromLatin1(topicList[row].resource));
    m_markdown = file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll())
                                                : tr("This topic is missing from the program (%1).").arg(file.fileName());
    m_text->setMarkdown(m_markdown);
}

bool HelpBrowser::showTopic(const QString &title)
{
    const QList<QListWidgetItem *> found = m_topics->findItems(title, Qt::MatchExactly);
    if (found.isEmpty())
        return false;
    m_topics->setCurrentItem(found.constFirst());
    return true;
}

QString HelpBrowser::currentMarkdown() const
{
    return m_markdown;
}

QStringList HelpBrowser::topics() const
{
    QStringList titles;
    for (int i = 0; i < m_topics->count(); ++i)
        titles << m_topics->item(i)->text();
    return titles;
}

} // namespace iovplan::ui
