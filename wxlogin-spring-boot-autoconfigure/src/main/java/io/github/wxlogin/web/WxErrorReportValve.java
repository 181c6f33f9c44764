package io.github.wxlogin.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.wxlogin.http.ProblemJsonWriter;
import io.github.wxlogin.http.WxProblem;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report, for the errors that Tomcat answers itself before any application code runs (a
 * malformed or encoded path, for instance): a {@code problem+json} body with a stable {@code code}
 * instead of Tomcat's HTML page. Errors the application already answered are left as they are.
 * <p>
 * The valve runs in Tomcat's pipeline, outside the application context, but it is given the application's
 * {@link ProblemJsonWriter}, which looks up its message converter at the first error, once the context is
 * refreshed (Tomcat takes no request before that).
 */
public class WxErrorReportValve extends ErrorReportValve {

	private final ProblemJsonWriter problems;

	/**
	 * Create a valve.
	 * @param problems the writer of the {@code problem+json} body
	 */
	public WxErrorReportValve(ProblemJsonWriter problems) {
		this.problems = problems;
	}

	/**
	 * Put this valve in place of the host's error report valve.
	 * @param host the Tomcat host of the application
	 * @param problems the writer of the {@code problem+json} body
	 */
	public static void install(Host host, ProblemJsonWriter problems) {
		for (Valve valve : host.getPipeline().getValves()) {
			if (valve instanceof ErrorReportValve) {
				host.getPipeline().removeValve(valve);
			}
		}
		// Else the host adds a stock valve of its configured class when it starts
		if (host instanceof StandardHost standardHost) {
			standardHost.setErrorReportValveClass(WxErrorReportValve.class.getName());
		}
		host.getPipeline().addValve(new WxErrorReportValve(problems));
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			response.resetBuffer();
			this.problems.write(response, WxProblem.ofContainerStatus(status));
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone, or the response can no longer take a body
		}
	}

}
