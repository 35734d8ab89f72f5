#pragma once

#include "segmentation/ruleparser.h"

#include <optional>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace outflow::ui {

class RuleHighlighter;

// The rule editor of the Audiences page (issue #17): a plain-text editor
// with the rule language highlighted, parsed as one types (parseRule, the
// same parser every rule goes through): a rule that does not parse is
// underlined where the parser stopped and explained under the editor,
// "Line 2, column 7: expected … but found …". Pure: it reads nothing.
class RuleEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RuleEditor)

public:
    explicit RuleEditor(QWidget *parent = nullptr);

    QString rule() const;
    void setRule(const QString &rule);
    // True when the rule parses (an empty one does not).
    bool isValid() const { return m_valid; }
    // Why it does not parse; nullopt when it does, or is empty.
    const std::optional<RuleParseError> &error() const { return m_error; }

    QPlainTextEdit *textEdit() const { return m_edit; }
    QLabel *errorLabel() const { return m_errorLabel; }
    RuleHighlighter *highlighter() const { return m_highlighter; }

signals:
    // After every edit, once parsed.
    void ruleChanged(const QString &rule, bool valid);

private:
    void parse();
    void markError(const RuleParseError &error);

    QPlainTextEdit *m_edit;
    QLabel *m_errorLabel;
    RuleHighlighter *m_highlighter;
    bool m_valid = false;
    std::optional<RuleParseError> m_error;
};

} // namespace outflow::ui
