/**
 * Use cases built on the domain's ports only: rebuilding state from events ({@code replay}), aggregates
 * with a repository and snapshots ({@code aggregate}), idempotent command handling ({@code command}),
 * catch-up subscriptions ({@code subscription}) and projections ({@code projection}).
 */
package dev.dossier.application;
