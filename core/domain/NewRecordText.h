#pragma once

#include "EntitySchema.h"
#include "Role.h"
#include "common/JsonWriter.h"

#include <QByteArrayView>
#include <QVarLengthArray>

#include <optional>

// A new record made from a create's data as its text, for the usual create: the data written as
// JsonWriter writes it (the device writes it so) and every field of it fine. The server then keeps
// the data's text and writes the record by putting the members it adds in their places, instead
// of parsing the data, checking it field by field through Qt's objects and encoding it again.
namespace fieldsync::NewRecordText {

// A member of the new record: its key, the key as the record's text writes it ("key":), and its
// value's text as the data has it; an empty value is the status filled in (Checked::filledStatus).
struct Member
{
    QStringView key;
    QByteArrayView keyText;
    QByteArrayView value;
};

// What check() found; its members point into the schema and into the data's text, which must
// outlive it.
struct Checked
{
    QString projectId;    // the data's project_id
    QString filledStatus; // the workflow's first state, when the data names no status
    // Every member of the new record: the data's, with each field of the schema the data does not
    // name as null (the status filled in instead), in key order.
    QVarLengthArray<Member, 24> members;
};

// The new record of a create (of an entity without rules of its own: not a gas reading nor an
// attachment) whose data is text, when the data is written as JsonWriter writes it (each value
// of its field's JSON type, no numbers, object keys in plain ASCII) and every check a create makes
// of data passes as the role creates it: RecordValidator::checkChangeData() (with project_id a
// string that is not empty) changing nothing, and RecordValidator::checkNewResult() of what it
// gave with withDefaults() and every field of the schema filled in (null when absent). Nothing
// otherwise, for whatever reason: the caller then decodes the data and makes those checks, which
// say what is wrong (tst_newrecordtext).
std::optional<Checked> check(const EntitySchema &schema, QByteArrayView data, Role role);

// What JsonWriter::compactWith() writes for the record check() gave (the data checked, with the
// status filled in and every field present) with members inserted; members are in ascending key
// order, each key once (as compactWith() merges them). Empty when they are not.
QByteArray recordText(const Checked &checked, const JsonWriter::StringMember *members, qsizetype count);
inline QByteArray recordText(const Checked &checked, std::initializer_list<JsonWriter::StringMember> members)
{
    return recordText(checked, members.begin(), qsizetype(members.size()));
}

} // namespace fieldsync::NewRecordText
