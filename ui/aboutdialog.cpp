#include "aboutdialog.h"

#include "app/appinfo.h"

#include <QDialogButtonBox>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace outflow::ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About %1").arg(appinfo::displayName));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/outflow.svg")).pixmap(64, 64));

    auto *title = new QLabel(
        QStringLiteral("<h2>%1</h2>").arg(appinfo::displayName.toString().toHtmlEscaped()), this);
    auto *version = new QLabel(tr("Version %1").arg(appinfo::version), this);
    version->setObjectName(QStringLiteral("versionLabel"));
    version->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *summary = new QLabel(tr("Streams customer profiles to any HTTP endpoint, keeps its "
                                  "secrets in the system keychain and shows the live dataflow."),
                               this);
    summary->setWordWrap(true);
    auto *qt = new QLabel(tr("Built with Qt %1, running on Qt %2.")
                              .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())),
                          this);
    qt->setObjectName(QStringLiteral("qtVersionLabel"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    for (QWidget *widget : std::initializer_list<QWidget *>{icon, title, version, summary, qt})
        layout->addWidget(widget, 0, Qt::AlignHCenter);
    layout->addWidget(buttons);
    setMinimumWidth(380);
}

} // namespace outflow::ui
