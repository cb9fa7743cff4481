package io.certana.watermark.robust;

import io.certana.watermark.code.PayloadCodec;
import io.certana.watermark.code.PolarCode;
import io.certana.watermark.dsp.Plane;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Prints Track B's detection details per file (development aid for the evaluation harness). */
public final class DebugMain {

    private DebugMain() {
    }

    public static void main(String[] args) throws Exception {
        byte[] key = "certana-evaluation-key-0001".getBytes(StandardCharsets.UTF_8);
        RobustTile tile = new RobustTile(key);
        PayloadCodec codec = new PayloadCodec(new PolarCode(1024, PayloadCodec.INFO_BITS, -6), key, "track-b", 8);
        RobustDetector detector = new RobustDetector(tile, codec);
        for (String file : args) {
            Plane luma = Plane.luma(ImageIO.read(new File(file)));
            long start = System.nanoTime();
            RobustDetector.Residual residual = detector.residual(luma);
            RobustDetector.Result result = detector.detect(residual, true);
            System.out.printf(Locale.ROOT, "%s %dx%d f=%d detected=%s z=%.1f agree=%.3f decodes=%d %s %.0fms%n",
                    file.replaceAll(".*/", ""), luma.width, luma.height, residual.factor(), result.detected(), result.syncZ(),
                    result.codeAgreement(), result.decodes(), result.geometry(), (System.nanoTime() - start) / 1e6);
            if (args.length == 1) {
                LatticeEstimator estimator = new LatticeEstimator(residual.data(), residual.width(), residual.height());
                for (LatticeEstimator.Lattice l : estimator.candidates(6)) {
                    RobustDetector.Result r = detector.tryHypothesis(residual, l.period(), l.angle(),
                            residual.width() / 2.0, residual.height() / 2.0);
                    System.out.printf(Locale.ROOT, "  lattice T=%.3f angle=%.3f deg score=%.4f -> z=%.1f ok=%s%n",
                            l.period(), Math.toDegrees(l.angle()), l.score(), r.syncZ(), r.detected());
                }
            }
        }
    }
}
