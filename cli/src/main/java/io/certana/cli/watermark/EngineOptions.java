package io.certana.cli.watermark;

import io.certana.watermark.NeuralModelSettings;
import io.certana.watermark.WatermarkEngine;
import io.certana.watermark.WatermarkException;
import io.certana.watermark.WatermarkSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Options shared by the watermark subcommands that need the secret key and Track C's model: where
 * the key and the model folder come from, and how they turn into a {@link WatermarkEngine}.
 */
public final class EngineOptions {

    /** Environment variable holding the secret key as text (its UTF-8 bytes are the key). */
    public static final String KEY_VARIABLE = "CERTANA_WATERMARK_KEY";
    /** Environment variable naming Track C's model folder. */
    public static final String MODEL_VARIABLE = "CERTANA_WATERMARK_MODEL_DIR";
    /**
     * The public development key of {@code --dev-key}. Anyone can read it here, so marks made with
     * it prove nothing; it exists so that the commands can be tried without preparing a key.
     */
    static final byte[] DEVELOPMENT_KEY = "certana-public-development-key".getBytes(StandardCharsets.UTF_8);

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "File holding the secret watermark key: its bytes, without a final line break, "
                    + "at least 16 bytes. Wins over the " + KEY_VARIABLE + " environment variable.")
    Path keyFile;

    @Option(names = "--dev-key",
            description = "Use the public development key, with a warning, when neither --key-file nor "
                    + KEY_VARIABLE + " is given. Only for trying the commands: anyone can detect and forge "
                    + "marks made with it.")
    boolean devKey;

    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "Track C model folder: RivaGAN's rivagan_encoder.onnx and rivagan_decoder.onnx, or any "
                    + "ONNX pair described by a " + NeuralModelSettings.PROPERTIES_FILE + " file in the folder. "
                    + "Wins over the " + MODEL_VARIABLE + " environment variable. Without either, Track C is "
                    + "not configured.")
    Path modelDir;

    /**
     * Returns the key: from {@code --key-file}, else from {@link #KEY_VARIABLE}, else the
     * development key when {@code --dev-key} is set (with a warning on {@code err}).
     *
     * @throws CommandLine.ParameterException when no key is given or the key file cannot be read
     */
    byte[] key(CommandLine commandLine, Map<String, String> environment, PrintWriter err) {
        byte[] key;
        if (keyFile != null) {
            key = readKeyFile(commandLine);
        } else if (environment.get(KEY_VARIABLE) != null && !environment.get(KEY_VARIABLE).isEmpty()) {
            key = environment.get(KEY_VARIABLE).getBytes(StandardCharsets.UTF_8);
        } else if (devKey) {
            err.println("certana: warning: using the public development key (--dev-key); anyone can detect and "
                    + "forge these marks. Use --key-file or " + KEY_VARIABLE + " for real assets.");
            err.flush();
            return DEVELOPMENT_KEY.clone();
        } else {
            throw new CommandLine.ParameterException(commandLine, "Missing watermark key: pass --key-file FILE or set "
                    + KEY_VARIABLE + " (or --dev-key to try the commands with the public development key).");
        }
        if (key.length < 16) {
            throw new CommandLine.ParameterException(commandLine, "Watermark key is too short: " + key.length
                    + " bytes, at least 16 are required.");
        }
        return key;
    }

    private byte[] readKeyFile(CommandLine commandLine) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(keyFile);
        } catch (NoSuchFileException e) {
            throw new CommandLine.ParameterException(commandLine, "Key file not found: " + keyFile);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(commandLine, "Cannot read key file " + keyFile + ": " + e.getMessage());
        }
        int length = bytes.length;
        // Text editors and echo end files with a line break that is not part of the key.
        if (length > 0 && bytes[length - 1] == '\n') {
            length--;
            if (length > 0 && bytes[length - 1] == '\r') {
                length--;
            }
        }
        return Arrays.copyOf(bytes, length);
    }

    /**
     * Returns Track C's model settings from {@code --model-dir}, else from {@link #MODEL_VARIABLE},
     * or empty when neither is set.
     *
     * @throws CommandLine.ParameterException when the folder does not exist or its description is invalid
     */
    Optional<NeuralModelSettings> model(CommandLine commandLine, Map<String, String> environment) {
        return model(commandLine, modelDir, environment);
    }

    /** {@link #model(CommandLine, Map)} for commands that declare their own {@code --model-dir} option. */
    static Optional<NeuralModelSettings> model(CommandLine commandLine, Path modelDir, Map<String, String> environment) {
        Path folder = modelDir;
        String source = "--model-dir";
        if (folder == null && environment.get(MODEL_VARIABLE) != null && !environment.get(MODEL_VARIABLE).isEmpty()) {
            folder = Path.of(environment.get(MODEL_VARIABLE));
            source = MODEL_VARIABLE;
        }
        if (folder == null) {
            return Optional.empty();
        }
        if (!Files.isDirectory(folder)) {
            throw new CommandLine.ParameterException(commandLine, "Track C model folder not found (" + source + "): " + folder);
        }
        try {
            return Optional.of(NeuralModelSettings.fromFolder(folder));
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "Invalid Track C model folder " + folder + ": "
                    + e.getMessage());
        }
    }

    /** Builds the engine for a command: key, and Track C when a model folder is given. */
    WatermarkEngine engine(CommandLine commandLine, Map<String, String> environment, PrintWriter err) {
        WatermarkSettings settings = WatermarkSettings.withKey(key(commandLine, environment, err));
        Optional<NeuralModelSettings> model = model(commandLine, environment);
        if (model.isPresent()) {
            settings = settings.withNeuralModel(model.get());
        }
        try {
            return new WatermarkEngine(settings);
        } catch (WatermarkException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }
}
