package im.tern.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The options every command shares: the config file, then overrides for domain and data directory. */
public final class ConfigOptions {
    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file (see docs/tern.example.yaml).")
    Path configFile;

    @Option(names = "--domain", paramLabel = "D", description = "XMPP domain served (default: localhost).")
    String domain;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: tern-data).")
    Path data;

    /** Loads the file if given, then applies the command-line overrides. */
    public TernConfig load() {
        TernConfig cfg = configFile == null ? new TernConfig() : read(configFile);
        if (domain != null) cfg.domain = domain;
        if (data != null) cfg.data = data;
        return cfg;
    }

    private TernConfig read(Path file) {
        if (!Files.isReadable(file)) throw new ParameterException(spec.commandLine(), "cannot read config file " + file);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            TernConfig cfg = yaml.readValue(file.toFile(), TernConfig.class);
            return cfg == null ? new TernConfig() : cfg;
        } catch (UnrecognizedPropertyException e) {
            throw new ParameterException(spec.commandLine(), "config file " + file + ": unknown setting '"
                    + e.getPropertyName() + "' at " + e.getPathReference());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ParameterException(spec.commandLine(), "config file " + file + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "config file " + file + ": " + e.getMessage());
        }
    }
}
