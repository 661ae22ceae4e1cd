package dev.dossier.domain.error;

/** A payload could not be turned into JSON, or stored JSON could not be bound to its registered class. */
public final class EventSerializationException extends EventStoreException {
    private final String eventType;

    public EventSerializationException(String eventType, String problem, Throwable cause) {
        super("Cannot serialize or deserialize event type '" + eventType + "': " + problem, cause);
        this.eventType = eventType;
    }

    public String eventType() {
        return eventType;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
