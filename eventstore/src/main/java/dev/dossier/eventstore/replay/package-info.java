/**
 * Bug reproduction for hosts: cut a recording out of a store ({@link dev.dossier.eventstore.replay.Recordings}),
 * open one (a directory or a zip) read-only ({@link dev.dossier.eventstore.replay.OpenedRecording}), and
 * compare an aggregate at two points ({@link dev.dossier.eventstore.replay.StateDiff}). Replay itself is
 * {@link dev.dossier.application.replay.Replay}. See docs/guide-bug-reproduction.md.
 */
package dev.dossier.eventstore.replay;
