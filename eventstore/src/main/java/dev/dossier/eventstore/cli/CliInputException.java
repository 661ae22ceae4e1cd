package dev.dossier.eventstore.cli;

/** Input given to the command line is unusable; the message says what is wrong and where. Exit code 2. */
final class CliInputException extends RuntimeException {
    CliInputException(String where, String problem) {
        super(where + ": " + problem);
    }
}
