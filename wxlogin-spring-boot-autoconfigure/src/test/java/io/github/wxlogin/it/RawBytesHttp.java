package io.github.wxlogin.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.github.wxlogin.it.WxLoginClient.Reply;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * HTTP/1.1 over a plain socket, for requests whose header bytes the JDK's {@code HttpClient} will not send
 * (it refuses characters above U+00FF and writes the others as ASCII): the Authorization header goes on the
 * wire as the UTF-8 bytes of the text given.
 */
final class RawBytesHttp {

	private static final byte[] CRLF = { '\r', '\n' };

	private RawBytesHttp() {
	}

	static Reply send(int port, String method, String path, String bearer, String contentType, byte[] body) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			// A guard against a server that never answers, not a measure of speed
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
					+ "Content-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\nAuthorization: Bearer ";
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(bearer.getBytes(StandardCharsets.UTF_8));
			out.write(CRLF);
			out.write(CRLF);
			out.write(body);
			out.flush();
			return parse(socket.getInputStream().readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Reply parse(byte[] response) {
		int end = indexOf(response, new byte[] { '\r', '\n', '\r', '\n' }, 0);
		if (end < 0) {
			throw new IllegalStateException("No complete HTTP reply: " + new String(response, StandardCharsets.ISO_8859_1));
		}
		String[] lines = new String(response, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		HttpHeaders headers = new HttpHeaders();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.add(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
		}
		byte[] body = Arrays.copyOfRange(response, end + 4, response.length);
		if ("chunked".equalsIgnoreCase(headers.getFirst(HttpHeaders.TRANSFER_ENCODING))) {
			body = unchunk(body);
		}
		return new Reply(HttpStatusCode.valueOf(status), headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] unchunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int position = 0;
		while (true) {
			int lineEnd = indexOf(chunked, CRLF, position);
			String sizeLine = new String(chunked, position, lineEnd - position, StandardCharsets.US_ASCII);
			int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
			if (size == 0) {
				return body.toByteArray();
			}
			body.write(chunked, lineEnd + 2, size);
			position = lineEnd + 2 + size + 2;
		}
	}

	private static int indexOf(byte[] bytes, byte[] part, int from) {
		for (int i = from; i <= bytes.length - part.length; i++) {
			if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
				return i;
			}
		}
		return -1;
	}

}
