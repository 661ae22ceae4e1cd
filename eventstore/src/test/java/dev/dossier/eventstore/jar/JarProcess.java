package dev.dossier.eventstore.jar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar eventstore.jar} as a real process; the jar's path comes from failsafe. */
final class JarProcess {
    static final Path JAR = Path.of(System.getProperty("eventstore.jar", "target/eventstore.jar"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private JarProcess() {
    }

    record Result(int exitCode, String out, String err) {
    }

    static ProcessBuilder builder(Path workingDirectory, Map<String, String> environment, String... args) {
        var command = new ArrayList<>(List.of(JAVA, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().remove("EVENTSTORE_PATH");
        builder.environment().putAll(environment);
        return builder;
    }

    static Result run(Path workingDirectory, String stdin, String... args) {
        return run(workingDirectory, Map.of(), stdin, args);
    }

    static Result run(Path workingDirectory, Map<String, String> environment, String stdin, String... args) {
        try {
            Path out = Files.createTempFile("eventstore-out", ".txt");
            Path err = Files.createTempFile("eventstore-err", ".txt");
            Process process = builder(workingDirectory, environment, args)
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("eventstore " + String.join(" ", args) + " did not finish in 30 s");
            }
            var result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
