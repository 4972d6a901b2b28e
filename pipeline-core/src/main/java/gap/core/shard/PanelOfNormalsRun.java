package gap.core.shard;

import gap.core.UserException;
import gap.core.io.ReferenceSource;
import gap.core.io.TextFiles;
import gap.core.model.Shard;
import gap.core.somatic.PanelOfNormals;
import gap.core.somatic.SomaticSite;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Takes normals' reads (a checked {@code gap somatic-pon} run), gives the panel of normals: each normal called
 * tumour-only by the somatic orchestration (the same shards, engine and somatic model as {@code gap somatic}), and
 * the alleles emitted in at least the minimum count of normals written as a sites table ({@link PanelOfNormals}),
 * as Mutect2 run on each normal and CreateSomaticPanelOfNormals do. The table counts normals; it names none.
 */
public final class PanelOfNormalsRun {
    private static final Logger LOG = LogManager.getLogger(PanelOfNormalsRun.class);

    /** The normals' somatic requests (one per normal, tumour-only), the table to write and the minimum count. */
    public record Request(List<SomaticRun.Request> normals, Path table, int minSampleCount) {}

    private PanelOfNormalsRun() {}

    public static void run(Request request, ShardExecutor executor) {
        Map<String, Count> counts = new LinkedHashMap<>();
        int n = 0;
        for (SomaticRun.Request normal : request.normals()) {
            n++;
            List<Shard> plan = normal.shards(executor.workers());
            ProgressMeter progress = new ProgressMeter(10, ShardPlanner.bases(plan));
            progress.start();
            LOG.info("Normal {} of {} ({}): tumour-only somatic calling", n, request.normals().size(),
                    normal.tumour().id());
            List<SomaticSite> sites = SomaticRun.runShards(normal, plan, executor, progress).sites();
            progress.stop();
            for (SomaticSite s : sites) {
                for (int a = 1; a < s.alleles().size(); a++) {
                    String key = s.contig() + "\t" + s.position() + "\t" + s.ref() + "\t" + s.alleles().get(a);
                    counts.computeIfAbsent(key, k -> new Count(s, normalAllele(s, k))).normals++;
                }
            }
        }
        int min = Math.min(request.minSampleCount(), request.normals().size());
        SomaticRun.Request first = request.normals().get(0);
        Map<String, Integer> contigs = new LinkedHashMap<>();
        first.dictionary().getSequences().forEach(r -> contigs.put(r.getSequenceName(), r.getSequenceIndex()));
        List<PanelOfNormals.Site> sites = new ArrayList<>();
        for (Count c : counts.values()) {
            if (c.normals >= min) {
                sites.add(new PanelOfNormals.Site(c.site.contig(), c.site.position(), c.site.ref(), c.alt,
                        c.normals));
            }
        }
        sites.sort(Comparator.<PanelOfNormals.Site>comparingInt(s -> contigs.get(s.contig()))
                .thenComparingInt(PanelOfNormals.Site::position).thenComparing(PanelOfNormals.Site::ref)
                .thenComparing(PanelOfNormals.Site::alt));
        String text = PanelOfNormals.write(sites, request.normals().size(), ReferenceSource.md5(first.reference()));
        try {
            TextFiles.writeAtomically(request.table(), text);
        } catch (IOException e) {
            throw new UserException("could not write the panel of normals " + request.table().getFileName() + " ("
                    + e.getClass().getSimpleName() + "): check that its folder is writable", e);
        }
        LOG.info("Wrote {} site(s) seen in at least {} of {} normals to {}", sites.size(), min,
                request.normals().size(), request.table().getFileName());
    }

    private static String normalAllele(SomaticSite s, String key) {
        return key.substring(key.lastIndexOf('\t') + 1);
    }

    /** An allele and the normals it was emitted in. */
    private static final class Count {
        final SomaticSite site;
        final String alt;
        int normals;

        Count(SomaticSite site, String alt) {
            this.site = site;
            this.alt = alt;
        }
    }
}
