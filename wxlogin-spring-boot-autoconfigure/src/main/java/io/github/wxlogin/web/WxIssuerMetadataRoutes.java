package io.github.wxlogin.web;

import java.util.Optional;

import io.github.wxlogin.token.WxIssuerMetadata;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves the {@linkplain WxIssuerMetadata issuer's metadata} at its paths, which follow the issuer's URL
 * rather than the endpoints' base path.
 */
public final class WxIssuerMetadataRoutes {

	private WxIssuerMetadataRoutes() {
	}

	/**
	 * Return the routes of the metadata.
	 * @param metadata the metadata, or empty when none is served
	 * @return the routes, which route nothing when there is no metadata
	 */
	public static RouterFunction<ServerResponse> of(Optional<WxIssuerMetadata> metadata) {
		return metadata.map(WxIssuerMetadataRoutes::routes).orElse((request) -> Optional.empty());
	}

	private static RouterFunction<ServerResponse> routes(WxIssuerMetadata metadata) {
		HandlerFunction<ServerResponse> document = (request) -> ServerResponse.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(metadata.document());
		return metadata.paths()
			.stream()
			.map(RequestPredicates::GET)
			.reduce(RequestPredicate::or)
			.map((paths) -> RouterFunctions.route(paths, document))
			.orElseThrow();
	}

}
