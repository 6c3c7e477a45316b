package im.tern.bench;

import org.HdrHistogram.Histogram;

/**
 * One message-rate step: what was asked, sent, delivered, how late (latencies in microseconds), and the
 * CPU the server and the generator used meanwhile (percent of one core; -1 unknown).
 */
record StepResult(double targetRate, double seconds, long sent, long notSent, long received, long errors,
                  double serverCpuPercent, double generatorCpuPercent, long p50, long p90, long p99, long p999, long max) {

    static StepResult of(double targetRate, double seconds, long sent, long notSent, long received, long errors,
                         double serverCpu, double generatorCpu, Histogram h) {
        return new StepResult(targetRate, seconds, sent, notSent, received, errors, serverCpu, generatorCpu,
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue());
    }

    long lost() { return Math.max(0, sent - received); }

    double sentPerSecond() { return seconds > 0 ? sent / seconds : 0; }

    double receivedPerSecond() { return seconds > 0 ? received / seconds : 0; }
}
