/**
 * Commands against aggregates: the command's envelope (id, correlation), its action, its outcome, the
 * rejection a domain invariant raises, and the {@code CommandProcessor} that handles each command id once.
 */
package dev.dossier.application.command;
