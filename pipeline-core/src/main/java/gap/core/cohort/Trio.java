package gap.core.cohort;

/** A trio by the positions of its child, father and mother among the run's samples. */
public record Trio(int child, int father, int mother) implements java.io.Serializable {}
