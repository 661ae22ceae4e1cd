/**
 * The filesystem event store (on-disk format v2, see {@code docs/format.md}), split by job: name encoding
 * and paths ({@code NameCodec}, {@code StoreLayout}), the event file codec, range files ({@code RangeLines},
 * {@code RangeFile}, {@code RangeCatalog}), durable file writes, the write lock, the index log, the
 * journal and its background checkpoints ({@code Journal}, {@code JournalChannel}, {@code Checkpointer}), the
 * metadata registries, opening and recovery, the group-commit writer ({@code CommitWriter}), packing
 * ({@code StorePacker}), reading ({@code EventReader}, {@code RangeViews} and {@code RangeMap} for runs of
 * a large range file's lines); beside it, the snapshot store ({@code snapshots/})
 * and the processed-command store ({@code commands/}).
 */
package dev.dossier.infrastructure.filesystem;
