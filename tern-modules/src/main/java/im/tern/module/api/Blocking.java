package im.tern.module.api;

import im.tern.core.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a handler's blocking part on a pool: a {@link ProblemException} anywhere in the stage becomes its
 * problem response, and a full pool a 503 {@code busy} with Retry-After (back-pressure, not a crash).
 */
public final class Blocking {
    private Blocking() {}

    /** The work's answer, computed on {@code pool}. */
    public static CompletionStage<HttpResponse> answer(Executor pool, Supplier<HttpResponse> work) {
        return answered(supply(pool, work));
    }

    /** The work on {@code pool}; a rejection fails the stage with the {@link #busy()} problem. */
    public static <T> CompletableFuture<T> supply(Executor pool, Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, pool);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(busy().exception());
        }
    }

    /** The stage, with a {@link ProblemException} it failed with turned into that problem's response. */
    public static CompletionStage<HttpResponse> answered(CompletionStage<HttpResponse> stage) {
        return stage.handle((response, error) -> {
            if (error == null) return now(response);
            Throwable cause = error;
            while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof ProblemException p) return now(p.problem().response());
            return CompletableFuture.<HttpResponse>failedFuture(cause);
        }).thenCompose(Function.identity());
    }

    /** 503: the work could not even be queued. */
    public static Problem busy() {
        return Problem.of(503, "busy", "Service busy", "the server has too much to do right now; try again shortly")
                .retryAfter(Duration.ofSeconds(5));
    }

    /** A response at once, for what the event loop can decide by itself. */
    public static CompletionStage<HttpResponse> now(HttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
