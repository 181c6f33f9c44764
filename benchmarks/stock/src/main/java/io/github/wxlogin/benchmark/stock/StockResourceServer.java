package io.github.wxlogin.benchmark.stock;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.security.config.Customizer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample app's hello pair behind Spring Security's own resource server, wired by hand as its reference
 * documentation shows, without the starter. It takes the sample app's key settings ({@code wx.login.jwt.*})
 * and verifies the sample app's access tokens with the same checks: signature, time, issuer and audience.
 */
@SpringBootApplication
@RestController
public class StockResourceServer {

	private static final String ANONYMOUS = "anonymous";

	private static final Pattern PUBLIC_KEY_PEM = Pattern
		.compile("-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

	public static void main(String[] args) {
		SpringApplication.run(StockResourceServer.class, args);
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/public/**")
			.permitAll()
			.anyRequest()
			.authenticated()).oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()));
		return http.build();
	}

	@Bean
	JwtDecoder jwtDecoder(@Value("${wx.login.jwt.hmac-secret:}") String hmacSecret,
			@Value("${wx.login.jwt.private-key-location:}") Resource keyFile,
			@Value("${wx.login.jwt.issuer:wxlogin}") String issuer, @Value("${wx.login.appid}") String audience)
			throws IOException, GeneralSecurityException, JOSEException {
		NimbusJwtDecoder decoder = hmacSecret.isEmpty() ? ecDecoder(keyFile)
				: NimbusJwtDecoder
					.withSecretKey(new SecretKeySpec(hmacSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
					.macAlgorithm(MacAlgorithm.HS256)
					.build();
		OAuth2TokenValidator<Jwt> audienceValidator = new JwtClaimValidator<List<String>>(
				JwtClaimNames.AUD, (values) -> values != null && values.contains(audience));
		decoder.setJwtValidator(
				new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer), audienceValidator));
		return decoder;
	}

	/** The public key of an EC key pair whose PEM file holds the private key, then the public key. */
	private static NimbusJwtDecoder ecDecoder(Resource keyFile)
			throws IOException, GeneralSecurityException, JOSEException {
		Matcher pem = PUBLIC_KEY_PEM.matcher(keyFile.getContentAsString(StandardCharsets.US_ASCII));
		if (!pem.find()) {
			throw new IllegalStateException("no PUBLIC KEY block in " + keyFile);
		}
		byte[] der = Base64.getMimeDecoder().decode(pem.group(1));
		ECPublicKey publicKey = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
		// The sample app names its key by its RFC 7638 thumbprint, and Nimbus selects keys by that name
		ECKey jwk = new ECKey.Builder(Curve.P_256, publicKey).keyIDFromThumbprint().build();
		return NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(new JWKSet(jwk)))
			.jwsAlgorithm(SignatureAlgorithm.ES256)
			.build();
	}

	@GetMapping("/api/hello")
	Hello hello(@AuthenticationPrincipal Jwt caller) {
		return Hello.to(caller.getSubject(), caller.getClaimAsString("openid"));
	}

	@GetMapping("/api/public/hello")
	Hello publicHello() {
		return Hello.to(ANONYMOUS, ANONYMOUS);
	}

	/** The sample app's greeting. */
	record Hello(String message, String userId, String openid) {

		static Hello to(String userId, String openid) {
			return new Hello("Hello, " + userId + "!", userId, openid);
		}

	}

}
