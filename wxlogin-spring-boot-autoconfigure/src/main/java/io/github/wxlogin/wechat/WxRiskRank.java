package io.github.wxlogin.wechat;

/**
 * WeChat's verdict on a user ({@code wxa/getuserriskrank}): a rank from 0 (no risk seen) through 1 and 2
 * (low or mild suspicion), 3 (medium) to 4 (high).
 *
 * @param rank the rank, 0 to 4
 */
public record WxRiskRank(int rank) {

	/** The highest rank WeChat gives. */
	public static final int HIGHEST = 4;

	/**
	 * Check the rank.
	 * @throws IllegalArgumentException if the rank is not 0 to 4
	 */
	public WxRiskRank {
		if (rank < 0 || rank > HIGHEST) {
			throw new IllegalArgumentException("risk rank " + rank + " is not 0 to " + HIGHEST);
		}
	}

}
