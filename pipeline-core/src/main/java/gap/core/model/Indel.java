package gap.core.model;

/**
 * An indel, VCF-style: after reference base {@code anchor}, {@code deleted} bases go, {@code inserted} come. Read
 * CIGARs and assembly give them alike.
 */
public record Indel(int anchor, int deleted, String inserted) {
    // Written out: the generated equals and hashCode assemble method handles at their first call, and run slowly
    // until compiled; these run for every read with an indel, as hash keys.
    @Override
    public boolean equals(Object o) {
        return o instanceof Indel i && anchor == i.anchor && deleted == i.deleted && inserted.equals(i.inserted);
    }

    @Override
    public int hashCode() {
        return (31 * anchor + deleted) * 31 + inserted.hashCode();
    }
}
