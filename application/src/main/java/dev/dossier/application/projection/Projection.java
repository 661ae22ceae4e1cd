package dev.dossier.application.projection;

import dev.dossier.application.subscription.EventFilter;
import dev.dossier.domain.model.RecordedEvent;
import dev.dossier.domain.model.SubscriberName;

/**
 * A named subscriber that builds a read model. Delivery is at least once, so {@link #apply} must be
 * idempotent: applying an event twice leaves the read model as applying it once (the sample projections
 * keep the position of the last event they applied in each document and skip older ones).
 */
public interface Projection {

    /** The projection's name (at most 90 characters): the prefix of its subscriber and collection names. */
    SubscriberName name();

    /** The events it needs; all by default. */
    default EventFilter filter() {
        return EventFilter.all();
    }

    /** Folds one event into the read model; throwing means retry, then park (see the subscription options). */
    void apply(RecordedEvent event, ReadModel model) throws Exception;
}
