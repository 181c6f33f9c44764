/**
 * The README's application, made of its snippets as a new user copies them.
 */
@NullMarked
package io.github.wxlogin.readme;

import org.jspecify.annotations.NullMarked;
