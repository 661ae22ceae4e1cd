/**
 * The event store port, split into small capabilities ({@code AppendEvents}, {@code ReadStreams},
 * {@code ReadAllEvents}, {@code QueryEvents}, {@code InspectStore}) that {@code EventStorePort} combines.
 */
package dev.dossier.domain.port;
