// findDuplicateKey: repeated keys are found with the path of their object, keys are compared after
// unescaping, keys of different objects and strings that are values never count, and deep or large
// documents are scanned without recursion.
#include "model/io/jsonduplicatekeys.h"

#include <QJsonDocument>
#include <QtTest>

using namespace iovplan;

class TestJsonDuplicateKeys : public QObject
{
    Q_OBJECT

private slots:
    void scan_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("found");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("key");
        const auto none = [](const char *name, const char *json) {
            QTest::newRow(name) << QByteArray(json) << false << QString() << QString();
        };
        const auto dup = [](const char *name, const char *json, const char *path, const QString &key) {
            QTest::newRow(name) << QByteArray(json) << true << QString::fromUtf8(path) << key;
        };
        none("distinct keys", R"({"a": 1, "b": 2, "c": {"a": 3}})");
        none("same key in sibling objects", R"({"x": {"a": 1}, "y": {"a": 2}})");
        none("same key in array elements", R"([{"a": 1}, {"a": 1}])");
        none("value spelled like a key", R"({"a": "a", "b": "a", "c": ["a", "a"]})");
        // Not raw strings: moc (Qt 6.4) misreads \" inside a raw string literal and drops the class.
        none("string holding a key and colon", "{\"a\": \"\\\"a\\\": 1, \", \"b\": \"{\\\"b\\\": 2}\"}");
        none("escape differs from backslash text", R"({"a\n": 1, "a\\n": 2})");
        none("key after a closed object", R"({"a": {"b": 1}, "b": 2})");
        none("empty containers", R"({"a": {}, "b": [], "c": [[], {}], "d": ""})");
        dup("top level", R"({"a": 1, "b": 2, "a": 3})", "", QStringLiteral("a"));
        dup("catalog item id", R"({"catalog": {"srv": {"kind": "server"}, "nic": {}, "srv": {}}})", "catalog",
            QStringLiteral("srv"));
        dup("inside an array element", R"({"scenarios": [{"n": 1}, {"design": {"k": 1, "k": [2]}}]})",
            "scenarios[1].design", QStringLiteral("k"));
        dup("nested arrays", R"({"m": [[1, 2], [3, {"z": 0, "z": 0}]]})", "m[1][1]", QStringLiteral("z"));
        dup("unicode escape equals plain", R"({"a\u0062": 1, "ab": 2})", "", QStringLiteral("ab"));
        dup("escaped quote", "{\"a\\\"b\": 1, \"a\\\"b\": 2}", "", QStringLiteral("a\"b"));
        dup("escaped backslash at the end", R"({"a\\": 1, "a\\\\": 2, "a\\": 3})", "", QStringLiteral("a\\"));
        dup("escaped solidus", R"({"a/b": 1, "a\/b": 2})", "", QStringLiteral("a/b"));
        dup("short escapes", R"({"\b\f\n\r\t": 1, "\u0008\u000C\u000a\u000d\u0009": 2})", "",
            QStringLiteral("\b\f\n\r\t"));
        dup("non-ASCII escaped and raw", "{\"\\u00E9t\\u00e9\": 1, \"\xc3\xa9t\xc3\xa9\": 2}", "",
            QString::fromUtf8("\xc3\xa9t\xc3\xa9"));
        dup("surrogate pair escaped and raw", "{\"x\": {\"\\ud83d\\ude00\": 1, \"\xf0\x9f\x98\x80\": 2}}", "x",
            QString::fromUtf8("\xf0\x9f\x98\x80"));
        dup("empty key", R"({"": 1, "": 2})", "", QString());
        dup("first duplicate in document order", R"({"p": {"a": 1, "a": 2}, "q": 1, "q": 2})", "p",
            QStringLiteral("a"));
        dup("control character in the path is escaped", R"({"a\tb": {"k": 1, "k": 2}})", "a\\u0009b",
            QStringLiteral("k"));
        dup("control character in the key", R"({"k\n": 1, "k\n": 2})", "", QStringLiteral("k\n"));
    }

    void scan()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, found);
        QFETCH(QString, path);
        QFETCH(QString, key);
        QJsonParseError error;
        QJsonDocument::fromJson(json, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, "the row must be valid JSON, as the scanner assumes");
        const std::optional<io::DuplicateKey> duplicate = io::findDuplicateKey(json);
        QCOMPARE(duplicate.has_value(), found);
        if (duplicate) {
            QCOMPARE(duplicate->path, path);
            QCOMPARE(duplicate->key, key);
            // The member's path escapes control characters as JsonPath does: one line, printable.
            QVERIFY(duplicate->memberPath.startsWith(path));
            QVERIFY(!duplicate->memberPath.contains(QLatin1Char('\n')));
            if (key == QStringLiteral("k\n"))
                QCOMPARE(duplicate->memberPath, QStringLiteral("k\\u000a"));
            else if (!path.isEmpty() && key == QStringLiteral("k"))
                QCOMPARE(duplicate->memberPath, path + QStringLiteral(".k"));
        }
    }

    void deepNestingIsScannedWithoutRecursion()
    {
        // 1000 levels: below Qt's limit of 1024, so the parser accepts it and the scan must cope.
        constexpr int depth = 1000;
        QByteArray json;
        for (int i = 0; i < depth; ++i)
            json += i % 2 == 0 ? "{\"k\": " : "[";
        json += "{\"d\": 1, \"d\": 2}";
        for (int i = depth - 1; i >= 0; --i)
            json += i % 2 == 0 ? "}" : "]";
        QVERIFY(!QJsonDocument::fromJson(json).isNull());
        const std::optional<io::DuplicateKey> duplicate = io::findDuplicateKey(json);
        QVERIFY(duplicate);
        QCOMPARE(duplicate->key, QStringLiteral("d"));
        QVERIFY(duplicate->path.startsWith(QStringLiteral("k[0].k[0].k[0]")));
        QCOMPARE(duplicate->path.count(QLatin1Char('k')), depth / 2);
        QCOMPARE(duplicate->path.count(QLatin1Char('[')), depth / 2);
    }

    void manyKeys()
    {
        // 100000 keys in one object, the duplicate being the very last: found (a scan that compared
        // each key with every earlier one would take ~5e9 steps here).
        constexpr int count = 100000;
        QByteArray json = "{";
        for (int i = 0; i < count; ++i)
            json += "\"key" + QByteArray::number(i) + "\": " + QByteArray::number(i) + ", ";
        json += "\"key0\": null}";
        const std::optional<io::DuplicateKey> duplicate = io::findDuplicateKey(json);
        QVERIFY(duplicate);
        QCOMPARE(duplicate->key, QStringLiteral("key0"));
        QCOMPARE(duplicate->path, QString());
    }
};

QTEST_GUILESS_MAIN(TestJsonDuplicateKeys)
#include "tst_jsonduplicatekeys.moc"
