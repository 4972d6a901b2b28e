package gap.core.assembly;

import gap.core.model.RefWindow;
import java.util.Arrays;

/**
 * Takes a reference window and a stretch of positions, gives the stretch's bases as {@link RefWindow#base} reads them
 * ({@code N} outside the window), copied at once. A loop over {@code RefWindow.base} has its array read behind a bounds
 * test; C2 hoists that read's range check out of the loop on the profile's word, and the stretches that do leave the
 * window (contig ends, the mitochondrion) then trap and recompile the loop's method.
 */
final class RefSlice {
    private RefSlice() {}

    /** The bases of {@code [lo, lo + n)}. */
    static byte[] of(RefWindow ref, int lo, int n) {
        byte[] out = new byte[Math.max(0, n)];
        Arrays.fill(out, (byte) 'N');
        int a = Math.max(lo, ref.start());
        int b = Math.min(lo + n - 1, ref.end());
        if (a <= b) {
            System.arraycopy(ref.bases(), a - ref.start(), out, a - lo, b - a + 1);
        }
        return out;
    }
}
