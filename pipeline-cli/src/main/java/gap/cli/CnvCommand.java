package gap.cli;

import picocli.CommandLine.Command;

/**
 * {@code gap cnv}: copy-number changes and aneuploidy of the samples against a panel of normals, alone. The same run
 * as {@code gap call --cnv-panel} (the small variants are called too, for the B-allele fractions), writing only the
 * copy number: {@code OUTPUT/<pseudonym>.cnv.vcf.gz}, {@code OUTPUT/cnv.tsv}, {@code OUTPUT/cnv.parquet},
 * {@code OUTPUT/samples.parquet} and the QC files.
 *
 * <pre>
 * gap cnv -R ref.fa -I sample.bam --cnv-panel panel.parquet -O out/
 * </pre>
 */
@Command(name = "cnv",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        showDefaultValues = true,
        usageHelpAutoWidth = true,
        description = {"Call copy-number changes and whole-contig aneuploidy of the samples' reads against a panel of"
                + " normals (gap cnv-panel; --cnv-panel is required).",
                "Writes OUTPUT/<pseudonym>.cnv.vcf.gz with its index, OUTPUT/cnv.tsv, OUTPUT/cnv.parquet,"
                        + " OUTPUT/samples.parquet and the QC files in OUTPUT/qc. Small variants are called in the same"
                        + " pass for their allele fractions, not written. Outputs and logs carry pseudonyms only."})
public final class CnvCommand extends CallCommand {
    @Override
    boolean copyNumberOnly() {
        return true;
    }
}
