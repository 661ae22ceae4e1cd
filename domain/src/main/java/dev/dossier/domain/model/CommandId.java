package dev.dossier.domain.model;

/**
 * The identity of a command a host asks an aggregate to handle, e.g. a request id. Handling the same
 * command id twice records its events once. Non-empty, at most 200 characters, no control characters.
 *
 * @throws dev.dossier.domain.error.InvalidInputException from the constructor when the id breaks a rule
 */
public record CommandId(String value) {
    public CommandId {
        Names.check("command id", value);
    }

    public static CommandId of(String value) {
        return new CommandId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
