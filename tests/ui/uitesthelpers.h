#pragma once
// Helpers the GUI parts' tests share: a scenario evaluated as EvaluationService would deliver it, and a
// dark palette for checking that views draw with palette roles.

#include "tests/exampleproject.h"
#include "ui/editing/evaluationservice.h"

#include <QColor>
#include <QPalette>

#include <memory>

namespace iovplan::testing {

/// `scenario` evaluated with the example's pinned items, as revision 1 of scenario `key`.
inline ui::EvaluationPtr evaluatedExample(const design::Scenario &scenario, ui::ScenarioKey key = 0)
{
    auto e = std::make_shared<ui::ScenarioEvaluation>();
    e->key = key;
    e->revision = 1;
    e->scenario = scenario;
    e->catalog = ciovExample().catalog;
    e->metrics = iov::evaluate(scenario, ciovExample().catalog);
    return e;
}

/// A dark palette like a desktop's dark theme.
inline QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xd9));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

} // namespace iovplan::testing
