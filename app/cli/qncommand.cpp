#include "qncommand.h"

#include <QTextStream>

namespace iovplan::cli {

int runQnCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    Q_UNUSED(args);
    Q_UNUSED(out);
    err << "iovplan-cli qn: not built yet\n";
    return 1;
}

} // namespace iovplan::cli
