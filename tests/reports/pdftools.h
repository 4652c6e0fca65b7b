#pragma once
// The poppler-utils programs the report tests read PDFs with (pdftotext, pdfinfo, pdffonts, pdftoppm):
// the same tools a buyer's machine would use, so the tests see what a reader sees.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace iovplan::testing {

/// Whether poppler-utils is installed (scripts/deps.sh installs it).
inline bool havePdfTools()
{
    return !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()
        && !QStandardPaths::findExecutable(QStringLiteral("pdfinfo")).isEmpty()
        && !QStandardPaths::findExecutable(QStringLiteral("pdffonts")).isEmpty()
        && !QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty();
}

/// Runs `program` with `arguments`; its standard output, or empty when it failed.
inline QByteArray runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return {};
    return process.readAllStandardOutput();
}

/// A PDF written to a scratch file so the tools can read it.
class PdfFile
{
public:
    explicit PdfFile(const QByteArray &pdf)
        : m_path(m_dir.filePath(QStringLiteral("report.pdf")))
    {
        QFile file(m_path);
        if (file.open(QIODevice::WriteOnly))
            file.write(pdf);
    }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QString dir() const { return m_dir.path(); }

    /// The text in reading order (`pdftotext`), or laid out like the page with `layout`.
    [[nodiscard]] QString text(bool layout = false, int page = 0) const
    {
        QStringList args;
        if (layout)
            args << QStringLiteral("-layout");
        if (page > 0)
            args << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
        args << m_path << QStringLiteral("-");
        return QString::fromUtf8(runTool(QStringLiteral("pdftotext"), args));
    }
    /// `pdfinfo`'s value for `key` ("Pages", "Page size", "Title").
    [[nodiscard]] QString info(const QString &key) const
    {
        const QStringList lines = QString::fromUtf8(runTool(QStringLiteral("pdfinfo"), { m_path })).split(QLatin1Char('\n'));
        for (const QString &line : lines)
            if (line.startsWith(key + QLatin1Char(':')))
                return line.mid(key.size() + 1).trimmed();
        return {};
    }
    [[nodiscard]] int pages() const { return info(QStringLiteral("Pages")).toInt(); }
    /// `pdffonts`'s rows (after its two header lines).
    [[nodiscard]] QStringList fonts() const
    {
        QStringList rows = QString::fromUtf8(runTool(QStringLiteral("pdffonts"), { m_path })).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        return rows.mid(2);
    }
    /// Every page rendered by `pdftoppm` at `dpi`, as PNG paths in page order.
    [[nodiscard]] QStringList renderPages(int dpi) const
    {
        runTool(QStringLiteral("pdftoppm"), { QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png"), m_path,
                                             m_dir.filePath(QStringLiteral("page")) });
        QStringList pngs = QDir(m_dir.path()).entryList({ QStringLiteral("page-*.png") }, QDir::Files, QDir::Name);
        for (QString &png : pngs)
            png = m_dir.filePath(png);
        return pngs;
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

} // namespace iovplan::testing
