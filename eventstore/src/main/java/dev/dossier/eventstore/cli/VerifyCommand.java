package dev.dossier.eventstore.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.infrastructure.filesystem.FileStoreVerifier;
import dev.dossier.infrastructure.filesystem.StoreProblem;
import dev.dossier.infrastructure.filesystem.VerificationReport;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code verify}: checks the whole store without changing it; exit code 1 when anything is wrong. */
@Command(name = "verify", description = "Check the whole store; print every problem with its file's path."
        + " Exits 1 if there is any problem, 0 if none.")
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    EventStoreCli cli;
    @Mixin
    JsonOption output;

    @Override
    public Integer call() {
        cli.requireStore();
        VerificationReport report = FileStoreVerifier.at(cli.storePath()).verify();
        PrintStream out = cli.io().out();
        if (output.json) {
            out.println(EventJson.pretty(document(report)));
        } else {
            report.problems().forEach(out::println);
            out.println((report.isClean() ? "OK: " : "FAILED: ") + report.eventFiles() + " event files, "
                    + report.rangeFiles() + " range files and " + report.indexEntries() + " index entries checked in " + report.root() + "; "
                    + report.problems().size() + " problem" + (report.problems().size() == 1 ? "" : "s") + ".");
        }
        return report.isClean() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static ObjectNode document(VerificationReport report) {
        ObjectNode root = EventJson.object();
        root.put("store", report.root().toString());
        root.put("ok", report.isClean());
        root.put("eventFiles", report.eventFiles());
        root.put("rangeFiles", report.rangeFiles());
        root.put("indexEntries", report.indexEntries());
        ArrayNode problems = root.putArray("problems");
        for (StoreProblem problem : report.problems()) {
            problems.addObject().put("path", problem.path()).put("problem", problem.description());
        }
        return root;
    }
}
