/**
 * The Azure ML CLI v2 dialect loader: kind detection, every key and reference form, components
 * loaded by path, and errors and warnings that name the file, line, column and YAML path.
 */
package dev.trainyard.spec.load;
