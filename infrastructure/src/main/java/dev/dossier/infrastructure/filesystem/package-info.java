/**
 * The filesystem event store (on-disk format v1, see {@code docs/format.md}), split by job: name encoding
 * and paths ({@code NameCodec}, {@code StoreLayout}), the event file codec, durable file writes, the
 * write lock, the index log, the metadata registries, opening and recovery, and the group-commit writer.
 */
package dev.dossier.infrastructure.filesystem;
