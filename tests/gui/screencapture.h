#pragma once
// Checks a window as a reviewer would before its screenshot (no clipped
// label or button, every focusable control named for screen readers) and,
// with OUTFLOW_SCREENSHOT_DIR set (tools/screenshots.sh, under Xvfb), saves
// it as docs/screenshot-NAME[-LANG].png for the README. Shared by the GUI
// tests that walk the wizards.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QTest>
#include <QToolButton>

namespace outflow::test {

// No visible text is cut: every label that does not wrap and every
// button gets at least the width its text needs.
inline void captureScreen(QWidget *window, const QString &language, const QString &name)
{
    QApplication::processEvents();
    for (QLabel *label : window->findChildren<QLabel *>()) {
        if (!label->isVisible() || label->wordWrap() || label->text().isEmpty())
            continue;
        QVERIFY2(
            label->width() >= label->minimumSizeHint().width(),
            qPrintable(
                QStringLiteral("%1 (%2): “%3” is clipped").arg(name, language, label->text())));
    }
    for (QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        const auto *tool = qobject_cast<QToolButton *>(button);
        if (!button->isVisible() || button->text().isEmpty() ||
            (tool && tool->toolButtonStyle() == Qt::ToolButtonIconOnly))
            continue;
        QVERIFY2(button->width() >= button->minimumSizeHint().width(),
                 qPrintable(QStringLiteral("%1 (%2): button “%3” is clipped")
                                .arg(name, language, button->text())));
    }
    // What a screen reader says (the tree AT-SPI exposes on Linux): every
    // control that takes focus has a name.
    for (QWidget *control : window->findChildren<QWidget *>()) {
        if (!control->isVisible() || control->focusPolicy() == Qt::NoFocus ||
            !control->isEnabled() || qobject_cast<QAbstractSpinBox *>(control->parentWidget()) ||
            (control->parentWidget() &&
             qobject_cast<QAbstractItemView *>(control->parentWidget()->parentWidget())))
            continue;
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(control);
        QVERIFY(accessible);
        QVERIFY2(
            !accessible->text(QAccessible::Name).trimmed().isEmpty(),
            qPrintable(QStringLiteral("%1 (%2): a %3 (%4) has no accessible name")
                           .arg(name, language, QLatin1String(control->metaObject()->className()),
                                control->objectName())));
    }
    const QString folder = qEnvironmentVariable("OUTFLOW_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    const QString suffix = language == QLatin1String("en") ? QString() : u'-' + language;
    const QString path =
        QDir(folder).filePath(QStringLiteral("screenshot-%1%2.png").arg(name, suffix));
    QVERIFY2(window->grab().save(path), qPrintable(path));
}

} // namespace outflow::test
