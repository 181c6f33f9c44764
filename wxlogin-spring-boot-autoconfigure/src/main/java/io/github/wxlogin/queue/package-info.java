/**
 * A fair line in front of a bounded resource (the user store's connections, the WeChat calls), so that a
 * burst is a queue and not an outage, while a resource that stopped answering still fails fast.
 */
@NullMarked
package io.github.wxlogin.queue;

import org.jspecify.annotations.NullMarked;
