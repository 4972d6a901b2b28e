package gap.core.calling;

import gap.core.Settings;
import gap.core.UserException;
import java.util.List;
import java.util.Map;

/**
 * The thresholds and model constants of calling, read from {@code gap-defaults.properties} (the {@code conf}
 * module, on the classpath), where each is documented, with optional overrides.
 */
public record CallingParameters(
        int minMappingQuality,
        int minAltReads,
        double minAltFraction,
        int minBaseQuality,
        int maxAltAlleles,
        double snvHeterozygosity,
        double indelHeterozygosity,
        double globalMismappingQ,
        double indelGapOpenQ,
        double pcrIndelRateFactor,
        double indelGapExtensionQ,
        double errorDependency,
        int maxSiteSpan,
        int haplotypeFlank,
        int maxNeighbours,
        int maxReadsPerSite,
        double activeProbability,
        double activitySigma,
        int maxClipSpread,
        int assemblyMaxRegion,
        int assemblyPadding,
        List<Integer> assemblyKmerSizes,
        int assemblyMinPruning,
        double assemblyMinPruningFraction,
        int assemblyMaxHaplotypes,
        int assemblyMinBaseQuality,
        int assemblyMaxSearchSteps,
        int complexMaxDistance,
        int maxReadsPerStart,
        double minQual,
        double lowQual,
        double deNovoPrior,
        double nonMendelianRate,
        double deNovoNovelShare,
        int deNovoMinQuality,
        double mitoMinFraction,
        double mitoHeteroplasmyPrior,
        List<String> parRegions) implements java.io.Serializable {

    public CallingParameters {
        if (!(deNovoNovelShare > 0 && deNovoNovelShare <= 1)) {
            throw new UserException("setting denovo.novelAlleleShare must be above 0 and at most 1");
        }
        if (!(mitoMinFraction > 0 && mitoMinFraction < 1) || !(mitoHeteroplasmyPrior > 0
                && mitoHeteroplasmyPrior < 1)) {
            throw new UserException("settings ploidy.mitoMinFraction and ploidy.mitoHeteroplasmyPrior must lie in"
                    + " (0, 1)");
        }
        parRegions = List.copyOf(parRegions);
        try {
            gap.core.model.Ploidy.regions(parRegions);
        } catch (IllegalArgumentException e) {
            throw new UserException("setting ploidy.parRegions: " + e.getMessage());
        }
    }


    /**
     * Bases a shard reads beyond each of its ends: a site it owns and its neighbours lie within {@link #siteReach()},
     * and an active region that can add an allele to any of them, with the evidence
     * that decides its extent (clip spread, smoothing, merging, padding), reaches {@link #activityReach()} further on
     * both sides of it; all must be found exactly as a neighbouring shard finds them.
     */
    public int shardPadding() {
        return siteReach() + 2 * activityReach() + 1;
    }

    /**
     * How far from a site its window and neighbours reach: its span, the flank, and as much again for the longest
     * insertion among its alleles (the window holds a junction-clipped read's bases across the whole insertion).
     */
    public int siteReach() {
        return 2 * maxSiteSpan + haplotypeFlank;
    }

    /** How far beyond a position the evidence deciding its active region can lie. */
    public int activityReach() {
        return new gap.core.assembly.ActivityProfile(activitySettings()).reach();
    }

    /**
     * Region finding's settings, with the indel prior of genotyping; a clip's junction is looked for as far as the
     * longest event a site can hold.
     */
    public gap.core.assembly.ActivityProfile.Settings activitySettings() {
        return new gap.core.assembly.ActivityProfile.Settings(StrictMath.log10(indelHeterozygosity), activeProbability,
                activitySigma, maxClipSpread, assemblyMaxRegion, assemblyPadding, maxSiteSpan);
    }

    /** Assembly's settings; a path may be longer than the reference window by at most the longest site span. */
    public gap.core.assembly.LocalAssembler.Settings assemblySettings() {
        return new gap.core.assembly.LocalAssembler.Settings(
                assemblyKmerSizes.stream().mapToInt(Integer::intValue).toArray(), assemblyMinPruning,
                assemblyMinPruningFraction,
                assemblyMaxHaplotypes, assemblyMinBaseQuality, assemblyPadding, maxSiteSpan, assemblyMaxSearchSteps);
    }

    /** The embedded defaults. */
    public static CallingParameters defaults() {
        return load(Map.of());
    }

    /** The embedded defaults with {@code overrides} (same keys) applied; an unknown key is a user error. */
    public static CallingParameters load(Map<String, String> overrides) {
        Settings p = Settings.load(overrides);
        return new CallingParameters(
                    p.integer("read.minMappingQuality"),
                    p.integer("candidate.minAltReads"),
                    p.real("candidate.minAltFraction"),
                    p.integer("candidate.minBaseQuality"),
                    p.integer("candidate.maxAltAlleles"),
                    p.real("prior.snvHeterozygosity"),
                    p.real("prior.indelHeterozygosity"),
                    p.real("model.globalMismappingQ"),
                    p.real("model.indelGapOpenQ"),
                    p.real("model.pcrIndelRateFactor"),
                    p.real("model.indelGapExtensionQ"),
                    p.real("model.errorDependency"),
                    p.integer("model.maxSiteSpan"),
                    p.integer("model.haplotypeFlank"),
                    p.integer("model.maxNeighbours"),
                    p.integer("model.maxReadsPerSite"),
                    p.real("assembly.activeProbability"),
                    p.real("assembly.activitySigma"),
                    p.integer("assembly.maxClipSpread"),
                    p.integer("assembly.maxRegion"),
                    p.integer("assembly.padding"),
                    p.integers("assembly.kmerSizes"),
                    p.integer("assembly.minPruning"),
                    p.real("assembly.minPruningFraction"),
                    p.integer("assembly.maxHaplotypes"),
                    p.integer("assembly.minBaseQuality"),
                    p.integer("assembly.maxSearchSteps"),
                    p.integer("model.complexMaxDistance"),
                    p.integer("read.maxReadsPerStart"),
                    p.real("call.minQual"),
                    p.real("call.lowQual"),
                    p.real("denovo.prior"),
                    p.real("denovo.nonMendelianRate"),
                    p.real("denovo.novelAlleleShare"),
                    p.integer("denovo.minQuality"),
                    p.real("ploidy.mitoMinFraction"),
                    p.real("ploidy.mitoHeteroplasmyPrior"),
                    p.list("ploidy.parRegions"));
    }
}
