package dev.dossier.application.projection;

import dev.dossier.domain.error.InvalidInputException;

/**
 * Which generation of a projection's read model serves queries; stored in the read model store's
 * {@value Projections#POINTERS} collection under the projection's name. A rebuild fills generation + 1.
 */
public record ProjectionGeneration(int generation) {
    public ProjectionGeneration {
        if (generation < 1) {
            throw new InvalidInputException("projection generation", "must be 1 or more, was " + generation);
        }
    }
}
