#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace fieldsync::server {

// A small picture of a photo or signature for lists: read already scaled (QImageReader decodes
// a JPEG at the smaller size, so a 12-megapixel photo never sits whole in memory), PNG for
// images that may be transparent (signatures), JPEG for the rest.
namespace ThumbnailMaker {

constexpr int MaxSide = 256;

struct Thumbnail
{
    QByteArray bytes;
    QByteArray format;   // "jpeg" | "png"
    QByteArray mimeType; // image/jpeg | image/png
};

// Errors: not_an_image (the file is no image Qt can read), store_io.
Result<Thumbnail> make(const QString &imagePath, const QString &mimeType);
QByteArray formatFor(const QString &mimeType);

} // namespace ThumbnailMaker

} // namespace fieldsync::server
