/**
 * What both adapters share so that they behave the same: the store clock (event stamps), the index of
 * committed events with its queries, and the preparation of events to record.
 */
package dev.dossier.infrastructure.common;
