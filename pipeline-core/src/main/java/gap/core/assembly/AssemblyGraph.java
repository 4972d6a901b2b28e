package gap.core.assembly;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a reference window and reads over it, gives a de Bruijn (read-threading) graph of their k-mers and the best
 * paths through it from the reference's first k-mer to its last: the candidate haplotypes of the window. Reference
 * edges are kept whatever their support; read edges seen fewer than {@code minPruning} times are pruned; k-mers
 * holding an N or a base below the quality floor are not threaded, as GATK's assembler does.
 */
final class AssemblyGraph {
    private static final String BASES = "ACGT";

    private final int k;
    private final Map<String, Vertex> vertices = new LinkedHashMap<>();
    private final String source;
    private final String sink;

    /** A k-mer and its out-edges, one slot per next base: read support, and whether the reference takes it. */
    private static final class Vertex {
        final int[] count = new int[4];
        final boolean[] ref = new boolean[4];
        final boolean[] recovered = new boolean[4];
        int inDegree;
    }

    private AssemblyGraph(int k, String source, String sink) {
        this.k = k;
        this.source = source;
        this.sink = sink;
    }

    /**
     * The graph of {@code reference} and the reads, or null when some k-mer occurs twice in the reference (a path
     * could then skip or repeat a stretch of it: the caller retries with a larger k).
     */
    static AssemblyGraph build(String reference, List<byte[][]> reads, int k, int minBaseQuality) {
        if (reference.length() <= k || reference.indexOf('N') >= 0) {
            return null;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i + k <= reference.length(); i++) {
            if (seen.put(reference.substring(i, i + k), i) != null) {
                return null;
            }
        }
        AssemblyGraph g = new AssemblyGraph(k, reference.substring(0, k), reference.substring(reference.length() - k));
        for (int i = 0; i + k < reference.length(); i++) {
            g.addEdge(reference.substring(i, i + k), reference.charAt(i + k), true);
        }
        g.vertex(g.sink);
        for (byte[][] read : reads) {
            g.thread(read[0], read[1], minBaseQuality);
        }
        return g;
    }

    private Vertex vertex(String kmer) {
        return vertices.computeIfAbsent(kmer, x -> new Vertex());
    }

    private void addEdge(String from, char base, boolean reference) {
        int b = BASES.indexOf(base);
        Vertex v = vertex(from);
        String to = from.substring(1) + base;
        if (v.count[b] == 0 && !v.ref[b]) {
            vertex(to).inDegree++;
        }
        if (reference) {
            v.ref[b] = true;
        } else {
            v.count[b]++;
        }
    }

    /** Adds a read's consecutive trusted k-mers as edges. */
    private void thread(byte[] bases, byte[] quals, int minBaseQuality) {
        int trusted = 0; // length of the run of usable bases ending at i
        for (int i = 0; i < bases.length; i++) {
            boolean ok = BASES.indexOf(bases[i]) >= 0 && quals[i] >= minBaseQuality;
            trusted = ok ? trusted + 1 : 0;
            if (trusted > k) {
                addEdge(new String(bases, i - k, k, java.nio.charset.StandardCharsets.US_ASCII), (char) bases[i], false);
            }
        }
    }

    /** Drops read edges with less support than {@code minPruning}; reference edges stay. */
    void prune(int minPruning) {
        vertices.forEach((kmer, v) -> {
            for (int b = 0; b < 4; b++) {
                if (!v.ref[b] && v.count[b] > 0 && v.count[b] < minPruning) {
                    v.count[b] = 0;
                    vertices.get(kmer.substring(1) + BASES.charAt(b)).inDegree--;
                }
            }
        });
    }

    private boolean live(Vertex v, int b) {
        return v.ref[b] || v.count[b] > 0 || v.recovered[b];
    }

    /**
     * Dangling-end recovery: a branch that leaves the reference and stops (reads ended, or an error near their
     * end cut the path) is joined back where its last k-1 bases continue as a reference k-mer; a branch that starts
     * off the reference is joined from the reference k-mer whose last k-1 bases begin it. Without this a variant
     * near the edge of the reads' coverage has no path from source to sink.
     */
    void recoverDanglingEnds() {
        Map<String, String> refByPrefix = new HashMap<>();
        Map<String, String> refBySuffix = new HashMap<>();
        vertices.forEach((kmer, v) -> {
            for (int b = 0; b < 4; b++) {
                if (v.ref[b]) {
                    String next = kmer.substring(1) + BASES.charAt(b);
                    refByPrefix.put(next.substring(0, k - 1), next);
                    refBySuffix.put(kmer.substring(1), kmer);
                }
            }
        });
        refByPrefix.put(source.substring(0, k - 1), source);
        List<String> kmers = new ArrayList<>(vertices.keySet());
        for (String kmer : kmers) {
            Vertex v = vertices.get(kmer);
            boolean hasOut = false;
            for (int b = 0; b < 4; b++) {
                hasOut |= live(v, b);
            }
            if (!hasOut && !kmer.equals(sink)) {
                String target = refByPrefix.get(kmer.substring(1));
                if (target != null && !target.equals(kmer)) {
                    int b = BASES.indexOf(target.charAt(k - 1));
                    v.recovered[b] = true;
                    vertices.get(target).inDegree++;
                }
            }
            if (v.inDegree == 0 && !kmer.equals(source)) {
                String from = refBySuffix.get(kmer.substring(0, k - 1));
                if (from != null && !from.equals(kmer)) {
                    int b = BASES.indexOf(kmer.charAt(k - 1));
                    Vertex f = vertices.get(from);
                    if (!live(f, b)) {
                        f.recovered[b] = true;
                        v.inDegree++;
                    }
                }
            }
        }
    }

    /** True when a live path from the source returns to a k-mer it passed: paths would not be finite. */
    boolean hasCycle() {
        Map<String, Integer> state = new HashMap<>(); // 1 on the stack, 2 done
        Deque<String[]> stack = new ArrayDeque<>();
        stack.push(new String[] {source, "0"});
        state.put(source, 1);
        while (!stack.isEmpty()) {
            String[] top = stack.peek();
            Vertex v = vertices.get(top[0]);
            int b = Integer.parseInt(top[1]);
            if (b == 4) {
                state.put(top[0], 2);
                stack.pop();
                continue;
            }
            top[1] = Integer.toString(b + 1);
            if (v == null || !live(v, b)) {
                continue;
            }
            String next = top[0].substring(1) + BASES.charAt(b);
            Integer s = state.get(next);
            if (s != null && s == 1) {
                return true;
            }
            if (s == null) {
                state.put(next, 1);
                stack.push(new String[] {next, "0"});
            }
        }
        return false;
    }

    /** A path so far: its score (sum of log10 edge shares), its last k-mer, and the bases after the first k-mer. */
    private record Path(double score, String last, String tail) {}

    /**
     * The best {@code maxPaths} source-to-sink paths as sequences, best first (ties broken by sequence). An edge
     * scores log10 of its share of its vertex's support; reference edges count one more, so unsupported
     * reference still has a path. Needs an acyclic graph.
     */
    List<String> bestPaths(int maxPaths) {
        Map<String, List<Path>> best = new HashMap<>();
        best.put(source, List.of(new Path(0, source, "")));
        for (String kmer : topologicalOrder()) {
            List<Path> here = best.getOrDefault(kmer, List.of());
            Vertex v = vertices.get(kmer);
            if (here.isEmpty() || v == null || kmer.equals(sink)) {
                continue;
            }
            double total = 0;
            for (int b = 0; b < 4; b++) {
                total += live(v, b) ? weight(v, b) : 0;
            }
            for (int b = 0; b < 4; b++) {
                if (!live(v, b)) {
                    continue;
                }
                String next = kmer.substring(1) + BASES.charAt(b);
                double step = StrictMath.log10(weight(v, b) / total);
                List<Path> there = new ArrayList<>(best.getOrDefault(next, List.of()));
                for (Path p : here) {
                    there.add(new Path(p.score() + step, next, p.tail() + BASES.charAt(b)));
                }
                there.sort(Comparator.comparingDouble(Path::score).reversed().thenComparing(Path::tail));
                best.put(next, there.size() > maxPaths ? List.copyOf(there.subList(0, maxPaths)) : there);
            }
        }
        List<String> out = new ArrayList<>();
        for (Path p : best.getOrDefault(sink, List.of())) {
            out.add(source + p.tail());
        }
        return out;
    }

    private double weight(Vertex v, int b) {
        return v.count[b] + (v.ref[b] || v.recovered[b] ? 1 : 0);
    }

    /** Live vertices reachable from the source, each after all its live predecessors (Kahn's order). */
    private List<String> topologicalOrder() {
        Map<String, Integer> indegree = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>(List.of(source));
        List<String> reachable = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        seen.put(source, true);
        while (!todo.isEmpty()) {
            String kmer = todo.poll();
            reachable.add(kmer);
            Vertex v = vertices.get(kmer);
            for (int b = 0; v != null && b < 4; b++) {
                if (live(v, b)) {
                    String next = kmer.substring(1) + BASES.charAt(b);
                    indegree.merge(next, 1, Integer::sum);
                    if (seen.putIfAbsent(next, true) == null) {
                        todo.add(next);
                    }
                }
            }
        }
        List<String> order = new ArrayList<>();
        Deque<String> ready = new ArrayDeque<>(List.of(source));
        while (!ready.isEmpty()) {
            String kmer = ready.poll();
            order.add(kmer);
            Vertex v = vertices.get(kmer);
            for (int b = 0; v != null && b < 4; b++) {
                if (live(v, b)) {
                    String next = kmer.substring(1) + BASES.charAt(b);
                    if (indegree.merge(next, -1, Integer::sum) == 0) {
                        ready.add(next);
                    }
                }
            }
        }
        return order;
    }

    int kmerSize() {
        return k;
    }
}
