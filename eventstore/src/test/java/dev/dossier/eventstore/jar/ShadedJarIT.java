package dev.dossier.eventstore.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar as a host embeds it: self-contained, relocated, next to the host's own Jackson, threadless. */
class ShadedJarIT {
    private static final Path OTHER_JACKSON = Path.of(System.getProperty("other.jackson.dir", "target/other-jackson"));
    private static final String OTHER_VERSION = System.getProperty("other.jackson.version", "2.17.2");

    @TempDir
    Path dir;

    @Test
    void the_jar_holds_no_class_outside_our_own_packages() throws IOException {
        var foreign = new ArrayList<String>();
        try (var jar = new JarFile(JarProcess.JAR.toFile())) {
            for (JarEntry entry : jar.stream().toList()) {
                String name = entry.getName().replaceFirst("^META-INF/versions/\\d+/", "");
                boolean code = name.endsWith(".class") || name.startsWith("com/") || name.startsWith("picocli/");
                if (code && !name.startsWith("dev/dossier/") && !name.equals("module-info.class")) {
                    foreign.add(entry.getName());
                }
                if (entry.getName().startsWith("META-INF/services/")) {
                    assertThat(entry.getName()).doesNotContain("com.fasterxml").doesNotContain("picocli");
                }
            }
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("dev.dossier.eventstore.cli.EventStoreCli");
            assertThat(jar.getEntry("dev/dossier/shaded/jackson/databind/ObjectMapper.class")).isNotNull();
            assertThat(jar.getEntry("dev/dossier/shaded/picocli/CommandLine.class")).isNotNull();
            assertThat(jar.getEntry("dev/dossier/eventstore/testing/DossierExtension.class"))
                    .as("the JUnit extension ships in the jar; JUnit itself does not").isNotNull();
        }
        assertThat(foreign).isEmpty();
    }

    @Test
    void a_host_with_another_jackson_version_opens_appends_and_reads_through_the_jar() throws Exception {
        try (var host = new URLClassLoader(classpath(), ClassLoader.getPlatformClassLoader())) {
            Object hostMapper = host.loadClass("com.fasterxml.jackson.databind.ObjectMapper").getConstructor().newInstance();
            Object ourMapper = host.loadClass("dev.dossier.shaded.jackson.databind.ObjectMapper").getConstructor().newInstance();
            Set<Thread> before = liveThreads();

            Object store = call(call(host, "dev.dossier.eventstore.Dossier", "builder"), "path", dir.resolve("store").toString());
            assertThat(newThreads(before)).as("threads started before a store is opened").isEmpty();
            store = call(store, "open");
            Object stream = call(host, "dev.dossier.domain.model.StreamId", "of", "order", "o-1");
            Object payload = call(host, "dev.dossier.domain.model.RawJson", "of", "{\"total\":12.5,\"lines\":[\"a\"]}");
            Object event = call(host, "dev.dossier.domain.model.NewEvent", "of", "OrderPlaced", payload);
            call(store, "append", stream, call(host, "dev.dossier.domain.model.ExpectedVersion", "noStream"), event);
            List<?> events = (List<?>) call(store, "readStream", stream);
            var lines = new ArrayList<Object>();
            for (int i = 0; i < 600; i++) {
                lines.add(call(host, "dev.dossier.domain.model.NewEvent", "of", "LineAdded",
                        call(host, "dev.dossier.domain.model.RawJson", "of", "{\"line\":" + i + "}")));
            }
            Object other = call(host, "dev.dossier.domain.model.StreamId", "of", "order", "o-2");
            call(store, "append", other, call(host, "dev.dossier.domain.model.ExpectedVersion", "noStream"), lines);
            Object first = host.loadClass("dev.dossier.domain.model.GlobalPosition").getField("FIRST").get(null);
            assertThat((List<?>) call(store, "readAll", first, 1_000)).as("a read long enough to be shared").hasSize(601);
            call(store, "close");

            assertThat(events).hasSize(1);
            Object data = call(events.get(0), "data");
            Object tree = call(hostMapper, "readTree", data.toString());
            assertThat(tree.toString()).isEqualTo("{\"total\":12.5,\"lines\":[\"a\"]}");
            assertThat(call(hostMapper, "version").toString()).isEqualTo(OTHER_VERSION);
            assertThat(call(ourMapper, "version").toString()).isNotEqualTo(OTHER_VERSION);
            assertThat(hostMapper.getClass().getProtectionDomain().getCodeSource().getLocation().toString())
                    .contains(OTHER_VERSION);
            assertThat(newThreads(before)).as("threads left after close").isEmpty();
        }
    }

    private static URL[] classpath() throws IOException {
        var urls = new ArrayList<URL>();
        urls.add(JarProcess.JAR.toUri().toURL());
        try (Stream<Path> jars = Files.list(OTHER_JACKSON)) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
                urls.add(jar.toUri().toURL());
            }
        }
        assertThat(urls).hasSize(4);
        return urls.toArray(URL[]::new);
    }

    private static Set<Thread> liveThreads() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    private static List<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName).toList();
    }

    private static Object call(ClassLoader loader, String type, String method, Object... args) throws Exception {
        return invoke(loader.loadClass(type), null, method, args);
    }

    private static Object call(Object target, String method, Object... args) throws Exception {
        return invoke(target.getClass(), target, method, args);
    }

    /** Calls the public method of that name and arity (looked up on public types, as a host would). */
    private static Object invoke(Class<?> type, Object target, String name, Object... args) throws Exception {
        for (Class<?> owner = type; owner != null; owner = owner.getSuperclass()) {
            for (Class<?> candidate : withInterfaces(owner)) {
                for (Method method : candidate.getMethods()) {
                    if (method.getName().equals(name) && method.getParameterCount() == args.length
                            && java.lang.reflect.Modifier.isPublic(candidate.getModifiers())
                            && accepts(method, args)) {
                        return method.invoke(target, args);
                    }
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name);
    }

    private static List<Class<?>> withInterfaces(Class<?> type) {
        var all = new ArrayList<Class<?>>(List.of(type));
        for (int i = 0; i < all.size(); i++) {
            all.addAll(List.of(all.get(i).getInterfaces()));
        }
        return all;
    }

    private static boolean accepts(Method method, Object[] args) {
        for (int i = 0; i < args.length; i++) {
            Class<?> boxed = java.lang.invoke.MethodType.methodType(method.getParameterTypes()[i]).wrap().returnType();
            if (!boxed.isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }
}
