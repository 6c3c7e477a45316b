package im.tern.module.api;

/** Carries a {@link Problem} out of validation or a blocking step to the handler that answers with it. */
public final class ProblemException extends RuntimeException {
    private final transient Problem problem;

    ProblemException(Problem problem) {
        super(problem.name() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() { return problem; }
}
