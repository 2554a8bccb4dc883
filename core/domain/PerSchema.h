#pragma once

#include "EntitySchema.h"

#include <array>
#include <optional>

namespace fieldsync {

// What make() makes of each of the schemas (an optional: nothing for a schema it does not serve),
// made once; for schema, null when make() made nothing of it, and for a schema that is not one of
// EntitySchema::all() itself: one made elsewhere may differ.
template<auto make> const auto *madeForSchema(const EntitySchema &schema)
{
    using Made = decltype(make(schema));
    static const std::array<Made, 5> all = [] {
        std::array<Made, 5> made;
        for (const EntitySchema *each : EntitySchema::all())
            made.at(size_t(each->kind)) = make(*each);
        return made;
    }();
    const Made &made = all.at(size_t(schema.kind));
    return made && &EntitySchema::of(schema.kind) == &schema ? &*made : nullptr;
}

} // namespace fieldsync
