#!/usr/bin/env python3
"""Where threads waited in a JFR recording (bench/store-waits.sh): park, monitor and socket events per thread
group and blocking site (the first two frames of the service's own code, else of a library), with count, total
and mean; GC pauses; CPU samples per thread group. Usage: bench/jfr-waits.py rec.jfr [rows]"""
import collections, re, sys
import jfr

rec = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 25
events = jfr.events(rec, ["jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.SocketRead", "jdk.SocketWrite",
                          "jdk.GarbageCollection", "jdk.ExecutionSample"], depth=64)


def millis(iso):
    m = re.match(r"PT(?:(\d+)M)?([\d.]+)S", iso)
    return (int(m.group(1) or 0) * 60 + float(m.group(2))) * 1000 if m else 0.0


def thread_group(thread):
    return re.sub(r"[-#]?\d+$", "", (thread or {}).get("javaName") or "?")


def site(frames):
    ours = [f for f in frames if f.startswith("io.firecheck")]
    libraries = [f for f in frames if not f.startswith(("java.", "jdk.", "sun."))]
    return " < ".join((ours or libraries or frames)[:2])


waits = collections.defaultdict(lambda: [0, 0.0])
samples = collections.Counter()
pauses = collections.defaultdict(list)
for e in events:
    kind, v = e["type"], e["values"]
    if kind == "jdk.ExecutionSample":
        samples[thread_group(v.get("sampledThread"))] += 1
    elif kind == "jdk.GarbageCollection":
        pauses[v["name"]].append(millis(v["sumOfPauses"]))
    else:
        w = waits[(kind.replace("jdk.", ""), thread_group(v.get("eventThread")), site(jfr.frames(e)))]
        w[0] += 1
        w[1] += millis(v["duration"])

print("   count   total ms  mean ms  event            thread group                 site")
for (kind, group, where), (n, ms) in sorted(waits.items(), key=lambda kv: -kv[1][1])[:rows]:
    print(f"{n:8d} {ms:10.0f} {ms / n:8.2f}  {kind:16s} {group:28s} {where}")
for name, p in pauses.items():
    print(f"GC {name}: {len(p)} collections, pauses {sum(p):.0f} ms in all, max {max(p):.1f} ms")
total = sum(samples.values())
print(f"CPU samples per thread group ({total}):", ", ".join(f"{g} {100.0 * n / total:.1f} %" for g, n in samples.most_common(6)))
