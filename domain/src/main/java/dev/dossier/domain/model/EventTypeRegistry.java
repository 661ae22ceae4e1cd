package dev.dossier.domain.model;

import dev.dossier.domain.error.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The explicit map between event type names and the host's payload classes. Only classes registered here
 * are ever instantiated when reading; an event of an unregistered type is read as {@link RawJson}.
 * Aliases keep old type names resolving after a class or event is renamed. Immutable.
 */
public final class EventTypeRegistry {
    private static final EventTypeRegistry EMPTY = new EventTypeRegistry(Map.of(), Map.of(), Map.of(), Map.of());

    private final Map<EventType, Class<?>> classByType;
    private final Map<Class<?>, EventType> typeByClass;
    private final Map<EventType, Integer> schemaVersionByType;
    private final Map<EventType, EventType> aliases;

    private EventTypeRegistry(Map<EventType, Class<?>> classByType, Map<Class<?>, EventType> typeByClass,
                              Map<EventType, Integer> schemaVersionByType, Map<EventType, EventType> aliases) {
        this.classByType = Map.copyOf(classByType);
        this.typeByClass = Map.copyOf(typeByClass);
        this.schemaVersionByType = Map.copyOf(schemaVersionByType);
        this.aliases = Map.copyOf(aliases);
    }

    public static EventTypeRegistry empty() {
        return EMPTY;
    }

    /** A new registry that also binds {@code type} (schema version 1) to {@code payloadClass}. */
    public EventTypeRegistry register(String type, Class<?> payloadClass) {
        return register(type, payloadClass, 1);
    }

    /** A new registry that also binds {@code type} at {@code schemaVersion} to {@code payloadClass}. */
    public EventTypeRegistry register(String type, Class<?> payloadClass, int schemaVersion) {
        EventType eventType = EventType.of(type);
        if (classByType.containsKey(eventType) || aliases.containsKey(eventType)) {
            throw new InvalidInputException("event type", "'" + type + "' is registered twice");
        }
        if (schemaVersion < 1) {
            throw new InvalidInputException("schema version", "of '" + type + "' must be 1 or more");
        }
        var classes = new HashMap<>(classByType);
        classes.put(eventType, payloadClass);
        var types = new HashMap<>(typeByClass);
        types.putIfAbsent(payloadClass, eventType);
        var versions = new HashMap<>(schemaVersionByType);
        versions.put(eventType, schemaVersion);
        return new EventTypeRegistry(classes, types, versions, aliases);
    }

    /**
     * A new registry that also binds {@code payloadClass} as its {@link EventSchema} annotation declares.
     *
     * @throws InvalidInputException when the class has no {@code @EventSchema}
     */
    public EventTypeRegistry register(Class<?> payloadClass) {
        EventSchema schema = payloadClass.getAnnotation(EventSchema.class);
        if (schema == null) {
            throw new InvalidInputException("event class", payloadClass.getName()
                    + " has no @EventSchema(type = ..., version = ...); register it with a type name instead");
        }
        return register(schema.type(), payloadClass, schema.version());
    }

    /** A new registry in which the old name {@code alias} resolves to the registered {@code type}. */
    public EventTypeRegistry alias(String alias, String type) {
        EventType target = EventType.of(type);
        EventType old = EventType.of(alias);
        if (!classByType.containsKey(target)) {
            throw new InvalidInputException("event type alias", "'" + alias + "' points to unregistered type '" + type + "'");
        }
        if (classByType.containsKey(old)) {
            throw new InvalidInputException("event type alias", "'" + alias + "' is already a registered type");
        }
        var map = new HashMap<>(aliases);
        map.put(old, target);
        return new EventTypeRegistry(classByType, typeByClass, schemaVersionByType, map);
    }

    /** The class bound to {@code type} or to the type it is an alias of; empty when unregistered. */
    public Optional<Class<?>> classFor(EventType type) {
        return Optional.ofNullable(classByType.get(aliases.getOrDefault(type, type)));
    }

    /** The event type name registered for {@code payloadClass}, if any. */
    public Optional<EventType> typeFor(Class<?> payloadClass) {
        return Optional.ofNullable(typeByClass.get(payloadClass));
    }

    /** Whether {@code type} is registered, directly or as an alias. */
    public boolean isRegistered(EventType type) {
        return classByType.containsKey(aliases.getOrDefault(type, type));
    }

    /** The registered type {@code type} is an alias of; empty when it is not an alias. */
    public Optional<EventType> aliasTarget(EventType type) {
        return Optional.ofNullable(aliases.get(type));
    }

    /** The old names that resolve to {@code type}, sorted. */
    public List<EventType> aliasesOf(EventType type) {
        return aliases.entrySet().stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /** Every registered type name (not the aliases), sorted. */
    public List<EventType> types() {
        return classByType.keySet().stream().sorted().toList();
    }

    /** The current schema version of {@code type}: the registered one, else 1. */
    public int schemaVersionOf(EventType type) {
        return schemaVersionByType.getOrDefault(aliases.getOrDefault(type, type), 1);
    }
}
