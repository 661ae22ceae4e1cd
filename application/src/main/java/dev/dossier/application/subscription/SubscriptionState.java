package dev.dossier.application.subscription;

/** Where a subscription is in its life. */
public enum SubscriptionState {
    /** Not yet running (waiting for a thread of the host's executor). */
    STARTING,
    /** Reading history. */
    CATCHING_UP,
    /** Has seen every event committed so far; waiting for and delivering new ones. */
    LIVE,
    /** Closed. */
    STOPPED,
    /** Stopped by itself: an event was parked with {@link OnParked#STOP}, or the store failed or closed. */
    FAILED
}
