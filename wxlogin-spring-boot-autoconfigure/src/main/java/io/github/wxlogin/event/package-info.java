/**
 * The Spring application events hosts listen to: the audit trail, new users, WeChat's message push and
 * its image verdicts. None carries a token, code or session key.
 */
@NullMarked
package io.github.wxlogin.event;

import org.jspecify.annotations.NullMarked;
