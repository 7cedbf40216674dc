/** The registry lookups the spec layer needs; implemented by the workspace store. */
package dev.trainyard.spec.registry;
