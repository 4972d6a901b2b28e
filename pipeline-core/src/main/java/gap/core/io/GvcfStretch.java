package gap.core.io;

import gap.core.model.GvcfRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Takes one sample's gVCF records over a stretch of a contig, gives them by position, blocks apart from variant
 * records (the first of a kind at a position wins), each record decoded only when it is asked for: a joint run looks
 * at the few variant positions of the cohort, and of the hundreds of thousands of blocks per Mb only those under them,
 * so decoding every line's columns was most of {@code gap joint}'s time (JFR, trio2: 48 % in the decoding).
 */
public final class GvcfStretch {
    private final Kind blocks;
    private final Kind variants;

    private GvcfStretch(Kind blocks, Kind variants) {
        this.blocks = blocks;
        this.variants = variants;
    }

    /** Records decoded already (e.g. made in a test), in any order. */
    public static GvcfStretch of(List<GvcfRecord> records) {
        Builder b = new Builder(records.size());
        records.stream().sorted(Comparator.comparingInt(GvcfRecord::position))
                .forEach(r -> b.add(r.isBlock(), r.position(), r.end(), r, 0, 0));
        return b.build(null);
    }

    /** The reference blocks (plain, and one-position blocks listing their bases). */
    public Kind blocks() {
        return blocks;
    }

    /** The variant records. */
    public Kind variants() {
        return variants;
    }

    /** Records of one kind, ascending by position; index {@code i}'s position, last position and record. */
    public static final class Kind {
        private final int size;
        private final int[] starts; // the arrays as they were collected: their first size entries count
        private final int[] ends;
        private final GvcfRecord[] records; // decoded, or null until asked for
        private final byte[] text; // the lines the records are decoded from (null when given decoded)
        private final int[] lines; // record i's line is text[lines[2i], lines[2i + 1])

        private Kind(int size, int[] starts, int[] ends, GvcfRecord[] records, byte[] text, int[] lines) {
            this.size = size;
            this.starts = starts;
            this.ends = ends;
            this.records = records;
            this.text = text;
            this.lines = lines;
        }

        public int size() {
            return size;
        }

        public int start(int i) {
            return starts[i];
        }

        public int end(int i) {
            return ends[i];
        }

        /** The record at index {@code i}, decoded now if it was not yet. */
        public GvcfRecord record(int i) {
            if (records[i] == null) {
                records[i] = GvcfLine.record(new String(text, lines[2 * i], lines[2 * i + 1] - lines[2 * i],
                        StandardCharsets.UTF_8));
            }
            return records[i];
        }

        /**
         * Whether record {@code i} has hom-ref among its most likely genotypes (PL's first value its least, or no PL),
         * read from its line without decoding it when it is not decoded yet.
         */
        public boolean refFavoured(int i) {
            if (records[i] != null || text == null) {
                int[] pl = record(i).pl();
                return Arrays.stream(pl).allMatch(p -> p >= pl[0]);
            }
            return GvcfLine.refFavoured(text, lines[2 * i], lines[2 * i + 1]);
        }

        /** The index of the record at {@code position}, or -1. */
        public int at(int position) {
            int i = Arrays.binarySearch(starts, 0, size, position);
            return i >= 0 ? i : -1;
        }

        /** The index of the last record at or before {@code position}, or -1. */
        public int floor(int position) {
            int i = Arrays.binarySearch(starts, 0, size, position);
            return i >= 0 ? i : -i - 2;
        }

        /** The index of the first record at or after {@code position} ({@link #size()} when none). */
        public int ceiling(int position) {
            int i = Arrays.binarySearch(starts, 0, size, position);
            return i >= 0 ? i : -i - 1;
        }
    }

    /**
     * Collects records in ascending position order (a record, or the offsets of its line in the text the stretch is
     * built over), keeping a kind's first at a position.
     */
    static final class Builder {
        private final Collected blocks;
        private final Collected variants = new Collected(64);

        /** For about {@code lines} lines (a guess: the arrays grow past it). */
        Builder(int lines) {
            blocks = new Collected(Math.max(64, lines));
        }

        /** Adds a record of {@code position..end}: {@code record}, or (null) the line at {@code [from, to)}. */
        void add(boolean block, int position, int end, GvcfRecord record, int from, int to) {
            (block ? blocks : variants).add(position, end, record, from, to);
        }

        /** The stretch, its lines' offsets into {@code text} (null when every record was given decoded). */
        GvcfStretch build(byte[] text) {
            return new GvcfStretch(blocks.kind(text), variants.kind(text));
        }
    }

    /**
     * One kind's records as they are added: positions, last positions, line offsets, decoded records. Sized for the
     * lines expected and kept as they are by the kind: growing and trimming them was a tenth of a shard's reading.
     */
    private static final class Collected {
        private int n;
        private int[] starts;
        private int[] ends;
        private int[] lines; // line start, end
        private GvcfRecord[] records; // null until a decoded record is added

        Collected(int capacity) {
            starts = new int[capacity];
            ends = new int[capacity];
            lines = new int[2 * capacity];
        }

        void add(int position, int end, GvcfRecord record, int from, int to) {
            if (n > 0 && starts[n - 1] == position) {
                return;
            }
            if (n == starts.length) {
                int capacity = n + (n >> 1);
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
                lines = Arrays.copyOf(lines, 2 * capacity);
                records = records == null ? null : Arrays.copyOf(records, capacity);
            }
            if (record != null && records == null) {
                records = new GvcfRecord[starts.length];
            }
            starts[n] = position;
            ends[n] = end;
            lines[2 * n] = from;
            lines[2 * n + 1] = to;
            if (record != null) {
                records[n] = record;
            }
            n++;
        }

        Kind kind(byte[] text) {
            return new Kind(n, starts, ends, records != null ? records : new GvcfRecord[n], text, lines);
        }
    }
}
