/**
 * A JUnit 5 extension for hosts' tests: a test parameter annotated with {@link dev.dossier.eventstore.testing.Recording}
 * (a recording from the test resources) or {@link dev.dossier.eventstore.testing.GivenEvents} (events the test
 * writes) receives a fresh temporary store loaded with them, as a {@link dev.dossier.eventstore.testing.RecordedStore}
 * or a plain {@link dev.dossier.domain.port.EventStorePort}. Each store lives in its own temporary directory (or in
 * memory) and is closed and deleted after the test; nothing is shared between tests, so they may run in parallel.
 * JUnit Jupiter (5.8 or newer) is a provided dependency: the jar does not bring it, the host's tests do.
 * {@link dev.dossier.eventstore.testing.RecordedStore} works without JUnit too. See docs/guide-bug-reproduction.md.
 */
package dev.dossier.eventstore.testing;
