/**
 * Demo mode: the in-process fake WeChat server, the endpoints that play the WeChat client's part for
 * the demo page, and the log line that points at the page.
 */
@NullMarked
package io.github.wxlogin.sample.demo;

import org.jspecify.annotations.NullMarked;
