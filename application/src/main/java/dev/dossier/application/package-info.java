/**
 * Use cases built on the domain's ports only: rebuilding state from events ({@code replay}), aggregates
 * with a repository and snapshots ({@code aggregate}), and idempotent command handling ({@code command}).
 */
package dev.dossier.application;
