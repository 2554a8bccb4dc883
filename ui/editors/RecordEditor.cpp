#include "RecordEditor.h"

#include "PreparerLookup.h"
#include "RecordForm.h"
#include "SyncStateBadge.h"
#include "WorkflowButtons.h"
#include "common/KineticScrolling.h"
#include "common/UiColors.h"
#include "common/UiText.h"
#include "store/ConflictResolver.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace fieldsync::ui {

namespace {

bool isFinal(const QString &status)
{
    return status == QLatin1String("closed") || status == QLatin1String("cancelled");
}

} // namespace

RecordEditor::RecordEditor(DeviceStore &store, EntityKind kind, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_editor(store)
    , m_kind(kind)
    , m_role(store.effectiveRole())
    , m_title(new QLabel(this))
    , m_statusChip(new QLabel(this))
    , m_badge(new SyncStateBadge(store, this))
    , m_error(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_formScroll(new QScrollArea(this))
    , m_form(new RecordForm(kind, this))
    , m_workflow(new WorkflowButtons(this))
    , m_delete(new QPushButton(QIcon(QStringLiteral(":/icons/discard.svg")), tr("Delete draft"), this))
    , m_revert(new QPushButton(tr("Revert"), this))
    , m_save(new QPushButton(QIcon(QStringLiteral(":/icons/save.svg")), tr("Save"), this))
    , m_placeholder(new QLabel(this))
    , m_preparers(new PreparerLookup(this))
{
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_statusChip->setObjectName(QStringLiteral("statusChip"));
    m_statusChip->setStyleSheet(
        QStringLiteral("QLabel#statusChip { border: 2px solid palette(highlight);"
                       " border-radius: 6px; padding: 4px 10px; font-weight: bold; }"));
    m_error->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("editorError"));
    m_error->setStyleSheet(QStringLiteral("QLabel#editorError { background: %1; color: %2; padding: 8px;"
                                          " border-radius: 4px; }")
                               .arg(UiColors::css(UiColors::errorBackground(palette())),
                                    UiColors::css(palette().color(QPalette::WindowText))));
    m_error->hide();
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setText(kind == EntityKind::Permit ? tr("Choose a permit in the list, or make a new one.")
                                                      : tr("Choose a task in the list, or make a new one."));

    m_formScroll->setWidget(m_form);
    m_formScroll->setWidgetResizable(true);
    m_formScroll->setFrameShape(QFrame::NoFrame);
    enableKineticScrolling(m_formScroll);
    m_tabs->addTab(m_formScroll, tr("Details"));
    m_tabs->setDocumentMode(true);

    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(
        tr("Save (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_delete->setObjectName(QStringLiteral("deleteButton"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_statusChip, 0, Qt::AlignTop);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_workflow);
    footer->addStretch(1);
    footer->addWidget(m_delete);
    footer->addWidget(m_revert);
    footer->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(m_badge);
    layout->addWidget(m_error);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(footer);
    layout->addWidget(m_placeholder, 1);

    connect(m_form, &RecordForm::edited, this, &RecordEditor::updateButtons);
    connect(m_save, &QPushButton::clicked, this, &RecordEditor::save);
    connect(m_revert, &QPushButton::clicked, this, &RecordEditor::revert);
    connect(m_workflow, &WorkflowButtons::transitionRequested, this, &RecordEditor::applyTransition);
    connect(m_preparers, &PreparerLookup::learned, this, [this](const QString &recordId) {
        if (recordId == m_recordId)
            updateButtons();
    });
    connect(m_badge, &SyncStateBadge::resolveRequested, this, &RecordEditor::resolveConflictRequested);
    connect(m_badge, &SyncStateBadge::discardRequested, this, &RecordEditor::discardRejected);
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const bool task = m_kind == EntityKind::Task;
        const auto answer =
            QMessageBox::question(this, task ? tr("Delete task") : tr("Delete draft"),
                                  task ? tr("Delete this task? Other devices drop it with their next sync.")
                                       : tr("Delete this draft permit?"),
                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
        if (Result<void> removed = m_editor.remove(m_recordId); !removed)
            showError(UiText::errorText(removed.error()));
        else
            clear();
    });
    connect(&m_store, &DeviceStore::recordsChanged, this, &RecordEditor::onRecordsChanged);
    clear();
}

void RecordEditor::setRole(Role role)
{
    m_role = role;
    updateButtons();
}

void RecordEditor::clear()
{
    m_recordId.clear();
    m_presets = {};
    m_isNew = false;
    m_status.clear();
    m_form->setRecord({});
    m_badge->showRecord({});
    m_workflow->clear();
    m_error->hide();
    for (QWidget *widget : {static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_statusChip),
                            static_cast<QWidget *>(m_tabs), static_cast<QWidget *>(m_save),
                            static_cast<QWidget *>(m_revert), static_cast<QWidget *>(m_delete)})
        widget->hide();
    m_placeholder->show();
    recordShown(nullptr);
}

void RecordEditor::showRecord(const QString &recordId)
{
    m_recordId = recordId;
    m_isNew = false;
    m_error->hide();
    m_tabs->setCurrentIndex(0);
    load();
}

void RecordEditor::startNew(const QJsonObject &presets)
{
    clear();
    m_isNew = true;
    m_presets = presets;
    m_status = EntitySchema::of(m_kind).workflow->initialState();
    m_placeholder->hide();
    m_title->setText(m_kind == EntityKind::Permit ? tr("New permit") : tr("New task"));
    m_statusChip->setText(UiText::statusLabel(m_status));
    for (QWidget *widget :
         {static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_statusChip),
          static_cast<QWidget *>(m_tabs), static_cast<QWidget *>(m_save), static_cast<QWidget *>(m_revert)})
        widget->show();
    m_form->setRecord(presets);
    m_form->setReadOnly(false);
    m_tabs->setCurrentIndex(0);
    recordShown(nullptr);
    updateButtons();
    if (QWidget *first = m_form->editor(QStringLiteral("title")))
        first->setFocus();
}

void RecordEditor::load()
{
    Result<std::optional<LocalRecord>> found = m_store.records().find(m_recordId);
    if (!found || !found.value() || found.value()->deleted) {
        const QString reason =
            found ? tr("This record is no longer on this device.") : UiText::errorText(found.error());
        clear();
        showError(reason);
        return;
    }
    const LocalRecord &record = *found.value();
    m_role = m_store.effectiveRole();
    // Read with the role, not on every keystroke that updates the buttons.
    const Result<QString> userName = m_store.meta().value(MetaStore::UserName);
    m_userName = userName ? userName.value() : QString();
    m_status = record.status();
    m_serverVersion = record.serverVersion;
    m_placeholder->hide();
    for (QWidget *widget :
         {static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_statusChip),
          static_cast<QWidget *>(m_tabs), static_cast<QWidget *>(m_save), static_cast<QWidget *>(m_revert)})
        widget->show();
    m_title->setText(record.title().isEmpty() ? tr("(untitled)") : record.title());
    m_statusChip->setText(UiText::statusLabel(m_status));
    m_form->setRecord(record.data);
    m_form->setReadOnly(isFinal(m_status));
    m_badge->showRecord(m_recordId);
    recordShown(&record);
    updateButtons();
}

void RecordEditor::updateButtons()
{
    const bool dirty = m_form->isDirty();
    m_save->setEnabled(m_isNew || dirty);
    m_revert->setEnabled(dirty && !m_isNew);
    // An issued permit stays on record (it is cancelled or closed instead); a task may go.
    m_delete->setVisible(
        !m_isNew && !m_recordId.isEmpty() &&
        (m_kind == EntityKind::Task || (m_kind == EntityKind::Permit && m_status == QLatin1String("draft"))));
    m_delete->setText(m_kind == EntityKind::Task ? tr("Delete task") : tr("Delete draft"));
    // While the server has refused a change of this record, or a conflict waits, its local status
    // may be one the server does not have: a move from it would build on the refused change. The
    // badge above says what to do first.
    const std::optional<RecordSyncState> syncState = m_badge->state();
    const bool unsettled =
        syncState && (*syncState == RecordSyncState::Rejected || *syncState == RecordSyncState::Conflict);
    if (m_isNew || m_recordId.isEmpty() || unsettled) {
        m_workflow->clear();
        return;
    }
    m_workflow->setState(m_kind, m_status, m_role);
    withholdOwnMoves();
}

void RecordEditor::withholdOwnMoves()
{
    const Workflow *workflow = EntitySchema::of(m_kind).workflow;
    if (!workflow)
        return;
    for (const QString &to : m_workflow->transitions()) {
        if (!workflow->needsAnotherPerson(m_status, to))
            continue;
        const std::optional<QStringList> people =
            m_preparers->whoBroughtItTo(m_recordId, m_status, m_serverVersion);
        if (!people)
            return; // asked: the answer comes back through learned()
        if (!m_userName.isEmpty() && people->contains(m_userName))
            m_workflow->withhold(to,
                                 tr("You prepared or submitted this permit, so another PM must approve it."));
    }
}

void RecordEditor::setAuditSource(SyncApiClient *api)
{
    m_preparers->setApi(api);
    updateButtons();
}

void RecordEditor::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QString RecordEditor::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

bool RecordEditor::save()
{
    if (const QString invalid = m_form->validate(); !invalid.isEmpty()) {
        showError(invalid);
        return false;
    }
    if (m_isNew) {
        QJsonObject fields = m_presets;
        const QJsonObject values = m_form->values();
        // The form shows the presets, so what the form says now wins over them.
        for (auto it = values.begin(); it != values.end(); ++it) {
            if (it.value().isNull())
                fields.remove(it.key());
            else
                fields.insert(it.key(), it.value());
        }
        Result<QString> created = m_editor.create(m_kind, fields);
        if (!created) {
            showError(UiText::errorText(created.error()));
            return false;
        }
        showRecord(created.value());
        emit message(tr("Saved on this device. It goes to the server with the next sync."));
        emit recordSaved(m_recordId);
        return true;
    }
    Result<bool> edited = m_editor.edit(m_recordId, m_form->changes());
    if (!edited) {
        showError(UiText::errorText(edited.error()));
        return false;
    }
    load();
    m_error->hide();
    if (edited.value())
        emit message(tr("Saved on this device. It goes to the server with the next sync."));
    emit recordSaved(m_recordId);
    return true;
}

void RecordEditor::revert()
{
    m_error->hide();
    if (!m_isNew)
        load();
}

bool RecordEditor::confirmFinalMove(const QString &toStatus)
{
    if (!isFinal(toStatus))
        return true;
    const QString question = toStatus == QLatin1String("closed")
                                 ? tr("Close this permit? A closed permit cannot be reopened.")
                                 : tr("Cancel this permit? A cancelled permit cannot be reopened.");
    return QMessageBox::question(this, UiText::transitionLabel(m_kind, m_status, toStatus), question,
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
}

bool RecordEditor::applyTransition(const QString &toStatus)
{
    if (m_isNew || m_recordId.isEmpty() || !confirmFinalMove(toStatus))
        return false;
    if (const QString invalid = m_form->validate(); !invalid.isEmpty()) {
        showError(invalid);
        return false;
    }
    QJsonObject changes = m_form->changes();
    changes.insert(RecordMeta::Status, toStatus);
    Result<bool> edited = m_editor.edit(m_recordId, changes);
    if (!edited) {
        showError(UiText::errorText(edited.error()));
        return false;
    }
    m_error->hide();
    load();
    emit message(tr("%1: now %2.").arg(m_title->text(), UiText::statusLabel(toStatus)));
    emit recordSaved(m_recordId);
    return true;
}

void RecordEditor::discardRejected(const QString &rejectionId)
{
    const auto answer =
        QMessageBox::question(this, tr("Discard change"),
                              tr("Discard the rejected change? The record goes back to what the server has."),
                              QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Discard)
        return;
    ConflictResolver resolver(m_store);
    if (Result<void> discarded = resolver.discardRejected(rejectionId); !discarded)
        showError(UiText::errorText(discarded.error()));
}

void RecordEditor::onRecordsChanged(const QStringList &ids)
{
    if (m_recordId.isEmpty() || m_isNew || !ids.contains(m_recordId))
        return;
    // A sync or another screen changed this record: show it, unless the person is mid-edit.
    if (m_form->isDirty()) {
        m_badge->refresh();
        updateButtons();
        return;
    }
    load();
}

} // namespace fieldsync::ui
