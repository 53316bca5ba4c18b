"""Checks one rendered report: the PNG screenshot is not blank (many pixels
that are not background, more than a handful of colours), and every element
of the rendered DOM with data-manifest="a.b" shows the manifest's value."""
import json
import re
import struct
import sys
import zlib


def png_pixels(path):
    """(width, height, rows of RGB(A) bytes) of an 8-bit RGB or RGBA PNG."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    offset, chunks, header = 8, [], None
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        offset += 12 + length
    width, height, depth, colour = header[0], header[1], header[2], header[3]
    assert depth == 8 and colour in (2, 6), f"unexpected PNG format depth={depth} colour={colour}"
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, previous, position = [], bytearray(stride), 0
    for _ in range(height):
        kind = raw[position]
        line = bytearray(raw[position + 1:position + 1 + stride])
        position += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def main(png, dom, manifest_path):
    width, height, channels, rows = png_pixels(png)
    colours, ink = set(), 0
    for row in rows[::4]:
        for x in range(0, width * channels, channels * 4):
            pixel = row[x:x + 3]
            colours.add(pixel)
            if pixel != b"\xff\xff\xff":
                ink += 1
    sampled = len(rows[::4]) * len(range(0, width * channels, channels * 4))
    share = ink / sampled
    assert len(colours) > 20 and share > 0.02, f"{png}: looks blank ({len(colours)} colours, {share:.1%} non-white)"
    manifest = json.load(open(manifest_path))
    shown = re.findall(r'data-manifest="([^"]+)"[^>]*>([^<]*)<', open(dom).read())
    assert len(shown) >= 9, f"{dom}: only {len(shown)} manifest numbers rendered"
    for key, text in shown:
        value = manifest
        for part in key.split("."):
            value = value[part]
        assert str(value) == text.strip(), f"{dom}: {key} shows {text!r}, the manifest says {value!r}"
    print(f"ok: {png} ({width}x{height}, {len(colours)} colours, {share:.0%} ink), {len(shown)} numbers match {manifest_path}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
