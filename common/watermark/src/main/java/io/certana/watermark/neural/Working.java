package io.certana.watermark.neural;

/**
 * An image scaled to a working short side by area averaging (never upscaled), as three float
 * planes R, G, B in 0..255. Dimensions are rounded down to multiples of 8, the stride the
 * convolutional models expect. Square-input models get a size x size square instead, stretched
 * from the image whatever its aspect ratio (and upscaled when the image is smaller).
 */
record Working(int width, int height, float[][] channels) {

    static Working of(int[] argb, int width, int height, int size, boolean square) {
        int w;
        int h;
        if (square) {
            w = size;
            h = size;
        } else {
            double scale = Math.min(1.0, (double) size / Math.min(width, height));
            w = Math.max(8, (int) Math.round(width * scale) / 8 * 8);
            h = Math.max(8, (int) Math.round(height * scale) / 8 * 8);
        }
        float[][] channels = new float[3][w * h];
        float[] count = new float[w * h];
        // Area average: every source pixel adds to the working pixel its centre falls in.
        for (int y = 0; y < height; y++) {
            int ty = Math.min(h - 1, (int) ((y + 0.5) * h / height));
            for (int x = 0; x < width; x++) {
                int tx = Math.min(w - 1, (int) ((x + 0.5) * w / width));
                int t = ty * w + tx;
                int p = argb[y * width + x];
                channels[0][t] += (p >> 16) & 0xff;
                channels[1][t] += (p >> 8) & 0xff;
                channels[2][t] += p & 0xff;
                count[t]++;
            }
        }
        for (int i = 0; i < count.length; i++) {
            if (count[i] == 0) {
                // Only when a square input upscales the image: no source centre fell in this
                // working pixel, so it takes the source pixel under its own centre.
                int sx = Math.min(width - 1, (int) ((i % w + 0.5) * width / w));
                int sy = Math.min(height - 1, (int) ((i / w + 0.5) * height / h));
                int p = argb[sy * width + sx];
                channels[0][i] = (p >> 16) & 0xff;
                channels[1][i] = (p >> 8) & 0xff;
                channels[2][i] = p & 0xff;
                continue;
            }
            channels[0][i] /= count[i];
            channels[1][i] /= count[i];
            channels[2][i] /= count[i];
        }
        return new Working(w, h, channels);
    }
}
