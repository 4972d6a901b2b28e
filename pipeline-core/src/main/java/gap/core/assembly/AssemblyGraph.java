package gap.core.assembly;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a reference window and reads over it, gives a de Bruijn (read-threading) graph of their k-mers and the best
 * paths through it from the reference's first k-mer to its last: the candidate haplotypes of the window. Reference
 * edges are kept whatever their support; read edges seen fewer than {@code minPruning} times are pruned; k-mers
 * holding an N or a base below the quality floor are not threaded, as GATK's assembler does.
 *
 * <p>Vertices are dense ids from a {@link KmerTable}, numbered in the order k-mers first enter the graph (the
 * reference's first, in order), and edges are slots of per-vertex arrays indexed {@code 4 * id + base}.
 */
final class AssemblyGraph {
    private static final String BASES = "ACGT";
    private static final int NONE = -1;

    private final int k;
    private final KmerTable kmers;
    private final int source;
    private final int sink;
    /** Per edge slot {@code 4 * vertex + base}: read support, reference flag, recovered flag, target vertex. */
    private int[] count = new int[256];
    private boolean[] ref = new boolean[256];
    private boolean[] recovered = new boolean[256];
    private int[] target = new int[256];
    private int[] inDegree = new int[64];

    private AssemblyGraph(int k, KmerTable kmers, int source, int sink) {
        this.k = k;
        this.kmers = kmers;
        this.source = source;
        this.sink = sink;
        Arrays.fill(target, NONE);
    }

    /**
     * The graph of {@code reference} and the reads, or null when some k-mer occurs twice in the reference (a path
     * could then skip or repeat a stretch of it: the caller retries with a larger k).
     */
    static AssemblyGraph build(String reference, List<byte[][]> reads, int k, int minBaseQuality) {
        if (reference.length() <= k || reference.indexOf('N') >= 0) {
            return null;
        }
        byte[] r = reference.getBytes(StandardCharsets.US_ASCII);
        KmerTable table = new KmerTable(k);
        long h = table.hash(r, 0);
        for (int i = 0; i + k <= r.length; i++) {
            if (i > 0) {
                h = table.roll(h, r[i - 1], r[i + k - 1]);
            }
            if (table.find(h, r, i) >= 0) {
                return null;
            }
            table.add(h, r, i); // the reference's k-mers are ids 0, 1, 2, … in order
        }
        AssemblyGraph g = new AssemblyGraph(k, table, 0, r.length - k);
        g.ensure(4 * table.size()); // room for the reads' k-mers too: most regions then never grow the arrays
        for (int i = 0; i + k < r.length; i++) {
            g.addEdge(i, code(r[i + k]), i + 1, true);
        }
        for (byte[][] read : reads) {
            g.thread(read[0], read[1], minBaseQuality);
        }
        return g;
    }

    private static int code(byte base) {
        return switch (base) {
            case 'A' -> 0;
            case 'C' -> 1;
            case 'G' -> 2;
            case 'T' -> 3;
            default -> -1;
        };
    }

    private void ensure(int vertices) {
        if (inDegree.length < vertices) {
            int n = Math.max(vertices, inDegree.length * 2);
            inDegree = Arrays.copyOf(inDegree, n);
            count = Arrays.copyOf(count, 4 * n);
            ref = Arrays.copyOf(ref, 4 * n);
            recovered = Arrays.copyOf(recovered, 4 * n);
            int old = target.length;
            target = Arrays.copyOf(target, 4 * n);
            Arrays.fill(target, old, target.length, NONE);
        }
    }

    /** An edge from {@code from} by base {@code b} to {@code to}, which the caller has interned. */
    private void addEdge(int from, int b, int to, boolean reference) {
        int e = 4 * from + b;
        if (count[e] == 0 && !ref[e]) {
            target[e] = to;
            inDegree[to]++;
        }
        if (reference) {
            ref[e] = true;
        } else {
            count[e]++;
        }
    }

    /** Adds a read's consecutive trusted k-mers as edges. */
    private void thread(byte[] bases, byte[] quals, int minBaseQuality) {
        int trusted = 0; // length of the run of usable bases ending at i
        long previous = 0; // hash of the k-mer ending at i - 1, when trusted reached k there
        for (int i = 0; i < bases.length; i++) {
            boolean ok = code(bases[i]) >= 0 && quals[i] >= minBaseQuality;
            trusted = ok ? trusted + 1 : 0;
            if (trusted < k) {
                continue;
            }
            long current = trusted == k ? kmers.hash(bases, i - k + 1) : kmers.roll(previous, bases[i - k], bases[i]);
            if (trusted > k) {
                int from = intern(previous, bases, i - k);
                int e = 4 * from + code(bases[i]);
                // the target is looked up only for a new edge, as vertices enter the graph in that order
                int to = count[e] == 0 && !ref[e] ? intern(current, bases, i - k + 1) : target[e];
                addEdge(from, code(bases[i]), to, false);
            }
            previous = current;
        }
    }

    private int intern(long h, byte[] src, int off) {
        int id = kmers.intern(h, src, off);
        ensure(kmers.size());
        return id;
    }

    /** Drops read edges with less support than {@code minPruning}; reference edges stay. */
    void prune(int minPruning) {
        for (int e = 0; e < 4 * kmers.size(); e++) {
            if (!ref[e] && count[e] > 0 && count[e] < minPruning) {
                count[e] = 0;
                inDegree[target[e]]--;
            }
        }
    }

    private boolean live(int e) {
        return ref[e] || count[e] > 0 || recovered[e];
    }

    /**
     * Dangling-end recovery: a branch that leaves the reference and stops (reads ended, or an error near their
     * end cut the path) is joined back where its last k-1 bases continue as a reference k-mer; a branch that starts
     * off the reference is joined from the reference k-mer whose last k-1 bases begin it. Without this a variant
     * near the edge of the reads' coverage has no path from source to sink.
     */
    void recoverDanglingEnds() {
        Map<String, Integer> refByPrefix = new HashMap<>();
        Map<String, Integer> refBySuffix = new HashMap<>();
        int n = kmers.size();
        for (int v = 0; v < n; v++) {
            for (int b = 0; b < 4; b++) {
                if (ref[4 * v + b]) {
                    int next = target[4 * v + b];
                    refByPrefix.put(kmers.text(next, 0, k - 1), next);
                    refBySuffix.put(kmers.text(v, 1, k), v);
                }
            }
        }
        refByPrefix.put(kmers.text(source, 0, k - 1), source);
        for (int v = 0; v < n; v++) {
            boolean hasOut = false;
            for (int b = 0; b < 4; b++) {
                hasOut |= live(4 * v + b);
            }
            if (!hasOut && v != sink) {
                Integer to = refByPrefix.get(kmers.text(v, 1, k));
                if (to != null && to != v) {
                    int e = 4 * v + lastBase(to);
                    recovered[e] = true;
                    target[e] = to;
                    inDegree[to]++;
                }
            }
            if (inDegree[v] == 0 && v != source) {
                Integer from = refBySuffix.get(kmers.text(v, 0, k - 1));
                if (from != null && from != v) {
                    int e = 4 * from + lastBase(v);
                    if (!live(e)) {
                        recovered[e] = true;
                        target[e] = v;
                        inDegree[v]++;
                    }
                }
            }
        }
    }

    private int lastBase(int v) {
        return code(kmers.bases()[kmers.offset(v) + k - 1]);
    }

    /** True when a live path from the source returns to a k-mer it passed: paths would not be finite. */
    boolean hasCycle() {
        int n = kmers.size();
        byte[] state = new byte[n]; // 1 on the stack, 2 done
        int[] stackVertex = new int[n];
        int[] stackBase = new int[n];
        int depth = 0;
        stackVertex[depth] = source;
        stackBase[depth++] = 0;
        state[source] = 1;
        while (depth > 0) {
            int top = depth - 1;
            int v = stackVertex[top];
            int b = stackBase[top];
            if (b == 4) {
                state[v] = 2;
                depth--;
                continue;
            }
            stackBase[top] = b + 1;
            if (!live(4 * v + b)) {
                continue;
            }
            int next = target[4 * v + b];
            if (state[next] == 1) {
                return true;
            }
            if (state[next] == 0) {
                state[next] = 1;
                stackVertex[depth] = next;
                stackBase[depth++] = 0;
            }
        }
        return false;
    }

    /** A path so far: its score (sum of log10 edge shares) and the bases after the first k-mer. */
    private record Path(double score, String tail) {}

    /**
     * The best {@code maxPaths} source-to-sink paths as sequences, best first (ties broken by sequence). An edge
     * scores log10 of its share of its vertex's support; reference edges count one more, so unsupported
     * reference still has a path. Needs an acyclic graph.
     */
    List<String> bestPaths(int maxPaths) {
        List<List<Path>> best = new ArrayList<>();
        for (int v = 0; v < kmers.size(); v++) {
            best.add(List.of());
        }
        best.set(source, List.of(new Path(0, "")));
        Comparator<Path> order = Comparator.comparingDouble(Path::score).reversed().thenComparing(Path::tail);
        for (int v : topologicalOrder()) {
            List<Path> here = best.get(v);
            if (here.isEmpty() || v == sink) {
                continue;
            }
            double total = 0;
            for (int b = 0; b < 4; b++) {
                total += live(4 * v + b) ? weight(4 * v + b) : 0;
            }
            for (int b = 0; b < 4; b++) {
                int e = 4 * v + b;
                if (!live(e)) {
                    continue;
                }
                int next = target[e];
                double step = StrictMath.log10(weight(e) / total);
                List<Path> there = new ArrayList<>(best.get(next));
                for (Path p : here) {
                    there.add(new Path(p.score() + step, p.tail() + BASES.charAt(b)));
                }
                there.sort(order);
                best.set(next, there.size() > maxPaths ? List.copyOf(there.subList(0, maxPaths)) : there);
            }
        }
        String first = kmers.text(source, 0, k);
        List<String> out = new ArrayList<>();
        for (Path p : best.get(sink)) {
            out.add(first + p.tail());
        }
        return out;
    }

    private double weight(int e) {
        return count[e] + (ref[e] || recovered[e] ? 1 : 0);
    }

    /** Live vertices reachable from the source, each after all its live predecessors (Kahn's order). */
    private int[] topologicalOrder() {
        int n = kmers.size();
        int[] indegree = new int[n];
        boolean[] seen = new boolean[n];
        Deque<Integer> todo = new ArrayDeque<>(List.of(source));
        seen[source] = true;
        while (!todo.isEmpty()) {
            int v = todo.poll();
            for (int b = 0; b < 4; b++) {
                if (live(4 * v + b)) {
                    int next = target[4 * v + b];
                    indegree[next]++;
                    if (!seen[next]) {
                        seen[next] = true;
                        todo.add(next);
                    }
                }
            }
        }
        int[] order = new int[n];
        int size = 0;
        Deque<Integer> ready = new ArrayDeque<>(List.of(source));
        while (!ready.isEmpty()) {
            int v = ready.poll();
            order[size++] = v;
            for (int b = 0; b < 4; b++) {
                if (live(4 * v + b)) {
                    int next = target[4 * v + b];
                    if (--indegree[next] == 0) {
                        ready.add(next);
                    }
                }
            }
        }
        return Arrays.copyOf(order, size);
    }
}
