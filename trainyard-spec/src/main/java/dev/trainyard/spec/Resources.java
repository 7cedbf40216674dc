package dev.trainyard.spec;

/** {@code resources:} of a step: instance count and type; {@code limits.timeout} in seconds. */
public record Resources(Integer instanceCount, String instanceType, Long timeoutSeconds) {
  public static final Resources NONE = new Resources(null, null, null);

  /** Step values override component values. */
  public Resources over(Resources base) {
    if (base == null) {
      return this;
    }
    return new Resources(
        instanceCount != null ? instanceCount : base.instanceCount,
        instanceType != null ? instanceType : base.instanceType,
        timeoutSeconds != null ? timeoutSeconds : base.timeoutSeconds);
  }
}
