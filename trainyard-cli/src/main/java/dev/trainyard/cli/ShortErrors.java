package dev.trainyard.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Parse errors in one or two lines, with a pointer to help, never a stack trace. */
final class ShortErrors implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("trainyard: " + ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    return ExitCodes.BAD_INPUT;
  }
}
