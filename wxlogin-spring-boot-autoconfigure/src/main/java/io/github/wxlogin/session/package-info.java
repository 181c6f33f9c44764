/**
 * Login sessions per device: refresh-token families and their rotation, revocations of access tokens, the
 * session index per account, and the device and origin a session shows.
 */
@NullMarked
package io.github.wxlogin.session;

import org.jspecify.annotations.NullMarked;
