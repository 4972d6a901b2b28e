package gap.core.somatic;

import gap.core.UserException;
import gap.core.io.InputValidator;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The panel of normals as a sites table ({@code gap somatic-pon} writes it, {@code gap somatic --panel-of-normals}
 * reads it): tab-separated {@code contig position ref alt normals fraction}, one allele per line in genome order,
 * after {@code #} lines naming the format, the reference's MD5 and how many normals were read. Counts only: no
 * sample is named. A call whose allele is in the panel is a recurrent artefact of the lab's process
 * (panel_of_normals).
 */
public final class PanelOfNormals {
    public static final String FORMAT_LINE = "#gap-panel-of-normals\t1";
    public static final List<String> COLUMNS = List.of("contig", "position", "ref", "alt", "normals", "fraction");

    /** One allele of the panel: in how many of the normals it was called. */
    public record Site(String contig, int position, String ref, String alt, int normals) {}

    private final Set<AlleleKey> alleles;

    private PanelOfNormals(Set<AlleleKey> alleles) {
        this.alleles = alleles;
    }

    public static PanelOfNormals empty() {
        return new PanelOfNormals(Set.of());
    }

    public boolean contains(String contig, int position, String ref, String alt) {
        return alleles.contains(AlleleKey.of(contig, position, ref, alt));
    }

    /** The table's text. */
    public static String write(List<Site> sites, int normals, String referenceMd5) {
        StringBuilder out = new StringBuilder(FORMAT_LINE).append('\n');
        out.append("#reference\tmd5:").append(referenceMd5).append('\n');
        out.append("#normals\t").append(normals).append('\n');
        out.append(String.join("\t", COLUMNS)).append('\n');
        for (Site s : sites) {
            out.append(s.contig()).append('\t').append(s.position()).append('\t').append(s.ref()).append('\t')
                    .append(s.alt()).append('\t').append(s.normals()).append('\t')
                    .append(String.format(Locale.ROOT, "%.4f", (double) s.normals() / normals)).append('\n');
        }
        return out.toString();
    }

    public static PanelOfNormals read(Path table) {
        InputValidator.requireFile(table, "panel of normals");
        String name = table.getFileName().toString();
        Set<AlleleKey> alleles = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(table, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null || !first.equals(FORMAT_LINE)) {
                throw new UserException(name + " is not a gap panel of normals (its first line must be "
                        + FORMAT_LINE.replace('\t', ' ') + "): make one with gap somatic-pon");
            }
            int lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.startsWith("#") || line.startsWith("contig\t") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != COLUMNS.size()) {
                    throw new UserException(name + " line " + lineNo + " has " + f.length + " fields, not "
                            + COLUMNS.size());
                }
                try {
                    alleles.add(AlleleKey.of(f[0], Integer.parseInt(f[1]), f[2], f[3]));
                } catch (NumberFormatException e) {
                    throw new UserException(name + " line " + lineNo + ": position is not a whole number");
                }
            }
        } catch (IOException e) {
            throw new UserException(name + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
        return new PanelOfNormals(alleles);
    }
}
