#include "reports/layout/pdfdocumentinfo.h"

#include <QRegularExpression>
#include <QString>
#include <QtGlobal>

namespace iovplan::reports::pagelayout {

namespace {

// A PDF text string in UTF-16BE with its byte-order mark, written in hex so no character needs escaping.
QByteArray pdfTextString(const QString &text)
{
    QByteArray bytes("<FEFF");
    for (const QChar c : text)
        bytes += QByteArray::number(c.unicode(), 16).rightJustified(4, '0').toUpper();
    bytes += '>';
    return bytes;
}

} // namespace

QByteArray withDocumentInfo(const QByteArray &pdf, const ReportMetadata &metadata)
{
    const qsizetype startxref = pdf.lastIndexOf("startxref");
    const qsizetype trailer = startxref < 0 ? -1 : pdf.lastIndexOf("trailer", startxref);
    if (trailer < 0)
        return pdf;
    const QString trailerText = QString::fromLatin1(pdf.mid(trailer, startxref - trailer));
    const QString tail = QString::fromLatin1(pdf.mid(startxref + 9, 40));
    const QRegularExpressionMatch size = QRegularExpression(QStringLiteral("/Size\\s+(\\d+)")).match(trailerText);
    const QRegularExpressionMatch root = QRegularExpression(QStringLiteral("/Root\\s+(\\d+\\s+\\d+\\s+R)")).match(trailerText);
    const QRegularExpressionMatch previous = QRegularExpression(QStringLiteral("^\\s*(\\d+)")).match(tail);
    if (!size.hasMatch() || !root.hasMatch() || !previous.hasMatch())
        return pdf;
    const QByteArray creationDate = [&] {
        const qsizetype key = pdf.indexOf("/CreationDate");
        const qsizetype open = key < 0 ? -1 : pdf.indexOf('(', key);
        const qsizetype close = open < 0 ? -1 : pdf.indexOf(')', open);
        return close > open && close - key < 80 ? pdf.mid(open, close - open + 1) : QByteArray();
    }();

    const QByteArray object = size.captured(1).toLatin1();
    QByteArray update = pdf;
    if (!update.endsWith('\n'))
        update += '\n';
    const qsizetype objectOffset = update.size();
    update += object + " 0 obj\n<<\n/Title " + pdfTextString(metadata.title) + "\n/Author " +
              pdfTextString(metadata.author) + "\n/Subject " + pdfTextString(metadata.subject) + "\n/Creator " +
              pdfTextString(metadata.creator) + "\n/Producer " +
              pdfTextString(QStringLiteral("Qt ") + QString::fromLatin1(qVersion())) + '\n';
    if (!creationDate.isEmpty())
        update += "/CreationDate " + creationDate + '\n';
    update += ">>\nendobj\n";
    const qsizetype xrefOffset = update.size();
    // Each cross-reference entry is exactly 20 bytes: 10-digit offset, generation, 'n', space, newline.
    update += "xref\n" + object + " 1\n" + QByteArray::number(objectOffset).rightJustified(10, '0') + " 00000 n \n";
    update += "trailer\n<<\n/Size " + QByteArray::number(object.toLongLong() + 1) + "\n/Root " +
              root.captured(1).toLatin1() + "\n/Info " + object + " 0 R\n/Prev " + previous.captured(1).toLatin1() +
              "\n>>\nstartxref\n" + QByteArray::number(xrefOffset) + "\n%%EOF\n";
    return update;
}

} // namespace iovplan::reports::pagelayout
