/** Parsing of {@code ${{...}}} bindings and {@code $[[...]]} optional fragments into templates. */
package dev.trainyard.spec.binding;
