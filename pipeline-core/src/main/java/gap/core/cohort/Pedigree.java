package gap.core.cohort;

import gap.core.UserException;
import gap.core.io.InputValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes a PLINK/PED pedigree ({@code family individual father mother sex phenotype}, whitespace-separated, {@code 0}
 * for an unknown parent, sex 1 male, 2 female, 0 unknown) whose individuals are sample aliases, gives its trios:
 * children whose father and mother are both samples of the run. Errors name the line and column, never the value:
 * the values are identifiers.
 */
public final class Pedigree {

    /** One trio by sample alias. */
    public record Trio(String child, String father, String mother) {}

    /** One individual: its parents (null when unknown) and sex code. */
    record Person(int line, String father, String mother, int sex) {}

    private final Map<String, Person> people;

    private Pedigree(Map<String, Person> people) {
        this.people = people;
    }

    /** Reads and checks {@code ped} against the run's sample aliases. */
    public static Pedigree read(Path ped, Set<String> sampleAliases) {
        InputValidator.requireFile(ped, "pedigree");
        List<String> lines;
        try {
            lines = Files.readAllLines(ped);
        } catch (IOException e) {
            throw new UserException("pedigree cannot be read as text");
        }
        Map<String, Person> people = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String where = "pedigree line " + (i + 1);
            String[] f = text.split("\\s+");
            if (f.length < 5) {
                throw new UserException(where + " has " + f.length + " columns: PED needs family, individual, father,"
                        + " mother, sex (and phenotype)");
            }
            String id = f[1];
            if (!sampleAliases.contains(id)) {
                throw new UserException(where + ": column 'individual' is not a sample_alias of the sample sheet");
            }
            String father = f[2].equals("0") ? null : f[2];
            String mother = f[3].equals("0") ? null : f[3];
            if (id.equals(father) || id.equals(mother)) {
                throw new UserException(where + ": the individual is given as its own parent");
            }
            int sex = switch (f[4]) {
                case "1" -> 1;
                case "2" -> 2;
                case "0", "-9" -> 0;
                default -> throw new UserException(where + ": column 'sex' must be 1 (male), 2 (female) or 0");
            };
            if (people.put(id, new Person(i + 1, father, mother, sex)) != null) {
                throw new UserException(where + ": the individual appears twice in the pedigree");
            }
        }
        for (Map.Entry<String, Person> e : people.entrySet()) {
            Person p = e.getValue();
            String where = "pedigree line " + p.line();
            checkParent(people, p.father(), 1, where + ": column 'father'");
            checkParent(people, p.mother(), 2, where + ": column 'mother'");
        }
        return new Pedigree(people);
    }

    private static void checkParent(Map<String, Person> people, String parent, int expectedSex, String where) {
        if (parent == null) {
            return;
        }
        Person p = people.get(parent);
        if (p == null) {
            return; // a parent who was not sequenced: no trio, nothing to contradict
        }
        if (p.sex() != 0 && p.sex() != expectedSex) {
            throw new UserException(where + " names an individual whose sex is " + (p.sex() == 1 ? "male" : "female")
                    + ": check the sex column and the parents' order (father, then mother)");
        }
    }

    /** Children with both parents among the run's samples, in pedigree order. */
    public List<Trio> trios() {
        List<Trio> trios = new ArrayList<>();
        people.forEach((id, p) -> {
            if (p.father() != null && p.mother() != null && people.containsKey(p.father())
                    && people.containsKey(p.mother())) {
                trios.add(new Trio(id, p.father(), p.mother()));
            }
        });
        return trios;
    }

    /** The declared parent–child pairs (parent first), for the relatedness check. */
    public List<String[]> parentChildPairs() {
        List<String[]> pairs = new ArrayList<>();
        people.forEach((id, p) -> {
            for (String parent : new String[] {p.father(), p.mother()}) {
                if (parent != null && people.containsKey(parent)) {
                    pairs.add(new String[] {parent, id});
                }
            }
        });
        return pairs;
    }
}
