#include "UiText.h"

#include "UiTime.h"
#include "domain/FieldValues.h"

#include <QJsonArray>
#include <QLocale>

namespace fieldsync::ui {

QString UiText::entityName(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Permit:
        return tr("Permit");
    case EntityKind::Task:
        return tr("Task");
    case EntityKind::GasReading:
        return tr("Gas reading");
    case EntityKind::IsolationPoint:
        return tr("Isolation point");
    case EntityKind::Attachment:
        return tr("Photo or signature");
    }
    return {};
}

QString UiText::entityNamePlural(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Permit:
        return tr("Permits");
    case EntityKind::Task:
        return tr("Tasks");
    case EntityKind::GasReading:
        return tr("Gas readings");
    case EntityKind::IsolationPoint:
        return tr("Isolation points");
    case EntityKind::Attachment:
        return tr("Photos and signatures");
    }
    return {};
}

QString UiText::fieldLabel(const QString &field)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("title"), QT_TR_NOOP("Title")},
        {QStringLiteral("description"), QT_TR_NOOP("Description")},
        {QStringLiteral("location"), QT_TR_NOOP("Location")},
        {QStringLiteral("work_type"), QT_TR_NOOP("Work type")},
        {QStringLiteral("status"), QT_TR_NOOP("Status")},
        {QStringLiteral("valid_from"), QT_TR_NOOP("Valid from")},
        {QStringLiteral("valid_to"), QT_TR_NOOP("Valid to")},
        {QStringLiteral("assignee"), QT_TR_NOOP("Assignee")},
        {QStringLiteral("ppe_requirements"), QT_TR_NOOP("Required PPE")},
        {QStringLiteral("safety_checklist"), QT_TR_NOOP("Safety checklist")},
        {QStringLiteral("priority"), QT_TR_NOOP("Priority")},
        {QStringLiteral("due_date"), QT_TR_NOOP("Due date")},
        {QStringLiteral("permit_id"), QT_TR_NOOP("Permit")},
        {QStringLiteral("gas"), QT_TR_NOOP("Gas")},
        {QStringLiteral("value"), QT_TR_NOOP("Value")},
        {QStringLiteral("unit"), QT_TR_NOOP("Unit")},
        {QStringLiteral("taken_at"), QT_TR_NOOP("Taken at")},
        {QStringLiteral("taken_by"), QT_TR_NOOP("Taken by")},
        {QStringLiteral("lock_ids"), QT_TR_NOOP("Lock IDs")},
        {QStringLiteral("updated_at"), QT_TR_NOOP("Updated")},
    };
    const char *label = labels.value(field);
    return label ? tr(label) : field;
}

QString UiText::statusLabel(const QString &status)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("draft"), QT_TR_NOOP("Draft")},
        {QStringLiteral("submitted"), QT_TR_NOOP("Submitted")},
        {QStringLiteral("approved"), QT_TR_NOOP("Approved")},
        {QStringLiteral("active"), QT_TR_NOOP("Active")},
        {QStringLiteral("suspended"), QT_TR_NOOP("Suspended")},
        {QStringLiteral("closed"), QT_TR_NOOP("Closed")},
        {QStringLiteral("cancelled"), QT_TR_NOOP("Cancelled")},
        {QStringLiteral("open"), QT_TR_NOOP("Open")},
        {QStringLiteral("in_progress"), QT_TR_NOOP("In progress")},
        {QStringLiteral("done"), QT_TR_NOOP("Done")},
        {QStringLiteral("assigned"), QT_TR_NOOP("Assigned")},
        {QStringLiteral("isolated"), QT_TR_NOOP("Isolated")},
        {QStringLiteral("verified"), QT_TR_NOOP("Verified")},
        {QStringLiteral("deisolated"), QT_TR_NOOP("De-isolated")},
    };
    const char *label = labels.value(status);
    return label ? tr(label) : status;
}

QString UiText::choiceLabel(const QString &field, const QString &value)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("hot_work"), QT_TR_NOOP("Hot work")},
        {QStringLiteral("confined_space"), QT_TR_NOOP("Confined space")},
        {QStringLiteral("work_at_height"), QT_TR_NOOP("Work at height")},
        {QStringLiteral("excavation"), QT_TR_NOOP("Excavation")},
        {QStringLiteral("electrical"), QT_TR_NOOP("Electrical")},
        {QStringLiteral("lifting"), QT_TR_NOOP("Lifting")},
        {QStringLiteral("general"), QT_TR_NOOP("General")},
        {QStringLiteral("low"), QT_TR_NOOP("Low")},
        {QStringLiteral("normal"), QT_TR_NOOP("Normal")},
        {QStringLiteral("high"), QT_TR_NOOP("High")},
        {QStringLiteral("urgent"), QT_TR_NOOP("Urgent")},
        {QStringLiteral("other"), QT_TR_NOOP("Other")},
    };
    if (field == QLatin1String("status"))
        return statusLabel(value);
    const char *label = labels.value(value);
    return label ? tr(label) : value; // gases and units read the same in every language
}

QString UiText::transitionLabel(EntityKind kind, const QString &from, const QString &to)
{
    if (kind == EntityKind::Task) {
        if (to == QLatin1String("in_progress"))
            return tr("Start");
        if (to == QLatin1String("done"))
            return tr("Mark done");
        if (to == QLatin1String("open"))
            return from == QLatin1String("done") ? tr("Reopen") : tr("Stop");
    }
    if (kind == EntityKind::IsolationPoint) {
        if (to == QLatin1String("isolated"))
            return tr("Mark isolated");
        if (to == QLatin1String("verified"))
            return tr("Mark verified");
        if (to == QLatin1String("deisolated"))
            return tr("Mark de-isolated");
    }
    if (to == QLatin1String("submitted"))
        return tr("Submit");
    if (to == QLatin1String("approved"))
        return tr("Approve");
    if (to == QLatin1String("active"))
        return from == QLatin1String("suspended") ? tr("Resume") : tr("Activate");
    if (to == QLatin1String("suspended"))
        return tr("Suspend");
    if (to == QLatin1String("closed"))
        return tr("Close permit");
    if (to == QLatin1String("cancelled"))
        return tr("Cancel permit");
    return statusLabel(to);
}

QString UiText::recordSyncStateLabel(RecordSyncState state)
{
    switch (state) {
    case RecordSyncState::Synced:
        return tr("Synced");
    case RecordSyncState::Pending:
        return tr("Pending");
    case RecordSyncState::Conflict:
        return tr("Conflict");
    case RecordSyncState::Rejected:
        return tr("Rejected");
    }
    return {};
}

QString UiText::roleLabel(Role role)
{
    switch (role) {
    case Role::Foreman:
        return tr("Foreman");
    case Role::Pm:
        return tr("Project manager");
    case Role::Admin:
        return tr("Administrator");
    }
    return {};
}

QStringList UiText::commonPpe()
{
    return {QStringLiteral("helmet"),         QStringLiteral("gloves"),
            QStringLiteral("safety_glasses"), QStringLiteral("hi_vis"),
            QStringLiteral("safety_boots"),   QStringLiteral("hearing_protection"),
            QStringLiteral("harness"),        QStringLiteral("respirator"),
            QStringLiteral("face_shield"),    QStringLiteral("fire_resistant_clothing"),
            QStringLiteral("gas_detector")};
}

QStringList UiText::commonChecklist()
{
    return {QStringLiteral("area_barricaded"),     QStringLiteral("fire_watch_present"),
            QStringLiteral("gas_tested"),          QStringLiteral("isolation_verified"),
            QStringLiteral("extinguisher_nearby"), QStringLiteral("combustibles_removed"),
            QStringLiteral("rescue_plan_briefed"), QStringLiteral("standby_person_assigned")};
}

QString UiText::ppeLabel(const QString &item)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("helmet"), QT_TR_NOOP("Helmet")},
        {QStringLiteral("gloves"), QT_TR_NOOP("Gloves")},
        {QStringLiteral("safety_glasses"), QT_TR_NOOP("Safety glasses")},
        {QStringLiteral("hi_vis"), QT_TR_NOOP("Hi-vis vest")},
        {QStringLiteral("safety_boots"), QT_TR_NOOP("Safety boots")},
        {QStringLiteral("hearing_protection"), QT_TR_NOOP("Hearing protection")},
        {QStringLiteral("harness"), QT_TR_NOOP("Harness")},
        {QStringLiteral("respirator"), QT_TR_NOOP("Respirator")},
        {QStringLiteral("face_shield"), QT_TR_NOOP("Face shield")},
        {QStringLiteral("fire_resistant_clothing"), QT_TR_NOOP("Fire-resistant clothing")},
        {QStringLiteral("gas_detector"), QT_TR_NOOP("Gas detector")},
    };
    const char *label = labels.value(item);
    return label ? tr(label) : item;
}

QString UiText::checklistLabel(const QString &item)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("area_barricaded"), QT_TR_NOOP("Area barricaded")},
        {QStringLiteral("fire_watch_present"), QT_TR_NOOP("Fire watch present")},
        {QStringLiteral("gas_tested"), QT_TR_NOOP("Gas tested")},
        {QStringLiteral("isolation_verified"), QT_TR_NOOP("Isolation verified")},
        {QStringLiteral("extinguisher_nearby"), QT_TR_NOOP("Extinguisher nearby")},
        {QStringLiteral("combustibles_removed"), QT_TR_NOOP("Combustibles removed")},
        {QStringLiteral("rescue_plan_briefed"), QT_TR_NOOP("Rescue plan briefed")},
        {QStringLiteral("standby_person_assigned"), QT_TR_NOOP("Standby person assigned")},
    };
    const char *label = labels.value(item);
    return label ? tr(label) : item;
}

QString UiText::changeOpLabel(ChangeOp op)
{
    switch (op) {
    case ChangeOp::Create:
        return tr("New");
    case ChangeOp::Update:
        return tr("Edit");
    case ChangeOp::Delete:
        return tr("Delete");
    case ChangeOp::Append:
        return tr("Recorded");
    }
    return {};
}

QString UiText::conflictReasonText(const QString &reason)
{
    if (reason == QLatin1String("deleted"))
        return tr("Someone deleted this record while you edited it.");
    if (reason == QLatin1String("changed"))
        return tr("Someone changed this record after you deleted it.");
    return tr("Someone changed the same fields while you edited them.");
}

QString UiText::rejectionReasonText(const QString &reason)
{
    if (reason == QLatin1String("forbidden"))
        return tr("Your role may not make this change.");
    if (reason == QLatin1String("invalid_transition"))
        return tr("This status change is not allowed from the record's current status.");
    if (reason == QLatin1String("validation") || reason == QLatin1String("unknown_field"))
        return tr("The server found a value it does not accept.");
    if (reason == QLatin1String("not_found"))
        return tr("The record no longer exists on the server.");
    return tr("The server refused this change.");
}

QString UiText::errorText(const Error &error)
{
    const QString &code = error.code;
    if (code == QLatin1String("validation")) {
        const QString &message = error.message;
        if (message == QLatin1String("valid_to must be after valid_from"))
            return tr("“Valid to” must be after “Valid from”.");
        const qsizetype colon = message.indexOf(QStringLiteral(": "));
        if (colon > 0) {
            const QString field = fieldLabel(message.left(colon));
            const QString why = message.mid(colon + 2);
            if (why == QLatin1String("is required"))
                return tr("%1 is required.").arg(field);
            if (why.startsWith(QLatin1String("longer than")))
                return tr("%1 is too long.").arg(field);
            return tr("%1: %2").arg(field, why);
        }
        return message;
    }
    if (code == QLatin1String("invalid_transition"))
        return tr("This status change is not allowed (%1).").arg(error.message);
    if (code == QLatin1String("forbidden"))
        return tr("Your role may not do this (%1).").arg(error.message);
    if (code == QLatin1String("not_found"))
        return tr("This record is no longer on this device.");
    if (code == QLatin1String("append_only"))
        return tr("A recorded reading is a fact and cannot be changed.");
    if (code == QLatin1String("store_too_new"))
        return tr("This data was written by a newer FieldSync. Update FieldSync to open it.");
    if (code.startsWith(QLatin1String("store_")))
        return tr("The device could not save to its storage (%1). Your earlier work is safe.")
            .arg(error.message);
    return error.message.isEmpty() ? code : error.message;
}

QString UiText::syncReasonText(const QString &reason)
{
    const qsizetype colon = reason.indexOf(QLatin1Char(':'));
    const QString kind = colon > 0 ? reason.left(colon) : reason;
    if (kind == QLatin1String("network"))
        return tr("server unreachable");
    if (kind == QLatin1String("too_slow"))
        return tr("connection too slow");
    if (kind == QLatin1String("tls"))
        return tr("server certificate not trusted");
    if (kind == QLatin1String("rate_limited"))
        return tr("server busy");
    if (kind == QLatin1String("server_error"))
        return tr("server error");
    if (kind == QLatin1String("unauthorized"))
        return tr("signed out, sign in again");
    if (kind == QLatin1String("forbidden"))
        return tr("access refused");
    if (kind == QLatin1String("update_needed"))
        return tr("update FieldSync");
    if (kind == QLatin1String("protocol") || kind == QLatin1String("bad_request"))
        return tr("unexpected server answer");
    if (kind == QLatin1String("too_large"))
        return tr("change too large");
    if (kind.startsWith(QLatin1String("store")))
        return tr("storage problem");
    return reason.isEmpty() ? tr("unknown problem") : reason;
}

QString UiText::valueText(const FieldSpec &spec, const QJsonValue &value)
{
    const QJsonValue v = FieldValues::normalized(spec, value);
    if (v.isNull())
        return tr("(empty)");
    switch (spec.type) {
    case FieldType::Choice:
    case FieldType::Status:
        return choiceLabel(spec.name, v.toString());
    case FieldType::Timestamp:
        return UiTime::dateTimeText(v.toString());
    case FieldType::Date: {
        const QDate date = QDate::fromString(v.toString(), Qt::ISODate);
        return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : v.toString();
    }
    case FieldType::Number:
        return QLocale().toString(v.toDouble());
    case FieldType::StringSet: {
        QStringList items;
        for (const QJsonValue &item : v.toArray())
            items.append(spec.name == QLatin1String("ppe_requirements") ? ppeLabel(item.toString())
                                                                        : item.toString());
        return items.isEmpty() ? tr("(none)") : items.join(QStringLiteral(", "));
    }
    case FieldType::BoolMap: {
        QStringList items;
        const QJsonObject map = v.toObject();
        for (auto it = map.begin(); it != map.end(); ++it)
            items.append((it.value().toBool() ? QStringLiteral("☑ ") : QStringLiteral("☐ ")) +
                         checklistLabel(it.key()));
        return items.isEmpty() ? tr("(none)") : items.join(QStringLiteral(", "));
    }
    default:
        return v.toString();
    }
}

} // namespace fieldsync::ui
