#!/usr/bin/env python3
"""Merges the kept cargo-mutants runs (scripts/mutants) into one Markdown report.

usage: mutants-report.py <runs dir> <report.md>
       mutants-report.py <runs dir> <report.md> --missed-functions <target>
           (one regex per line for cargo-mutants -F: each function that still has a missed
           mutant not listed as equivalent)

<runs dir>/<target>/<run>/ holds one run (`1-of-4`, `recheck-...`): {caught,missed,timeout,
unviable}.txt (one mutant per line, `path:line:col: description`), `commit`, `started` (Unix
time) and `seconds`. Runs are merged oldest first, and a newer run replaces every older outcome in each function it tested
(`path` and the name after ` in `; the change itself for a mutant outside any function), so
a recheck after new tests or an edit above the code counts each mutant once, with its new line.
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
            out = os.path.join(tdir, shard)
            started = os.path.join(out, "started")
            if os.path.exists(started):
                shards.append((int(open(started).read()), shard, out))
        mutants, runs = {}, []
        for _, shard, out in sorted(shards):
            counts, seen = {}, {}
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
                    seen[l] = (outcome, m["path"], int(m["line"]), key(m["path"], m["what"]))
            tested = {function(v[3]) for v in seen.values()}
            # A recheck also names the functions it was asked for: those it found no mutant in
            # are gone from the code, and so are their older outcomes.
            asked = os.path.join(out, "functions")
            if os.path.exists(asked):
                tested |= {l.strip() for l in open(asked, encoding="utf-8") if l.strip()}
            mutants = {l: v for l, v in mutants.items() if function(v[3]) not in tested}
            mutants.update(seen)
            meta = {}
            for name in ("commit", "seconds"):
                p = os.path.join(out, name)
                meta[name] = open(p).read().strip() if os.path.exists(p) else "?"
            runs.append((shard, meta["commit"][:10], meta["seconds"], counts))
        if runs:
            result[target] = (mutants, runs)
    return result


BODY = re.compile(r"^replace (?P<name>.+?)(?: -> .+)? with .+$")


def function(k):
    """The function a mutant's key names: `path: ... in name` for a change inside it, `path:
    replace name [-> type] with value` for its body replaced; the key itself outside any
    function."""
    path, _, what = k.partition(": ")
    _, sep, name = what.rpartition(" in ")
    if sep:
        return f"{path}: {name}"
    m = BODY.match(what)
    if m and re.search(r"\w$", m["name"]):
        return f"{path}: {m['name']}"
    return k


def missed_functions(root, report, target):
    equivalent = read_equivalent(os.path.join(os.path.dirname(report), "mutants-equivalent.txt"))
    mutants, _ = read_runs(root).get(target, ({}, []))
    names = sorted({function(v[3]) for v in mutants.values()
                    if v[0] == "missed" and v[3] not in equivalent and function(v[3]) != v[3]})
    for name in names:
        print(name)


def read_report(path):
    """The summary row and the section of each target in the report as it is now."""
    rows, sections, current = {}, {}, None
    if not os.path.exists(path):
        return rows, sections
    with open(path, encoding="utf-8") as f:
        for line in f.read().splitlines():
            cells = [c.strip() for c in line.split("|")]
            if len(cells) > 2 and cells[1] in TARGETS:
                rows[cells[1]] = line
            if line.startswith("## "):
                name = line[3:].strip()
                current = name if name in TARGETS else None
                if current:
                    sections[current] = []
            if current:
                sections[current].append(line)
    return rows, sections


def pct(num, den):
    return f"{100 * num / den:.1f} %" if den else "n/a"


def main():
    root, report = sys.argv[1], sys.argv[2]
    if sys.argv[3:4] == ["--missed-functions"]:
        return missed_functions(root, report, sys.argv[4])
    equivalent = read_equivalent(os.path.join(os.path.dirname(report), "mutants-equivalent.txt"))
    runs = read_runs(root)
    old_rows, old_sections = read_report(report)
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
            # Runs kept before scripts/mutants-runs existed: their figures as last written.
            out.append(old_rows.get(target, f"| {target} | not run yet | | | | | | |"))
            detail += old_sections.get(target, [])
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
    run_paths = {v[1] for m, _ in runs.values() for v in m.values()}
    stale = sorted(k for k in set(equivalent) - {v[3] for m, _ in runs.values() for v in m.values()}
                   if k.partition(": ")[0] in run_paths)
    if stale:
        detail += ["## Equivalent entries no run produced", "",
                   "(the code moved or changed; check and remove them)", ""]
        detail += [f"- `{k}`" for k in stale] + [""]
    with open(report, "w", encoding="utf-8") as f:
        f.write("\n".join(out + [""] + detail).rstrip() + "\n")
    print(f"wrote {report}")


if __name__ == "__main__":
    main()
