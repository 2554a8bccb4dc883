#include "PermitSignatures.h"

#include "AttachmentText.h"
#include "PhotoViewer.h"
#include "SignatureDialog.h"
#include "ThumbnailProvider.h"
#include "common/UiText.h"
#include "store/DeviceStore.h"
#include "sync/SyncController.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace fieldsync::ui {

namespace {

const QSize SignatureThumbnail(160, 64);
const QString Issuer = QStringLiteral("issuer");
const QString Receiver = QStringLiteral("receiver");

} // namespace

PermitSignatures::PermitSignatures(DeviceStore &store, AttachmentStore &attachments, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_attachments(attachments)
    , m_thumbnails(new ThumbnailProvider(SignatureThumbnail, this))
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setColumnStretch(2, 1);
    const QString roles[2] = {Issuer, Receiver};
    for (int i = 0; i < 2; ++i) {
        Row &row = m_rows[i];
        row.role = roles[i];
        row.picture = new QLabel(this);
        row.picture->setFixedSize(SignatureThumbnail);
        row.picture->setAlignment(Qt::AlignCenter);
        row.picture->setFrameShape(QFrame::StyledPanel);
        row.summary = new QLabel(this);
        row.summary->setWordWrap(true);
        row.summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
        row.view = new QPushButton(QIcon(QStringLiteral(":/icons/eye.svg")), tr("View"), this);
        row.sign = new QPushButton(QIcon(QStringLiteral(":/icons/edit.svg")),
                                   row.role == Issuer ? tr("Sign as issuer") : tr("Sign as receiver"), this);
        row.sign->setObjectName(row.role == Issuer ? QStringLiteral("signIssuerButton")
                                                   : QStringLiteral("signReceiverButton"));
        row.sign->setAccessibleName(row.sign->text());
        row.view->setAccessibleName(row.role == Issuer ? tr("View the issuer's signature")
                                                       : tr("View the receiver's signature"));
        auto *title = new QLabel(row.role == Issuer ? tr("Issuer") : tr("Receiver"), this);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        // The words get the width, the buttons go under them: narrow at tablet size, never cut.
        auto *buttons = new QHBoxLayout;
        buttons->addWidget(row.view);
        buttons->addWidget(row.sign);
        buttons->addStretch(1);
        auto *details = new QVBoxLayout;
        details->addWidget(row.summary);
        details->addLayout(buttons);
        layout->addWidget(title, i, 0);
        layout->addWidget(row.picture, i, 1);
        layout->addLayout(details, i, 2);
        const QString role = row.role;
        connect(row.sign, &QPushButton::clicked, this, [this, role] { sign(role); });
        connect(row.view, &QPushButton::clicked, this, [this, role] {
            const QString id = signatureId(role);
            if (id.isEmpty())
                return;
            auto *viewer = new PhotoViewer(m_attachments, m_sync, id, this);
            viewer->setAttribute(Qt::WA_DeleteOnClose);
            viewer->open();
        });
    }
    connect(&m_attachments, &AttachmentStore::attachmentsChanged, this, [this](const QString &recordId) {
        if (recordId == m_permitId)
            reload();
    });
    connect(m_thumbnails, &ThumbnailProvider::thumbnailReady, this, &PermitSignatures::reload);
    setPermit({}, false);
}

void PermitSignatures::setSyncController(SyncController *sync)
{
    if (m_sync)
        disconnect(m_sync, nullptr, this, nullptr);
    m_sync = sync;
    m_thumbnails->setSyncController(sync);
    if (sync) {
        connect(sync, &SyncController::syncFinished, this, [this] {
            if (!m_permitId.isEmpty())
                reload();
        });
    }
}

PermitSignatures::Row &PermitSignatures::row(const QString &signerRole)
{
    return m_rows[signerRole == Receiver ? 1 : 0];
}

const PermitSignatures::Row &PermitSignatures::row(const QString &signerRole) const
{
    return m_rows[signerRole == Receiver ? 1 : 0];
}

QPushButton *PermitSignatures::signButton(const QString &signerRole) const
{
    return row(signerRole).sign;
}

QString PermitSignatures::summary(const QString &signerRole) const
{
    return row(signerRole).summary->text();
}

QString PermitSignatures::signatureId(const QString &signerRole) const
{
    return row(signerRole).attachmentId;
}

void PermitSignatures::setPermit(const QString &permitId, bool editable)
{
    m_permitId = permitId;
    m_editable = editable;
    reload();
}

void PermitSignatures::reload()
{
    m_signatures.clear();
    if (!m_permitId.isEmpty()) {
        Result<QList<AttachmentInfo>> found = m_attachments.forRecord(m_permitId);
        for (const AttachmentInfo &info : found ? found.value() : QList<AttachmentInfo>()) {
            if (info.kind == AttachmentKind::Signature)
                m_signatures.append(info);
        }
    }
    for (Row &row : m_rows) {
        const AttachmentInfo *latest = nullptr;
        for (const AttachmentInfo &info : m_signatures) {
            const QDateTime at = info.signedAt.isValid() ? info.signedAt : info.createdAt;
            if (info.signerRole == row.role &&
                (!latest || at >= (latest->signedAt.isValid() ? latest->signedAt : latest->createdAt)))
                latest = &info;
        }
        showRow(row, latest);
    }
    const int count = int(m_signatures.size());
    if (count != m_count) {
        m_count = count;
        emit countChanged(count);
    }
}

void PermitSignatures::showRow(Row &row, const AttachmentInfo *latest)
{
    row.attachmentId = latest ? latest->id : QString();
    row.sign->setEnabled(m_editable && !m_permitId.isEmpty());
    row.view->setEnabled(latest != nullptr);
    if (!latest) {
        row.picture->clear();
        row.picture->setText(tr("No signature"));
        row.summary->setText(tr("Not signed yet"));
        return;
    }
    row.picture->setPixmap(m_thumbnails->thumbnail(*latest));
    row.summary->setText(AttachmentText::signatureText(*latest) + QLatin1Char('\n') +
                         AttachmentText::stateText(*latest));
    row.picture->setAccessibleName(AttachmentText::signatureText(*latest));
}

QString PermitSignatures::signerName() const
{
    Result<DeviceAccount> account = m_store.account();
    return account ? account.value().userName : QString();
}

bool PermitSignatures::sign(const QString &signerRole)
{
    if (m_permitId.isEmpty() || !m_editable)
        return false;
    SignatureDialog dialog(m_attachments, m_permitId, signerRole, signerName(), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    reload();
    emit message(tr("Signature saved on this device. It goes to the server with the next sync."));
    return true;
}

} // namespace fieldsync::ui
