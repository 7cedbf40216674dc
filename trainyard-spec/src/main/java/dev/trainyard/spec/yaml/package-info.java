/** Safe YAML reading into position-carrying nodes; hostile input becomes located errors. */
package dev.trainyard.spec.yaml;
