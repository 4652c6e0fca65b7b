#pragma once
// Help > Model Notes and Sources: the model's documentation (docs/*.md, compiled into the program so it
// is there wherever the program is installed), rendered as rich text with a list of topics.

#include <QDialog>

class QListWidget;
class QTextBrowser;

namespace iovplan::ui {

/// A non-modal window listing the model notes; the first topic is shown on open.
class HelpBrowser : public QDialog
{
    Q_OBJECT

public:
    explicit HelpBrowser(QWidget *parent = nullptr);

    /// Shows the topic whose title is `title` (false when there is none).
    bool showTopic(const QString &title);
    /// The Markdown source of the topic shown.
    [[nodiscard]] QString currentMarkdown() const;
    /// The topics' titles, in list order.
    [[nodiscard]] QStringList topics() const;

private:
    void showRow(int row);

    QListWidget *m_topics = nullptr;
    QTextBrowser *m_text = nullptr;
    QString m_markdown;
};

} // namespace iovplan::ui
