package gap.core.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gap.core.UserException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    @Test
    void packagedPolicyGivesEachRoleItsKeys() {
        AccessPolicy policy = AccessPolicy.load();
        assertEquals(List.of("lab", "clinician", "researcher"), List.copyOf(policy.roles()));
        assertEquals(List.of(LabKeys.PSEUDONYMISATION, LabKeys.FOOTER, LabKeys.CLINICIAN_COLUMN), policy.aliases("lab"));
        assertEquals(List.of(LabKeys.FOOTER, LabKeys.CLINICIAN_COLUMN), policy.aliases("clinician"));
        assertEquals(List.of(LabKeys.FOOTER), policy.aliases("researcher"));
        assertEquals(Optional.of("researcher"), policy.roleHolding(Set.of(LabKeys.FOOTER)));
        assertEquals(Optional.empty(), policy.roleHolding(Set.of(LabKeys.PSEUDONYMISATION)));
        UserException unknown = assertThrows(UserException.class, () -> policy.keys("admin"));
        assertEquals("unknown role 'admin': use one of lab, clinician, researcher", unknown.getMessage());
    }

    @Test
    void readsFlowAndBlockListsWithComments() {
        AccessPolicy policy = AccessPolicy.parse("""
                # header
                lab: [pseudonymisation, footer]   # trailing comment

                researcher:
                  - footer
                nobody: []
                """, "p.yaml");
        assertEquals(List.of("pseudonymisation", "footer"), policy.keys("lab"));
        assertEquals(List.of("footer"), policy.keys("researcher"));
        assertTrue(policy.keys("nobody").isEmpty());
    }

    @Test
    void rejectsAnythingElseInOneLine() {
        for (String[] bad : new String[][] {
                {"lab: footer", "p.yaml line 1: expected 'role: [key, key]'"},
                {"lab:\n  sub: [footer]", "p.yaml line 2: expected 'role: [key, key]'"},
                {"  - footer", "p.yaml line 1: a list item outside a role"},
                {"lab: [footer, secret]", "p.yaml line 1: unknown key name 'secret'"},
                {"lab: [footer]\nlab: [footer]", "p.yaml line 2: role lab is given twice"},
                {"lab: [footer, footer]", "p.yaml: role lab lists a key twice"},
                {"# nothing", "p.yaml names no role"},
                {"&anchor lab: [footer]", "p.yaml line 1: expected"}}) {
            UserException e = assertThrows(UserException.class, () -> AccessPolicy.parse(bad[0], "p.yaml"), bad[0]);
            assertTrue(e.getMessage().startsWith(bad[1]), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
    }
}
