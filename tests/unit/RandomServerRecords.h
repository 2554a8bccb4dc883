#pragma once

// Random records as a server might send them, for the tests of the checks of server records:
// fields present or not, of their type or another, unknown keys, server fields of any type.
#include "domain/EntitySchema.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>

namespace fieldsync::testing {

class Records
{
public:
    explicit Records(quint32 seed)
        : m_random(seed)
    {}

    bool chance(int percent) { return int(m_random.bounded(100)) < percent; }

    // A value of any JSON type, some of them of a field's type by chance.
    QJsonValue anyValue()
    {
        switch (m_random.bounded(9)) {
        case 0:
            return QJsonValue();
        case 1:
            return QStringLiteral("text");
        case 2:
            return QString();
        case 3:
            return 2.5;
        case 4:
            return chance(50);
        case 5:
            return QJsonArray{QStringLiteral("a"), QStringLiteral("b")};
        case 6:
            return QJsonArray{QStringLiteral("a"), 1};
        case 7:
            return QJsonObject{{QStringLiteral("a"), true}, {QStringLiteral("b"), false}};
        default:
            return QJsonObject{{QStringLiteral("a"), true}, {QStringLiteral("b"), QStringLiteral("x")}};
        }
    }

    QJsonValue soundValue(const EntitySchema &schema, const FieldSpec &spec)
    {
        switch (spec.type) {
        case FieldType::Number:
            return 3.0;
        case FieldType::StringSet:
            return chance(20) ? QJsonArray() : QJsonArray{QStringLiteral("gloves")};
        case FieldType::BoolMap:
            return chance(20) ? QJsonObject() : QJsonObject{{QStringLiteral("gas"), true}};
        case FieldType::Status:
            return schema.workflow ? schema.workflow->initialState() : QStringLiteral("draft");
        default:
            return spec.choices.isEmpty() ? QStringLiteral("value") : spec.choices.constFirst();
        }
    }

    QJsonObject record(const EntitySchema &schema)
    {
        QJsonObject data;
        const QStringList server{RecordMeta::ProjectId, RecordMeta::UpdatedAt, RecordMeta::UpdatedBy,
                                 RecordMeta::DeviceId};
        for (const QString &name : server) {
            if (chance(90))
                data.insert(name, chance(90) ? QJsonValue(QStringLiteral("p-1")) : anyValue());
        }
        for (const FieldSpec &spec : schema.fields) {
            if (chance(85))
                data.insert(spec.name, chance(92) ? soundValue(schema, spec) : anyValue());
        }
        if (chance(10))
            data.insert(RecordMeta::Status,
                        chance(50) ? QJsonValue(QStringLiteral("no_such_state")) : anyValue());
        if (chance(20))
            data.insert(QStringLiteral("added_later"), anyValue());
        return data;
    }

private:
    QRandomGenerator m_random;
};

} // namespace fieldsync::testing
