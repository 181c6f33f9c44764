/**
 * Default user stores: in memory and JDBC.
 */
@NullMarked
package io.github.wxlogin.user;

import org.jspecify.annotations.NullMarked;
