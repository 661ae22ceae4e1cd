package dev.dossier.infrastructure.schema;

import java.util.ArrayList;
import java.util.List;

/** Runs upcasters one after another until no upcaster starts where an event stands. */
public final class UpcastChain {
    /** Most steps one stored event may take; more means a cycle the open-time check could not see. */
    static final int MAX_STEPS = 1_000;

    private final SchemaEvolution evolution;

    public UpcastChain(SchemaEvolution evolution) {
        this.evolution = evolution;
    }

    /**
     * {@code event} brought as far as the upcasters go: one event, or several when a step splits it, in order.
     *
     * @throws IllegalArgumentException when a step cannot be applied to the payload, or the steps loop
     */
    public List<JsonEvent> run(JsonEvent event) {
        var done = new ArrayList<JsonEvent>(1);
        var pending = new ArrayList<JsonEvent>();
        pending.add(event);
        int steps = 0;
        while (!pending.isEmpty()) {
            JsonEvent next = pending.remove(pending.size() - 1);
            UpcastStep step = evolution.hasSteps(next.type()) ? evolution.steps().get(next.at()) : null;
            if (step == null) {
                done.add(next);
                continue;
            }
            if (++steps > MAX_STEPS) {
                throw new IllegalArgumentException("more than " + MAX_STEPS + " upcasting steps: the upcasters loop");
            }
            List<JsonEvent> produced = step.apply(next);
            List<TypeVersion> declared = step.targets(next.at());
            for (int i = produced.size() - 1; i >= 0; i--) {
                if (!produced.get(i).at().equals(declared.get(i))) {
                    throw new IllegalArgumentException("the upcaster from " + next.at() + " produced "
                            + produced.get(i).at() + " where it declares " + declared.get(i));
                }
                pending.add(produced.get(i));
            }
        }
        return done;
    }
}
