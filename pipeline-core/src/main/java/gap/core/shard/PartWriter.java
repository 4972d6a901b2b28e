package gap.core.shard;

import gap.core.cohort.DeNovoCalls;
import gap.core.cohort.Pedigree;
import gap.core.federation.PopulationAnnotator;
import gap.core.io.CallSpill;
import gap.core.io.CallsTableWriter;
import gap.core.io.ReferenceDictionary;
import gap.core.io.VcfParts;
import gap.core.model.VariantCall;
import gap.core.qc.CallRecord;
import gap.core.qc.CallSetStats;
import gap.core.qc.FamilyTally;
import gap.core.scoring.DepthFilter;
import gap.core.scoring.ScoringParameters;
import gap.core.scoring.VariantScorer;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Takes one part of pass 2 ({@link CallParts.Part}: whole position bins of spilled calls) with what the driver
 * prepared (the scoring settings, models trained on the run's known-sites sample and run-wide depth filter, the VCF
 * header, the pedigree), gives the part's outputs
 * written beside its spills where it runs (a worker thread, or a cluster's executor): the VCF part (BGZF blocks and
 * index entries, {@link VcfParts}), its final calls (a spill for a one-file table, or the table's partition files),
 * and as values its QC tallies, family tally and de novo calls, which the driver adds up in part order. With copy
 * number ({@code snvMinDepth} not negative) also the SNV sites it reads ({@link AlleleSidecar}); with copy number alone
 * ({@code smallVariants} false) only those, as the small variants are not written. Serializable: the driver ships it,
 * small, to every task.
 */
record PartWriter(ScoringParameters scoring, VariantScorer.Prepared prepared, DepthFilter depth, List<String> samples,
                  List<String> patients, Pedigree pedigree, int minDeNovoQuality, VcfParts.Header header, Path population,
                  List<VCFInfoHeaderLine> infoLines, CallsTableWriter partitionedTable, boolean smallVariants,
                  int snvMinDepth)
        implements java.io.Serializable {

    /**
     * What one part gave: counts, tallies, de novo calls, and its files (VCF part, final calls and table null without
     * small variants; SNV sites null without copy number).
     */
    record Written(int index, long calls, long pass, List<DeNovoCalls.Call> deNovo, CallSetStats stats,
                   FamilyTally family, VcfParts.Part vcf, Path finalCalls, Path table, Path snvSites)
            implements java.io.Serializable {}

    /** A worker's scorer and population summary (opened on first use: reading forward through it). */
    static final class Worker implements AutoCloseable {
        private final PartWriter spec;
        private final VariantScorer scorer;
        private PopulationAnnotator population;

        Worker(PartWriter spec) {
            this.spec = spec;
            this.scorer = new VariantScorer(spec.scoring());
        }

        /** The part's calls with population counts: the summary is read forward, so it restarts per part. */
        VariantCall annotate(VariantCall call) {
            if (spec.population() == null) {
                return call;
            }
            if (population == null) {
                population = PopulationAnnotator.open(spec.population(),
                        ReferenceDictionary.of(spec.header().dictionary()));
            }
            return population.annotate(call);
        }

        /** Closes the summary: it is read forward only, so the next part on this worker opens it again. */
        @Override
        public void close() {
            if (population != null) {
                population.close();
                population = null;
            }
        }
    }

    /** Opens a worker (one per thread or task). */
    Worker open() {
        return new Worker(this);
    }

    /** Scores, names and writes {@code part}'s calls. */
    Written write(Worker worker, CallParts.Part part) {
        Path folder = part.pieces().get(0).file().getParent();
        String name = String.format(Locale.ROOT, "part-%06d", part.index());
        Path finalCalls = smallVariants ? folder.resolve(name + ".final.calls") : null;
        Path snvSites = snvMinDepth < 0 ? null : folder.resolve(name + ".snv");
        CallSetStats.Builder stats = new CallSetStats.Builder(samples);
        FamilyTally family = new FamilyTally(samples, patients, pedigree, minDeNovoQuality);
        long[] pass = {0};
        VcfParts.Part vcfPart;
        ScoringStream stream;
        // null resources are skipped by try-with-resources: what the run does not write is never opened
        try (VcfParts.Body vcf = !smallVariants ? null : new VcfParts.Body(folder.resolve(name + ".vcf.bgzf"),
                folder.resolve(name + ".tbi-entries"), header);
             CallSpill.Writer kept = finalCalls == null ? null : new CallSpill.Writer(finalCalls);
             AlleleSidecar.Writer sites = snvSites == null ? null
                     : new AlleleSidecar.Writer(snvSites, samples.size(), snvMinDepth)) {
            stream = new ScoringStream(worker.scorer, prepared, depth, samples, pedigree.trios(), minDeNovoQuality, call -> {
                if (vcf != null) {
                    vcf.add(call);
                    kept.add(call);
                    CallRecord record = CallRecord.of(call);
                    stats.add(record);
                    family.add(record);
                }
                if (sites != null) {
                    sites.add(call);
                }
                pass[0] += call.filter().isPass() ? 1 : 0;
            });
            for (ShardSpill.Piece piece : part.pieces()) {
                for (VariantCall call : CallSpill.read(piece.file())) {
                    stream.accept(worker.annotate(call));
                }
            }
            stream.close();
            vcfPart = vcf == null ? null : vcf.finish();
        }
        worker.close();
        Path table = null;
        if (partitionedTable != null && smallVariants) {
            table = folder.resolve(name + ".parquet");
            partitionedTable.write(table, infoLines, ReferenceDictionary.of(header.dictionary()), samples,
                    CallSpill.read(finalCalls));
        }
        return new Written(part.index(), part.calls(), pass[0], List.copyOf(stream.deNovo()), stats.build(),
                family, vcfPart, partitionedTable == null ? finalCalls : null, table, snvSites);
    }
}
