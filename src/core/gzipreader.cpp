// SPDX-License-Identifier: GPL-3.0-or-later
#include "gzipreader.h"

#include <QCoreApplication>

#if defined(FORKLINE_HAVE_ZLIB)
#include <zlib.h>
#endif

namespace Forkline {

namespace {
constexpr qint64 kInBlock = qint64(1) << 20;
}

#if defined(FORKLINE_HAVE_ZLIB)
struct GzipReader::State
{
    z_stream z {};
    bool open = false;
};
#else
struct GzipReader::State
{
};
#endif

GzipReader::GzipReader(ReadFn raw)
    : m_state(std::make_unique<State>())
    , m_raw(std::move(raw))
{
#if defined(FORKLINE_HAVE_ZLIB)
    // 16 + MAX_WBITS: a gzip header and trailer around the deflate data.
    m_state->open = inflateInit2(&m_state->z, 16 + MAX_WBITS) == Z_OK;
#endif
}

GzipReader::~GzipReader()
{
#if defined(FORKLINE_HAVE_ZLIB)
    if (m_state->open)
        inflateEnd(&m_state->z);
#endif
}

bool GzipReader::available()
{
#if defined(FORKLINE_HAVE_ZLIB)
    return true;
#else
    return false;
#endif
}

bool GzipReader::looksLikeGzip(const char* data, qint64 size)
{
    return size >= 2 && uchar(data[0]) == 0x1f && uchar(data[1]) == 0x8b;
}

// Over 40 lines: zlib's loop of refill, inflate and next member, with the exits each may take.
qint64 GzipReader::read(char* to, qint64 max)
{
#if defined(FORKLINE_HAVE_ZLIB)
    auto fail = [this](const QString& why) {
        m_error = why;
        return qint64(-1);
    };
    if (!m_state->open)
        return fail(QCoreApplication::translate("Forkline", "cannot start the gzip decoder"));
    z_stream& z = m_state->z;
    z.next_out = reinterpret_cast<Bytef*>(to);
    z.avail_out = uInt(std::min<qint64>(max, qint64(1) << 30));
    while (z.avail_out > 0 && !m_done) {
        if (z.avail_in == 0 && !m_rawEnd) {
            m_in.resize(size_t(kInBlock));
            const qint64 n = m_raw(m_in.data(), kInBlock);
            if (n < 0)
                return -1; // the caller's reader knows why
            m_rawEnd = n == 0;
            m_compressedRead += n;
            z.next_in = reinterpret_cast<Bytef*>(m_in.data());
            z.avail_in = uInt(n);
        }
        if (m_betweenMembers) {
            // Another member may follow; the end of the file, or trailing zeros (padding some
            // tools write), end it all.
            if (z.avail_in == 0 && m_rawEnd) {
                m_done = true;
                continue;
            }
            if (z.avail_in == 0)
                continue; // read on to know
            if (*z.next_in == 0) {
                m_done = true;
                continue;
            }
            inflateReset(&z);
            m_betweenMembers = false;
        }
        const int rc = inflate(&z, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) {
            m_betweenMembers = true;
            continue;
        }
        if (rc == Z_BUF_ERROR && z.avail_in == 0 && m_rawEnd)
            return fail(QCoreApplication::translate("Forkline", "the gzip data ends early"));
        if (rc != Z_OK && rc != Z_BUF_ERROR)
            return fail(QCoreApplication::translate("Forkline", "the gzip data is damaged (%1)")
                            .arg(QString::fromLatin1(z.msg ? z.msg : "?")));
    }
    return qint64(reinterpret_cast<char*>(z.next_out) - to);
#else
    Q_UNUSED(to);
    Q_UNUSED(max);
    m_error = QCoreApplication::translate("Forkline", "this build of Forkline cannot read gzip");
    return -1;
#endif
}

} // namespace Forkline
