package io.github.wxlogin.user;

import java.time.Clock;
import java.util.Optional;

import io.github.wxlogin.WxUser;

/**
 * Tests for {@link InMemoryWxUserService}.
 */
class InMemoryWxUserServiceTests extends WxAccountStoreContractTests<InMemoryWxUserService> {

	@Override
	protected InMemoryWxUserService createUserService(Clock clock) {
		return new InMemoryWxUserService(clock);
	}

	@Override
	protected Optional<WxUser> findByUnionid(InMemoryWxUserService users, String appid, String unionid) {
		return users.findByUnionid(appid, unionid);
	}

}
