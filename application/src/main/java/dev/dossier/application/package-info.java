/** Use cases built on the domain's port only: rebuilding state from events, and (later) aggregates. */
package dev.dossier.application;
