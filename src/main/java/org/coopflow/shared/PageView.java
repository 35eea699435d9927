package org.coopflow.shared;

import java.util.List;

/** One page of a list as every API answers it: the items, and where the page stands in the whole. */
public record PageView<T>(List<T> content, PageInfo page) {

	public record PageInfo(int number, int size, long totalElements, long totalPages) {
	}

	public static <T> PageView<T> of(List<T> content, int number, int size, long totalElements) {
		return new PageView<>(content, new PageInfo(number, size, totalElements, (totalElements + size - 1) / size));
	}

}
