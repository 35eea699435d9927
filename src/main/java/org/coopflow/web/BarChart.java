package org.coopflow.web;

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
		return of(amounts, descriptions, Map.of());
	}

	/**
	 * The same with the words beside each bar given apart from the keys (a code), e.g. a standard's short
	 * name for its code; a key without words keeps itself as its label.
	 */
	public static BarChart of(Map<String, BigDecimal> amounts, Map<String, String> descriptions,
			Map<String, String> labels) {
		BigDecimal max = amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::max);
		List<Bar> bars = new ArrayList<>();
		int y = 0;
		for (Map.Entry<String, BigDecimal> amount : amounts.entrySet()) {
			int width = max.signum() == 0 ? 0
					: amount.getValue().multiply(BigDecimal.valueOf(BAR_MAX)).divide(max, 0, RoundingMode.HALF_UP).intValue();
			// a bar of a small but real amount stays visible
			bars.add(new Bar(labels.getOrDefault(amount.getKey(), amount.getKey()), descriptions.getOrDefault(amount.getKey(), amount.getKey()), amount.getValue(),
					y, amount.getValue().signum() > 0 ? Math.max(width, 2) : 0));
			y += ROW_HEIGHT;
		}
		return new BarChart(bars, Math.max(y, ROW_HEIGHT));
	}

	/** The longest label that fits left of the bars on a phone. */
	static final int LABEL_LENGTH = 22;

	/**
	 * A name short enough to stand beside a bar: a standard's popular name when its title gives one ("the
	 * Tokyo Rules"), else what it is about ("Independence of the Judiciary"), cut at {@link #LABEL_LENGTH}.
	 */
	public static String shortLabel(String name) {
		if (name == null) {
			return "";
		}
		String label = name;
		java.util.regex.Matcher popular = java.util.regex.Pattern.compile("\\(the ([^)]+)\\)").matcher(name);
		if (popular.find()) {
			label = popular.group(1);
		}
		else {
			for (String about : new String[] { " on the ", " for the ", " for " }) {
				int at = name.indexOf(about);
				if (at > 0 && label.length() > LABEL_LENGTH) {
					label = name.substring(at + about.length());
					label = Character.toUpperCase(label.charAt(0)) + label.substring(1);
					break;
				}
			}
		}
		return label.length() <= LABEL_LENGTH ? label : label.substring(0, LABEL_LENGTH - 1).strip() + "…";
	}

	public String viewBox() {
		return "0 0 " + WIDTH + " " + height;
	}

}
