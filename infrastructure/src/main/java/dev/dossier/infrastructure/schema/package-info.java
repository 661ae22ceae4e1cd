/**
 * Schema evolution: upcasters that bring stored event payloads, one schema version at a time, to the
 * version the host's code knows, when reading. Upcasters work on Jackson trees ({@code JsonNode},
 * {@code ObjectNode}) because the domain and application layers may not depend on Jackson and a tree
 * abstraction of our own would only copy Jackson's and cost a conversion per event; most hosts never
 * touch a tree anyway, since the common changes are data ({@link dev.dossier.infrastructure.schema.FieldTransformation}).
 * Upcasting never changes a file; {@code eventstore migrate} rewrites files on purpose.
 */
package dev.dossier.infrastructure.schema;
