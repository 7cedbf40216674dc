package dev.trainyard.spec.plan;

import dev.trainyard.spec.PortSpec;
import java.util.Map;

/** What a step's bindings can see: its pipeline's inputs and its sibling steps. */
record StepContext(
    Map<String, ResolvedInput> parentInputs, Map<String, PortSpec> parentInputDecls,
    Map<String, Planner.Handle> siblings, String stepName, String path) {}
