/** The side-by-side benchmark of Dossier and a SQLite event store (run with {@code mvn -B -Pbench verify}). */
package dev.dossier.benchmark;
