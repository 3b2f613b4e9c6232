package vn.sohoa.pipeline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.sohoa.pipeline.extract.CodeNotationParser.Code;
import vn.sohoa.pipeline.extract.CodeNotationParser.Kind;

class CodeNotationParserTest {

    @Test
    void aNumberWithATypeAbbreviationAndIssuerIsReadAsPrinted() {
        Code code = CodeNotationParser.parse("Số: 1437/QĐ-UBND").orElseThrow();
        assertThat(code.value()).isEqualTo("1437/QĐ-UBND");
        assertThat(code.typeAbbreviation()).isEqualTo("QĐ");
        assertThat(code.kind()).isEqualTo(Kind.TYPED);
        assertThat(code.repaired()).isFalse();
        assertThat(CodeNotationParser.parse("Số: 29/2025/QĐ-TTg").orElseThrow().value()).isEqualTo("29/2025/QĐ-TTg");
        assertThat(CodeNotationParser.parse("Số:05/TTr-NV").orElseThrow().value()).isEqualTo("05/TTr-NV");
    }

    @Test
    void aCongVanCarriesNoTypeAbbreviation() {
        Code code = CodeNotationParser.parse("Số: 12/UBND-VP").orElseThrow();
        assertThat(code.value()).isEqualTo("12/UBND-VP");
        assertThat(code.kind()).isEqualTo(Kind.UNTYPED);
        assertThat(code.typeAbbreviation()).isEmpty();
    }

    @Test
    void ocrBreakagesAreRepairedWhenTheResultIsAKnownNotation() {
        assertThat(CodeNotationParser.parse("Số: 1437/QD-UBND").orElseThrow())
                .extracting(Code::value, Code::repaired).containsExactly("1437/QĐ-UBND", true);
        assertThat(CodeNotationParser.parse("S6: l4O/QÐ-UBND").orElseThrow().value()).isEqualTo("140/QĐ-UBND");
        assertThat(CodeNotationParser.parse("Số: 12/NQ-HDND").orElseThrow().value()).isEqualTo("12/NQ-HĐND");
        assertThat(CodeNotationParser.parse("Số: 3/QyD-UBND").orElseThrow().value()).isEqualTo("3/QyĐ-UBND");
        assertThat(CodeNotationParser.parse("Số: 88 / BC - UBND").orElseThrow().value()).isEqualTo("88/BC-UBND");
        assertThat(CodeNotationParser.parse("Số: 35UBND-TNMT").orElseThrow())
                .as("a lost slash").extracting(Code::value, Code::repaired).containsExactly("35/UBND-TNMT", true);
    }

    @Test
    void hdStaysAsReadBecauseItIsBothHuongDanAndAHopDongThatLostItsStroke() {
        assertThat(CodeNotationParser.parse("Số: 7/HD-UBND").orElseThrow().value()).isEqualTo("7/HD-UBND");
        assertThat(CodeNotationParser.parse("Số: 7/HĐ-UBND").orElseThrow().value()).isEqualTo("7/HĐ-UBND");
    }

    @Test
    void textThatIsNotASoKyHieuIsRefused() {
        assertThat(CodeNotationParser.parse("Số: ký hiệu")).isEmpty();
        assertThat(CodeNotationParser.parse("Số: 12/qđ")).isEmpty();
        assertThat(CodeNotationParser.parse("Số: 12/QĐ")).as("a type needs an issuer").isEmpty();
        assertThat(CodeNotationParser.parse("Số: AB/QĐ-UBND")).isEmpty();
    }
}
