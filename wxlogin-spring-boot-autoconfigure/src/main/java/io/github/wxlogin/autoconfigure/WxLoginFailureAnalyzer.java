package io.github.wxlogin.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up failure caused by a missing or wrong {@code wx.login} property.
 */
class WxLoginFailureAnalyzer extends AbstractFailureAnalyzer<WxLoginPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, WxLoginPropertyException cause) {
		return new FailureAnalysis("WeChat login cannot start: " + cause.getMessage() + ".", cause.getAction(), cause);
	}

}
