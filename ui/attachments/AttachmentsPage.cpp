#include "AttachmentsPage.h"

#include "AttachmentStrip.h"
#include "PermitSignatures.h"

#include "common/KineticScrolling.h"

#include <QGroupBox>
#include <QScrollArea>
#include <QVBoxLayout>

namespace fieldsync::ui {

AttachmentsPage::AttachmentsPage(DeviceStore &store, bool withSignatures, QWidget *parent)
    : QWidget(parent)
    , m_attachments(store)
    , m_strip(new AttachmentStrip(m_attachments, this))
{
    // Scrolls as a whole, so that at tablet height neither the signatures nor the photos are cut.
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    enableKineticScrolling(scroll);
    (new QVBoxLayout(this))->addWidget(scroll);
    m_strip->setSingleRow(true);
    auto *layout = new QVBoxLayout(content);
    if (withSignatures) {
        m_signatures = new PermitSignatures(store, m_attachments, this);
        auto *box = new QGroupBox(tr("Signatures"), this);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->addWidget(m_signatures);
        layout->addWidget(box);
        connect(m_signatures, &PermitSignatures::countChanged, this, &AttachmentsPage::titleChanged);
        connect(m_signatures, &PermitSignatures::message, this, &AttachmentsPage::message);
    }
    auto *photos = new QGroupBox(tr("Photos"), this);
    auto *photosLayout = new QVBoxLayout(photos);
    photosLayout->addWidget(m_strip);
    layout->addWidget(photos);
    layout->addStretch(1);
    connect(m_strip, &AttachmentStrip::countChanged, this, &AttachmentsPage::titleChanged);
    connect(m_strip, &AttachmentStrip::message, this, &AttachmentsPage::message);
}

void AttachmentsPage::setSyncController(SyncController *sync)
{
    m_strip->setSyncController(sync);
    if (m_signatures)
        m_signatures->setSyncController(sync);
}

void AttachmentsPage::setRecord(const QString &recordId, bool editable)
{
    m_strip->setRecord(recordId, editable);
    if (m_signatures)
        m_signatures->setPermit(recordId, editable);
}

QString AttachmentsPage::title() const
{
    if (!m_signatures)
        return tr("Photos (%1)").arg(m_strip->photoCount());
    return tr("Photos and signatures (%1)").arg(m_strip->photoCount() + m_signatures->signatureCount());
}

} // namespace fieldsync::ui
