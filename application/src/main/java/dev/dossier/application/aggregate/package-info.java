/**
 * Event-sourced aggregates: a definition per aggregate type (a fold, optionally a snapshot policy), the
 * {@code Aggregate} a unit of work loads, applies new events to and saves, the optional
 * {@code AggregateRoot} base type, and the {@code AggregateRepository} with automatic snapshots and
 * time travel.
 */
package dev.dossier.application.aggregate;
