package io.github.wxlogin.wechat;

/**
 * WeChat's answer on a legacy {@code encryptedData} ({@code wxa/business/checkencryptedmsg}): whether WeChat
 * made it in the last three days.
 *
 * @param valid whether WeChat made it and still knows it
 * @param createTime when WeChat made it, in Unix seconds, or 0 when unknown
 */
public record WxEncryptedDataCheck(boolean valid, long createTime) {
}
