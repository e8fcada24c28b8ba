import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load at a fixed request rate (wrk is closed-loop and Debian has no wrk2): request i is due at
 * start + i/rate whatever happened to the earlier ones, and its latency counts from when it was due, not from
 * when it was sent, so a stall of the server shows up in the percentiles instead of slowing the client down
 * (no coordinated omission). Each request stores the compliant tower under a fresh inspection id.
 *
 * Usage: java bench/FixedRate.java URL RATE SECONDS TOKEN TEMPLATE_JSON
 * Prints one line: rate=… sent=… ok=… failed=… p50_ms=… p90_ms=… p99_ms=… max_ms=…
 */
public class FixedRate {
    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        double rate = Double.parseDouble(args[1]);
        int seconds = Integer.parseInt(args[2]);
        String token = args[3];
        String template = Files.readString(Path.of(args[4]));
        int n = (int) Math.round(rate * seconds);
        long period = (long) (1_000_000_000L / rate);
        long[] latency = new long[n];
        Arrays.fill(latency, Long.MAX_VALUE);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(n);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < n; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String body = template.replace("\"FX-RT\"", "\"FR-" + run + "-" + i + "\"");
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            int index = i;
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latency[index] = System.nanoTime() - due;
                if (error == null && response.statusCode() == 201) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                done.countDown();
            });
        }
        boolean all = done.await(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = latency.clone();
        Arrays.sort(sorted);
        System.out.printf("rate=%.0f sent=%d ok=%d failed=%d%s p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f elapsed_s=%.1f%n",
                rate, n, ok.get(), failed.get() + (all ? 0 : (int) done.getCount()), all ? "" : " (unanswered after 60 s)",
                ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), ms(sorted, 1.0), elapsed);
        System.exit(0);
    }

    private static double ms(long[] sorted, double q) {
        int i = Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1);
        long v = sorted[Math.max(0, i)];
        return v == Long.MAX_VALUE ? Double.NaN : v / 1e6;
    }
}
