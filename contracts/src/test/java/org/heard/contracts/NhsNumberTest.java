package org.heard.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NhsNumberTest {

    @Test
    void acceptsANumberWhoseTenthDigitIsTheModulus11Check() {
        // 9*10+4*9+3*8+4*7+7*6+6*5+5*4+9*3+1*2 = 299; 299 % 11 = 2; 11 - 2 = 9
        assertThat(NhsNumber.isValid("9434765919")).isTrue();
        assertThat(NhsNumber.isValid("4010232137")).isTrue();
    }

    @Test
    void rejectsAWrongCheckDigit() {
        assertThat(NhsNumber.isValid("9434765918")).isFalse();
        assertThat(NhsNumber.isValid("4010232138")).isFalse();
    }

    @Test
    void rejectsEveryNumberWhoseCheckWouldBeTen() {
        // 1*10+2*9+3*8+4*7+5*6+6*5+7*4+8*3+9*2 = 210; 210 % 11 = 1; 11 - 1 = 10: no valid tenth digit
        for (int last = 0; last <= 9; last++) {
            assertThat(NhsNumber.isValid("123456789" + last)).isFalse();
        }
    }

    @Test
    void treatsACheckOfElevenAsZero() {
        // 1*3 = 3 -> 11 - 3 = 8; and 0000000000: sum 0 -> 11 -> 0
        assertThat(NhsNumber.isValid("0000000108")).isTrue();
        assertThat(NhsNumber.isValid("0000000000")).isTrue();
    }

    @Test
    void rejectsWrongLengthsAndNonDigits() {
        assertThat(NhsNumber.isValid("943476591")).isFalse();
        assertThat(NhsNumber.isValid("94347659190")).isFalse();
        assertThat(NhsNumber.isValid("943476591a")).isFalse();
        assertThat(NhsNumber.isValid(null)).isFalse();
    }
}
