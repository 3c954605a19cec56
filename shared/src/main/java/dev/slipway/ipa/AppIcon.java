package dev.slipway.ipa;

/**
 * The app's icon, decoded to a standard PNG.
 *
 * @param path the PNG's path in the archive
 * @param crushed whether Xcode had crushed it (CgBI) and it was decoded
 * @param png a standard PNG any browser shows
 */
public record AppIcon(String path, int width, int height, boolean crushed, byte[] png) {
}
