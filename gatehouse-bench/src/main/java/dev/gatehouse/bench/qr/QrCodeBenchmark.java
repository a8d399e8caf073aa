package dev.gatehouse.bench.qr;

import dev.gatehouse.qr.QrCodeRenderer;
import io.nayuki.qrcodegen.QrCode;
import io.nayuki.qrcodegen.QrSegmentAdvanced;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The QR code every CreateVirtualMFADevice returns: the PNG of a device's key URI at the API's size,
 * and, for comparison, the library's symbol with its own choice of mask (no PNG), which is what the
 * renderer took before it chose the mask itself. Run:
 * {@code java -jar gatehouse-bench/target/benchmarks.jar QrCodeBenchmark -t 1}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QrCodeBenchmark {

    /** A device's key URI as CreateVirtualMFADevice makes it: name@account and a 64-character seed. */
    static final String KEY_URI = "otpauth://totp/bench-device-1234@123456789012?secret="
            + "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

    private final QrCodeRenderer renderer = new QrCodeRenderer(QrCodeRenderer.COMPACT_MODULE_PIXELS,
            QrCodeRenderer.DEFAULT_QUIET_ZONE_MODULES);

    @Benchmark
    public byte[] renderPng() {
        return renderer.renderPng(KEY_URI);
    }

    @Benchmark
    public QrCode libraryWithItsOwnMaskChoice() {
        return QrCode.encodeSegments(QrSegmentAdvanced.makeSegmentsOptimally(KEY_URI, QrCode.Ecc.MEDIUM,
                QrCode.MIN_VERSION, QrCode.MAX_VERSION), QrCode.Ecc.MEDIUM, QrCode.MIN_VERSION, QrCode.MAX_VERSION, -1, false);
    }
}
