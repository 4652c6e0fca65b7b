#include "jsonduplicatekeys.h"

#include "jsonfieldreader.h"

#include <QSet>

#include <algorithm>
#include <vector>

namespace iovplan::io {

namespace {

// One open object or array. Only the open containers are kept, so memory grows with nesting depth
// and with the keys of the open objects, never with the document's total size beyond that.
struct Frame
{
    bool isObject = false;
    bool expectingKey = true; ///< objects: the next string is a key
    QString lastKey; ///< objects: the key of the member being read
    qsizetype index = 0; ///< arrays: the index of the element being read
    QSet<QString> keys; ///< objects: the keys seen so far
};

// A key as a path segment: the same escaping and shortening JsonPath applies to keys taken from a
// document (quoted() does it, between quotes that are dropped here).
QString segment(const QString &key)
{
    const QString text = quoted(key);
    return text.mid(1, text.size() - 2);
}

QString pathOf(const std::vector<Frame> &stack)
{
    QString path;
    for (std::size_t f = 1; f < stack.size(); ++f) {
        const Frame &parent = stack[f - 1];
        if (parent.isObject) {
            if (!path.isEmpty())
                path += QLatin1Char('.');
            path += segment(parent.lastKey);
        } else {
            path += QLatin1Char('[') + QString::number(parent.index) + QLatin1Char(']');
        }
    }
    return path;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The string starting at the quote json[i], unescaped; `i` ends after the closing quote. UTF-8 runs
// are decoded as a whole and each escape appends its UTF-16 unit, so "\u00e9", "é" and the surrogate
// pair escapes of a character outside the BMP give the same QString as their raw UTF-8 spelling.
// Bounds are checked although the text is valid JSON, so that no input can read past the end.
QString readString(const QByteArray &json, qsizetype &i)
{
    const char *data = json.constData();
    const qsizetype size = json.size();
    QString out;
    qsizetype run = ++i;
    while (i < size && data[i] != '"') {
        if (data[i] != '\\') {
            ++i;
            continue;
        }
        out += QString::fromUtf8(data + run, i - run);
        const char escape = i + 1 < size ? data[i + 1] : '\0';
        i += 2;
        switch (escape) {
        case 'b': out += QChar(0x08); break;
        case 'f': out += QChar(0x0c); break;
        case 'n': out += QChar(0x0a); break;
        case 'r': out += QChar(0x0d); break;
        case 't': out += QChar(0x09); break;
        case 'u': {
            int unit = 0;
            for (int k = 0; k < 4 && i < size; ++k, ++i) {
                const int digit = hexDigit(data[i]);
                unit = unit * 16 + (digit < 0 ? 0 : digit);
            }
            out += QChar(static_cast<char16_t>(unit));
            break;
        }
        default: // '"', '\\', '/'
            out += QLatin1Char(escape);
            break;
        }
        run = i;
    }
    if (run < size)
        out += QString::fromUtf8(data + run, std::min(i, size) - run);
    ++i;
    return out;
}

// Moves `i` past the string starting at the quote json[i], without decoding it.
void skipString(const QByteArray &json, qsizetype &i)
{
    const char *data = json.constData();
    const qsizetype size = json.size();
    ++i;
    while (i < size && data[i] != '"')
        i += data[i] == '\\' ? 2 : 1;
    ++i;
}

} // namespace

std::optional<DuplicateKey> findDuplicateKey(const QByteArray &json)
{
    std::vector<Frame> stack;
    const char *data = json.constData();
    const qsizetype size = json.size();
    qsizetype i = 0;
    while (i < size) {
        switch (data[i]) {
        case '{':
            stack.push_back(Frame { true, true, QString(), 0, {} });
            ++i;
            break;
        case '[':
            stack.push_back(Frame { false, false, QString(), 0, {} });
            ++i;
            break;
        case '}':
        case ']':
            if (!stack.empty())
                stack.pop_back();
            ++i;
            break;
        case ',':
            if (!stack.empty()) {
                Frame &top = stack.back();
                if (top.isObject)
                    top.expectingKey = true;
                else
                    ++top.index;
            }
            ++i;
            break;
        case ':':
            if (!stack.empty())
                stack.back().expectingKey = false;
            ++i;
            break;
        case '"':
            if (!stack.empty() && stack.back().isObject && stack.back().expectingKey) {
                Frame &top = stack.back();
                const QString key = readString(json, i);
                if (top.keys.contains(key)) {
                    const QString path = pathOf(stack);
                    return DuplicateKey { path, key, path.isEmpty() ? segment(key) : path + QLatin1Char('.') + segment(key) };
                }
                top.keys.insert(key);
                top.lastKey = key;
                top.expectingKey = false;
            } else {
                skipString(json, i);
            }
            break;
        default: // whitespace, numbers, true, false, null
            ++i;
            break;
        }
    }
    return std::nullopt;
}

} // namespace iovplan::io
