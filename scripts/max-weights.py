#!/usr/bin/env python3
"""Merges weight files generated from the same benchmarks by several runs into one that declares,
for every weight function, the largest figure of any run.

    scripts/max-weights.py OUT RUN1.rs RUN2.rs [...]

The runs come from the same template, so a function's body has the same shape in each (the same
text once its numbers are blanked); then every number (base time, slopes, proof sizes, reads,
writes) is the maximum over the runs. Where the shapes differ (a slope measured as zero in one run
is left out of its body), the body with the largest base time is taken and a note is printed, so
that a person looks at it. The header of the first run is kept, with a line naming the merge.
"""
import re
import sys

NUMBER = re.compile(r"\d+(?:_\d+)*")
FUNCTION = re.compile(r"(\tfn (\w+)\([^)]*\) -> Weight \{\n.*?\n\t\})", re.S)


def shape(body):
    return NUMBER.sub("#", body)


def numbers(body):
    return [int(n.replace("_", "")) for n in NUMBER.findall(body)]


def with_numbers(body, values):
    it = iter(values)

    def put(match):
        value = next(it)
        text = match.group(0)
        return f"{value:_}" if "_" in text else str(value)

    return NUMBER.sub(put, body)


def merge(bodies, name):
    shapes = {shape(b) for b in bodies}
    if len(shapes) == 1:
        columns = zip(*(numbers(b) for b in bodies))
        return with_numbers(bodies[0], [max(c) for c in columns])
    best = max(bodies, key=lambda b: base_time(b))
    print(f"note: {name}: the runs' bodies differ in shape; took the one with the largest base time",
          file=sys.stderr)
    return best


def base_time(body):
    match = re.search(r"Weight::from_parts\(([\d_]+),", body)
    return int(match.group(1).replace("_", "")) if match else 0


def main():
    out, first, *rest = sys.argv[1:]
    texts = [open(path).read() for path in [first, *rest]]
    merged = texts[0]
    # Functions appear once per impl block; merge occurrence by occurrence.
    runs = [FUNCTION.findall(t) for t in texts]
    for i, (body, name) in enumerate(runs[0]):
        others = [r[i][0] for r in runs[1:]]
        if any(r[i][1] != name for r in runs[1:]):
            sys.exit(f"the runs list functions in another order at {name}")
        merged = merged.replace(body, merge([body, *others], name), 1)
    merged = merged.replace(
        "//! Regenerate with",
        f"//! Each figure is the largest of {len(texts)} runs (scripts/max-weights.py).\n//!\n//! Regenerate with",
        1,
    )
    open(out, "w").write(merged)


if __name__ == "__main__":
    main()
