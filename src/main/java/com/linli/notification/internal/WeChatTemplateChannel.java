package com.linli.notification.internal;

import com.linli.notification.OutboundChannel;
import com.linli.notification.OutboundMessage;
import com.linli.notification.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * WeChat subscribe/template messages (微信订阅消息) to residents who use the mini-program: the place to
 * plug the real API. It is not connected: with {@code linli.notification.wechat.enabled=false} (the
 * default) it reaches nobody and records nothing; switched on, every attempt is recorded as FAILED
 * with the reason, never as a success it did not have.
 * <p>
 * To connect it: keep each resident's mini-program {@code openid} (from {@code wx.login} /
 * {@code code2Session} at sign-in), answer {@link #supports} with "has an openid and subscribed to
 * this kind", map each {@link com.linli.notification.MessageKind} to a template id and its fields,
 * and in {@link #send} POST to {@code https://api.weixin.qq.com/cgi-bin/message/subscribe/send}
 * with a cached access token; throw on a non-zero {@code errcode} so the failure is recorded.
 */
@Component
class WeChatTemplateChannel implements OutboundChannel {

	private static final Logger log = LoggerFactory.getLogger(WeChatTemplateChannel.class);

	private final boolean enabled;

	WeChatTemplateChannel(NotificationProperties properties) {
		this.enabled = properties.wechat().enabled();
		if (enabled) {
			log.warn("linli.notification.wechat.enabled=true, but the WeChat template API is not connected: "
					+ "every WeChat delivery will be recorded as FAILED (see WeChatTemplateChannel)");
		}
	}

	@Override
	public String name() {
		return "wechat";
	}

	@Override
	public boolean supports(Recipient recipient) {
		return enabled;
	}

	@Override
	public void send(OutboundMessage message) {
		throw new IllegalStateException("微信模板消息接口未接入 / WeChat template message API not connected");
	}
}
