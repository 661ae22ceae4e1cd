package dev.dossier.application.command;

import dev.dossier.application.aggregate.Aggregate;
import java.util.List;
import java.util.function.Function;

/**
 * What a command does to one aggregate: check its invariants against the state, then apply new events
 * (or throw {@link CommandRejectedException}). It may run more than once (after a version conflict) and
 * must have no effect besides applying events.
 */
@FunctionalInterface
public interface CommandAction<S> {

    void execute(Aggregate<S> aggregate);

    /** An action from a pure decision: the events for a state (none is fine), or a rejection. */
    static <S> CommandAction<S> deciding(Function<S, List<?>> decide) {
        return aggregate -> decide.apply(aggregate.state()).forEach(aggregate::apply);
    }
}
