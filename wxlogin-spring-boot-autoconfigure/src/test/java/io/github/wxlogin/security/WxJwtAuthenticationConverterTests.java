package io.github.wxlogin.security;

import io.github.wxlogin.WxPrincipal;
import io.github.wxlogin.WxTenant;
import io.github.wxlogin.token.WxClaims;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WxJwtAuthenticationConverterTests {

	private final WxJwtAuthenticationConverter converter = new WxJwtAuthenticationConverter();

	private static Jwt.Builder token() {
		return Jwt.withTokenValue("t").header("alg", "HS256").subject("42").claim(WxClaims.OPENID, "o-1")
			.claim(WxClaims.APPID, "wx0123456789abcdef");
	}

	@Test
	void anAccessTokenBecomesAnAuthenticationWhosePrincipalIsTheCaller() {
		Jwt jwt = token().build();
		AbstractAuthenticationToken authentication = this.converter.convert(jwt);
		assertThat(authentication.isAuthenticated()).isTrue();
		assertThat(authentication.getAuthorities()).isEmpty();
		assertThat(authentication.getPrincipal()).isEqualTo(new WxPrincipal("42", "o-1", "wx0123456789abcdef"));
		assertThat(((WxAuthenticationToken) authentication).getToken()).isSameAs(jwt);
	}

	@Test
	void theTenantClaimBecomesThePrincipalsTenant() {
		Jwt jwt = token().claim(WxClaims.TENANT, "merchant-1").build();
		assertThat(this.converter.convert(jwt).getPrincipal())
			.isEqualTo(new WxPrincipal("42", "o-1", "wx0123456789abcdef", "merchant-1"));
	}

	@Test
	void aTokenIssuedBeforeTenantsIsOfTheDefaultTenant() {
		WxPrincipal caller = (WxPrincipal) this.converter.convert(token().build()).getPrincipal();
		assertThat(caller.tenant()).isEqualTo(WxTenant.DEFAULT);
	}

	@Test
	void eachRequestGetsAnAuthenticationOfItsOwnForTheDetailsOfThatRequest() {
		Jwt jwt = token().build();
		assertThat(this.converter.convert(jwt)).isNotSameAs(this.converter.convert(jwt));
	}

	@Test
	void claimsThatAreNotStringsAreReadAsSpringReadsThem() {
		Jwt jwt = token().claim(WxClaims.OPENID, 1234).claim("sub", 42L).build();
		assertThat(this.converter.convert(jwt).getPrincipal()).isEqualTo(new WxPrincipal("42", "1234", "wx0123456789abcdef"));
	}

	@Test
	void aTokenWithoutOpenidOrAppidIsRefused() {
		Jwt noOpenid = Jwt.withTokenValue("t").header("alg", "HS256").subject("42").claim(WxClaims.APPID, "wx1").build();
		Jwt noAppid = Jwt.withTokenValue("t").header("alg", "HS256").subject("42").claim(WxClaims.OPENID, "o-1").build();
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.converter.convert(noOpenid))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo("invalid_token"));
		assertThatExceptionOfType(OAuth2AuthenticationException.class).isThrownBy(() -> this.converter.convert(noAppid));
	}

}
