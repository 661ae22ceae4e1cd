/** The assembly a host embeds: {@link dev.dossier.eventstore.Dossier} opens a store; nothing else is needed. */
package dev.dossier.eventstore;
