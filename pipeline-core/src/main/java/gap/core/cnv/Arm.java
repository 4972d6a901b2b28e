package gap.core.cnv;

import gap.core.model.Centromeres;

/** Takes a position and its contig's centromere, gives which arm holds it: p before, q after; NONE is the whole contig. */
public enum Arm {
    /** A contig whose centromere is not known: one unit, no arms. */
    NONE,
    P,
    Q;

    /** Whether this arm holds 1-based {@code position} (a position in the centromere is on neither arm). */
    boolean holds(int position, Centromeres.Centromere centromere) {
        return switch (this) {
            case NONE -> true;
            case P -> position < centromere.start();
            case Q -> position > centromere.end();
        };
    }

}
