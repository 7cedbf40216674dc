#!/usr/bin/env python3
"""Writes the same N-step fan-out/fan-in graph of trivial commands twice: as a Trainyard pipeline
(pipeline.yml) and as a Snakefile, for comparing scheduler overhead.

Shape: one root step; N-2-G middle steps, each reading the root's output; G fan-in steps, each
reading an equal share of the middles; one sink reading the fan-ins. Every command is `true`
plus creating its output, so the measurement is the orchestrator, not the work.

Usage: gen_dag.py N DIR [G]
"""
import os
import sys

n, out = int(sys.argv[1]), sys.argv[2]
groups = int(sys.argv[3]) if len(sys.argv) > 3 else 10
middles = n - 2 - groups
os.makedirs(out, exist_ok=True)

y = ["type: pipeline", f"display_name: dag_{n}", "jobs:",
     "  root:", "    command: true", "    outputs:", "      o:"]
for i in range(middles):
    y += [f"  m{i}:", "    command: true", "    inputs:", "      i: ${{parent.jobs.root.outputs.o}}",
          "    outputs:", "      o:"]
for g in range(groups):
    y += [f"  g{g}:", "    command: true", "    inputs:"]
    for i in range(g, middles, groups):
        y.append(f"      i{i}: ${{{{parent.jobs.m{i}.outputs.o}}}}")
    y += ["    outputs:", "      o:"]
y += ["  sink:", "    command: true", "    inputs:"]
y += [f"      i{g}: ${{{{parent.jobs.g{g}.outputs.o}}}}" for g in range(groups)]
with open(os.path.join(out, "pipeline.yml"), "w") as f:
    f.write("\n".join(y) + "\n")

s = ["rule all:", "    input: 'out/sink'", "",
     "rule root:", "    output: 'out/root'", "    shell: 'true && touch {output}'", "",
     "rule middle:", "    input: 'out/root'", "    output: 'out/m{i}'", "    shell: 'true && touch {output}'", ""]
for g in range(groups):
    ins = ", ".join(f"'out/m{i}'" for i in range(g, middles, groups))
    s += [f"rule g{g}:", f"    input: {ins}", f"    output: 'out/g{g}'", "    shell: 'true && touch {output}'", ""]
ins = ", ".join(f"'out/g{g}'" for g in range(groups))
s += ["rule sink:", f"    input: {ins}", "    output: 'out/sink'", "    shell: 'true && touch {output}'", ""]
with open(os.path.join(out, "Snakefile"), "w") as f:
    f.write("\n".join(s))
