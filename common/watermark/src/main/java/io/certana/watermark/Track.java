package io.certana.watermark;

/** The three watermark tracks. */
public enum Track {
    /** Spatial, semi-fragile: survives JPEG 75 and mild resizing, breaks under local edits, gives a tamper map. */
    A,
    /** Frequency band, robust: survives recompression, crops, rescales, rotations, flips and screenshots. */
    B,
    /** Neural (an ONNX watermark model such as RivaGAN); only when a model folder is configured. */
    C
}
