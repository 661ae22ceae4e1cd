package dev.dossier.eventstore.cli;

import dev.dossier.infrastructure.filesystem.FileStoreOptions;
import dev.dossier.infrastructure.schema.SchemaDefinitions;
import java.lang.reflect.InvocationTargetException;
import picocli.CommandLine.Option;

/** {@code --schemas CLASS}: the host's {@link SchemaDefinitions}, loaded from the class path by name. */
final class SchemasOption {
    @Option(names = "--schemas", paramLabel = "CLASS", description = "A class on the class path implementing"
            + " dev.dossier.infrastructure.schema.SchemaDefinitions: the host's event classes and upcasters.")
    String className;

    boolean isSet() {
        return className != null;
    }

    /** {@code options} with the definitions' types and upcasters; unchanged when the option is not given. */
    FileStoreOptions applyTo(FileStoreOptions options) {
        if (!isSet()) {
            return options;
        }
        SchemaDefinitions definitions = load();
        return options.withEventTypes(definitions.types()).withSchemas(definitions.evolution());
    }

    private SchemaDefinitions load() {
        Class<?> type;
        try {
            type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new CliInputException("--schemas", "class " + className + " is not on the class path (" + e + ")");
        }
        if (!SchemaDefinitions.class.isAssignableFrom(type)) {
            throw new CliInputException("--schemas", className + " does not implement " + SchemaDefinitions.class.getName());
        }
        try {
            return (SchemaDefinitions) type.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new CliInputException("--schemas", "cannot create " + className + " with its public no-argument"
                    + " constructor: " + e);
        }
    }
}
