/** Adapters that implement the domain's ports: a filesystem store, an in-memory store, and the JSON codec. */
package dev.dossier.infrastructure;
