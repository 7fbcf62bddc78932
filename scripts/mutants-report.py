#!/usr/bin/env python3
"""Merges the kept cargo-mutants runs (scripts/mutants) into one Markdown report.

usage: mutants-report.py <runs dir> <report.md>

<runs dir>/<target>/<k>-of-<n>/ holds one shard's run: mutants.out/{caught,missed,timeout,
unviable}.txt (one mutant per line, `path:line:col: description`), `commit` and `seconds`. A mutant
seen by several runs (same place, same change) counts once, with the outcome of the newest run.
Missed mutants listed in scripts/mutants-equivalent.txt (`path: description | why`, without line
and column, so an entry outlives edits above it and covers the same change repeated in one
function) are equivalent: no test can tell them from the code, so they count as caught "after
triage" and the report shows why.
"""
import os
import re
import sys
from collections import defaultdict

OUTCOMES = ("caught", "missed", "timeout", "unviable")
TARGETS = ("rules", "pallet", "rpc", "sponsor")
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<what>.+)$")


def key(path, what):
    """A mutant's name without its line and column, which move when code above it changes."""
    return f"{path}: {what}"


def read_equivalent(path):
    reasons = {}
    if not os.path.exists(path):
        return reasons
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            name, sep, why = line.rpartition(" | ")
            if not sep or not why.strip():
                sys.exit(f"{path}:{n}: expected `path: description | why`")
            reasons[name.strip()] = why.strip()
    return reasons


def read_runs(root):
    """{target: (mutants {name: (outcome, path, line, key)}, runs [(shard, commit, seconds, counts)])}"""
    result = {}
    for target in TARGETS:
        tdir = os.path.join(root, target)
        if not os.path.isdir(tdir):
            continue
        shards = []
        for shard in os.listdir(tdir):
            out = os.path.join(tdir, shard, "mutants.out")
            if os.path.isdir(out):
                shards.append((os.path.getmtime(out), shard, out))
        mutants, runs = {}, []
        for _, shard, out in sorted(shards):
            counts = {}
            for outcome in OUTCOMES:
                lines = []
                txt = os.path.join(out, f"{outcome}.txt")
                if os.path.exists(txt):
                    with open(txt, encoding="utf-8") as f:
                        lines = [l.rstrip("\n") for l in f if l.strip()]
                counts[outcome] = len(lines)
                for l in lines:
                    m = LINE.match(l)
                    if not m:
                        sys.exit(f"{txt}: unexpected line {l!r}")
                    mutants[l] = (outcome, m["path"], int(m["line"]), key(m["path"], m["what"]))
            meta = {}
            for name in ("commit", "seconds"):
                p = os.path.join(os.path.dirname(out), name)
                meta[name] = open(p).read().strip() if os.path.exists(p) else "?"
            runs.append((shard, meta["commit"][:10], meta["seconds"], counts))
        if runs:
            result[target] = (mutants, runs)
    return result


def pct(num, den):
    return f"{100 * num / den:.1f} %" if den else "n/a"


def main():
    root, report = sys.argv[1], sys.argv[2]
    equivalent = read_equivalent(os.path.join(os.path.dirname(report), "mutants-equivalent.txt"))
    runs = read_runs(root)
    out = [
        "# Mutation testing report",
        "",
        "Written by `scripts/mutants report` from the kept runs of `scripts/mutants` (cargo-mutants).",
        "A mutant is *caught* when a test fails on it, *missed* when every test passes, *timeout*",
        "when the tests ran past the limit (counted as caught: the change made them hang), *unviable*",
        "when it does not compile (not counted). Score = (caught + timeout) / viable; after triage,",
        "missed mutants listed with a reason in `mutants-equivalent.txt` (no test can tell them from",
        "the code) count as caught.",
        "",
        "| Target | Viable | Caught | Timeout | Missed | Equivalent | Score | After triage |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    detail = []
    for target in TARGETS:
        if target not in runs:
            out.append(f"| {target} | not run yet | | | | | | |")
            continue
        mutants, shard_runs = runs[target]
        per_file = defaultdict(lambda: defaultdict(int))
        missed = []
        for outcome, path, line, k in mutants.values():
            per_file[path][outcome] += 1
            if outcome == "missed":
                missed.append((path, line, k))
                if k in equivalent:
                    per_file[path]["equivalent"] += 1
        tot = defaultdict(int)
        for counts in per_file.values():
            for o, c in counts.items():
                tot[o] += c
        viable = tot["caught"] + tot["timeout"] + tot["missed"]
        good = tot["caught"] + tot["timeout"]
        out.append(
            f"| {target} | {viable} | {tot['caught']} | {tot['timeout']} | {tot['missed']} | "
            f"{tot['equivalent']} | {pct(good, viable)} | {pct(good + tot['equivalent'], viable)} |"
        )
        detail += [f"## {target}", "", "Runs (shard, commit, seconds, caught/missed/timeout/unviable):", ""]
        for shard, commit, seconds, c in shard_runs:
            detail.append(
                f"- {shard} at `{commit}`: {seconds} s, "
                f"{c['caught']}/{c['missed']}/{c['timeout']}/{c['unviable']}"
            )
        detail += ["", "| File | Caught | Timeout | Missed | Equivalent | Unviable | Score after triage |",
                   "|---|---:|---:|---:|---:|---:|---:|"]
        for path in sorted(per_file):
            c = per_file[path]
            v = c["caught"] + c["timeout"] + c["missed"]
            detail.append(
                f"| `{path}` | {c['caught']} | {c['timeout']} | {c['missed']} | {c['equivalent']} | "
                f"{c['unviable']} | {pct(c['caught'] + c['timeout'] + c['equivalent'], v)} |"
            )
        detail.append("")
        if missed:
            detail += ["Missed mutants:", ""]
            for path, line, k in sorted(missed):
                why = equivalent.get(k)
                detail.append(f"- `{k}` (line {line}): " + (f"equivalent: {why}" if why else "**no test catches it yet**"))
            detail.append("")
    stale = sorted(set(equivalent) - {v[3] for m, _ in runs.values() for v in m.values()})
    if stale:
        detail += ["## Equivalent entries no run produced", "",
                   "(the code moved or changed; check and remove them)", ""]
        detail += [f"- `{k}`" for k in stale] + [""]
    with open(report, "w", encoding="utf-8") as f:
        f.write("\n".join(out + [""] + detail).rstrip() + "\n")
    print(f"wrote {report}")


if __name__ == "__main__":
    main()
