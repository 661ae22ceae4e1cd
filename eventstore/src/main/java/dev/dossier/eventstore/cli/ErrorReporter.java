package dev.dossier.eventstore.cli;

import dev.dossier.domain.error.EventStoreException;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an error a command threw into one line on standard error and an exit code ({@link ExitCodes}).
 * Errors of the store and of the input are expected and print no stack trace; anything else is a bug and
 * prints one.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    private final PrintStream err;

    ErrorReporter(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception error, CommandLine command, ParseResult parsed) {
        command.getOut().flush();
        if (error instanceof EventStoreException || error instanceof CliInputException) {
            err.println("eventstore " + command.getCommandName() + ": " + error.getMessage());
        } else {
            err.println("eventstore " + command.getCommandName() + ": unexpected error: " + error);
            for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                err.println("  caused by: " + cause);
            }
            err.println("  (this is a bug in the eventstore tool; please report it with the command line you ran)");
        }
        err.flush();
        return ExitCodes.of(error);
    }
}
