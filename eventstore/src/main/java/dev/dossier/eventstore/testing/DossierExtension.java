package dev.dossier.eventstore.testing;

import dev.dossier.domain.port.EventStorePort;
import java.lang.reflect.Parameter;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Resolves parameters annotated with {@link Recording} or {@link GivenEvents} of type
 * {@link RecordedStore} or {@link EventStorePort}: each gets a new store (see {@link TestStores}), kept in
 * the extension context of the test (or class) it was made for and closed, with its temporary directory
 * deleted, when that context ends. Registered by the annotations themselves; holds no state, so tests may
 * run in parallel.
 */
public final class DossierExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DossierExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        boolean annotated = parameter.isAnnotated(Recording.class) || parameter.isAnnotated(GivenEvents.class);
        return annotated && (type == RecordedStore.class || type == EventStorePort.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RecordedStore recorded = open(parameter.getParameter(), context.getRequiredTestClass());
        context.getStore(NAMESPACE).put(new Object(), new ClosingResource(recorded));
        return parameter.getParameter().getType() == EventStorePort.class ? recorded.store() : recorded;
    }

    private static RecordedStore open(Parameter parameter, Class<?> testClass) {
        Recording recording = parameter.getAnnotation(Recording.class);
        GivenEvents given = parameter.getAnnotation(GivenEvents.class);
        if (recording != null && given != null) {
            throw new ParameterResolutionException("'" + parameter.getName()
                    + "' declares both @Recording and @GivenEvents; choose one");
        }
        if (recording != null) {
            StoreSetup setup = ReflectionSupport.newInstance(recording.setup());
            return ClasspathRecording.load(testClass, recording.value(),
                    path -> TestStores.fromRecording(path, recording.kind(), setup));
        }
        EventSet events = ReflectionSupport.newInstance(given.value());
        return TestStores.fromEvents(events, given.kind(), ReflectionSupport.newInstance(given.setup()));
    }

    /**
     * Closes a test's store when JUnit closes the context that holds it: JUnit 5.13 and newer close
     * {@link AutoCloseable} values, older versions {@code CloseableResource} ones; closing twice does nothing.
     */
    @SuppressWarnings("deprecation")
    private record ClosingResource(RecordedStore recorded)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            recorded.close();
        }
    }
}
