package gap.core.calling;

import java.util.Map;

/** Calling parameters for hand-made cases: the shipped defaults, with overrides where a case needs them. */
final class TestParams {
    private TestParams() {}

    static CallingParameters defaults() {
        return CallingParameters.defaults();
    }

    static CallingParameters with(String key, String value) {
        return CallingParameters.load(Map.of(key, value));
    }
}
