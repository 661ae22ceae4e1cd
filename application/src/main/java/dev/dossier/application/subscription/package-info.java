/**
 * Catch-up subscriptions: a {@link dev.dossier.application.subscription.Subscriber} receives the store's
 * history in global order, a "caught up" call, then live events, with checkpoints, retries with backoff,
 * a dead-letter area for events it keeps failing on, and replay of those. Built on the domain ports only;
 * {@link dev.dossier.application.subscription.Subscriptions} is the entry point.
 */
package dev.dossier.application.subscription;
