package dev.trainyard.store.registry;

/** What a registry entry is. */
public enum AssetKind {
  DATA("data asset"),
  MODEL("model"),
  COMPONENT("component");

  private final String noun;

  AssetKind(String noun) {
    this.noun = noun;
  }

  /** The word for messages: "data asset", "model", "component". */
  public String noun() {
    return noun;
  }

  /** The value in the {@code assets.kind} column. */
  public String column() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  static AssetKind of(String column) {
    return valueOf(column.toUpperCase(java.util.Locale.ROOT));
  }
}
