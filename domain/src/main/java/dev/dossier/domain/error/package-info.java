/**
 * The unchecked exceptions a port may throw. Each carries the data a caller acts on and says,
 * through {@link dev.dossier.domain.error.EventStoreException#isRetryable()}, whether retrying can help.
 */
package dev.dossier.domain.error;
