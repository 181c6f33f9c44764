package io.github.wxlogin.test;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PhoneNumber}.
 */
class PhoneNumberParsingTests {

	@Test
	void numberWithoutCountryCodeIsChinese() {
		assertThat(PhoneNumber.parse("13800138000")).isEqualTo(new PhoneNumber("13800138000", "13800138000", "86"));
	}

	@Test
	void chineseNumberWithCountryCodeIsReportedWithout() {
		assertThat(PhoneNumber.parse("+8613800138000"))
			.isEqualTo(new PhoneNumber("13800138000", "13800138000", "86"));
	}

	@Test
	void countryCodesOfOneTwoAndThreeDigitsAreRecognized() {
		assertThat(PhoneNumber.parse("+12025550123").countryCode()).isEqualTo("1");
		assertThat(PhoneNumber.parse("+447911123456").countryCode()).isEqualTo("44");
		assertThat(PhoneNumber.parse("+85261234567")).isEqualTo(new PhoneNumber("+85261234567", "61234567", "852"));
		assertThat(PhoneNumber.parse("+886912345678").purePhoneNumber()).isEqualTo("912345678");
	}

	@Test
	void textThatIsNotANumberIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> PhoneNumber.parse("call me"));
	}

}
