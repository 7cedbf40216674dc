/**
 * Trainyard's pipeline spec model: immutable records for pipeline jobs, steps, components, ports,
 * bindings and the other documents of the Azure ML CLI v2 dialect, plus the {@link
 * dev.trainyard.spec.Diagnostic} every error and warning is reported as.
 *
 * <p>Loading lives in {@code dev.trainyard.spec.load}, binding parsing in {@code .binding}, checks
 * and planning in {@code .plan}.
 */
package dev.trainyard.spec;
