package io.vigil.archive.spool;

import io.vigil.archive.index.Segment;
import java.nio.file.Path;

/**
 * A finished segment waiting in the spool for the object store.
 *
 * @param segment   the index row it will get once stored
 * @param codecs    RFC 6381 codecs of its init segment
 * @param mediaFile the segment's bytes on disk
 * @param initFile  its init segment's bytes on disk
 */
public record SpooledSegment(Segment segment, String codecs, Path mediaFile, Path initFile) {}
