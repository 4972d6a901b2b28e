/**
 * The VCF vocabulary every room shares: gap's INFO, FORMAT and FILTER keys, their header lines, and how a Float INFO
 * value is rounded and written. Beside {@code gap.core.model} at the bottom of the layers (docs/ARCHITECTURE.md): the
 * stages that fill a field and the sinks that write it both read it from here.
 */
package gap.core.vcf;
