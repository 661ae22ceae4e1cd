package dev.dossier.domain.port;

import dev.dossier.domain.model.AggregateSummary;
import dev.dossier.domain.model.AggregateType;
import dev.dossier.domain.model.AggregateTypeSummary;
import dev.dossier.domain.model.StorageStatistics;
import dev.dossier.domain.model.StoreHealth;
import java.util.List;

/** What a person or a monitor asks about a store as a whole. */
public interface InspectStore {

    /** The number of committed events. */
    long countEvents();

    /** Every aggregate type with at least one event, sorted by name. */
    List<AggregateTypeSummary> aggregateTypes();

    /** The aggregates of {@code type}, sorted by id; empty for an unknown type. */
    List<AggregateSummary> aggregates(AggregateType type);

    /** Events, aggregates, bytes, first and last write. */
    StorageStatistics statistics();

    /** Whether the store accepts reads and writes; never throws. */
    StoreHealth health();
}
