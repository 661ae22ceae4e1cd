package dev.dossier.application.command;

/**
 * A command broke an invariant of its aggregate (e.g. adding an item to a shipped order). Nothing was
 * recorded; retrying the same command against the same state fails the same way.
 */
public class CommandRejectedException extends RuntimeException {
    private final String aggregate;

    public CommandRejectedException(String aggregate, String reason) {
        super("Command rejected by " + aggregate + ": " + reason);
        this.aggregate = aggregate;
    }

    /** The aggregate that refused, e.g. {@code order/o-1}. */
    public String aggregate() {
        return aggregate;
    }

    /** Always false: the state decides, and it has not changed. */
    public boolean isRetryable() {
        return false;
    }
}
