package io.github.wxlogin.wechat;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of the calls to WeChat's server API, which Micrometer's meter handler records as the
 * timer {@code wxlogin.wechat.requests} (a span too, inside the request's trace).
 */
public enum WxApiObservation implements ObservationDocumentation {

	/**
	 * One call to WeChat, its retries included: the access token it fetches on the way is a call of its
	 * own ({@code api=stable_token}).
	 */
	REQUEST {

		@Override
		public String getName() {
			return "wxlogin.wechat.requests";
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

	};

	/**
	 * The low-cardinality keys of the calls to WeChat, which tag their timer.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The API called: {@code jscode2session}, {@code getuserphonenumber}, {@code msg_sec_check},
		 * {@code checksession}, {@code media_check_async} or {@code stable_token}.
		 */
		API {

			@Override
			public String asString() {
				return "api";
			}

		},

		/**
		 * How the call ended: {@code success}, or the kind of failure ({@code invalid_code},
		 * {@code rate_limited}, {@code risky_user}, {@code busy}, {@code token_rejected},
		 * {@code config_error}, {@code bad_response}, {@code unavailable} or {@code error}).
		 */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		},

		/**
		 * WeChat's {@code errcode}: {@code 0} for success or a failure without one.
		 */
		ERRCODE {

			@Override
			public String asString() {
				return "errcode";
			}

		}

	}

}
