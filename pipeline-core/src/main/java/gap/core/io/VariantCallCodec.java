package gap.core.io;

import gap.core.model.Filters;
import gap.core.model.Genotype;
import gap.core.model.VariantCall;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StreamCorruptedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes calls and gives their bytes, and back: every field of a {@link VariantCall} and its {@link Genotype}s written
 * explicitly (varints, doubles as their raw bits, INFO and FORMAT values tagged by type), so that a call read back
 * equals the call written. Calls carry no class descriptors or object handles, which is what makes this faster and
 * smaller than Java serialisation of the same objects. Each call follows a {@code 1}; the calls end with a {@code 0}
 * and their number, so that bytes cut short fail rather than give fewer calls.
 */
final class VariantCallCodec {
    private static final int CALL = 1;
    private static final int END = 0;
    // the type tags of INFO and FORMAT values (VCF's Integer, Float, String, Flag, lists of them; null where absent)
    private static final int NULL = 0;
    private static final int FALSE = 1;
    private static final int TRUE = 2;
    private static final int INT = 3;
    private static final int LONG = 4;
    private static final int DOUBLE = 5;
    private static final int FLOAT = 6;
    private static final int STRING = 7;
    private static final int LIST = 8;
    // FILTER: PASS, missing, or the names failed
    private static final int PASS = 0;
    private static final int MISSING = 1;
    private static final int FAILED = 2;
    /**
     * At most this many distinct names (contigs, INFO and FORMAT keys) are written once and then by number: a run has
     * a few dozen, and the cap keeps the table bounded whatever a file holds.
     */
    static final int MAX_NAMES = 4096;
    /** More items than any list or map of a call holds; the decoder refuses a count past it. */
    static final int MAX_ITEMS = 1 << 24;

    private VariantCallCodec() {}

    /** Writes calls to a stream, buffered: a call's bytes go out when the buffer passes {@link #FLUSH_AT}. */
    static final class Encoder {
        static final int FLUSH_AT = 1 << 16;
        private final OutputStream out;
        private final Map<String, Integer> names = new HashMap<>();
        private byte[] buf = new byte[FLUSH_AT + (1 << 12)];
        private int size;

        Encoder(OutputStream out) {
            this.out = out;
        }

        /** Adds {@code call}; a call the format cannot hold leaves nothing of it behind. */
        void call(VariantCall call) throws IOException {
            int start = size;
            int known = names.size();
            try {
                unsigned(CALL);
                fields(call);
            } catch (RuntimeException e) {
                size = start;
                names.values().removeIf(number -> number >= known); // their text went with the call's bytes
                throw e;
            }
            if (size >= FLUSH_AT) {
                flush();
            }
        }

        /** Ends the calls, {@code count} of them, and writes out what is buffered. */
        void end(long count) throws IOException {
            unsigned(END);
            unsigned(count);
            flush();
        }

        private void fields(VariantCall call) {
            name(call.contig());
            signed(call.position());
            strings(call.alleles());
            real(call.qual());
            filter(call.filter());
            values(call.info());
            count(call.genotypes().size());
            for (Genotype g : call.genotypes()) {
                genotype(g);
            }
            strings(call.ids());
        }

        private void genotype(Genotype g) {
            signed(g.allele1());
            signed(g.allele2());
            signed(g.gq());
            ints(g.pl());
            ints(g.ad());
            signed(g.dp());
            signed(g.dnq());
            signed(g.ploidy());
            count(g.af().size());
            for (double af : g.af()) {
                real(af);
            }
            ints(g.pp());
            values(g.format());
        }

        private void filter(Filters filter) {
            if (filter.isPass()) {
                unsigned(PASS);
            } else if (filter.isMissing()) {
                unsigned(MISSING);
            } else {
                unsigned(FAILED);
                strings(filter.names());
            }
        }

        /** A map of INFO or FORMAT values in its own order (the model's maps are sorted by key). */
        private void values(Map<String, Object> values) {
            count(values.size());
            for (Map.Entry<String, Object> e : values.entrySet()) {
                name(e.getKey());
                value(e.getValue());
            }
        }

        private void value(Object v) {
            if (v == null) {
                unsigned(NULL);
            } else if (v instanceof Boolean b) {
                unsigned(b ? TRUE : FALSE);
            } else if (v instanceof Integer i) {
                unsigned(INT);
                signed(i);
            } else if (v instanceof Long l) {
                unsigned(LONG);
                signed(l);
            } else if (v instanceof Double d) {
                unsigned(DOUBLE);
                real(d);
            } else if (v instanceof Float f) {
                unsigned(FLOAT);
                fixed(Float.floatToRawIntBits(f), 4);
            } else if (v instanceof String s) {
                unsigned(STRING);
                string(s);
            } else if (v instanceof List<?> list) {
                unsigned(LIST);
                count(list.size());
                list.forEach(this::value);
            } else {
                // a type the model does not allow: failing here beats a call that comes back different
                throw new IllegalArgumentException("a call's INFO or FORMAT value of type "
                        + v.getClass().getSimpleName() + " cannot be spilled");
            }
        }

        /** A name seen before as its number (+1); a new one as 0 and its text, numbered while the table has room. */
        private void name(String name) {
            Integer known = names.get(name);
            if (known != null) {
                unsigned(known + 1);
                return;
            }
            unsigned(0);
            string(name);
            if (names.size() < MAX_NAMES) {
                names.put(name, names.size());
            }
        }

        private void strings(List<String> strings) {
            count(strings.size());
            strings.forEach(this::string);
        }

        private void ints(List<Integer> ints) {
            count(ints.size());
            for (int i : ints) {
                signed(i);
            }
        }

        /** A count of items, refused past what the decoder takes. */
        private void count(int n) {
            if (n > MAX_ITEMS) {
                throw new IllegalArgumentException("a call with a list or map of " + n + " items cannot be spilled");
            }
            unsigned(n);
        }

        /**
         * A string as its length (times 2, +1 when wide) and its chars: one byte each when all fit in one (bases,
         * keys, nearly every text a call holds), else two, so that any string, unpaired surrogates included, comes
         * back as it was.
         */
        private void string(String s) {
            int n = s.length();
            boolean narrow = true;
            for (int i = 0; i < n && narrow; i++) {
                narrow = s.charAt(i) <= 0xFF;
            }
            unsigned(((long) n << 1) | (narrow ? 0 : 1));
            room(narrow ? n : 2 * n);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (!narrow) {
                    buf[size++] = (byte) (c >>> 8);
                }
                buf[size++] = (byte) c;
            }
        }

        private void real(double d) {
            fixed(Double.doubleToRawLongBits(d), 8);
        }

        private void fixed(long bits, int bytes) {
            room(bytes);
            for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
                buf[size++] = (byte) (bits >>> shift);
            }
        }

        /** Zigzag, so that the model's -1s (no GQ, no call) take one byte as small positives do. */
        private void signed(long v) {
            unsigned((v << 1) ^ (v >> 63));
        }

        private void unsigned(long v) {
            room(10);
            while ((v & ~0x7FL) != 0) {
                buf[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[size++] = (byte) v;
        }

        private void room(int bytes) {
            if (size + bytes > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(2 * buf.length, size + bytes));
            }
        }

        private void flush() throws IOException {
            out.write(buf, 0, size);
            size = 0;
        }
    }

    /** Reads what an {@link Encoder} wrote, through its own buffer. */
    static final class Decoder {
        private final InputStream in;
        private final List<String> names = new ArrayList<>();
        private byte[] buf = new byte[1 << 16];
        private int pos;
        private int limit;
        private long calls;

        Decoder(InputStream in) {
            this.in = in;
        }

        /**
         * The next call, or null after the last; an {@link EOFException} when the bytes end before the calls do, a
         * {@link StreamCorruptedException} when they hold what no encoder writes.
         */
        VariantCall next() throws IOException {
            int kind = pos < limit || fill(1) ? buf[pos++] & 0xFF : -1;
            if (kind == CALL) {
                calls++;
                return call();
            }
            if (kind != END) {
                throw kind < 0 ? new EOFException("ends before its last call") : corrupt("a record of kind " + kind);
            }
            long written = unsigned();
            if (written != calls) {
                throw corrupt(calls + " calls where it says " + written);
            }
            if (pos < limit || fill(1)) {
                throw corrupt("bytes after its end");
            }
            return null;
        }

        private VariantCall call() throws IOException {
            String contig = name();
            int position = (int) signed();
            List<String> alleles = strings();
            double qual = real();
            Filters filter = filter();
            Map<String, Object> info = values();
            Genotype[] genotypes = new Genotype[count()];
            for (int i = 0; i < genotypes.length; i++) {
                genotypes[i] = genotype();
            }
            return new VariantCall(contig, position, alleles, qual, filter, info, Arrays.asList(genotypes),
                    strings());
        }

        private Genotype genotype() throws IOException {
            int allele1 = (int) signed();
            int allele2 = (int) signed();
            int gq = (int) signed();
            List<Integer> pl = ints();
            List<Integer> ad = ints();
            int dp = (int) signed();
            int dnq = (int) signed();
            int ploidy = (int) signed();
            Double[] af = new Double[count()];
            for (int i = 0; i < af.length; i++) {
                af[i] = real();
            }
            return new Genotype(allele1, allele2, gq, pl, ad, dp, dnq, ploidy, Arrays.asList(af), ints(), values());
        }

        private Filters filter() throws IOException {
            int kind = (int) unsigned();
            return switch (kind) {
                case PASS -> Filters.PASS;
                case MISSING -> Filters.MISSING;
                case FAILED -> Filters.failed(strings());
                default -> throw corrupt("an unknown FILTER kind " + kind);
            };
        }

        private Map<String, Object> values() throws IOException {
            int n = count();
            // the model copies it into its sorted map; this one only has to hold the entries
            Map<String, Object> values = new LinkedHashMap<>(2 * n);
            for (int i = 0; i < n; i++) {
                values.put(name(), value());
            }
            return values;
        }

        private Object value() throws IOException {
            int tag = (int) unsigned();
            return switch (tag) {
                case NULL -> null;
                case FALSE -> Boolean.FALSE;
                case TRUE -> Boolean.TRUE;
                case INT -> (int) signed();
                case LONG -> signed();
                case DOUBLE -> real();
                case FLOAT -> Float.intBitsToFloat((int) fixed(4));
                case STRING -> string();
                case LIST -> list();
                default -> throw corrupt("an unknown value type " + tag);
            };
        }

        private List<Object> list() throws IOException {
            Object[] items = new Object[count()];
            for (int i = 0; i < items.length; i++) {
                items[i] = value();
            }
            // unmodifiable as the model's own lists, but holding nulls where a value was absent
            return Collections.unmodifiableList(Arrays.asList(items));
        }

        private String name() throws IOException {
            int number = count();
            if (number > 0) {
                if (number > names.size()) {
                    throw corrupt("a name that was never written");
                }
                return names.get(number - 1);
            }
            String name = string();
            if (names.size() < MAX_NAMES) {
                names.add(name);
            }
            return name;
        }

        private List<String> strings() throws IOException {
            String[] strings = new String[count()];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = string();
            }
            return Arrays.asList(strings);
        }

        private List<Integer> ints() throws IOException {
            Integer[] ints = new Integer[count()];
            for (int i = 0; i < ints.length; i++) {
                ints[i] = (int) signed();
            }
            return Arrays.asList(ints);
        }

        private String string() throws IOException {
            long header = unsigned();
            int n = length(header >>> 1);
            if ((header & 1) == 0) {
                need(n);
                String s = new String(buf, pos, n, StandardCharsets.ISO_8859_1);
                pos += n;
                return s;
            }
            need(length(2L * n));
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) {
                chars[i] = (char) (((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF));
                pos += 2;
            }
            return new String(chars);
        }

        private double real() throws IOException {
            return Double.longBitsToDouble(fixed(8));
        }

        private long fixed(int bytes) throws IOException {
            need(bytes);
            long bits = 0;
            for (int i = 0; i < bytes; i++) {
                bits = (bits << 8) | (buf[pos++] & 0xFF);
            }
            return bits;
        }

        private long signed() throws IOException {
            long v = unsigned();
            return (v >>> 1) ^ -(v & 1);
        }

        private long unsigned() throws IOException {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                need(1);
                byte b = buf[pos++];
                v |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw corrupt("a number longer than 64 bits");
        }

        /**
         * A count of items (alleles, genotypes, values, a name's number), for which an array is made before they are
         * read: one past {@link #MAX_ITEMS}, which no call has, is a damaged file's, refused before the allocation.
         */
        private int count() throws IOException {
            long n = unsigned();
            if (n < 0 || n > MAX_ITEMS) {
                throw corrupt("a count of " + n);
            }
            return (int) n;
        }

        /** A string's length: bytes are buffered as they arrive, so a damaged one ends the file rather than memory. */
        private int length(long n) throws IOException {
            if (n < 0 || n > Integer.MAX_VALUE - 16) {
                throw corrupt("a length of " + n);
            }
            return (int) n;
        }

        private void need(int bytes) throws IOException {
            if (limit - pos < bytes && !fill(bytes)) {
                throw new EOFException("ends inside a call");
            }
        }

        /** Reads until {@code bytes} are buffered; false when the stream ends first. */
        private boolean fill(int bytes) throws IOException {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
            while (limit < bytes) {
                if (limit == buf.length) {
                    // grown as bytes arrive, not to a length read from the file, which may be corrupt
                    buf = Arrays.copyOf(buf, (int) Math.min(bytes, 2L * buf.length));
                }
                int read = in.read(buf, limit, buf.length - limit);
                if (read < 0) {
                    return false;
                }
                limit += read;
            }
            return true;
        }

        private static IOException corrupt(String what) {
            return new StreamCorruptedException("holds " + what);
        }
    }
}
