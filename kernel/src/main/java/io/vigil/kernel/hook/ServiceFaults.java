package io.vigil.kernel.hook;

import java.util.List;

/**
 * Reports the service faults a module sees now; the alerts ask every bean of this type at each alert check. The archive
 * reports the store and the spool, retention its refused runs, the cluster its silent nodes. Called on the alerts'
 * thread: answer from what the module already knows or one bounded check, never throw.
 */
public interface ServiceFaults {

    /** The faults seen now; empty when all is well. */
    List<ServiceFault> current();
}
