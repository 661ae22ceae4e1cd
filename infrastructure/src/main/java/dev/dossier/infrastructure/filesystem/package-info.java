/**
 * The filesystem event store (on-disk format v1, see {@code docs/format.md}), split by job: name encoding
 * and paths ({@code NameCodec}, {@code StoreLayout}), the event file codec, durable file writes, the
 * write lock, the index log, the metadata registries, opening and recovery, and the group-commit writer;
 * beside it, the snapshot store ({@code snapshots/}) and the processed-command store ({@code commands/}).
 */
package dev.dossier.infrastructure.filesystem;
