#!/usr/bin/env python3
"""Top frames of a JFR recording's execution samples: bench/jfr-top.py rec.jfr [N] [filter-substring].
Prints self time (top frame) and inclusive time (anywhere in the stack) per method, as % of samples."""
import collections, sys
import jfr

rec = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
only = sys.argv[3] if len(sys.argv) > 3 else None
selfc, incl, total = collections.Counter(), collections.Counter(), 0
for e in jfr.events(rec, ["jdk.ExecutionSample"]):
    frames = jfr.frames(e)
    if only and not any(only in f for f in frames):
        continue
    total += 1
    selfc[frames[0]] += 1
    for f in set(frames):
        incl[f] += 1
print(f"{total} samples")
for title, c in (("self", selfc), ("inclusive", incl)):
    print(f"-- {title}")
    for f, k in c.most_common(n):
        print(f"{100.0 * k / total:5.1f}%  {f}")
