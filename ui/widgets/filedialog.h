#pragma once

#include <QString>

class QWidget;

namespace outflow::ui {

// The app's file choosers, in one place so that GUI tests can answer them
// without a modal dialog (KeePassXC's FileDialog does the same): a test sets
// the next answer, the next call returns it instead of showing a dialog.
class FileDialog
{
public:
    static QString saveFileName(QWidget *parent, const QString &caption, const QString &proposed,
                                const QString &filter);

    static QString openFileName(QWidget *parent, const QString &caption, const QString &folder,
                                const QString &filter);

    // For tests: the next saveFileName() or openFileName() returns `path` (empty: as if cancelled).
    static void setNextFileName(const QString &path);

private:
    static inline bool s_hasNext = false;
    static inline QString s_next;
};

} // namespace outflow::ui
