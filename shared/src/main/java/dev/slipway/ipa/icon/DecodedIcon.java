package dev.slipway.ipa.icon;

/**
 * An icon as a standard PNG any browser or image library can show.
 *
 * @param width pixels
 * @param height pixels
 * @param wasCrushed whether the source was Apple's CgBI variant and had to be converted
 * @param png the standard PNG; not copied, so callers must not change it
 */
public record DecodedIcon(int width, int height, boolean wasCrushed, byte[] png) {
}
