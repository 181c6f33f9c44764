"""Summarises attribute.sh's output: medians of the totals, the steps whose own CPU time differs most between
the starter's variants and "without", and the classes each variant loads beyond "without", by package."""
import collections
import glob
import os
import re
import statistics
import sys

out = sys.argv[1]
variants = ["with", "memory", "without"]


def steps(file):
    own = collections.defaultdict(float)
    total = None
    for line in open(file):
        if line.startswith("TOTAL"):
            total = [float(x) for x in re.findall(r"([\d.]+) ms", line)] + [int(line.split()[-1])]
        match = re.match(r"STEP self\s+([\d.]+) ms incl\s+[\d.]+ ms  (.*)", line)
        if match:
            own[match.group(2).strip()] += float(match.group(1))
    return total, own


runs = {v: [steps(f) for f in sorted(glob.glob(f"{out}/steps-{v}-*.txt"))] for v in variants}
print("medians over %d rounds: main-thread CPU ms, process CPU ms, wall ms, classes loaded" % len(runs["with"]))
for v in variants:
    totals = [r[0] for r in runs[v]]
    print("  %-8s %s" % (v, "  ".join("%8.0f" % statistics.median(t[i] for t in totals) for i in range(4))))


def median_own(v, name):
    return statistics.median(r[1].get(name, 0.0) for r in runs[v])


for v in ["with", "memory"]:
    names = set().union(*(r[1] for r in runs[v]), *(r[1] for r in runs["without"]))
    rows = sorted(((median_own(v, n) - median_own("without", n), n) for n in names), reverse=True)
    print("\nsteps of '%s' against 'without', median own main-thread CPU ms (largest differences)" % v)
    for diff, name in rows[:25]:
        print("  %+8.1f  %8.1f  %s" % (diff, median_own(v, name), name[:150]))


def classes(v):
    loaded = set()
    for line in open(f"{out}/classes-{v}.log"):
        match = re.search(r"\] (\S+) source", line)
        # lambdas and other hidden classes have names of their own in each run
        if match and not re.search(r"\$\$Lambda|0x|LambdaForm|\$Species", match.group(1)):
            loaded.add(match.group(1))
    return loaded


without = classes("without")
for v in ["with", "memory"]:
    extra = classes(v) - without
    packages = collections.Counter(".".join(c.split(".")[:3]) for c in extra)
    print("\nclasses '%s' loads beyond 'without': %d" % (v, len(extra)))
    print("  " + ", ".join("%s %d" % (p, n) for p, n in packages.most_common(20)))
