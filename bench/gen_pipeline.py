#!/usr/bin/env python3
"""Writes an N-step pipeline (a binary-tree fan-out with a chain, every step bound to earlier ones).

Usage: gen_pipeline.py N DIR  -> DIR/pipeline.yml (and DIR/data/)
"""
import os
import sys

n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(os.path.join(out, "data"), exist_ok=True)
lines = [
    "$schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json",
    "type: pipeline",
    f"display_name: bench_{n}",
    "settings:",
    "  default_compute: azureml:cpu-cluster",
    "inputs:",
    "  raw:",
    "    type: uri_folder",
    "    path: ./data",
    "  rate: 0.5",
    "jobs:",
]
for i in range(n):
    lines += [f"  s{i}:", "    type: command", "    inputs:"]
    if i == 0:
        lines += ["      data: ${{parent.inputs.raw}}", "      rate: ${{parent.inputs.rate}}"]
    else:
        for k, j in enumerate(sorted({i - 1, (i - 1) // 2})):
            lines.append(f"      in{k}: ${{{{parent.jobs.s{j}.outputs.out}}}}")
    lines += [
        "    outputs:",
        "      out:",
        "        type: uri_folder",
        "    environment: azureml:AzureML-sklearn-1.5@latest",
        "    command: >-",
        f"      echo step {i} > ${{{{outputs.out}}}}/done.txt",
    ]
with open(os.path.join(out, "pipeline.yml"), "w") as f:
    f.write("\n".join(lines) + "\n")
