/**
 * The event store port, split into small capabilities ({@code AppendEvents}, {@code ReadStreams},
 * {@code ReadAllEvents}, {@code QueryEvents}, {@code InspectStore}) that {@code EventStorePort} combines;
 * and the ports the application layer's aggregates need: {@code SnapshotStore} and
 * {@code ProcessedCommandStore}; and those of subscriptions and projections: {@code CheckpointStore},
 * {@code ParkedEventStore}, {@code ReadModelStore} and {@code CommitNotifications}.
 */
package dev.dossier.domain.port;
