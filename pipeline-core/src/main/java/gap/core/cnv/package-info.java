/**
 * Copy number: read depth in fixed bins counted in the same pass over each shard's reads that calls small variants,
 * normalised by a panel of normals ({@link gap.core.cnv.PanelOfNormals}), GC-corrected, segmented by circular binary
 * segmentation, and called per segment with the B-allele fractions of the sample's own heterozygous SNVs as second
 * evidence: deletions, duplications, mosaic fractions and whole-contig aneuploidy.
 */
package gap.core.cnv;
