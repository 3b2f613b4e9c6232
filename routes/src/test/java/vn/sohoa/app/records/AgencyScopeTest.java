package vn.sohoa.app.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.sohoa.pipeline.Identifier;

/** "All agencies" is asked for by name only: no code, however odd, widens a scope. */
class AgencyScopeTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t", "H 45", "../T44", "Hà44", "\u0000none"})
    void aMissingOrInvalidCodeIsRefusedNotTakenForAll(String code) {
        assertThatThrownBy(() -> AgencyScope.under(code)).isInstanceOf(Identifier.InvalidIdentifierException.class);
    }

    @Test
    void eachScopeSaysWhatItCovers() {
        assertThat(AgencyScope.all().isAll()).isTrue();
        assertThat(AgencyScope.all().condition("a.id")).isEqualTo("true");
        assertThat(AgencyScope.under("H450").isAll()).isFalse();
        assertThat(AgencyScope.under("H450").condition("a.id")).startsWith("a.id in (").contains("union\n");
        assertThat(AgencyScope.under("H450")).isEqualTo(AgencyScope.under("H450")).isNotEqualTo(AgencyScope.under("H451"));
        // the empty scope keeps the one parameter the callers bind, and matches nothing
        assertThat(AgencyScope.none().isAll()).isFalse();
        assertThat(AgencyScope.none().isNone()).isTrue();
        assertThat(AgencyScope.none().condition("a.id")).startsWith("(false and").contains("?");
        assertThat(AgencyScope.none().agencyCode()).isNull();
    }
}
