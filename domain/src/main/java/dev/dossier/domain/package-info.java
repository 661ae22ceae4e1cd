/** The heart of Dossier: the event store's port and the values and errors it speaks. Depends on nothing. */
package dev.dossier.domain;
