package org.coopflow.overlap.screening;

import java.util.Arrays;

/** A growable list of ints without boxing, for the postings. */
final class IntList {

	private int[] values = new int[4];

	private int size;

	void add(int value) {
		if (size == values.length) {
			values = Arrays.copyOf(values, size * 2);
		}
		values[size++] = value;
	}

	/** Removes one occurrence; the order of the rest is not kept. */
	boolean removeValue(int value) {
		for (int i = 0; i < size; i++) {
			if (values[i] == value) {
				values[i] = values[--size];
				return true;
			}
		}
		return false;
	}

	int size() {
		return size;
	}

	int get(int index) {
		return values[index];
	}

	long bytes() {
		return 16 + 16 + 4L * values.length;
	}

}
