#pragma once

#include <QByteArrayView>

namespace fieldsync {

// Whether text is one JSON object as RFC 8259 has it (white space around it allowed), nested at
// most MaxDepth deep, with no character written raw in a string that RFC 8259 wants escaped. Every
// such text is one SQLite's json_valid() accepts and whose first character after white space is
// '{': what a push batch asks of the stored base and data it sends as they are. A text this
// refuses may still be one SQLite accepts (white space RFC 8259 does not know, nesting deeper than
// this looks): the caller asks SQLite about those. tst_plainjsonobject compares both.
bool isPlainJsonObject(QByteArrayView text);

} // namespace fieldsync
