#include "jsonfieldreader.h"

#include <QLocale>

#include <cmath>

namespace iovplan::io {

namespace {

// Names quoted in messages are cut here so that an error stays one readable line.
constexpr qsizetype quotedNameLimit = 60;

// A name made safe for a one-line message: control characters escaped, long names shortened.
QString printable(const QString &name)
{
    QString out;
    const QString cut = name.size() > quotedNameLimit ? name.left(quotedNameLimit) : name;
    for (const QChar ch : cut) {
        if (ch.unicode() < 0x20 || ch.unicode() == 0x7f)
            out += QStringLiteral("\\u%1").arg(ch.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += ch;
    }
    if (cut.size() < name.size())
        out += QStringLiteral("...");
    return out;
}

[[noreturn]] void rejectType(const QJsonValue &value, const JsonPath &path, const QString &what)
{
    rejectField(path, QStringLiteral("must be ") + what + QStringLiteral(", got ") + describeValue(value));
}

} // namespace

QString JsonPath::toString() const
{
    QString text = m_parent ? m_parent->toString() : QString();
    if (m_index >= 0)
        return text + QLatin1Char('[') + QString::number(m_index) + QLatin1Char(']');
    if (!text.isEmpty())
        text += QLatin1Char('.');
    return text + (m_latin1 ? QString::fromLatin1(m_latin1) : printable(m_key));
}

void rejectField(const JsonPath &path, const QString &message)
{
    throw JsonFieldError { path.toString(), message };
}

QString quoted(const QString &name)
{
    return QLatin1Char('\'') + printable(name) + QLatin1Char('\'');
}

QString numberText(double x)
{
    return QString::number(x, 'g', QLocale::FloatingPointShortest);
}

QString numberText(qint64 x)
{
    return QString::number(x);
}

QString describeValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return numberText(value.toDouble());
    case QJsonValue::String:
        return QStringLiteral("the string ") + quoted(value.toString());
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QJsonObject requireObject(const QJsonValue &value, const JsonPath &path, const QString &what)
{
    if (!value.isObject())
        rejectType(value, path, what);
    return value.toObject();
}

QJsonArray requireArray(const QJsonValue &value, const JsonPath &path, const QString &what)
{
    if (!value.isArray())
        rejectType(value, path, what);
    return value.toArray();
}

QJsonArray requireBoundedArray(const QJsonValue &value, const JsonPath &path, const ArrayRule &rule)
{
    if (value.isUndefined())
        rejectField(path, QStringLiteral("is missing: ") + rule.whyRequired);
    const QJsonArray array = requireArray(value, path, rule.what);
    if (array.isEmpty())
        rejectField(path, QStringLiteral("is empty: ") + rule.whyNonEmpty);
    requireAtMost(array.size(), path, rule.itemsNoun, rule.maxItems);
    return array;
}

void requireAtMost(qint64 count, const JsonPath &path, const QString &itemsNoun, qint64 limit)
{
    if (count > limit)
        rejectField(path,
            QStringLiteral("has ") + numberText(count) + QLatin1Char(' ') + itemsNoun
                + QStringLiteral(", more than the limit of ") + numberText(limit));
}

qsizetype jsonNestingBeyond(const QByteArray &json, qsizetype maxDepth)
{
    qsizetype depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            if (c == '\\')
                ++i; // the escaped character cannot end the string
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > maxDepth)
                return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return -1;
}

QString requireString(const QJsonValue &value, const JsonPath &path)
{
    if (value.isUndefined())
        rejectField(path, QStringLiteral("is missing"));
    if (!value.isString())
        rejectType(value, path, QStringLiteral("a string"));
    return value.toString();
}

double requireNumber(const QJsonValue &value, const JsonPath &path)
{
    if (value.isUndefined())
        rejectField(path, QStringLiteral("is missing"));
    if (!value.isDouble())
        rejectType(value, path, QStringLiteral("a number"));
    const double x = value.toDouble();
    // Qt rejects 1e999 while parsing; this guards other producers of QJsonValue all the same.
    if (!std::isfinite(x))
        rejectField(path, QStringLiteral("must be a finite number"));
    return x;
}

double positiveNumber(const QJsonValue &value, const JsonPath &path)
{
    const double x = requireNumber(value, path);
    if (!(x > 0.0))
        rejectField(path, QStringLiteral("must be > 0, got ") + numberText(x));
    return x;
}

double nonNegativeNumber(const QJsonValue &value, const JsonPath &path)
{
    const double x = requireNumber(value, path);
    if (x < 0.0)
        rejectField(path, QStringLiteral("must be >= 0, got ") + numberText(x));
    return x + 0.0; // turns -0 into 0
}

double probability(const QJsonValue &value, const JsonPath &path)
{
    const double x = requireNumber(value, path);
    if (x < 0.0 || x > 1.0)
        rejectField(path, QStringLiteral("must be a probability in [0, 1], got ") + numberText(x));
    return x + 0.0;
}

qint64 wholeNumber(const QJsonValue &value, const JsonPath &path, qint64 minimum, qint64 maximum)
{
    const double x = requireNumber(value, path);
    if (std::floor(x) != x || x < static_cast<double>(minimum))
        rejectField(path,
            QStringLiteral("must be a whole number >= ") + numberText(minimum) + QStringLiteral(", got ")
                + numberText(x));
    if (x > static_cast<double>(maximum))
        rejectField(path,
            QStringLiteral("must be at most ") + numberText(maximum) + QStringLiteral(", got ")
                + numberText(x));
    return static_cast<qint64>(x);
}

} // namespace iovplan::io
