package dev.dossier.eventstore.cli;

import picocli.CommandLine.Option;

/** The {@code --json} switch shared by every command that prints events or figures. */
final class JsonOption {
    @Option(names = "--json", description = "Print JSON only on standard output: one object per event per line,"
            + " or one document; messages go to standard error.")
    boolean json;
}
