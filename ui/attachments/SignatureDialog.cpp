#include "SignatureDialog.h"

#include "AttachmentText.h"
#include "SignaturePad.h"
#include "common/UiColors.h"
#include "common/UiText.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fieldsync::ui {

SignatureDialog::SignatureDialog(AttachmentStore &attachments, const QString &permitId,
                                 const QString &signerRole, const QString &signerName, QWidget *parent)
    : QDialog(parent)
    , m_attachments(attachments)
    , m_permitId(permitId)
    , m_signerRole(signerRole)
    , m_pad(new SignaturePad(this))
    , m_name(new QLineEdit(signerName, this))
    , m_error(new QLabel(this))
    , m_clear(new QPushButton(tr("Clear"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_save(new QPushButton(QIcon(QStringLiteral(":/icons/save.svg")), tr("Save signature"), this))
{
    setWindowTitle(tr("Sign as %1").arg(AttachmentText::signerRoleLabel(signerRole)));
    m_name->setPlaceholderText(tr("Full name of the person signing"));
    m_name->setAccessibleName(tr("Name of the signer"));
    m_clear->setAccessibleName(tr("Clear the signature"));
    m_save->setAccessibleName(tr("Save signature"));
    m_save->setDefault(true);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(UiColors::css(UiColors::errorText(palette()))));
    m_error->hide();

    auto *explain = new QLabel(tr("Draw the signature in the box with a finger or the mouse."), this);
    explain->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Signed by"), m_name);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_clear);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(explain);
    layout->addWidget(m_pad, 1);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    resize(680, 420);

    connect(m_pad, &SignaturePad::changed, this, &SignatureDialog::updateSave);
    connect(m_name, &QLineEdit::textChanged, this, &SignatureDialog::updateSave);
    connect(m_clear, &QPushButton::clicked, m_pad, &SignaturePad::clear);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &SignatureDialog::accept);
    updateSave();
}

QString SignatureDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SignatureDialog::updateSave()
{
    m_save->setEnabled(!m_pad->isEmpty() && !m_name->text().trimmed().isEmpty());
    m_clear->setEnabled(!m_pad->isEmpty());
}

void SignatureDialog::accept()
{
    if (m_pad->isEmpty() || m_name->text().trimmed().isEmpty())
        return;
    Result<QString> stored =
        m_attachments.attachSignature(m_permitId, m_pad->toPng(), m_name->text().trimmed(), m_signerRole);
    if (!stored) {
        // The drawing stays on the pad so that the person can try again.
        m_error->setText(tr("The signature was not saved: %1").arg(UiText::errorText(stored.error())));
        m_error->show();
        return;
    }
    m_attachmentId = stored.value();
    QDialog::accept();
}

} // namespace fieldsync::ui
