package io.github.wxlogin.login;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations of the login services, which Micrometer's meter handler records as timers of the same
 * names: a timer's count is the number of calls, tagged with their {@code outcome}. Their key values come
 * from a {@link WxLoginObservationConvention}.
 */
public enum WxLoginObservation implements ObservationDocumentation {

	/**
	 * A login with a {@code wx.login()} code.
	 */
	LOGIN {

		@Override
		public String getName() {
			return "wxlogin.login";
		}

	},

	/**
	 * A phone-number login ("手机号快捷登录").
	 */
	PHONE_LOGIN {

		@Override
		public String getName() {
			return "wxlogin.login.phone";
		}

	},

	/**
	 * A refresh: a refresh token spent for new tokens.
	 */
	REFRESH {

		@Override
		public String getName() {
			return "wxlogin.token.refresh";
		}

	},

	/**
	 * An exchange of a {@code getPhoneNumber} code for the number, in a phone-number login or when a
	 * signed-in user binds a number: WeChat charges the mini program for each number it gives.
	 */
	PHONE_NUMBER {

		@Override
		public String getName() {
			return "wxlogin.phone.number";
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return new KeyName[] { LowCardinalityKeyNames.OUTCOME, LowCardinalityKeyNames.APPID };
		}

	},

	/**
	 * WeChat's risk verdict on a user about to get a new account ({@code getuserriskrank}), tagged with the
	 * {@code rank} ({@code none} without a verdict) and, as {@code outcome}, what was done:
	 * {@code allowed}, {@code no_verdict_allowed}, or the code of the refusal ({@code risky_user}, or
	 * WeChat's failure when the check fails closed).
	 */
	RISK_VERDICT {

		@Override
		public String getName() {
			return "wxlogin.risk.verdict";
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

	};

	@Override
	public Class<? extends ObservationConvention<?>> getDefaultConvention() {
		return WxLoginObservationConvention.class;
	}

	@Override
	public KeyName[] getLowCardinalityKeyNames() {
		return new KeyName[] { LowCardinalityKeyNames.OUTCOME };
	}

	/**
	 * The low-cardinality keys of the login observations, which tag their timers.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * How the call ended: {@code new_user} or {@code returning} for a login, {@code success} for a
		 * refresh or a phone number, and for a refusal the {@code code} of the reply, such as
		 * {@code invalid_code} ({@value WxLoginObservationConvention#REFUSED} where no code is known).
		 */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		},

		/**
		 * The mini program, of {@link WxLoginObservation#PHONE_NUMBER} (whose bill the number is on) and
		 * {@link WxLoginObservation#RISK_VERDICT}.
		 */
		APPID {

			@Override
			public String asString() {
				return "appid";
			}

		},

		/**
		 * WeChat's risk rank, {@code 0} to {@code 4}, or {@code none} when it gave no verdict; of
		 * {@link WxLoginObservation#RISK_VERDICT} only.
		 */
		RANK {

			@Override
			public String asString() {
				return "rank";
			}

		}

	}

}
