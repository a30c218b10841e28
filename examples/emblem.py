#!/usr/bin/env python3
"""Draw the example emblem, examples/emblem.png.

A simple drawing the project makes itself (not any organisation's logo):
a blue disc with a thin white ring and five white petals around a centre,
one for each dimension of confidence-building measures.  Python 3
standard library only (zlib for the PNG); deterministic, so the file is
the same byte for byte on every run.

Usage:  python3 examples/emblem.py [OUTFILE]
"""

import math
import os
import struct
import sys
import zlib

SIZE = 256          # pixels a side
SUB = 4             # sub-samples a side per pixel (anti-aliasing)
BLUE = (0, 94, 160)
WHITE = (255, 255, 255)


def shape(x, y):
    """The colour at (x, y) in units of the emblem (-1..1), or None."""
    r = math.hypot(x, y)
    if r > 0.98:
        return None
    if 0.86 < r < 0.90:
        return WHITE  # the ring
    if r < 0.16:
        return WHITE  # the centre
    # five petals: ellipses pointing outwards, one at the top
    for k in range(5):
        a = math.pi / 2 + k * 2 * math.pi / 5
        cx, cy = 0.48 * math.cos(a), 0.48 * math.sin(a)
        # the point in the petal's own axes
        dx, dy = x - cx, y - cy
        u = dx * math.cos(a) + dy * math.sin(a)
        v = -dx * math.sin(a) + dy * math.cos(a)
        if (u / 0.27) ** 2 + (v / 0.14) ** 2 <= 1:
            return WHITE
    return BLUE


def pixel(px, py):
    """RGBA of pixel (px, py), averaged over SUB x SUB samples."""
    acc = [0, 0, 0, 0]
    for sy in range(SUB):
        for sx in range(SUB):
            x = ((px + (sx + 0.5) / SUB) / SIZE) * 2 - 1
            y = 1 - ((py + (sy + 0.5) / SUB) / SIZE) * 2
            c = shape(x, y)
            if c:
                acc[0] += c[0]
                acc[1] += c[1]
                acc[2] += c[2]
                acc[3] += 255
    n = SUB * SUB
    alpha = acc[3] / n
    if alpha == 0:
        return (0, 0, 0, 0)
    # colours are averaged over the covered samples only (straight alpha)
    covered = acc[3] / 255
    return (round(acc[0] / covered), round(acc[1] / covered),
            round(acc[2] / covered), round(alpha))


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + \
        struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "emblem.png")
    rows = bytearray()
    for py in range(SIZE):
        rows.append(0)  # filter: none
        for px in range(SIZE):
            rows.extend(pixel(px, py))
    png = (b"\x89PNG\r\n\x1a\n"
           + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
           + chunk(b"IEND", b""))
    with open(out, "wb") as f:
        f.write(png)
    print(f"{out}: {len(png)} bytes")


if __name__ == "__main__":
    main()
