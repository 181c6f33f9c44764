/**
 * A Spring Boot application that uses the wxlogin starter: its security filter chain and its own API.
 */
@NullMarked
package io.github.wxlogin.sample;

import org.jspecify.annotations.NullMarked;
