package io.certana.asset.processing;

import java.lang.ref.SoftReference;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.certana.asset.config.AssetConfig;
import io.certana.imaging.decode.DecodedImage;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands the image that the upload check decoded to the worker that watermarks it, so that a
 * registration decodes its original once instead of twice when both run on the same instance.
 *
 * <p>Only an optimisation: the job decodes the stored original whenever the image is not here
 * (another instance, a restart, a retry, a full handoff). Entries are soft references, so the
 * garbage collector may drop them under memory pressure, and they are bounded by
 * {@code certana.asset.upload.handoff-max-pixels} in total and by {@link #MAX_AGE}.
 */
@ApplicationScoped
public class DecodedImageHandoff {

    /** How long an image waits for its worker before it is dropped; a longer queue decodes again. */
    static final Duration MAX_AGE = Duration.ofMinutes(2);

    private record Entry(SoftReference<DecodedImage> image, long pixels, long storedAt) {
    }

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final long maxPixels;
    private final boolean enabled;
    private long heldPixels;

    public DecodedImageHandoff(AssetConfig config) {
        this.maxPixels = config.upload().handoffMaxPixels();
        this.enabled = config.jobs().enabled() && maxPixels > 0;
    }

    /** Keeps the decoded original of a newly queued asset, when it fits within the bound. */
    public synchronized void offer(UUID assetId, DecodedImage image) {
        if (!enabled) {
            return;
        }
        dropExpired();
        long pixels = (long) image.width() * image.height();
        if (heldPixels + pixels > maxPixels) {
            return;
        }
        entries.put(assetId, new Entry(new SoftReference<>(image), pixels, System.nanoTime()));
        heldPixels += pixels;
    }

    /** Removes and returns the decoded original of an asset, or null when it is not held. */
    public synchronized DecodedImage take(UUID assetId) {
        Entry entry = entries.remove(assetId);
        if (entry == null) {
            return null;
        }
        heldPixels -= entry.pixels();
        return entry.image().get();
    }

    private void dropExpired() {
        long now = System.nanoTime();
        Iterator<Entry> iterator = entries.values().iterator();
        while (iterator.hasNext()) {
            Entry entry = iterator.next();
            if (now - entry.storedAt() > MAX_AGE.toNanos() || entry.image().get() == null) {
                heldPixels -= entry.pixels();
                iterator.remove();
            }
        }
    }
}
