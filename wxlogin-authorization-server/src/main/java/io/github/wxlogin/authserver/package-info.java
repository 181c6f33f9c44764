/**
 * WeChat login and phone-number login as grant types of Spring Security's OAuth 2 authorization server:
 * the grants, their request converter and provider, the claims of the tokens issued, and the configurer
 * a host applies to its authorization server's security chain.
 */
@NullMarked
package io.github.wxlogin.authserver;

import org.jspecify.annotations.NullMarked;
