/**
 * Planning: binding resolution, type and reference checks, nested-pipeline flattening, cycle
 * detection and execution order. {@link dev.trainyard.spec.plan.Validator} ties loading and
 * planning together for {@code trainyard validate}.
 */
package dev.trainyard.spec.plan;
