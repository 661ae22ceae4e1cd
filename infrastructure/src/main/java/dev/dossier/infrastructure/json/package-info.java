/**
 * JSON with Jackson: one safely configured mapper (no default typing, duplicate keys rejected, nesting and
 * size bounded) and the payload codec that binds payloads only to explicitly registered classes.
 */
package dev.dossier.infrastructure.json;
