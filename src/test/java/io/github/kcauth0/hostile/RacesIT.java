package io.github.kcauth0.hostile;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.kcauth0.support.Auth0Domain;
import io.github.kcauth0.support.Browser;
import io.github.kcauth0.support.KeycloakServer;
import io.github.kcauth0.support.PushedRequestStore;
import io.github.kcauth0.support.TestRealms;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

import static io.github.kcauth0.support.TestRealms.CALLBACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Concurrency: many clients pushing at once, and two browsers racing to use one request_uri. */
class RacesIT {

    private static final KeycloakServer server = KeycloakServer.get();
    private static final int CLIENTS = 8;
    private static final int PUSHES_PER_CLIENT = 50;
    private static final List<String[]> APPS = List.of(
            new String[] {"confidential-app", "confidential-secret"}, new String[] {"other-app", "other-secret"});

    private final Auth0Domain domain = new Auth0Domain(server, TestRealms.PAR_IT);
    private final PushedRequestStore store = new PushedRequestStore(server);

    /** One pushed request: whose it is, the state it carries, and the request_uri it got. */
    private record Pushed(String clientId, String secret, String state, String requestUri) {
    }

    @Test
    void clientsPushingInParallelEachGetTheirOwnRequestUriThatLogsInWithTheirRequest() throws Exception {
        long writesBefore = store.writes();

        List<Pushed> pushed = inParallel(CLIENTS, client -> {
            List<Pushed> mine = new ArrayList<>();
            String[] app = APPS.get(client % APPS.size());
            for (int i = 0; i < PUSHES_PER_CLIENT; i++) {
                Map<String, String> form = Auth0Domain.validRequest();
                form.put("client_id", app[0]);
                form.put("client_secret", app[1]);
                form.put("state", "client-" + client + "-push-" + i);
                mine.add(new Pushed(app[0], app[1], form.get("state"), domain.requestUri(form)));
            }
            return mine;
        });

        assertEquals(CLIENTS * PUSHES_PER_CLIENT, pushed.size());
        assertEquals(pushed.size(), new HashSet<>(pushed.stream().map(Pushed::requestUri).toList()).size(),
                "every request_uri is distinct");
        assertEquals(pushed.size(), store.writes() - writesBefore, "one write to Keycloak's store per push");
        // a sample across clients and push order: each request_uri logs in with the request pushed under it
        for (int client = 0; client < CLIENTS; client++) {
            Pushed sample = pushed.get(client * PUSHES_PER_CLIENT + (client * 7) % PUSHES_PER_CLIENT);
            URI callback = new Browser(server).login(domain.authorizeUrl(sample.clientId(), sample.requestUri()),
                    "alice", "alice-password");
            assertEquals(sample.state(), Browser.queryParameters(callback).get("state"), callback.toString());
            HttpResponse<String> tokens = domain.redeem(sample.clientId(), sample.secret(), Auth0Domain.code(callback));
            assertEquals(200, tokens.statusCode(), tokens.body());
        }
    }

    /**
     * Two browsers open the same request_uri at once and submit the login form at once: exactly one is sent back
     * to the application with a code. Keycloak 26.7 keeps a pushed request until a login with it completes and then
     * removes it atomically, so both see the login form and the loser's login fails ("PAR not found, not issued or
     * used multiple times" in the log; Keycloak shows that user "Invalid username or password."). Keycloak 26.4 and
     * 26.5 remove it on first use, so only one of them sees the login form.
     */
    @RepeatedTest(5)
    void twoBrowsersRacingWithOneRequestUriGetExactlyOneCode(RepetitionInfo round) throws Exception {
        String requestUri = domain.requestUri(Auth0Domain.validRequest());
        // one browser through Auth0's /authorize; the other through it too, or through Keycloak's own endpoint
        List<String> urls = List.of(domain.authorizeUrl("confidential-app", requestUri),
                round.getCurrentRepetition() % 2 == 0 ? domain.authorizeUrl("confidential-app", requestUri)
                        : domain.authorizationUrl("confidential-app", requestUri));
        List<Browser> browsers = List.of(new Browser(server), new Browser(server));

        List<HttpResponse<String>> pages = atOnce(browser -> browsers.get(browser).open(urls.get(browser)));
        assertEquals(consumedOnFirstUse() ? 1 : 2, pages.stream().filter(Browser::isLoginPage).count(),
                () -> "login forms shown: " + describe(pages));
        List<HttpResponse<String>> answers = atOnce(browser -> Browser.isLoginPage(pages.get(browser))
                ? browsers.get(browser).submitLoginForm(pages.get(browser), "alice", "alice-password")
                : pages.get(browser));

        List<String> codes = answers.stream().map(RacesIT::codeIn).filter(code -> code != null).toList();
        assertEquals(1, codes.size(), () -> "codes issued: " + codes + "; answers: " + describe(answers));
        HttpResponse<String> tokens = domain.redeem("confidential-app", "confidential-secret", codes.get(0));
        assertEquals(200, tokens.statusCode(), tokens.body());
        HttpResponse<String> loser = answers.stream().filter(answer -> codeIn(answer) == null).findFirst().orElseThrow();
        // the other browser stays on an error page of Keycloak: no redirect, no login form
        assertEquals(400, loser.statusCode(), () -> describe(List.of(loser)));
        assertTrue(loser.headers().firstValue("Location").isEmpty(), () -> describe(List.of(loser)));
        assertFalse(Browser.isLoginPage(loser), () -> describe(List.of(loser)));
    }

    /** Keycloak before 26.7 removes a pushed request when the authorization endpoint first reads it. */
    private static boolean consumedOnFirstUse() {
        String[] version = server.version().split("\\.");
        int major = Integer.parseInt(version[0]);
        return major < 26 || major == 26 && Integer.parseInt(version[1]) < 7;
    }

    /** The code in Keycloak's redirect back to the application, or null. */
    private static String codeIn(HttpResponse<String> answer) {
        String location = answer.headers().firstValue("Location").orElse("");
        return location.startsWith(CALLBACK) ? Browser.queryParameters(URI.create(location)).get("code") : null;
    }

    private static String describe(List<HttpResponse<String>> answers) {
        return answers.stream().map(answer -> answer.statusCode() + " " + answer.headers().firstValue("Location").orElse("")
                + " " + answer.body().substring(0, Math.min(300, answer.body().length()))).toList().toString();
    }

    /** Runs {@code tasks} tasks on as many threads and gathers their results, in task order. */
    private static <T> List<T> inParallel(int tasks, Task<List<T>> task) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(tasks);
        try {
            List<Future<List<T>>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int index = i;
                futures.add(threads.submit((Callable<List<T>>) () -> task.run(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<List<T>> future : futures) {
                results.addAll(future.get(3, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Runs a task on two threads that wait until both are there, then start together. */
    private static <T> List<T> atOnce(Task<T> task) throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.run(index);
                }));
            }
            assertTrue(ready.await(1, TimeUnit.MINUTES), "both threads are ready");
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(3, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Task<T> {
        T run(int index) throws Exception;
    }
}
