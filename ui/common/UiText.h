#pragma once

#include "common/Result.h"
#include "domain/ChangeOp.h"
#include "domain/EntitySchema.h"
#include "store/DeviceStore.h"

#include <QCoreApplication>
#include <QDateTime>

namespace fieldsync::ui {

// The words people see for the core's machine names: statuses, fields, choices, errors. One place,
// so that every screen says the same thing and every word is translated.
class UiText
{
    Q_DECLARE_TR_FUNCTIONS(UiText)

public:
    static QString entityName(EntityKind kind);
    static QString entityNamePlural(EntityKind kind);
    static QString fieldLabel(const QString &field);
    static QString statusLabel(const QString &status);
    static QString choiceLabel(const QString &field, const QString &value);
    // The button that moves a record to a status: Submit, Approve, Activate...
    static QString transitionLabel(EntityKind kind, const QString &from, const QString &to);
    static QString recordSyncStateLabel(RecordSyncState state);
    static QString roleLabel(Role role);
    static QString ppeLabel(const QString &item);
    static QString checklistLabel(const QString &item);
    static QString changeOpLabel(ChangeOp op);
    static QString conflictReasonText(const QString &reason);
    static QString rejectionReasonText(const QString &reason);

    // A core error as a sentence for a person (the code decides the words; the detail follows).
    static QString errorText(const Error &error);
    // The reason the sync status carries ("network: ..."), in plain words.
    static QString syncReasonText(const QString &reason);

    // The translated value of one field, for lists, the conflict dialog and the preview.
    static QString valueText(const FieldSpec &spec, const QJsonValue &value);

    static QStringList commonPpe();
    static QStringList commonChecklist();
};

} // namespace fieldsync::ui
