package dev.dossier.domain.model;

import java.util.Objects;

/** The condition an append puts on the aggregate's current version. */
public sealed interface ExpectedVersion {

    /** Whether an aggregate at {@code current} satisfies this condition. */
    boolean matches(Version current);

    static ExpectedVersion any() {
        return Any.INSTANCE;
    }

    static ExpectedVersion noStream() {
        return NoStream.INSTANCE;
    }

    static ExpectedVersion exactly(long version) {
        return new Exactly(Version.of(version));
    }

    static ExpectedVersion exactly(Version version) {
        return new Exactly(version);
    }

    /** Appends whatever the current version is. */
    enum Any implements ExpectedVersion {
        INSTANCE;

        @Override
        public boolean matches(Version current) {
            return true;
        }

        @Override
        public String toString() {
            return "any version";
        }
    }

    /** Appends only to an aggregate that has no event yet. */
    enum NoStream implements ExpectedVersion {
        INSTANCE;

        @Override
        public boolean matches(Version current) {
            return current.isNone();
        }

        @Override
        public String toString() {
            return "no stream (version 0)";
        }
    }

    /** Appends only when the aggregate is exactly at {@code version} (0 behaves like {@link NoStream}). */
    record Exactly(Version version) implements ExpectedVersion {
        public Exactly {
            Objects.requireNonNull(version, "version");
        }

        @Override
        public boolean matches(Version current) {
            return version.equals(current);
        }

        @Override
        public String toString() {
            return "version " + version.value();
        }
    }
}
