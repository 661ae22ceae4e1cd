/**
 * Rebuilding state by folding recorded events, and the bug-reproduction workflow on top of it: cutting a
 * slice of a store ({@link dev.dossier.application.replay.EventSlicer}), replaying events into handlers
 * in global order, all at once or step by step ({@link dev.dossier.application.replay.Replay}), and
 * looking at an aggregate as of a version or an instant ({@link dev.dossier.application.replay.TimeTravel}).
 * Everything here only reads from the store.
 */
package dev.dossier.application.replay;
