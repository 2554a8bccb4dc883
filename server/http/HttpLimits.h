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
    // A whole body must arrive within bodyTimeoutBaseMs plus its length at minBodyBytesPerSecond,
    // so that a trickle of a byte per pause cannot hold a connection for ever. 4 KiB/s (32 kbit/s,
    // below a poor 2G link) gives an 8 MiB push 34 minutes.
    int bodyTimeoutBaseMs = 30000;
    qint64 minBodyBytesPerSecond = 4 * 1024;
    int maxBodiesPerClient = 8;       // requests of one authenticated client whose body is still arriving
    int maxConnections = 1000;        // past this, the longest idle keep-alive connection makes room, or 503
    int keepAliveTimeoutMs = 60000;   // longest pause between requests on one connection
    int lingerMs = 2000;              // reading (and dropping) a refused body before closing
    int gzipResponseThreshold = 1024; // smaller bodies are sent as they are
};

} // namespace fieldsync::server
