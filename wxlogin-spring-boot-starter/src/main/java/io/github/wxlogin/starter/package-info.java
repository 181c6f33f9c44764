/**
 * The wxlogin starter: a dependency-only module that brings the auto-configuration together with
 * Spring MVC, Spring Security's resource server, Spring's {@code RestClient} and Caffeine.
 */
package io.github.wxlogin.starter;
