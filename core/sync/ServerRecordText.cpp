#include "ServerRecordText.h"

#include "common/CanonicalJson.h"
#include "domain/PerSchema.h"

#include <QList>

#include <algorithm>
#include <array>

namespace fieldsync::ServerRecordText {

namespace {

// Where a member of the record counts, by its key: as one of the server's four fields, as a field
// of the schema, as the status checkServerRecord looks for, and as one of the columns. A key may
// count in more than one way (status is a field and the status looked for).
struct Key
{
    enum Column
    {
        NoColumn,
        ProjectId,
        Title,
        Status,
        ParentId,
        UpdatedAt,
    };
    QByteArray name;
    bool serverField = false;
    const FieldSpec *spec = nullptr;
    bool workflowStatus = false;
    Column column = NoColumn;
};

// The keys of a schema in key order (as JsonWriter writes members); nothing for gas readings.
std::optional<QList<Key>> keysFor(const EntitySchema &schema)
{
    if (schema.kind == EntityKind::GasReading)
        return std::nullopt;
    QList<Key> keys;
    auto keyNamed = [&keys](const QString &name) -> Key & {
        const QByteArray latin1 = name.toLatin1();
        for (Key &key : keys) {
            if (key.name == latin1)
                return key;
        }
        keys.append(Key{latin1});
        return keys.last();
    };
    for (const QString &name :
         {RecordMeta::ProjectId, RecordMeta::UpdatedAt, RecordMeta::UpdatedBy, RecordMeta::DeviceId})
        keyNamed(name).serverField = true;
    for (const FieldSpec &spec : schema.fields) {
        // A key that is not plain ASCII is never one CanonicalJson reads: such a schema is left to
        // the general way.
        if (QString::fromLatin1(spec.name.toLatin1()) != spec.name)
            return std::nullopt;
        keyNamed(spec.name).spec = &spec;
    }
    if (schema.workflow)
        keyNamed(RecordMeta::Status).workflowStatus = true;
    // LocalRecord's readings of its columns.
    keyNamed(RecordMeta::ProjectId).column = Key::ProjectId;
    keyNamed(schema.kind == EntityKind::IsolationPoint ? QStringLiteral("description")
                                                       : QStringLiteral("title"))
        .column = Key::Title;
    keyNamed(RecordMeta::Status).column = Key::Status;
    keyNamed(QStringLiteral("permit_id")).column = Key::ParentId;
    keyNamed(RecordMeta::UpdatedAt).column = Key::UpdatedAt;
    std::sort(keys.begin(), keys.end(),
              [](const Key &left, const Key &right) { return left.name < right.name; });
    return keys;
}

const QList<Key> *keysOf(const EntitySchema &schema)
{
    return madeForSchema<keysFor>(schema);
}

// checkServerRecordInOnePass()'s verdict on a value of a field, for values CanonicalJson reads
// (no numbers among them).
bool fits(const FieldSpec &spec, const CanonicalJson::Member &member)
{
    switch (spec.type) {
    case FieldType::Number:
        return false;
    case FieldType::StringSet:
        return member.kind == '[' && member.onlyStrings;
    case FieldType::BoolMap:
        return member.kind == '{' && member.onlyBools;
    default:
        return member.kind == '"';
    }
}

class Reader : public CanonicalJson::MemberVisitor
{
public:
    Reader(const QList<Key> &keys, QByteArrayView text)
        : m_keys(keys)
        , m_text(text)
    {}

    Columns columns;
    QString status;             // the workflow's status, as toString() reads it
    qsizetype requiredSeen = 0; // required fields with a value

    bool member(const CanonicalJson::Member &member) override
    {
        // The text has its keys in ascending order, and so do the keys: one walk over both.
        while (m_next < m_keys.size() && m_keys.at(m_next).name < member.key)
            ++m_next;
        if (m_next == m_keys.size() || m_keys.at(m_next).name != member.key)
            return true;
        const Key &key = m_keys.at(m_next++);
        const bool isString = member.kind == '"';
        const bool isNull = member.kind == 'n';
        if (key.serverField && !isString && !isNull)
            return false;
        if (key.spec && !isNull) {
            if (!fits(*key.spec, member))
                return false;
            if (key.spec->required)
                ++requiredSeen;
        }
        const QString text =
            isString ? CanonicalJson::decoded(m_text, member.valueAt, member.string) : QString();
        if (key.workflowStatus)
            status = text;
        switch (key.column) {
        case Key::ProjectId:
            columns.projectId = text;
            break;
        case Key::Title:
            columns.title = text;
            break;
        case Key::Status:
            columns.status = text;
            break;
        case Key::ParentId:
            columns.parentId = text;
            break;
        case Key::UpdatedAt:
            columns.updatedAt = text;
            break;
        case Key::NoColumn:
            break;
        }
        return true;
    }

private:
    const QList<Key> &m_keys;
    QByteArrayView m_text;
    qsizetype m_next = 0;
};

qsizetype requiredFields(const EntitySchema &schema)
{
    return std::count_if(schema.fields.cbegin(), schema.fields.cend(),
                         [](const FieldSpec &spec) { return spec.required; });
}

// The columns, when what reader saw passes the checks made once every member is seen.
std::optional<Columns> passed(const EntitySchema &schema, Reader &reader)
{
    if (reader.columns.projectId.isEmpty() || reader.requiredSeen != requiredFields(schema))
        return std::nullopt;
    if (schema.workflow && !schema.workflow->isState(reader.status))
        return std::nullopt;
    return std::move(reader.columns);
}

} // namespace

std::optional<Columns> check(const EntitySchema &schema, QByteArrayView text)
{
    const QList<Key> *keys = keysOf(schema);
    if (!keys)
        return std::nullopt;
    Reader reader(*keys, text);
    const std::optional<qsizetype> end = CanonicalJson::objectEnd(text, 0, &reader);
    if (!end || *end != text.size())
        return std::nullopt;
    return passed(schema, reader);
}

std::optional<Columns> check(const EntitySchema &schema, QByteArrayView text,
                             const CanonicalJson::Outline &outline)
{
    const QList<Key> *keys = keysOf(schema);
    if (!keys)
        return std::nullopt;
    Reader reader(*keys, text);
    for (const CanonicalJson::OutlinedMember &member : outline) {
        if (!reader.member(member.in(text)))
            return std::nullopt;
    }
    return passed(schema, reader);
}

} // namespace fieldsync::ServerRecordText
