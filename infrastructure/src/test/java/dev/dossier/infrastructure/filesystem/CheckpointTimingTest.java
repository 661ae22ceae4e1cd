package dev.dossier.infrastructure.filesystem;

import static dev.dossier.infrastructure.filesystem.CheckpointTiming.Due.AT_ONCE;
import static dev.dossier.infrastructure.filesystem.CheckpointTiming.Due.GENTLY;
import static dev.dossier.infrastructure.filesystem.CheckpointTiming.Due.NOT_YET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CheckpointTimingTest {
    private static final CheckpointTiming TIMING = CheckpointTiming.DEFAULT;
    private static final long BUSY = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long YOUNG = TimeUnit.SECONDS.toNanos(1);

    @Test
    void a_young_sealed_journal_waits_while_the_writer_is_busy() {
        assertThat(TIMING.due(1, BUSY, YOUNG, false)).isEqualTo(NOT_YET);
        assertThat(TIMING.due(2, BUSY, YOUNG, false)).isEqualTo(NOT_YET);
    }

    @Test
    void the_oldest_is_forced_gently_once_the_writer_pauses() {
        assertThat(TIMING.due(1, TimeUnit.MILLISECONDS.toNanos(49), YOUNG, false)).isEqualTo(NOT_YET);
        assertThat(TIMING.due(1, TimeUnit.MILLISECONDS.toNanos(50), YOUNG, false)).isEqualTo(GENTLY);
    }

    @Test
    void the_oldest_is_forced_gently_once_its_files_are_old_enough_to_have_been_written_out() {
        assertThat(TIMING.due(1, BUSY, TimeUnit.SECONDS.toNanos(29), false)).isEqualTo(NOT_YET);
        assertThat(TIMING.due(1, BUSY, TimeUnit.SECONDS.toNanos(30), false)).isEqualTo(GENTLY);
    }

    @Test
    void the_oldest_is_forced_gently_when_a_third_journal_is_sealed() {
        assertThat(TIMING.due(3, BUSY, YOUNG, false)).isEqualTo(GENTLY);
    }

    @Test
    void the_oldest_is_forced_at_once_when_four_journals_wait_or_the_store_closes() {
        assertThat(TIMING.due(4, BUSY, YOUNG, false)).isEqualTo(AT_ONCE);
        assertThat(TIMING.due(1, BUSY, YOUNG, true)).isEqualTo(AT_ONCE);
    }

    @Test
    void a_full_journal_is_sealed_at_once_when_its_spare_is_ready() {
        assertThat(TIMING.seals(2_048, 2_048, true)).isTrue();
        assertThat(TIMING.seals(2_047, 2_048, true)).isFalse();
    }

    @Test
    void a_full_journal_takes_more_events_while_its_spare_is_made_until_it_holds_two_checkpoints_worth() {
        assertThat(TIMING.seals(2_048, 2_048, false)).isFalse();
        assertThat(TIMING.seals(4_095, 2_048, false)).isFalse();
        assertThat(TIMING.seals(4_096, 2_048, false)).isTrue();
    }

    @Test
    void a_writer_that_waits_for_spares_seals_every_full_journal() {
        var waits = new CheckpointTiming(3, 4, 0, 0, true);
        assertThat(waits.seals(2_048, 2_048, false)).isTrue();
        assertThat(waits.seals(2_047, 2_048, false)).isFalse();
    }

    @Test
    void a_timing_that_could_never_force_gently_before_forcing_at_once_is_refused() {
        assertThatThrownBy(() -> new CheckpointTiming(3, 2, 0, 0, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gentlyFrom <= maxWaiting");
        assertThatThrownBy(() -> new CheckpointTiming(0, 2, 0, 0, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckpointTiming(1, 2, -1, 0, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
