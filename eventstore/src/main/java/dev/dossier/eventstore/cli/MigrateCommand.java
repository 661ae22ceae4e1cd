package dev.dossier.eventstore.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dossier.infrastructure.filesystem.MigrationReport;
import dev.dossier.infrastructure.filesystem.StoreMigration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code migrate}: rewrites stored events at the current schema, explicitly; reads upcast without it.
 * Needs the host's definitions ({@code --schemas}); keeps the originals under {@code backup/}.
 */
@Command(name = "migrate", description = "Rewrite stored events at the current schema (atomically per file,"
        + " originals kept under backup/). Needs --schemas. Run it while no other process has the store open.")
final class MigrateCommand implements Callable<Integer> {
    @ParentCommand
    EventStoreCli cli;
    @Mixin
    JsonOption output;
    @Mixin
    SchemasOption schemas;

    @Override
    public Integer call() {
        cli.requireStore();
        if (!schemas.isSet()) {
            throw new CliInputException("migrate", "needs --schemas CLASS: the host's event classes and upcasters");
        }
        MigrationReport report = StoreMigration.migrate(schemas.applyTo(cli.storeOptions()));
        if (output.json) {
            ObjectNode node = EventJson.object().put("store", report.root().toString())
                    .put("eventFiles", report.eventFiles()).put("rewritten", report.rewritten())
                    .put("renamed", report.renamed()).put("splitKept", report.splitKept())
                    .put("backup", report.backup().map(Object::toString).orElse(null));
            cli.io().out().println(EventJson.pretty(node));
        } else {
            cli.io().out().println("Migrated " + report.root() + ": " + report.rewritten() + " of "
                    + report.eventFiles() + " event files rewritten (" + report.renamed() + " under a new type name), "
                    + report.splitKept() + " split events kept as stored"
                    + report.backup().map(b -> "; originals in " + b).orElse("; nothing to do") + ".");
        }
        return ExitCodes.OK;
    }
}
