#include "filedialog.h"

#include <QFileDialog>

namespace outflow::ui {

QString FileDialog::saveFileName(QWidget *parent, const QString &caption, const QString &proposed,
                                 const QString &filter)
{
    if (s_hasNext) {
        s_hasNext = false;
        return std::exchange(s_next, QString());
    }
    return QFileDialog::getSaveFileName(parent, caption, proposed, filter);
}

QString FileDialog::openFileName(QWidget *parent, const QString &caption, const QString &folder,
                                 const QString &filter)
{
    if (s_hasNext) {
        s_hasNext = false;
        return std::exchange(s_next, QString());
    }
    return QFileDialog::getOpenFileName(parent, caption, folder, filter);
}

void FileDialog::setNextFileName(const QString &path)
{
    s_hasNext = true;
    s_next = path;
}

} // namespace outflow::ui
