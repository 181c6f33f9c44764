package io.github.wxlogin.session;

/**
 * The public id of a login session, made from its refresh-token family's id by the starter's one token
 * hash (with a prefix of its own, so that it equals no other hash the starter keeps). The family id is
 * half of every refresh token of the family; the session id goes where a token must never go (URLs,
 * lists, the access token's claims, logs), and a hash of 128 random bits cannot be turned back into
 * them. Being derived, it needs no mapping of its own: any token of the family names its session.
 */
final class SessionIds {

	private static final String PREFIX = "wxlogin-session:";

	private SessionIds() {
	}

	static String of(String familyId) {
		return TokenHash.of(PREFIX + familyId);
	}

}
