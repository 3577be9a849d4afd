package io.vigil.retention.plan;

/** A range of a camera's recordings an active hold keeps, {@code [startMillis, endMillis)}. */
public record HeldRange(String cameraId, long startMillis, long endMillis) {

    /** True if the segment overlaps the range. */
    public boolean keeps(Candidate c) {
        return c.cameraId().equals(cameraId) && c.startMillis() < endMillis && c.endMillis() > startMillis;
    }
}
