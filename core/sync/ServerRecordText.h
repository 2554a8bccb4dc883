#pragma once

#include "common/CanonicalJson.h"
#include "domain/EntitySchema.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

// A record the server sent, checked and read from its text: every change a push settles comes
// with its record, written as the server's JsonWriter writes it, and the device keeps that text.
// Reading the few columns it keeps beside the text from the text itself spares parsing each record
// into Qt's objects only to look at them.
namespace fieldsync::ServerRecordText {

// What RecordStore keeps of a record beside its text: LocalRecord's projectId, title(), status(),
// parentId() and the data's updated_at, each as LocalRecord reads it from the parsed object.
struct Columns
{
    QString projectId;
    QString title;
    QString status;
    QString parentId;
    QString updatedAt;
};

// The columns of the record whose text is text, when the text is exactly what JsonWriter writes
// (CanonicalJson::objectEnd() takes all of it) and checkServerRecordInOnePass() passes for the
// object it holds. Nothing otherwise, whatever the reason, and for gas readings (whose title is
// made of a number): the caller then parses the text and checks it the general way, which says
// what is wrong (tst_serverrecordtext).
std::optional<Columns> check(const EntitySchema &schema, QByteArrayView text);

// check() of text that CanonicalJson::objectEnd() took whole already, outlining its members as
// outline: the members are looked at again instead of the text.
std::optional<Columns> check(const EntitySchema &schema, QByteArrayView text,
                             const CanonicalJson::Outline &outline);

} // namespace fieldsync::ServerRecordText
