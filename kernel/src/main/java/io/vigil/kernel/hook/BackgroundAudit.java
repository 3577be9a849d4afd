package io.vigil.kernel.hook;

/**
 * The audit log's rows for what the service does on its own, with no request behind it: an alert fired or recovered,
 * a delivery that ended. Access control implements it (each row by user {@value #SERVICE_USER}); without it,
 * {@link NoBackgroundAudit} logs the rows instead.
 */
public interface BackgroundAudit {

    /** The user a background row names. */
    String SERVICE_USER = "system:vigil";

    /** What happened. */
    enum Action {
        /** An alert fired: conditions fell due (the detail names the alert, its rule and its cameras). */
        ALERT_FIRE,
        /** A recovery was sent: open conditions cleared. */
        ALERT_RECOVER,
        /** A delivery ended: DELIVERED, or FAILED after its last attempt (the detail says which, and the target's origin). */
        ALERT_DELIVERY
    }

    /**
     * Records one row. {@code cameraId} is the camera the row is about, or null (a digest names its cameras in the
     * detail); {@code detail} holds no secret; {@code failed} when what it records did not succeed (a delivery FAILED).
     * Never throws: a row that cannot be written is logged.
     */
    void record(Action action, String cameraId, String detail, boolean failed);
}
