/**
 * Scheduled retention runs: a Quartz scheduler on a clustered JDBC job store in the service's own database
 * (tables {@code QRTZ_*}, Flyway {@code V8}), so the schedule survives restarts and a run never overlaps
 * another, on one node or several sharing the database.
 */
package io.vigil.retention.schedule;
