package io.github.wxlogin.token;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where and what {@link WxIssuerMetadata} describes, from the issuer as configured.
 */
class WxIssuerMetadataTests {

	@Test
	void anIssuerWithAPathHasItsMetadataBelowAndAboveThatPath() {
		assertThat(WxIssuerMetadata.paths("https://api.example.com/wx")).containsExactly(
				"/wx/.well-known/openid-configuration", "/.well-known/oauth-authorization-server/wx");
		assertThat(WxIssuerMetadata.paths("https://api.example.com/wx/")).containsExactly(
				"/wx/.well-known/openid-configuration", "/.well-known/oauth-authorization-server/wx");
	}

	@Test
	void anIssuerAtTheRootHasItsMetadataAtTheWellKnownPaths() {
		assertThat(WxIssuerMetadata.paths("https://api.example.com")).containsExactly(
				"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server");
	}

	@Test
	void anIssuerThatIsNoHttpUrlHasNoMetadata() {
		assertThat(WxIssuerMetadata.paths("wxlogin")).isEmpty();
		assertThat(WxIssuerMetadata.paths(null)).isEmpty();
		assertThat(WxIssuerMetadata.paths("urn:example:issuer")).isEmpty();
		assertThat(WxIssuerMetadata.paths("https://api.example.com/wx?tenant=a")).isEmpty();
		assertThat(WxIssuerMetadata.paths("https://api.example.com/wx#a")).isEmpty();
		assertThat(WxIssuerMetadata.paths("https://exa mple.com")).isEmpty();
		assertThat(WxIssuerMetadata.of("wxlogin", "/wx/jwks.json", "ES256", Map.of())).isEmpty();
	}

	@Test
	void theDocumentNamesTheIssuerAsConfiguredAndAbsoluteUrlsOnItsHost() {
		WxIssuerMetadata metadata = WxIssuerMetadata
			.of("https://api.example.com:8443/wx", "/wx/jwks.json", "RS256",
					Map.of("introspection_endpoint", "/wx/oauth2/introspect"))
			.orElseThrow();
		assertThat(metadata.document()).containsEntry("issuer", "https://api.example.com:8443/wx")
			.containsEntry("jwks_uri", "https://api.example.com:8443/wx/jwks.json")
			.containsEntry("introspection_endpoint", "https://api.example.com:8443/wx/oauth2/introspect")
			.containsEntry("access_token_signing_alg_values_supported", List.of("RS256"));
	}

}
