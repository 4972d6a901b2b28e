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

/**
 * Takes a PLINK/PED pedigree ({@code family individual father mother sex phenotype}, whitespace-separated, {@code 0}
 * for a parent not sequenced, sex 1 male, 2 female, 0 unknown) whose individuals are the run's sample aliases (or
 * {@code @RG SM} names without a sample sheet), gives what it declares of the run's samples, by their positions: the
 * trios, and how any two samples are related. Errors name the line and column, never the
 * value: the values are identifiers.
 */
public final class Pedigree implements java.io.Serializable {

    /** What a pedigree declares of two samples. */
    public enum Relation { PARENT_CHILD, SIBLINGS, UNRELATED, UNKNOWN }

    /** One individual: its sample position, its parents' (-1 when not sequenced) and its sex code. */
    private record Person(int sample, int father, int mother, int sex) implements java.io.Serializable {}

    private final Map<Integer, Person> people; // by sample position

    private Pedigree(Map<Integer, Person> people) {
        this.people = people;
    }

    /** No pedigree: nothing declared. */
    public static Pedigree none() {
        return new Pedigree(Map.of());
    }

    /**
     * Reads and checks {@code ped} against the run's samples: {@code aliases} and {@code sexes} ({@code male},
     * {@code female} or {@code unknown}, as the sample sheet gives them) in the run's order.
     */
    public static Pedigree read(Path ped, List<String> aliases, List<String> sexes) {
        InputValidator.requireFile(ped, "pedigree");
        List<String> lines;
        try {
            lines = Files.readAllLines(ped);
        } catch (IOException e) {
            throw new UserException("pedigree cannot be read as text");
        }
        record Line(int number, String[] fields) {}
        Map<String, Line> byId = new LinkedHashMap<>();
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
            if (!aliases.contains(f[1])) {
                throw new UserException(where + ": column 'individual' is none of the samples (sample_alias of the"
                        + " sample sheet, or @RG SM of an -I file)");
            }
            if (f[1].equals(f[2]) || f[1].equals(f[3])) {
                throw new UserException(where + ": the individual is given as its own parent");
            }
            if (byId.put(f[1], new Line(i + 1, f)) != null) {
                throw new UserException(where + ": the individual appears twice in the pedigree");
            }
        }
        Map<Integer, Person> people = new LinkedHashMap<>();
        for (Line line : byId.values()) {
            String where = "pedigree line " + line.number();
            String[] f = line.fields();
            int sample = aliases.indexOf(f[1]);
            int sex = switch (f[4]) {
                case "1" -> 1;
                case "2" -> 2;
                case "0", "-9" -> 0;
                default -> throw new UserException(where + ": column 'sex' must be 1 (male), 2 (female) or 0");
            };
            int sheetSex = sexCode(sexes.get(sample));
            if (sex != 0 && sheetSex != 0 && sex != sheetSex) {
                throw new UserException(where + ": column 'sex' disagrees with the sample sheet's sex of the same"
                        + " sample: correct one of them");
            }
            people.put(sample, new Person(sample, parent(f[2], aliases, byId, where + ": column 'father'"),
                    parent(f[3], aliases, byId, where + ": column 'mother'"), sex != 0 ? sex : sheetSex));
        }
        for (Person p : people.values()) {
            String where = "pedigree line " + byId.get(aliases.get(p.sample())).number();
            checkParentSex(people, p.father(), 1, where + ": column 'father'");
            checkParentSex(people, p.mother(), 2, where + ": column 'mother'");
        }
        checkNoCycle(people, sample -> "pedigree line " + byId.get(aliases.get(sample)).number());
        return new Pedigree(people);
    }

    /**
     * No one may be their own ancestor, however many generations round: a cycle with consistent sexes passes every
     * per-line check and makes trio genotyping condition a person on themselves. Walks each person's ancestors.
     */
    private static void checkNoCycle(Map<Integer, Person> people, java.util.function.IntFunction<String> where) {
        for (Person p : people.values()) {
            java.util.Deque<Integer> todo = new java.util.ArrayDeque<>(List.of(p.father(), p.mother()));
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            while (!todo.isEmpty()) {
                int ancestor = todo.pop();
                if (ancestor < 0 || !seen.add(ancestor)) {
                    continue;
                }
                if (ancestor == p.sample()) {
                    throw new UserException(where.apply(p.sample()) + ": the individual is its own ancestor (the"
                            + " father and mother columns make a cycle): check the parents of this line and its"
                            + " relatives'");
                }
                Person a = people.get(ancestor);
                if (a != null) {
                    todo.push(a.father());
                    todo.push(a.mother());
                }
            }
        }
    }

    private static int sexCode(String sheetSex) {
        return switch (sheetSex) {
            case "male" -> 1;
            case "female" -> 2;
            default -> 0;
        };
    }

    /** A parent's sample position, -1 for {@code 0}; an id that is no individual of the pedigree is an error. */
    private static int parent(String id, List<String> aliases, Map<String, ?> byId, String where) {
        if (id.equals("0")) {
            return -1;
        }
        if (!byId.containsKey(id)) {
            throw new UserException(where + " names no individual of the pedigree: give the parent a line of its"
                    + " own, or 0 for a parent who was not sequenced");
        }
        return aliases.indexOf(id);
    }

    private static void checkParentSex(Map<Integer, Person> people, int parent, int expectedSex, String where) {
        if (parent < 0) {
            return;
        }
        int sex = people.get(parent).sex();
        if (sex != 0 && sex != expectedSex) {
            throw new UserException(where + " names an individual whose sex is " + (sex == 1 ? "male" : "female")
                    + ": check the sex column and the parents' order (father, then mother)");
        }
    }

    /** Children with both parents sequenced, in pedigree order. */
    public List<Trio> trios() {
        List<Trio> trios = new ArrayList<>();
        for (Person p : people.values()) {
            if (p.father() >= 0 && p.mother() >= 0) {
                trios.add(new Trio(p.sample(), p.father(), p.mother()));
            }
        }
        return trios;
    }

    /** What the pedigree says of samples {@code a} and {@code b}: unknown unless both are in it. */
    public Relation relation(int a, int b) {
        Person pa = people.get(a);
        Person pb = people.get(b);
        if (pa == null || pb == null) {
            return Relation.UNKNOWN;
        }
        if (pa.father() == b || pa.mother() == b || pb.father() == a || pb.mother() == a) {
            return Relation.PARENT_CHILD;
        }
        boolean sameFather = pa.father() >= 0 && pa.father() == pb.father();
        boolean sameMother = pa.mother() >= 0 && pa.mother() == pb.mother();
        if (sameFather || sameMother) {
            return Relation.SIBLINGS;
        }
        return Relation.UNRELATED;
    }

}
