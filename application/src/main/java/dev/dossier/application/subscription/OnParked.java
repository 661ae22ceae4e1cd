package dev.dossier.application.subscription;

/** What a subscription does once it parked an event. */
public enum OnParked {
    /** Go on with the next event (the parked one can be replayed later). */
    CONTINUE,
    /**
     * Stop in state {@link SubscriptionState#FAILED}, with the checkpoint just before the parked event, so a
     * restart tries it again.
     */
    STOP
}
