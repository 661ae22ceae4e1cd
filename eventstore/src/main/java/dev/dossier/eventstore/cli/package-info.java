/** The {@code eventstore} command line: inspect, load, export and check a store. */
package dev.dossier.eventstore.cli;
