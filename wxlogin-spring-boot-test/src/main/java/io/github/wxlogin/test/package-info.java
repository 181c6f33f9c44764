/**
 * Test kit: a fake WeChat server that behaves like WeChat's server API, with hooks for
 * Spring tests and JUnit.
 */
@NullMarked
package io.github.wxlogin.test;

import org.jspecify.annotations.NullMarked;
