package io.github.wxlogin.sample;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How the tests that need a program from the machine decide and behave.
 */
class RequiredToolTests {

	@Test
	void anyCiValueButFalseOrZeroMeansCi() {
		assertThat(RequiredTool.isCi("true")).isTrue();
		assertThat(RequiredTool.isCi("1")).isTrue();
		assertThat(RequiredTool.isCi("TRUE")).isTrue();
		assertThat(RequiredTool.isCi("woodpecker")).isTrue();
		assertThat(RequiredTool.isCi(null)).isFalse();
		assertThat(RequiredTool.isCi("")).isFalse();
		assertThat(RequiredTool.isCi("false")).isFalse();
		assertThat(RequiredTool.isCi("False")).isFalse();
		assertThat(RequiredTool.isCi("0")).isFalse();
	}

	@Test
	void nodesMajorVersionIsReadFromItsAnswer() {
		assertThat(NodeTests.majorVersion("v18.19.0\n")).isEqualTo(18);
		assertThat(NodeTests.majorVersion("v22.4.1")).isEqualTo(22);
		assertThat(NodeTests.majorVersion("node: command not found")).isEqualTo(-1);
		assertThat(NodeTests.majorVersion("")).isEqualTo(-1);
	}

	@Test
	void aProgramThatHangsFailsTheTestAndIsKilled() {
		ProcessBuilder hanging = new ProcessBuilder("sleep", "600");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> BoundedProcess.run(hanging, Duration.ofMillis(200)))
			.withMessageContaining("did not finish within");
		assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
			.filter((child) -> child.info().command().orElse("").endsWith("sleep"))).isEmpty();
	}

	@Test
	void aProgramThatEndsGivesItsExitCodeAndOutput() throws Exception {
		BoundedProcess.Result result = BoundedProcess.run(new ProcessBuilder("sh", "-c", "echo hello; exit 3"),
				Duration.ofMinutes(2));
		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.output()).isEqualTo("hello\n");
	}

}
