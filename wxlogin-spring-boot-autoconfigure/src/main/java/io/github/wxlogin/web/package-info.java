/**
 * The login endpoints, their request and response shapes, and their {@code problem+json} errors.
 */
@NullMarked
package io.github.wxlogin.web;

import org.jspecify.annotations.NullMarked;
