package io.vigil.retention.run;

import io.vigil.archive.ArchiveRemoval;
import io.vigil.archive.index.Segment;
import io.vigil.retention.plan.Candidate;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/** A camera's segments oldest first, read from the archive a page at a time, leaving out those already marked. */
public final class OldestSegments implements Iterator<Candidate> {

    private static final int PAGE = 10_000;

    private final ArchiveRemoval index;
    private final String cameraId;
    private final Set<Long> marked;
    private final ArrayDeque<Candidate> page = new ArrayDeque<>();
    private long afterSequence = -1;
    private boolean exhausted;

    public static Iterator<Candidate> of(ArchiveRemoval index, String cameraId, Set<Long> marked) {
        return new OldestSegments(index, cameraId, marked);
    }

    private OldestSegments(ArchiveRemoval index, String cameraId, Set<Long> marked) {
        this.index = index;
        this.cameraId = cameraId;
        this.marked = marked;
    }

    @Override
    public boolean hasNext() {
        while (page.isEmpty() && !exhausted) {
            var rows = index.oldest(cameraId, afterSequence, PAGE);
            exhausted = rows.size() < PAGE;
            for (Segment s : rows) {
                afterSequence = s.sequence();
                if (!marked.contains(s.sequence())) {
                    page.add(new Candidate(
                            cameraId,
                            s.sequence(),
                            s.start().toEpochMilli(),
                            s.end().toEpochMilli(),
                            s.sizeBytes(),
                            s.objectKey(),
                            s.initKey()));
                }
            }
        }
        return !page.isEmpty();
    }

    @Override
    public Candidate next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.poll();
    }
}
