package dev.dossier.infrastructure.filesystem;

import dev.dossier.domain.error.CorruptDataException;
import dev.dossier.domain.error.InvalidInputException;
import dev.dossier.domain.error.StorageException;
import dev.dossier.domain.model.CommandId;
import dev.dossier.domain.model.ProcessedCommand;
import dev.dossier.domain.port.ProcessedCommandStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Processed commands as readable JSON files, one per command id:
 * {@code commands/<shard>/<encoded command id>.json}, where the shard is two hex digits of the id's CRC-32
 * (docs/format.md, "Processed commands"). Each file is replaced atomically and forced under the store's
 * durability. Unlike snapshots these files are not derived data: deleting one lets its command run again.
 */
public final class FileSystemProcessedCommandStore implements ProcessedCommandStore {
    static final String AREA = "commands";

    private final AreaFiles files;

    private FileSystemProcessedCommandStore(AreaFiles files) {
        this.files = files;
    }

    /**
     * The processed-command store of the event store at {@code options.root()}.
     *
     * @throws dev.dossier.domain.error.IncompatibleStoreException when there is no event store there
     */
    public static FileSystemProcessedCommandStore open(FileStoreOptions options) {
        return new FileSystemProcessedCommandStore(new AreaFiles(options, AREA));
    }

    /** The file that records {@code commandId}. */
    public Path fileOf(CommandId commandId) {
        String encoded = NameCodec.encode(commandId.value(), NameCodec.Kind.AGGREGATE_ID);
        if (encoded.length() > NameCodec.MAX_DIRECTORY_NAME) {
            throw new InvalidInputException("command id", "'" + commandId.value().substring(0, 40) + "...' is "
                    + encoded.length() + " bytes once encoded for a file name; the limit is "
                    + NameCodec.MAX_DIRECTORY_NAME);
        }
        var crc = new CRC32();
        crc.update(commandId.value().getBytes(StandardCharsets.UTF_8));
        String shard = String.format("%02x", crc.getValue() & 0xFF);
        return files.area().resolve(shard).resolve(encoded + StoreLayout.EVENT_SUFFIX);
    }

    /**
     * {@inheritDoc}
     *
     * @throws CorruptDataException when the command's file exists but cannot be read as a record
     */
    @Override
    public Optional<ProcessedCommand> find(CommandId commandId) {
        Path file = fileOf(commandId);
        Optional<byte[]> bytes;
        try {
            bytes = files.read(file);
        } catch (IOException e) {
            throw new StorageException("read the processed command " + files.relative(file), e);
        }
        return bytes.map(b -> CommandFileCodec.decode(b, commandId, files.relative(file)));
    }

    @Override
    public void record(ProcessedCommand command) {
        Path file = fileOf(command.commandId());
        try {
            files.write(file, CommandFileCodec.encode(command));
        } catch (IOException e) {
            throw new StorageException("write the processed command " + files.relative(file), e);
        }
    }
}
