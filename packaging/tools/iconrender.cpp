// SPDX-License-Identifier: GPL-3.0-or-later
// Renders the one icon drawing (resources/icons/forkline.svg) into what Windows and macOS want,
// at build time, so no platform keeps a copy of its own that could drift from the drawing:
//   forkline-iconrender ico SVG OUT.ico         sizes 16 to 256 in one Windows icon
//   forkline-iconrender iconset SVG OUT.iconset the PNG set that macOS's iconutil turns into .icns
#include <QBuffer>
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QString>
#include <QSvgRenderer>
#include <QtEndian>
#include <cstdio>
#include <vector>

namespace {

QImage render(QSvgRenderer& svg, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    svg.render(&painter);
    painter.end();
    return image;
}

QByteArray png(const QImage& image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

void putLe16(QByteArray& out, quint16 v)
{
    const quint16 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char*>(&le), 2);
}

void putLe32(QByteArray& out, quint32 v)
{
    const quint32 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char*>(&le), 4);
}

// An ICO file whose entries are PNG images, which Windows reads since Vista at every size.
QByteArray icoFile(QSvgRenderer& svg)
{
    const int sizes[] = { 16, 24, 32, 48, 64, 128, 256 };
    std::vector<QByteArray> images;
    for (int size : sizes)
        images.push_back(png(render(svg, size)));
    const int count = int(images.size());
    QByteArray out;
    putLe16(out, 0); // reserved
    putLe16(out, 1); // type: icon
    putLe16(out, quint16(count));
    quint32 offset = quint32(6 + 16 * count);
    for (int i = 0; i < count; ++i) {
        const int size = sizes[i];
        out.append(char(size >= 256 ? 0 : size)); // 0 stands for 256
        out.append(char(size >= 256 ? 0 : size));
        out.append(char(0)); // no palette
        out.append(char(0));
        putLe16(out, 1); // planes
        putLe16(out, 32); // bits per pixel
        putLe32(out, quint32(images[size_t(i)].size()));
        putLe32(out, offset);
        offset += quint32(images[size_t(i)].size());
    }
    for (const QByteArray& image : images)
        out.append(image);
    return out;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// iconutil's names: icon_NxN.png and icon_NxN@2x.png for N = 16, 32, 128, 256, 512.
bool writeIconset(QSvgRenderer& svg, const QString& dir)
{
    if (!QDir().mkpath(dir))
        return false;
    for (int size : { 16, 32, 128, 256, 512 }) {
        const QString base = dir + QStringLiteral("/icon_%1x%1").arg(size);
        if (!render(svg, size).save(base + QStringLiteral(".png"))
            || !render(svg, 2 * size).save(base + QStringLiteral("@2x.png")))
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::fputs("usage: forkline-iconrender ico|iconset SVG OUTPUT\n", stderr);
        return 2;
    }
    const QString kind = QString::fromLocal8Bit(argv[1]);
    const QString output = QString::fromLocal8Bit(argv[3]);
    QSvgRenderer svg(QString::fromLocal8Bit(argv[2]));
    if (!svg.isValid()) {
        std::fprintf(stderr, "forkline-iconrender: cannot read %s\n", argv[2]);
        return 1;
    }
    bool ok = false;
    if (kind == QLatin1String("ico"))
        ok = writeFile(output, icoFile(svg));
    else if (kind == QLatin1String("iconset"))
        ok = writeIconset(svg, output);
    else
        return 2;
    if (!ok)
        std::fprintf(stderr, "forkline-iconrender: cannot write %s\n", argv[3]);
    return ok ? 0 : 1;
}
