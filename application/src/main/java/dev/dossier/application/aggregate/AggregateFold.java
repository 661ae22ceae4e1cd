package dev.dossier.application.aggregate;

import dev.dossier.application.replay.EventFold;
import dev.dossier.domain.model.RecordedEvent;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * An {@link EventFold} over event payloads, so that the same step applies a recorded event when an
 * aggregate is loaded and a new event when a command raises it. A payload is the object bound to its
 * registered class, or a {@link dev.dossier.domain.model.RawJson} for an unregistered event type.
 */
public interface AggregateFold<S> extends EventFold<S> {

    /** The state after {@code event}; must not have side effects on anything but a mutable state object. */
    S evolve(S state, Object event);

    @Override
    default S apply(S state, RecordedEvent event) {
        return evolve(state, event.payload());
    }

    /** A fold from a starting-state supplier (called once per load) and a step function. */
    static <S> AggregateFold<S> of(Supplier<S> initial, BiFunction<S, Object, S> step) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(step, "step");
        return new AggregateFold<>() {
            @Override
            public S initial() {
                return initial.get();
            }

            @Override
            public S evolve(S state, Object event) {
                return step.apply(state, event);
            }
        };
    }
}
