/**
 * JSON with Jackson: one safely configured mapper (no default typing, duplicate keys rejected, nesting and
 * size bounded), the payload codec that checks and compacts payloads for the store, and the payload binder
 * that binds stored payloads only to explicitly registered classes.
 */
package dev.dossier.infrastructure.json;
