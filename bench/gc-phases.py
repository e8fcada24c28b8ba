#!/usr/bin/env python3
"""Per phase of bench/load.sh, what the serial collector did: young and full collections, their pauses, the
bytes promoted to the old generation by young collections, the old generation after each full collection, and
the worker threads alive when the phase started. Reads the log of -Xlog:gc*:file=…:timemillis,uptime,level,tags
and the phases file of bench/load.sh (name, epoch ms, worker threads; a line per phase start, the last "end").

Usage: bench/gc-phases.py GC_LOG PHASES"""
import re
import sys

gcs = {}
for line in open(sys.argv[1]):
    m = re.match(r'.*?\[(\d+)ms\].*? GC\((\d+)\) (.*)', line)
    if not m:
        continue
    g = gcs.setdefault(int(m.group(2)), {'t': int(m.group(1))})
    rest = m.group(3)
    if mm := re.match(r'Pause (Young|Full) \((.*?)\) .* ([\d.]+)ms$', rest):
        g.update(kind=mm.group(1), cause=mm.group(2), ms=float(mm.group(3)))
    elif mm := re.match(r'Tenured: (\d+)K\(\d+K\)->(\d+)K\((\d+)K\)', rest):
        g.update(old0=int(mm.group(1)), old1=int(mm.group(2)), cap=int(mm.group(3)))
    elif mm := re.match(r'Desired survivor size \d+ bytes, new threshold (\d+)', rest):
        g.update(threshold=int(mm.group(1)))
phases = [line.split() for line in open(sys.argv[2]) if line.strip()]
print('%-8s %6s %7s %9s %9s %5s %9s %9s %11s %16s %7s' % ('phase', 'secs', 'workers', 'young', 'young ms', 'full',
      'full ms', 'full max', 'promoted', 'old after full', 'thr=1'))
for (name, start, workers, *_), (_, end, *_) in zip(phases, phases[1:]):
    start, end = int(start), int(end)
    sel = [g for g in gcs.values() if start <= g['t'] < end and 'kind' in g]
    young = [g for g in sel if g['kind'] == 'Young']
    full = [g for g in sel if g['kind'] == 'Full']
    promoted = sum(max(0, g['old1'] - g['old0']) for g in young if 'old1' in g)
    after = [g['old1'] for g in full if 'old1' in g]
    print('%-8s %6.1f %7s %9d %9.0f %5d %9.0f %9.0f %8.1f MiB %16s %7d' % (
        name, (end - start) / 1000, workers, len(young), sum(g['ms'] for g in young), len(full),
        sum(g['ms'] for g in full), max([g['ms'] for g in full] or [0]), promoted / 1024,
        '%.0f-%.0f MiB' % (min(after) / 1024, max(after) / 1024) if after else '-',
        sum(1 for g in young if g.get('threshold') == 1)))
