package gap.core.io;

import gap.core.model.GvcfRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

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
        Builder b = new Builder();
        records.stream().sorted(Comparator.comparingInt(GvcfRecord::position))
                .forEach(r -> b.add(r.isBlock(), r.position(), r.end(), r, null));
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
        private final int[] starts;
        private final int[] ends;
        private final Object[] items; // a decoded GvcfRecord, or the line it is decoded from on first use
        private final Function<String, GvcfRecord> decode;

        private Kind(int[] starts, int[] ends, Object[] items, Function<String, GvcfRecord> decode) {
            this.starts = starts;
            this.ends = ends;
            this.items = items;
            this.decode = decode;
        }

        public int size() {
            return starts.length;
        }

        public int start(int i) {
            return starts[i];
        }

        public int end(int i) {
            return ends[i];
        }

        /** The record at index {@code i}, decoded now if it was not yet. */
        public GvcfRecord record(int i) {
            if (items[i] instanceof String line) {
                items[i] = decode.apply(line);
            }
            return (GvcfRecord) items[i];
        }

        /** The index of the record at {@code position}, or -1. */
        public int at(int position) {
            int i = Arrays.binarySearch(starts, position);
            return i >= 0 ? i : -1;
        }

        /** The index of the last record at or before {@code position}, or -1. */
        public int floor(int position) {
            int i = Arrays.binarySearch(starts, position);
            return i >= 0 ? i : -i - 2;
        }

        /** The index of the first record at or after {@code position} ({@link #size()} when none). */
        public int ceiling(int position) {
            int i = Arrays.binarySearch(starts, position);
            return i >= 0 ? i : -i - 1;
        }
    }

    /** Collects records in ascending position order (a line's record or the line itself), keeping a kind's first. */
    static final class Builder {
        private final List<Object> blockItems = new ArrayList<>();
        private final List<Object> variantItems = new ArrayList<>();
        private int[] blockSpans = new int[64];
        private int[] variantSpans = new int[64];

        /** Adds a record ({@code record} or {@code line}, the other null) of {@code position..end}. */
        void add(boolean block, int position, int end, GvcfRecord record, String line) {
            List<Object> items = block ? blockItems : variantItems;
            int[] spans = block ? blockSpans : variantSpans;
            int n = items.size();
            if (n > 0 && spans[2 * n - 2] == position) {
                return;
            }
            if (2 * n + 2 > spans.length) {
                spans = Arrays.copyOf(spans, spans.length * 2);
                if (block) {
                    blockSpans = spans;
                } else {
                    variantSpans = spans;
                }
            }
            spans[2 * n] = position;
            spans[2 * n + 1] = end;
            items.add(record != null ? record : line);
        }

        GvcfStretch build(Function<String, GvcfRecord> decode) {
            return new GvcfStretch(kind(blockItems, blockSpans, decode), kind(variantItems, variantSpans, decode));
        }

        private static Kind kind(List<Object> items, int[] spans, Function<String, GvcfRecord> decode) {
            int n = items.size();
            int[] starts = new int[n];
            int[] ends = new int[n];
            for (int i = 0; i < n; i++) {
                starts[i] = spans[2 * i];
                ends[i] = spans[2 * i + 1];
            }
            return new Kind(starts, ends, items.toArray(), decode);
        }
    }
}
