/**
 * Auto-configuration of wxlogin and its configuration properties.
 */
@NullMarked
package io.github.wxlogin.autoconfigure;

import org.jspecify.annotations.NullMarked;
