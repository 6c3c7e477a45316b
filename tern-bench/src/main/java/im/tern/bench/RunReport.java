package im.tern.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What one load-generator run measured, printed as text or JSON. */
record RunReport(String target, boolean tls, int users, long established, long failed, long dropped,
                 double rampSeconds, long loginP50Micros, long loginP99Micros, double loginServerCpu, double loginGeneratorCpu,
                 long rssBeforeKib, long rssAfterKib, long rssEndKib, long pbkdf2Runs,
                 List<StepResult> steps, Map<String, Long> failureReasons) {

    double rampPerSecond() { return rampSeconds > 0 ? established / rampSeconds : 0; }

    /** (RSS after all sessions are up − RSS before) / sessions, in KiB; -1 without a server pid. */
    double kibPerSession() {
        return rssBeforeKib < 0 || rssAfterKib < 0 || established == 0 ? -1 : (double) (rssAfterKib - rssBeforeKib) / established;
    }

    String toText() {
        StringBuilder sb = new StringBuilder();
        line(sb, "target              %s (%s)", target, tls ? "STARTTLS" : "plain");
        line(sb, "sessions            %d established, %d failed, %d dropped later (of %d)", established, failed, dropped, users);
        line(sb, "login ramp          %.0f sessions/s (%.2f s); login p50 %.1f ms, p99 %.1f ms; PBKDF2 runs %d",
                rampPerSecond(), rampSeconds, loginP50Micros / 1000.0, loginP99Micros / 1000.0, pbkdf2Runs);
        line(sb, "  cpu               server %.0f%%, generator %.0f%% (of one core) while logging in", loginServerCpu, loginGeneratorCpu);
        if (rssBeforeKib >= 0) {
            line(sb, "server RSS          before %d KiB, all up %d KiB, end %d KiB", rssBeforeKib, rssAfterKib, rssEndKib);
            line(sb, "memory per session  %.2f KiB", kibPerSession());
        }
        for (StepResult s : steps) {
            line(sb, "messages @%-8.0f sent %d (%.0f/s), received %d (%.0f/s), lost %d, not sent (back-pressure) %d, errors %d",
                    s.targetRate(), s.sent(), s.sentPerSecond(), s.received(), s.receivedPerSecond(), s.lost(), s.notSent(), s.errors());
            line(sb, "  latency ms        p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f",
                    s.p50() / 1000.0, s.p90() / 1000.0, s.p99() / 1000.0, s.p999() / 1000.0, s.max() / 1000.0);
            line(sb, "  cpu               server %.0f%%, generator %.0f%% (of one core)", s.serverCpuPercent(), s.generatorCpuPercent());
        }
        failureReasons.forEach((reason, count) -> line(sb, "failure             %d x %s", count, reason));
        return sb.toString();
    }

    String toJson() {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"target\":").append(quote(target)).append(",\"tls\":").append(tls)
                .append(",\"users\":").append(users).append(",\"established\":").append(established)
                .append(",\"failed\":").append(failed).append(",\"dropped\":").append(dropped)
                .append(",\"ramp_seconds\":").append(num(rampSeconds)).append(",\"ramp_per_second\":").append(num(rampPerSecond()))
                .append(",\"login_server_cpu_percent\":").append(num(loginServerCpu))
                .append(",\"login_generator_cpu_percent\":").append(num(loginGeneratorCpu))
                .append(",\"login_p50_ms\":").append(num(loginP50Micros / 1000.0)).append(",\"login_p99_ms\":").append(num(loginP99Micros / 1000.0))
                .append(",\"rss_before_kib\":").append(rssBeforeKib).append(",\"rss_after_kib\":").append(rssAfterKib)
                .append(",\"rss_end_kib\":").append(rssEndKib).append(",\"kib_per_session\":").append(num(kibPerSession()))
                .append(",\"pbkdf2_runs\":").append(pbkdf2Runs).append(",\"steps\":[");
        for (int i = 0; i < steps.size(); i++) {
            StepResult s = steps.get(i);
            if (i > 0) sb.append(',');
            sb.append("{\"target_rate\":").append(num(s.targetRate())).append(",\"seconds\":").append(num(s.seconds()))
                    .append(",\"sent\":").append(s.sent()).append(",\"received\":").append(s.received())
                    .append(",\"lost\":").append(s.lost()).append(",\"not_sent\":").append(s.notSent())
                    .append(",\"errors\":").append(s.errors())
                    .append(",\"server_cpu_percent\":").append(num(s.serverCpuPercent()))
                    .append(",\"generator_cpu_percent\":").append(num(s.generatorCpuPercent()))
                    .append(",\"sent_per_second\":").append(num(s.sentPerSecond()))
                    .append(",\"received_per_second\":").append(num(s.receivedPerSecond()))
                    .append(",\"p50_ms\":").append(num(s.p50() / 1000.0)).append(",\"p90_ms\":").append(num(s.p90() / 1000.0))
                    .append(",\"p99_ms\":").append(num(s.p99() / 1000.0)).append(",\"p999_ms\":").append(num(s.p999() / 1000.0))
                    .append(",\"max_ms\":").append(num(s.max() / 1000.0)).append('}');
        }
        sb.append("],\"failures\":{");
        int i = 0;
        for (Map.Entry<String, Long> f : failureReasons.entrySet()) {
            if (i++ > 0) sb.append(',');
            sb.append(quote(f.getKey())).append(':').append(f.getValue());
        }
        return sb.append("}}").toString();
    }

    private static void line(StringBuilder sb, String format, Object... args) {
        sb.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }
}
