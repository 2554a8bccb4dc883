#include "AboutDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace fieldsync::ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_text(new QLabel(this))
{
    setWindowTitle(tr("About FieldSync"));
    auto *logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/fieldsync.svg")).pixmap(64, 64));
    logo->setAlignment(Qt::AlignTop);

    m_text->setObjectName(QStringLiteral("aboutText"));
    m_text->setTextFormat(Qt::RichText);
    m_text->setWordWrap(true);
    m_text->setOpenExternalLinks(true);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setText(
        tr("<h2>FieldSync %1</h2>"
           "<p>Permits-to-work and tasks for construction sites, offline first.</p>"
           "<p>Built with Qt %2, running on Qt %3.</p>"
           "<p>FieldSync is free software under the MIT licence.</p>"
           "<p>It uses the Qt libraries under the GNU Lesser General Public License version 3 "
           "(LGPLv3, <a href=\"https://www.qt.io/licensing/open-source-lgpl-obligations\">Qt's "
           "obligations</a>) and QtKeychain under the BSD 2-clause licence. The licence texts are in "
           "/usr/share/doc/fieldsync/copyright and /usr/share/common-licenses.</p>")
            .arg(QStringLiteral(FIELDSYNC_VERSION), QStringLiteral(QT_VERSION_STR),
                 QString::fromLatin1(qVersion())));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *row = new QHBoxLayout;
    row->addWidget(logo);
    row->addWidget(m_text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    resize(560, 360);
}

QString AboutDialog::text() const
{
    return m_text->text();
}

} // namespace fieldsync::ui
