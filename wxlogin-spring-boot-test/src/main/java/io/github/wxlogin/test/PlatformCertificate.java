package io.github.wxlogin.test;

/**
 * One of the fake WeChat's platform certificates, as WeChat's admin console shows it: its console number
 * (not the X.509 serial number) and the certificate.
 *
 * @param number the certificate's number, which replies name in {@code Wechatmp-Serial}
 * @param pem the certificate as PEM text
 */
public record PlatformCertificate(String number, String pem) {
}
