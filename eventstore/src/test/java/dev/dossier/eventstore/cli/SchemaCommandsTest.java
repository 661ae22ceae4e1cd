package dev.dossier.eventstore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dossier.infrastructure.json.JsonSupport;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCommandsTest {
    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(dir.resolve("store"));
        cli.run("init");
        cli.append("order", "o-1", "OrderPlaced", "{\"item\":\"book\",\"amount\":\"12\"}");
        cli.append("order", "o-1", "CustomerRegistered", "{\"name\":\"ada\"}");
    }

    @Test
    void schemas_lists_each_stored_type_with_its_versions_on_disk() {
        CliResult result = cli.run("schemas");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("EVENT TYPE", "OrderPlaced", "1=1", "CustomerRegistered");
    }

    @Test
    void schemas_with_the_hosts_definitions_shows_current_versions_java_types_and_aliases_as_json() throws Exception {
        CliResult result = cli.run("schemas", "--json", "--schemas", OrderSchemas.class.getName());

        JsonNode types = JsonSupport.mapper().readTree(result.out()).path("eventTypes");
        assertThat(result.exitCode()).isZero();
        assertThat(types.get(1).path("eventType").asText()).isEqualTo("OrderPlaced");
        assertThat(types.get(1).path("currentSchemaVersion").asInt()).isEqualTo(3);
        assertThat(types.get(1).path("javaType").asText()).endsWith("OrderPlaced");
        assertThat(types.get(0).path("aliasOf").asText()).isEqualTo("ClientSignedUp");
    }

    @Test
    void migrate_rewrites_the_store_and_verify_still_passes() {
        CliResult migrated = cli.run("migrate", "--schemas", OrderSchemas.class.getName());

        assertThat(migrated.exitCode()).as(migrated.err()).isZero();
        assertThat(migrated.out()).contains("2 of 2 event files rewritten", "1 under a new type name", "originals in");
        assertThat(cli.run("verify").exitCode()).isZero();
        assertThat(cli.run("schemas").out()).contains("OrderPlaced", "3=1", "ClientSignedUp");
    }

    @Test
    void migrate_without_the_hosts_definitions_is_invalid_usage() {
        CliResult result = cli.run("migrate");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(result.err()).contains("--schemas");
    }
}
