#!/usr/bin/env python3
"""The objects of an HPROF heap dump (taken without a collection) whose addresses lie in [LOW, HIGH): with the
serial collector, the part of the tenured generation promoted since the top was LOW (bench/promoted.sh). Prints
them by class, then by the field that refers to them, each marked live (reachable from a GC root now) or dead
(garbage already, waiting for a full collection).  Usage: bench/promoted.py DUMP LOW_HEX HIGH_HEX [rows]"""
import collections
import struct
import sys

path, low, high = sys.argv[1], int(sys.argv[2], 16), int(sys.argv[3], 16)
rows = int(sys.argv[4]) if len(sys.argv) > 4 else 25
data = open(path, 'rb').read()
p = data.index(b'\0') + 1
if struct.unpack_from('>I', data, p)[0] != 8:
    sys.exit('only 8-byte identifiers (a 64-bit JVM) are read')
p += 12
SIZE = {2: 8, 4: 1, 5: 2, 6: 4, 7: 8, 8: 1, 9: 2, 10: 4, 11: 8}
PRIMITIVE = {4: 'boolean[]', 5: 'char[]', 6: 'float[]', 7: 'double[]', 8: 'byte[]', 9: 'short[]', 10: 'int[]', 11: 'long[]'}
ROOT_BYTES = {0xFF: 8, 0x01: 16, 0x02: 16, 0x03: 16, 0x04: 12, 0x05: 8, 0x06: 12, 0x07: 8, 0x08: 16}
Q = struct.Struct('>Q').unpack_from
I = struct.Struct('>I').unpack_from
H = struct.Struct('>H').unpack_from
strings, class_names, classes, objects, roots = {}, {}, {}, {}, []


def heap_records(p, end):
    while p < end:
        tag = data[p]
        p += 1
        if tag in ROOT_BYTES:
            roots.append(Q(data, p)[0])
            p += ROOT_BYTES[tag]
        elif tag == 0x20:  # class: super, constant pool, statics (roots too), instance fields
            cid, sup = Q(data, p)[0], Q(data, p + 12)[0]
            p += 64
            n = H(data, p)[0]
            p += 2
            for _ in range(n):
                p += 3 + SIZE[data[p + 2]]
            n = H(data, p)[0]
            p += 2
            for _ in range(n):
                kind = data[p + 8]
                if kind == 2 and Q(data, p + 9)[0]:
                    roots.append(Q(data, p + 9)[0])
                p += 9 + SIZE[kind]
            n = H(data, p)[0]
            p += 2
            fields = []
            for _ in range(n):
                fields.append((strings.get(Q(data, p)[0], '?'), data[p + 8]))
                p += 9
            classes[cid] = (sup, fields)
        elif tag == 0x21:  # instance
            oid, cid, n = Q(data, p)[0], Q(data, p + 12)[0], I(data, p + 20)[0]
            objects[oid] = ('i', cid, p + 24, p + 24 + n)
            p += 24 + n
        elif tag == 0x22:  # object array
            oid, n, cid = Q(data, p)[0], I(data, p + 12)[0], Q(data, p + 16)[0]
            objects[oid] = ('o', cid, p + 24, p + 24 + 8 * n)
            p += 24 + 8 * n
        elif tag == 0x23:  # primitive array
            oid, n, kind = Q(data, p)[0], I(data, p + 12)[0], data[p + 16]
            objects[oid] = ('p', kind, p + 17, p + 17 + n * SIZE[kind])
            p += 17 + n * SIZE[kind]
        else:
            sys.exit('unknown heap record %x' % tag)


while p < len(data):
    tag, length, body = data[p], I(data, p + 5)[0], p + 9
    if tag == 0x01:
        strings[Q(data, body)[0]] = data[body + 8:body + length].decode('utf-8', 'replace')
    elif tag == 0x02:
        class_names[Q(data, body + 4)[0]] = Q(data, body + 16)[0]
    elif tag in (0x0C, 0x1C):
        heap_records(body, body + length)
    p = body + length
names = {cid: strings.get(n, '?').replace('/', '.') for cid, n in class_names.items()}
layouts = {}


def fields_of(cid):
    if cid not in layouts:
        out, c = [], cid
        while c in classes:
            out.extend(classes[c][1])
            c = classes[c][0]
        layouts[cid] = out
    return layouts[cid]


def references(oid):
    kind, cid, start, end = objects[oid]
    if kind == 'o':
        for q in range(start, end, 8):
            if Q(data, q)[0]:
                yield Q(data, q)[0], '[]'
    elif kind == 'i':
        q = start
        for field, t in fields_of(cid):
            if t == 2 and Q(data, q)[0]:
                yield Q(data, q)[0], field
            q += SIZE[t]


def name(oid):
    kind, cid, _, _ = objects[oid]
    return PRIMITIVE[cid] if kind == 'p' else names.get(cid, hex(cid))


# objects in the range are contiguous: each one's size is the distance to the next
promoted = sorted(o for o in objects if low <= o < high)
size = {o: (promoted[i + 1] if i + 1 < len(promoted) else high) - o for i, o in enumerate(promoted)}
live, stack = set(), [r for r in roots if r in objects]
while stack:
    o = stack.pop()
    if o not in live:
        live.add(o)
        stack.extend(v for v, _ in references(o) if v in objects and v not in live)
print('promoted: %d objects, %.1f MiB; still reachable: %.1f MiB' % (
    len(promoted), sum(size.values()) / 2**20, sum(size[o] for o in promoted if o in live) / 2**20))
by_class = collections.defaultdict(lambda: [0, 0, 0])
for o in promoted:
    r = by_class[name(o)]
    r[0] += 1
    r[1] += size[o]
    r[2] += size[o] if o in live else 0
print('%10s %8s %10s  class' % ('bytes', 'objects', 'reachable'))
for n, (count, total, reachable) in sorted(by_class.items(), key=lambda x: -x[1][1])[:rows]:
    print('%10d %8d %10d  %s' % (total, count, reachable, n))
inside = set(promoted)
by_field, counts = collections.Counter(), collections.Counter()
for o, (kind, _, _, _) in objects.items():
    if kind != 'p':
        for v, field in references(o):
            if v in inside:
                key = '%s.%s -> %s (%s)' % (name(o), field, name(v), 'live' if v in live else 'dead')
                by_field[key] += size[v]
                counts[key] += 1
print('\n%10s %8s  referrer.field -> promoted class' % ('bytes', 'objects'))
for key, total in by_field.most_common(rows):
    print('%10d %8d  %s' % (total, counts[key], key))
