package io.github.kcauth0.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A generator of random values, drawn from the {@link Random} it is given, so that one seed reproduces a whole run.
 * Only what {@link HostileInputs} needs: picking from values, weighting generators, combining, lists, strings and
 * bytes. Sizes and numbers are uniform in their range; the boundaries that matter are listed as values instead.
 */
@FunctionalInterface
interface Gen<T> {

    T next(Random random);

    default <R> Gen<R> map(Function<? super T, ? extends R> change) {
        return random -> change.apply(next(random));
    }

    /** Lists of 0 to maxSize values. */
    default Gen<List<T>> list(int maxSize) {
        return list(0, maxSize);
    }

    default Gen<List<T>> list(int minSize, int maxSize) {
        Gen<Integer> sizes = integers(minSize, maxSize);
        return random -> {
            int size = sizes.next(random);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(random));
            }
            return values;
        };
    }

    /** This generator's values, and null with the given probability (a missing header, say). */
    default Gen<T> orNull(double probability) {
        return random -> random.nextDouble() < probability ? null : next(random);
    }

    static <T> Gen<T> just(T value) {
        return random -> value;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return of(List.of(values));
    }

    static <T> Gen<T> of(List<T> values) {
        List<T> choices = List.copyOf(values);
        return random -> choices.get(random.nextInt(choices.size()));
    }

    /** One of the generators, each as likely as the others. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
        List<Gen<? extends T>> choices = List.of(generators);
        return random -> choices.get(random.nextInt(choices.size())).next(random);
    }

    /** A generator and how often, relative to the others of {@link #frequency}, it is chosen. */
    record Weighted<T>(int weight, Gen<? extends T> generator) {
    }

    static <T> Weighted<T> weighted(int weight, Gen<? extends T> generator) {
        return new Weighted<>(weight, generator);
    }

    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> weighted = List.of(choices);
        int total = weighted.stream().mapToInt(Weighted::weight).sum();
        return random -> {
            int pick = random.nextInt(total);
            for (Weighted<? extends T> choice : weighted) {
                pick -= choice.weight();
                if (pick < 0) {
                    return choice.generator().next(random);
                }
            }
            throw new IllegalStateException("weights changed while picking");
        };
    }

    static <A, B, R> Gen<R> combine(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> combination) {
        return random -> combination.apply(a.next(random), b.next(random));
    }

    interface Combination3<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    static <A, B, C, R> Gen<R> combine(Gen<A> a, Gen<B> b, Gen<C> c,
                                       Combination3<? super A, ? super B, ? super C, ? extends R> combination) {
        return random -> combination.apply(a.next(random), b.next(random), c.next(random));
    }

    /** Integers from min to max, both included. */
    static Gen<Integer> integers(int min, int max) {
        return random -> min + random.nextInt(max - min + 1);
    }

    /** Characters from first to last, both included. */
    static Gen<Character> chars(char first, char last) {
        return random -> (char) (first + random.nextInt(last - first + 1));
    }

    static Gen<Character> charsOf(String alphabet) {
        return random -> alphabet.charAt(random.nextInt(alphabet.length()));
    }

    /** Strings of minLength to maxLength characters of the alphabet. */
    static Gen<String> strings(Gen<Character> alphabet, int minLength, int maxLength) {
        return alphabet.list(minLength, maxLength).map(chars -> {
            StringBuilder text = new StringBuilder(chars.size());
            chars.forEach(text::append);
            return text.toString();
        });
    }

    /** Any bytes, 0 to maxLength of them. */
    static Gen<byte[]> bytes(int maxLength) {
        Gen<Integer> lengths = integers(0, maxLength);
        return random -> {
            byte[] bytes = new byte[lengths.next(random)];
            random.nextBytes(bytes);
            return bytes;
        };
    }
}
