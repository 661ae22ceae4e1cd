package dev.dossier.domain.model;

import dev.dossier.domain.error.InvalidInputException;
import java.time.Instant;
import java.util.Objects;

/**
 * What the store remembers about a command it handled, so that handling it again records nothing new and
 * answers with the same outcome. The command's events are those of {@code stream} after
 * {@code baseVersion} up to {@code newVersion}.
 *
 * @param baseVersion the version the command was decided on (its events' expected version)
 * @param newVersion  the version after the command's events; equal to {@code baseVersion} while
 *                    {@link Status#STARTED}, or when the command produced no event
 * @param status      {@link Status#STARTED} is written just before the append: after a crash, the command's
 *                    events (if any) are found by their causation id after {@code baseVersion}
 */
public record ProcessedCommand(CommandId commandId, StreamId stream, Version baseVersion, Version newVersion,
                               Status status, Instant recordedAt) {

    /** Whether the command's append is known to be complete. */
    public enum Status { STARTED, COMPLETED }

    public ProcessedCommand {
        Objects.requireNonNull(commandId, "commandId");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(baseVersion, "baseVersion");
        Objects.requireNonNull(newVersion, "newVersion");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (newVersion.compareTo(baseVersion) < 0) {
            throw new InvalidInputException("processed command", "new version " + newVersion
                    + " is before base version " + baseVersion);
        }
        if (status == Status.STARTED && !newVersion.equals(baseVersion)) {
            throw new InvalidInputException("processed command", "a started command has no new version yet");
        }
    }

    public static ProcessedCommand started(CommandId id, StreamId stream, Version base, Instant at) {
        return new ProcessedCommand(id, stream, base, base, Status.STARTED, at);
    }

    public static ProcessedCommand completed(CommandId id, StreamId stream, Version base, Version newVersion,
                                             Instant at) {
        return new ProcessedCommand(id, stream, base, newVersion, Status.COMPLETED, at);
    }

    public boolean isCompleted() {
        return status == Status.COMPLETED;
    }
}
