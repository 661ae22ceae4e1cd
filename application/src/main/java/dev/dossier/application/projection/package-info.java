/**
 * Projections: named subscribers that build read models in a {@link dev.dossier.domain.port.ReadModelStore},
 * track their position through their subscription's checkpoint, report their lag, and rebuild from scratch
 * into a new generation of their read model while the old one keeps serving until the new one caught up.
 */
package dev.dossier.application.projection;
