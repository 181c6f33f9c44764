package io.github.wxlogin.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.SubmissionPublisher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FakeWeChatServer#lastRequest} tells how each API's last call was framed.
 */
class RecordedRequestTests {

	@RegisterExtension
	static FakeWeChatServerExtension wechat = new FakeWeChatServerExtension();

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void aBodyWithItsLengthIsRecordedAsContentLength() throws Exception {
		String body = "{\"grant_type\":\"client_credential\",\"appid\":\"" + wechat.server().appid() + "\"}";
		send(HttpRequest.BodyPublishers.ofString(body));
		RecordedRequest request = wechat.server().lastRequest(Api.STABLE_TOKEN);
		assertThat(request).isNotNull();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.framing()).isEqualTo(RecordedRequest.Framing.CONTENT_LENGTH);
		assertThat(request.contentLength()).isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
		assertThat(request.userAgent()).startsWith("Java-http-client");
	}

	@Test
	void aBodyStreamedWithoutALengthIsRecordedAsChunked() throws Exception {
		SubmissionPublisher<ByteBuffer> publisher = new SubmissionPublisher<>();
		HttpRequest.BodyPublisher streamed = HttpRequest.BodyPublishers.fromPublisher(publisher);
		Thread writer = new Thread(() -> {
			// the client subscribes once it sends the body
			while (publisher.getNumberOfSubscribers() == 0) {
				Thread.onSpinWait();
			}
			publisher.submit(ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8)));
			publisher.close();
		});
		writer.start();
		send(streamed);
		writer.join();
		RecordedRequest request = wechat.server().lastRequest(Api.STABLE_TOKEN);
		assertThat(request.framing()).isEqualTo(RecordedRequest.Framing.CHUNKED);
		assertThat(request.contentLength()).isEqualTo(-1);
	}

	@Test
	void aResetForgetsTheLastRequests() throws Exception {
		send(HttpRequest.BodyPublishers.ofString("{}"));
		wechat.server().reset();
		assertThat(wechat.server().lastRequest(Api.STABLE_TOKEN)).isNull();
	}

	private void send(HttpRequest.BodyPublisher body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(wechat.server().baseUrl() + Api.STABLE_TOKEN.path()))
			.header("Content-Type", "application/json")
			.POST(body)
			.build();
		this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
