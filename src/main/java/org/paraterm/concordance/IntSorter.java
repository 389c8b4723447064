package org.paraterm.concordance;

/**
 * A stable merge sort of int handles by a comparator on them, without boxing: hits are handles
 * into parallel arrays, and a hundred thousand of them sort in milliseconds. Runs already in
 * order are merged in linear time, which is the common case of document order.
 */
final class IntSorter {

    interface Comparator {
        int compare(int a, int b);
    }

    private IntSorter() {
    }

    static void sort(int[] values, Comparator comparator) {
        int[] buffer = new int[values.length];
        sort(values, buffer, 0, values.length, comparator);
    }

    private static void sort(int[] values, int[] buffer, int from, int to, Comparator comparator) {
        if (to - from < 2) {
            return;
        }
        if (to - from <= 16) {
            for (int i = from + 1; i < to; i++) {
                int value = values[i];
                int j = i - 1;
                while (j >= from && comparator.compare(values[j], value) > 0) {
                    values[j + 1] = values[j];
                    j--;
                }
                values[j + 1] = value;
            }
            return;
        }
        int middle = (from + to) >>> 1;
        sort(values, buffer, from, middle, comparator);
        sort(values, buffer, middle, to, comparator);
        if (comparator.compare(values[middle - 1], values[middle]) <= 0) {
            return;
        }
        System.arraycopy(values, from, buffer, from, to - from);
        int left = from;
        int right = middle;
        for (int i = from; i < to; i++) {
            if (right >= to || (left < middle && comparator.compare(buffer[left], buffer[right]) <= 0)) {
                values[i] = buffer[left++];
            } else {
                values[i] = buffer[right++];
            }
        }
    }
}
