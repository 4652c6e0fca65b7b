#include "fieldvalidation.h"

#include <QLocale>
#include <QVariant>
#include <QWidget>

#include <cmath>

namespace iovplan::ui {

namespace {

const char invalidProperty[] = "invalid";

QString withUnit(double value, const QString &unit)
{
    const QString number = editableNumber(value);
    return unit.isEmpty() ? number : number + u' ' + unit;
}

} // namespace

QString editableNumber(double value)
{
    if (!std::isfinite(value))
        return {};
    return QString::number(value, 'g', 10);
}

ParsedNumber parseNumber(const QString &text, const NumberRule &rule)
{
    ParsedNumber parsed;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        if (!rule.optional)
            parsed.error = QStringLiteral("%1: enter a value").arg(rule.what);
        return parsed;
    }
    bool ok = false;
    const double value = QLocale::c().toDouble(trimmed, &ok);
    if (!ok || !std::isfinite(value)) {
        parsed.error = QStringLiteral("%1: “%2” is not a number (write e.g. 1.5)").arg(rule.what, trimmed);
        return parsed;
    }
    if (rule.integer && value != std::floor(value)) {
        parsed.error = QStringLiteral("%1: must be a whole number (got %2)").arg(rule.what, trimmed);
        return parsed;
    }
    if (rule.minExclusive ? value <= rule.min : value < rule.min) {
        parsed.error = rule.minExclusive
            ? QStringLiteral("%1: must be more than %2 (got %3)").arg(rule.what, withUnit(rule.min, rule.unit), trimmed)
            : QStringLiteral("%1: must be at least %2 (got %3)").arg(rule.what, withUnit(rule.min, rule.unit), trimmed);
        return parsed;
    }
    if (value > rule.max) {
        parsed.error = QStringLiteral("%1: must be at most %2 (got %3)").arg(rule.what, withUnit(rule.max, rule.unit), trimmed);
        return parsed;
    }
    parsed.value = value;
    return parsed;
}

void markField(QWidget *field, const QString &reason)
{
    if (!field)
        return;
    const bool invalid = !reason.isEmpty();
    if (isMarkedInvalid(field) == invalid && field->toolTip() == reason)
        return;
    field->setProperty(invalidProperty, invalid);
    field->setToolTip(reason);
    // A red frame reads in light and dark palettes alike; the reason is also in the inspector's message line.
    field->setStyleSheet(invalid ? QStringLiteral("border: 2px solid #e53935; border-radius: 2px;") : QString());
}

bool isMarkedInvalid(const QWidget *field)
{
    return field && field->property(invalidProperty).toBool();
}

} // namespace iovplan::ui
