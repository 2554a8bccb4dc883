#pragma once

#include "domain/EntitySchema.h"

#include <QJsonObject>
#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;

namespace fieldsync::ui {

// The editable fields of one kind of record, built from its EntitySchema: a line for a string,
// a list for a choice, date pickers, tick boxes for sets and checklists. It knows what was loaded,
// so it can say which fields a person changed. Status is not here: workflow buttons move it.
class RecordForm : public QWidget
{
    Q_OBJECT

public:
    // A record a link field may point to, as the person picks it.
    struct LinkChoice
    {
        QString id;
        QString label;
    };

    explicit RecordForm(EntityKind kind, QWidget *parent = nullptr);

    // The records a changeable link field (a task's permit) offers; the linked one stays shown
    // even when it is not among them.
    void setLinkChoices(const QString &field, const QList<LinkChoice> &choices);

    void setRecord(const QJsonObject &data);
    // Every editable field as the form shows it now.
    QJsonObject values() const;
    // Only the fields that differ from what setRecord loaded.
    QJsonObject changes() const;
    bool isDirty() const { return !changes().isEmpty(); }
    // A sentence about the first field that is not acceptable, or empty when all are.
    QString validate() const;
    void setReadOnly(bool readOnly);
    QWidget *editor(const QString &field) const;

signals:
    void edited();

private:
    struct Binding
    {
        FieldSpec spec;
        QWidget *widget = nullptr;
        std::function<QJsonValue()> read;
        std::function<void(const QJsonValue &)> write;
        std::function<void(bool)> setReadOnly;
        std::function<void(const QList<LinkChoice> &)> setChoices; // link fields only
    };

    Binding bind(const FieldSpec &spec);

    EntityKind m_kind;
    QFormLayout *m_layout;
    QList<Binding> m_bindings;
    QJsonObject m_loaded;
};

} // namespace fieldsync::ui
