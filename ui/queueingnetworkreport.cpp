#include "queueingnetworkreport.h"

#include "model/io/qnjsonreader.h"
#include "queueing/invalidnetwork.h"
#include "queueing/solver.h"
#include "reports/solutiontable.h"

namespace iovplan::ui {

FileReport solveQueueingNetworkFile(const QString &path)
{
    const io::QnReadResult read = io::readQnFile(path);
    if (!read.ok()) {
        const QString where = read.error.field.isEmpty() ? QString() : read.error.field + QStringLiteral(": ");
        return {false, path + QStringLiteral(": ") + where + read.error.message};
    }
    try {
        const queueing::Solution solution = queueing::solve(read.document->network, read.document->options);
        return {true, reports::solutionTable(read.document->network, solution)};
    } catch (const queueing::InvalidNetwork &e) {
        return {false, path + QStringLiteral(": ") + QString::fromStdString(e.field()) + QStringLiteral(": ") +
                           QString::fromStdString(e.what())};
    }
}

} // namespace iovplan::ui
