/** The {@code trainyard} command line: picocli subcommands, output formatting and exit codes. */
package dev.trainyard.cli;
