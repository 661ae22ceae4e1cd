/**
 * Values of the event store: names, versions, positions, the expected-version condition, the event
 * to append and the recorded envelope. Every value validates itself when constructed.
 */
package dev.dossier.domain.model;
