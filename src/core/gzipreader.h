// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <functional>
#include <memory>
#include <vector>

namespace Forkline {

// Inflates a gzip stream (as Chrome DevTools and Bazel save traces, .json.gz) block by block
// from a raw reader, so an import never holds the whole file, compressed or not. Several
// members one after another (concatenated .gz files) read as one stream.
class GzipReader
{
public:
    using ReadFn = std::function<qint64(char*, qint64)>; // bytes read, 0 at the end, -1 on error

    explicit GzipReader(ReadFn raw);
    ~GzipReader();
    GzipReader(const GzipReader&) = delete;
    GzipReader& operator=(const GzipReader&) = delete;

    // Up to max inflated bytes; 0 at the end, -1 on an error (error() says which).
    qint64 read(char* to, qint64 max);
    QString error() const { return m_error; }
    qint64 compressedRead() const { return m_compressedRead; } // for progress
    // True when this build can inflate gzip (zlib was found).
    static bool available();
    // True when the bytes start like a gzip stream (1f 8b).
    static bool looksLikeGzip(const char* data, qint64 size);

private:
    struct State;
    std::unique_ptr<State> m_state;
    ReadFn m_raw;
    std::vector<char> m_in;
    QString m_error;
    qint64 m_compressedRead = 0;
    bool m_rawEnd = false;
    bool m_done = false;
    bool m_betweenMembers = false; // a member ended; another may follow
};

} // namespace Forkline
