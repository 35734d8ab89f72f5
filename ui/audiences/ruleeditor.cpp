#include "ruleeditor.h"

#include "rulehighlighter.h"

#include <algorithm>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

namespace outflow::ui {

RuleEditor::RuleEditor(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QPlainTextEdit(this))
    , m_errorLabel(new QLabel(this))
    , m_highlighter(new RuleHighlighter(m_edit->document()))
{
    setObjectName(QStringLiteral("ruleEditor"));
    m_edit->setObjectName(QStringLiteral("rulePlainTextEdit"));
    m_edit->setAccessibleName(tr("Rule"));
    m_edit->setAccessibleDescription(
        tr("An audience rule, e.g. loyalty.points > 100 and homeAddress.countryCode in "
           "[\"FR\", \"DE\"]"));
    m_edit->setPlaceholderText(tr("loyalty.points > 100 and personalEmail.address exists"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    // Tab moves on to the next control: the whole dialog works from the keyboard.
    m_edit->setTabChangesFocus(true);
    m_errorLabel->setObjectName(QStringLiteral("ruleErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorLabel->setStyleSheet(QStringLiteral("color: palette(link-visited);"));
    m_errorLabel->hide();
    setFocusProxy(m_edit);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_errorLabel);

    connect(m_edit, &QPlainTextEdit::textChanged, this, &RuleEditor::parse);
    parse();
}

QString RuleEditor::rule() const
{
    return m_edit->toPlainText();
}

void RuleEditor::setRule(const QString &rule)
{
    m_edit->setPlainText(rule); // parsed through textChanged
}

void RuleEditor::parse()
{
    const QString text = rule();
    m_error.reset();
    m_valid = false;
    if (!text.trimmed().isEmpty()) {
        const RuleParseResult parsed = parseRule(text);
        m_valid = parsed.isValid();
        if (!m_valid)
            m_error = parsed.error();
    }
    if (m_error) {
        markError(*m_error);
    } else {
        m_edit->setExtraSelections({});
        m_errorLabel->clear();
        m_errorLabel->hide();
    }
    emit ruleChanged(text, m_valid);
}

// A wavy underline under what the parser found where it stopped (one
// character at least: the last one of the line when it is its end).
void RuleEditor::markError(const RuleParseError &error)
{
    QTextDocument *document = m_edit->document();
    const QTextBlock block =
        document->findBlockByNumber(std::clamp(error.line, 1, document->blockCount()) - 1);
    const int offset = RuleHighlighter::offsetOfColumn(block.text(), error.column);
    const bool endOfLine = error.found.isEmpty() || error.found == u"\n";
    int start = block.position() + offset;
    int length = endOfLine ? 1 : int(error.found.size());
    if (offset >= block.length() - 1) { // at the line's end: its last character
        start = block.position() + std::max(0, block.length() - 2);
        length = block.length() > 1 ? 1 : 0;
    }
    QTextEdit::ExtraSelection selection;
    selection.cursor = QTextCursor(document);
    selection.cursor.setPosition(start);
    selection.cursor.setPosition(start + length, QTextCursor::KeepAnchor);
    selection.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    selection.format.setUnderlineColor(Qt::red);
    selection.format.setToolTip(error.description());
    m_edit->setExtraSelections({selection});

    m_errorLabel->setText(
        tr("Line %1, column %2: %3")
            .arg(QString::number(error.line), QString::number(error.column), error.description()));
    m_errorLabel->show();
}

} // namespace outflow::ui
