package dev.dossier.eventstore.cli;

import dev.dossier.domain.error.ConcurrencyConflictException;
import dev.dossier.domain.error.EventSerializationException;
import dev.dossier.domain.error.InvalidInputException;
import picocli.CommandLine;

/** The tool's exit codes and the one place that maps an error to one of them. */
public final class ExitCodes {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** {@code verify} found problems, or the store or the system failed. */
    public static final int FAILURE = 1;
    /** The command line or the input (JSON, a name the store cannot take) is invalid. */
    public static final int INVALID_INPUT = 2;
    /** An append's expected version did not match the aggregate's current version. */
    public static final int CONFLICT = 3;

    private ExitCodes() {
    }

    /** The exit code for an error a command threw. */
    public static int of(Throwable error) {
        if (error instanceof ConcurrencyConflictException) {
            return CONFLICT;
        }
        if (error instanceof InvalidInputException || error instanceof CliInputException
                || error instanceof EventSerializationException || error instanceof CommandLine.ParameterException) {
            return INVALID_INPUT;
        }
        return FAILURE;
    }
}
