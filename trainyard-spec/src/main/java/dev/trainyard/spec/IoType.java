package dev.trainyard.spec;

import java.util.Arrays;
import java.util.Optional;

/** The types an input or output can have: data assets, models, and plain parameters. */
public enum IoType {
  URI_FILE("uri_file", true),
  URI_FOLDER("uri_folder", true),
  MLTABLE("mltable", true),
  MLFLOW_MODEL("mlflow_model", true),
  CUSTOM_MODEL("custom_model", true),
  TRITON_MODEL("triton_model", true),
  /** Legacy Azure ML v1 type; treated like a folder. */
  PATH("path", true),
  STRING("string", false),
  INTEGER("integer", false),
  NUMBER("number", false),
  BOOLEAN("boolean", false);

  private final String yamlName;
  private final boolean asset;

  IoType(String yamlName, boolean asset) {
    this.yamlName = yamlName;
    this.asset = asset;
  }

  /** The name used in YAML, such as {@code uri_folder}. */
  public String yamlName() {
    return yamlName;
  }

  /** True for files, folders, tables and models; false for parameters. */
  public boolean isAsset() {
    return asset;
  }

  /** True for the model types. */
  public boolean isModel() {
    return this == MLFLOW_MODEL || this == CUSTOM_MODEL || this == TRITON_MODEL;
  }

  /** Parses a YAML type name; accepts Azure's case-insensitive spelling. */
  public static Optional<IoType> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    String n = s.trim().toLowerCase(java.util.Locale.ROOT);
    if (n.equals("int")) {
      n = "integer";
    } else if (n.equals("float") || n.equals("double")) {
      n = "number";
    } else if (n.equals("bool")) {
      n = "boolean";
    } else if (n.equals("str")) {
      n = "string";
    }
    String name = n;
    return Arrays.stream(values()).filter(t -> t.yamlName.equals(name)).findFirst();
  }

  /** Names for error messages. */
  public static String allNames() {
    return String.join(", ", Arrays.stream(values()).map(IoType::yamlName).toList());
  }

  /**
   * Whether a value of type {@code from} may flow into an input declared {@code this}. Assets go
   * into assets (Azure converts folders, tables and models at mount time), parameters into
   * parameters with integer widening to number and anything into string.
   */
  public boolean accepts(IoType from) {
    if (from == this) {
      return true;
    }
    if (isAsset() != from.isAsset()) {
      return false;
    }
    if (isAsset()) {
      return true;
    }
    return this == STRING || (this == NUMBER && from == INTEGER);
  }

  @Override
  public String toString() {
    return yamlName;
  }
}
