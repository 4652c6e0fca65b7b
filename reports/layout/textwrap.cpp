#include "reports/layout/textwrap.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace iovplan::reports::pagelayout {

namespace {

// The narrowest width wrapping works with: below it every character would take its own line.
constexpr double minimumWidth = 4.0;

struct Word
{
    QString text;
    FontRole font = FontRole::Body;
    bool breakBefore = false; ///< a "\n" came before this word
};

std::vector<Word> splitWords(const std::vector<TextRun> &runs)
{
    std::vector<Word> words;
    bool pendingBreak = false;
    for (const TextRun &run : runs) {
        QString current;
        const auto flush = [&] {
            if (!current.isEmpty()) {
                words.push_back({current, run.font, pendingBreak});
                pendingBreak = false;
                current.clear();
            }
        };
        for (const QChar c : run.text) {
            if (c == u'\n') {
                flush();
                // Line breaks separate words; several in a row, or one before any word, count once.
                pendingBreak = !words.empty();
            } else if (c.isSpace()) {
                flush();
            } else {
                current.append(c);
            }
        }
        flush();
    }
    return words;
}

// The longest prefix of `word` (at least one character, never half a surrogate pair) within `width`.
qsizetype fittingPrefix(const QString &word, FontRole font, double width, const ReportFonts &fonts)
{
    // Gallop from the start, then bisect: a 30,000-letter word costs a line's worth of measuring per line.
    const qsizetype size = word.size();
    qsizetype low = 1; // taken even when it does not fit, so wrapping always moves on
    qsizetype high = std::min<qsizetype>(2, size);
    while (high < size && fonts.advance(font, word.left(high)) <= width) {
        low = high;
        high = std::min(high * 2, size);
    }
    if (high == size && fonts.advance(font, word) <= width)
        low = size;
    while (high - low > 1) {
        const qsizetype middle = (low + high) / 2;
        if (fonts.advance(font, word.left(middle)) <= width)
            low = middle;
        else
            high = middle;
    }
    if (low < size && word.at(low - 1).isHighSurrogate())
        low = low > 1 ? low - 1 : low + 1;
    return low;
}

class LineBuilder
{
public:
    LineBuilder(double width, const ReportFonts &fonts)
        : m_width(width)
        , m_fonts(fonts)
    {
    }

    void add(const Word &word)
    {
        if (word.breakBefore)
            finishLine();
        QString text = word.text;
        double advance = measure(text, word.font);
        for (;;) {
            const double space = m_line.segments.empty() ? 0.0 : m_fonts.advance(word.font, QStringLiteral(" "));
            if (m_line.width + space + advance <= m_width) {
                append(text, word.font, space, advance);
                return;
            }
            if (!m_line.segments.empty()) {
                finishLine();
                continue;
            }
            // Alone on its line and still too wide: split between characters.
            const qsizetype cut = fittingPrefix(text, word.font, m_width, m_fonts);
            if (cut >= text.size()) {
                append(text, word.font, 0.0, advance);
                return;
            }
            const QString head = text.left(cut);
            append(head, word.font, 0.0, m_fonts.advance(word.font, head));
            finishLine();
            text = text.mid(cut);
            advance = measure(text, word.font);
        }
    }

    std::vector<TextLine> take()
    {
        finishLine();
        return std::move(m_lines);
    }

private:
    // No line is wider than a few hundred characters: longer text is not measured (it will be split).
    double measure(const QString &text, FontRole font) const
    {
        constexpr qsizetype longerThanAnyLine = 600;
        return text.size() > longerThanAnyLine ? std::numeric_limits<double>::max() : m_fonts.advance(font, text);
    }

    void append(const QString &text, FontRole font, double space, double advance)
    {
        if (!m_line.segments.empty() && m_line.segments.back().font == font) {
            m_line.segments.back().text += QLatin1Char(' ') + text;
        } else {
            m_line.segments.push_back({m_line.width + space, text, font});
        }
        m_line.width += space + advance;
    }

    void finishLine()
    {
        if (!m_line.segments.empty())
            m_lines.push_back(std::move(m_line));
        m_line = TextLine();
    }

    double m_width;
    const ReportFonts &m_fonts;
    TextLine m_line;
    std::vector<TextLine> m_lines;
};

} // namespace

std::vector<TextLine> wrapText(const std::vector<TextRun> &runs, double width, const ReportFonts &fonts)
{
    const double available = std::isfinite(width) ? std::max(width, minimumWidth) : minimumWidth;
    // Most table cells fit as they are: one measurement, no splitting.
    if (runs.size() == 1) {
        const QString &text = runs.front().text;
        const bool plain = !text.isEmpty() && !text.contains(u'\n') && !text.front().isSpace() && !text.back().isSpace();
        if (plain) {
            const double advance = fonts.advance(runs.front().font, text);
            if (advance <= available)
                return {TextLine{{LineSegment{0.0, text, runs.front().font}}, advance}};
        }
    }
    LineBuilder builder(available, fonts);
    for (const Word &word : splitWords(runs))
        builder.add(word);
    std::vector<TextLine> lines = builder.take();
    while (!lines.empty() && lines.back().segments.empty())
        lines.pop_back();
    return lines;
}

std::vector<TextLine> wrapText(const QString &text, FontRole font, double width, const ReportFonts &fonts)
{
    return wrapText(std::vector<TextRun>{TextRun{text, font}}, width, fonts);
}

void truncateLines(std::vector<TextLine> &lines, std::size_t maxLines, double width, const ReportFonts &fonts)
{
    const std::size_t keep = std::max<std::size_t>(maxLines, 1);
    if (lines.size() <= keep)
        return;
    lines.resize(keep);
    TextLine &last = lines.back();
    if (last.segments.empty())
        return;
    // Shorten the last segment until it and "…" fit the width.
    LineSegment &segment = last.segments.back();
    const QString ellipsis = QString(QChar(0x2026));
    const double room = std::max(width, minimumWidth) - segment.x;
    QString text = segment.text;
    while (!text.isEmpty() && fonts.advance(segment.font, text + ellipsis) > room)
        text.chop(text.size() > 1 && text.at(text.size() - 2).isHighSurrogate() ? 2 : 1);
    segment.text = text.trimmed() + ellipsis;
    last.width = segment.x + fonts.advance(segment.font, segment.text);
}

double linesHeight(const std::vector<TextLine> &lines, const ReportFonts &fonts)
{
    double height = 0;
    for (const TextLine &line : lines)
        height += fonts.leading(line.segments.empty() ? FontRole::Body : line.segments.front().font);
    return height;
}

} // namespace iovplan::reports::pagelayout
