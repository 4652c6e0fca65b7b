// The VM profile table: display units, validation as typed, and edits handed to the commit function.

#include "ui/inspector/vmprofilesmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace iovplan;
using ui::VmProfilesModel;

namespace {

design::VmProfile profile(const QString &name, int vms)
{
    design::VmProfile p;
    p.name = name;
    p.serverGroup = QStringLiteral("vm-hosts");
    p.vmsPerServer = vms;
    p.networkBytesPerS = 1.2e6; // the white paper example's 1.2 MB/s per VM
    p.vcpuUtilization = 0.3;
    return p;
}

} // namespace

class TestVmProfilesModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesModelTester()
    {
        VmProfilesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProfiles({profile(QStringLiteral("a"), 10)});
        model.setProfiles({profile(QStringLiteral("a"), 11)});
        model.setProfiles({profile(QStringLiteral("a"), 11), profile(QStringLiteral("b"), 4)});
        QVERIFY(model.setData(model.index(1, VmProfilesModel::VcpusColumn), QStringLiteral("2")));
        QVERIFY(model.setData(model.index(0, VmProfilesModel::RdmaColumn), Qt::Checked, Qt::CheckStateRole));
        model.addProfile(QStringLiteral("vm-hosts"));
        model.removeProfile(0);
        model.setProfiles({});
        QCOMPARE(model.rowCount(), 0);
    }

    void showsDisplayUnits()
    {
        VmProfilesModel model;
        model.setProfiles({profile(QStringLiteral("a"), 10)});
        QCOMPARE(model.index(0, VmProfilesModel::NetworkColumn).data().toString(), QStringLiteral("1.2")); // MB/s
        QCOMPARE(model.index(0, VmProfilesModel::VcpuUtilizationColumn).data().toString(), QStringLiteral("30")); // %
        QCOMPARE(model.index(0, VmProfilesModel::VmsPerServerColumn).data().toString(), QStringLiteral("10"));
        QCOMPARE(model.index(0, VmProfilesModel::RdmaColumn).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    }

    void validEditsReachCommit_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("stored"); // in the model's base units
        QTest::newRow("VMs/server") << int(VmProfilesModel::VmsPerServerColumn) << QStringLiteral("12") << 12.0;
        QTest::newRow("network MB/s") << int(VmProfilesModel::NetworkColumn) << QStringLiteral("2.5") << 2.5e6;
        QTest::newRow("vCPU utilization %") << int(VmProfilesModel::VcpuUtilizationColumn) << QStringLiteral("45") << 0.45;
        QTest::newRow("block bytes") << int(VmProfilesModel::BlockBytesColumn) << QStringLiteral(" 8192 ") << 8192.0;
    }
    void validEditsReachCommit()
    {
        QFETCH(int, column);
        QFETCH(QString, text);
        QFETCH(double, stored);
        VmProfilesModel model;
        model.setProfiles({profile(QStringLiteral("a"), 10)});
        std::vector<design::VmProfile> committed;
        QString committedField;
        model.setCommit([&](const std::vector<design::VmProfile> &profiles, const QString &field) {
            committed = profiles;
            committedField = field;
            return QString();
        });
        QVERIFY(model.setData(model.index(0, column), text));
        QCOMPARE(committed.size(), std::size_t(1));
        const design::VmProfile &p = committed.front();
        const double value = column == VmProfilesModel::VmsPerServerColumn ? p.vmsPerServer
            : column == VmProfilesModel::NetworkColumn                    ? p.networkBytesPerS
            : column == VmProfilesModel::VcpuUtilizationColumn            ? p.vcpuUtilization
                                                                          : p.blockBytes;
        QCOMPARE(value, stored);
        QVERIFY(committedField.startsWith(QStringLiteral("profile 1 ")));
        QCOMPARE(model.profiles().front(), p);
    }

    void badInputRefused_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");
        QTest::newRow("zero VMs") << int(VmProfilesModel::VmsPerServerColumn) << QStringLiteral("0") << QStringLiteral("at least 1");
        QTest::newRow("fractional vCPUs") << int(VmProfilesModel::VcpusColumn) << QStringLiteral("1.5") << QStringLiteral("whole number");
        QTest::newRow("negative MB/s") << int(VmProfilesModel::StorageColumn) << QStringLiteral("-1") << QStringLiteral("at least 0");
        QTest::newRow("utilization over 100 %") << int(VmProfilesModel::VcpuUtilizationColumn) << QStringLiteral("120") << QStringLiteral("at most 100");
        QTest::newRow("not a number") << int(VmProfilesModel::IopsColumn) << QStringLiteral("abc") << QStringLiteral("not a number");
        QTest::newRow("empty name") << int(VmProfilesModel::NameColumn) << QStringLiteral("  ") << QStringLiteral("must not be empty");
    }
    void badInputRefused()
    {
        QFETCH(int, column);
        QFETCH(QString, text);
        QFETCH(QString, reason);
        VmProfilesModel model;
        const std::vector<design::VmProfile> before = {profile(QStringLiteral("a"), 10)};
        model.setProfiles(before);
        int commits = 0;
        model.setCommit([&](const std::vector<design::VmProfile> &, const QString &) {
            ++commits;
            return QString();
        });
        QSignalSpy refused(&model, &VmProfilesModel::refused);
        QVERIFY(!model.setData(model.index(0, column), text));
        QCOMPARE(commits, 0);
        QCOMPARE(model.profiles(), before);
        QCOMPARE(refused.size(), 1);
        QVERIFY2(refused.first().first().toString().contains(reason), qPrintable(refused.first().first().toString()));
    }

    void commitRefusalKeepsProfiles()
    {
        VmProfilesModel model;
        const std::vector<design::VmProfile> before = {profile(QStringLiteral("a"), 10)};
        model.setProfiles(before);
        model.setCommit([](const std::vector<design::VmProfile> &, const QString &) {
            return QStringLiteral("the document says no");
        });
        QSignalSpy refused(&model, &VmProfilesModel::refused);
        QVERIFY(!model.setData(model.index(0, VmProfilesModel::VmsPerServerColumn), QStringLiteral("3")));
        QCOMPARE(model.profiles(), before);
        QCOMPARE(refused.first().first().toString(), QStringLiteral("the document says no"));
    }

    void addCopiesLastAndRemoveDropsRow()
    {
        VmProfilesModel model;
        model.setProfiles({profile(QStringLiteral("a"), 10)});
        QCOMPARE(model.addProfile(QStringLiteral("other")), QString());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.profiles().back().vmsPerServer, 10); // a copy of the last profile
        QCOMPARE(model.profiles().back().name, QStringLiteral("profile 2"));
        QCOMPARE(model.removeProfile(0), QString());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.profiles().front().name, QStringLiteral("profile 2"));
        QVERIFY(!model.removeProfile(5).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestVmProfilesModel)
#include "tst_vmprofilesmodel.moc"
