/**
 * What operators see of the starter beyond its observations: its health and the WeChat access token's
 * gauge. Logins, refreshes, phone numbers and WeChat calls are counted by the timers of their
 * observations ({@code login.WxLoginObservation}, {@code wechat.WxApiObservation}).
 */
@NullMarked
package io.github.wxlogin.observability;

import org.jspecify.annotations.NullMarked;
