// Inputs that crashed, hung or leaked in a fuzzer, or were written by hand to attack a reader
// (docs/fuzzing.md): one row per file under tests/data/fuzz-regressions/<fuzz target>/. Each must be
// refused with a clear error (a message, naming the file for the catalog readers), never a crash.
// Adding a regression is adding a file; the row name is the target and the file name.
#include "catalogs/catalogcsv.h"
#include "catalogs/netboximport.h"
#include "model/io/projectdocument.h"
#include "model/io/qnjsonreader.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace iovplan;

namespace {

const QString regressionsDir = QStringLiteral(IOVPLAN_SOURCE_DIR "/tests/data/fuzz-regressions");

// What the fuzz target of the same name does with the bytes, as the error text ("" when accepted).
QString readAsTarget(const QString &target, const QByteArray &bytes)
{
    if (target == u"fuzz_project_document") {
        const io::ProjectReadResult result = io::readProjectJson(bytes);
        return result.ok() ? QString() : result.error.field + QStringLiteral(": ") + result.error.message;
    }
    if (target == u"fuzz_qn_json") {
        const io::QnReadResult result = io::readQnJson(bytes);
        return result.ok() ? QString() : result.error.field + QStringLiteral(": ") + result.error.message;
    }
    if (target == u"fuzz_catalog_csv") {
        // As fuzz/fuzz_catalog_csv.cpp: items.csv, a separator line, specs.csv.
        static const QByteArray separator("\n--- specs.csv ---\n");
        const qsizetype at = bytes.indexOf(separator);
        const catalogs::CatalogCsvResult result
            = catalogs::parseCatalogCsv(at < 0 ? bytes : bytes.left(at), QStringLiteral("items.csv"),
                                        at < 0 ? QByteArray() : bytes.mid(at + separator.size()), QStringLiteral("specs.csv"));
        return result.errors.join(u'\n');
    }
    if (target == u"fuzz_netbox_yaml")
        return catalogs::readNetboxDeviceType(bytes, QStringLiteral("device-types/Fuzz/fuzz.yaml")).error;
    qFatal("unknown fuzz target folder %s", qPrintable(target));
}

} // namespace

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusedCleanly_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("path");
        const QDir root(regressionsDir);
        const QStringList targets = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        QCOMPARE(targets, (QStringList{QStringLiteral("fuzz_catalog_csv"), QStringLiteral("fuzz_netbox_yaml"),
                                       QStringLiteral("fuzz_project_document"), QStringLiteral("fuzz_qn_json")}));
        for (const QString &target : targets) {
            const QDir dir(root.filePath(target));
            for (const QString &file : dir.entryList(QDir::Files, QDir::Name))
                QTest::newRow(qPrintable(target + u'/' + file)) << target << dir.filePath(file);
        }
    }

    void refusedCleanly()
    {
        QFETCH(QString, target);
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString error = readAsTarget(target, file.readAll());
        QVERIFY2(!error.trimmed().isEmpty(), "a hostile input was accepted");
        // One line per problem, each with a message after its location.
        for (const QString &line : error.split(u'\n'))
            QVERIFY2(line.contains(QStringLiteral(": ")) && !line.endsWith(QStringLiteral(": ")), qPrintable(line));
        if (target == u"fuzz_catalog_csv" || target == u"fuzz_netbox_yaml")
            QVERIFY2(error.contains(QStringLiteral(".csv:")) || error.contains(QStringLiteral(".yaml:")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
