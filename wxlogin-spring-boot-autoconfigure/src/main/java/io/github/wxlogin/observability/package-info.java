/**
 * What operators see of the starter: its health and its metrics.
 */
@NullMarked
package io.github.wxlogin.observability;

import org.jspecify.annotations.NullMarked;
