package io.vigil.kernel.hook;

/**
 * The segment sequence numbers a node reserves for a camera, so that two nodes recording it one after the other
 * never number two segments alike: the cluster reads and claims them as leases change hands, the archive (which
 * numbers segments) implements it.
 */
public interface SequenceReservations {

    /**
     * Makes the camera's next segments take sequence numbers from at least {@code floor}, and above every segment
     * indexed so far: for a node that starts recording a camera another node recorded before (whose segments,
     * some perhaps still in that node's spool, use the numbers below the floor). Returns at once; it takes effect
     * before any segment appended after this call is numbered.
     */
    void claimSequences(String cameraId, long floor);

    /**
     * The sequence number the camera's next segment would take, once every segment handed to the archive before
     * this call has been numbered: the floor for whichever node records the camera next. Throws
     * {@link IllegalStateException} while numbering waits for the start-up reconciliation (there is no exact floor
     * yet: a hand-over then leaves the lease to expire, and the next holder numbers above its reservation).
     */
    long nextSequence(String cameraId);

    /** The camera's next sequence number as last seen, without waiting for segments being numbered. */
    long nextSequenceNow(String cameraId);
}
