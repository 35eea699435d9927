package org.coopflow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Figures laid out as horizontal bars for an inline SVG, which the pages draw on the server so that they
 * need no script and nothing from elsewhere (template {@code bars.html}). Horizontal, because long labels
 * stay readable on a phone. The methods the template calls are public because Thymeleaf's expressions
 * call only public methods.
 */
public record BarChart(List<Bar> bars, int height) {

	/** The SVG's coordinate system: labels left of {@link #BAR_START}, values right of each bar. */
	public static final int WIDTH = 400;

	public static final int BAR_START = 140;

	public static final int BAR_MAX = 170;

	public static final int ROW_HEIGHT = 28;

	/** One bar: a short label beside it, and a description its tooltip spells out. */
	public record Bar(String label, String description, BigDecimal amount, int y, int width) {

		public int textY() {
			return y + ROW_HEIGHT / 2 + 4;
		}

		public int valueX() {
			return BAR_START + width + 6;
		}

	}

	/**
	 * @param amounts the figures by label, in the order of the bars
	 * @param descriptions each label's longer description
	 */
	public static BarChart of(Map<String, BigDecimal> amounts, Map<String, String> descriptions) {
		BigDecimal max = amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::max);
		List<Bar> bars = new ArrayList<>();
		int y = 0;
		for (Map.Entry<String, BigDecimal> amount : amounts.entrySet()) {
			int width = max.signum() == 0 ? 0
					: amount.getValue().multiply(BigDecimal.valueOf(BAR_MAX)).divide(max, 0, RoundingMode.HALF_UP).intValue();
			// a bar of a small but real amount stays visible
			bars.add(new Bar(amount.getKey(), descriptions.getOrDefault(amount.getKey(), amount.getKey()), amount.getValue(),
					y, amount.getValue().signum() > 0 ? Math.max(width, 2) : 0));
			y += ROW_HEIGHT;
		}
		return new BarChart(bars, Math.max(y, ROW_HEIGHT));
	}

	public String viewBox() {
		return "0 0 " + WIDTH + " " + height;
	}

}
