#pragma once

#include <QtGlobal>

namespace fieldsync::server {

// What one connection may cost the server. Every limit answers before the expensive part: an
// oversized body is refused from its Content-Length, before a byte of it is read.
struct HttpLimits
{
    qint64 maxBodyBytes = 8 * 1024 * 1024; // also the limit for an inflated gzip body
    int maxHeaderBytes = 64 * 1024;        // request line and headers together
    int headerTimeoutMs = 10000;           // from the first byte of a request to its last header
    int bodyIdleTimeoutMs = 30000;         // longest pause while a body arrives
    int keepAliveTimeoutMs = 60000;        // longest pause between requests on one connection
    int lingerMs = 2000;                   // reading (and dropping) a refused body before closing
    int gzipResponseThreshold = 1024;      // smaller bodies are sent as they are
};

} // namespace fieldsync::server
