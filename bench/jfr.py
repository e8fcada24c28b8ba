"""A JFR recording's events, read for bench/jfr-top.py, jfr-split.py and jfr-waits.py with the JDK's jfr tool."""
import json, subprocess


def events(recording, types, depth=200):
    """The recording's events of the given types (e.g. ["jdk.ExecutionSample"]), stacks cut to depth frames."""
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", str(depth), "--events", ",".join(types), recording],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def frames(event):
    """An event's stack as "package.Type.method", innermost first; empty when it has none."""
    return [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
            for f in (event["values"].get("stackTrace") or {}).get("frames", [])]
