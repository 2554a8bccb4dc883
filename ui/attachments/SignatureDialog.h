#pragma once

#include "attachments/AttachmentStore.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace fieldsync::ui {

class SignaturePad;

// Signs a permit as its issuer or its receiver: the person draws the signature and confirms their
// name; Save stores it as a PNG attachment of the permit (queued for the server like any change).
class SignatureDialog : public QDialog
{
    Q_OBJECT

public:
    // signerRole: "issuer" or "receiver".
    SignatureDialog(AttachmentStore &attachments, const QString &permitId, const QString &signerRole,
                    const QString &signerName, QWidget *parent = nullptr);

    SignaturePad *pad() const { return m_pad; }
    QLineEdit *nameField() const { return m_name; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *clearButton() const { return m_clear; }
    QString errorText() const;
    // The stored signature after Save succeeded.
    QString attachmentId() const { return m_attachmentId; }

public slots:
    void accept() override;

private:
    void updateSave();

    AttachmentStore &m_attachments;
    QString m_permitId;
    QString m_signerRole;
    QString m_attachmentId;
    SignaturePad *m_pad;
    QLineEdit *m_name;
    QLabel *m_error;
    QPushButton *m_clear;
    QPushButton *m_cancel;
    QPushButton *m_save;
};

} // namespace fieldsync::ui
