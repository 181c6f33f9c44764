/**
 * Examples of the docs pages that are compiled but not part of the README's application.
 */
@NullMarked
package io.github.wxlogin.examples;

import org.jspecify.annotations.NullMarked;
