const HEX = /^#([0-9a-f]{6})$/i;

/** Black or white, whichever reads better on a #rrggbb background (WCAG relative luminance). */
export function inkOn(hex: string): "#ffffff" | "#0f172a" {
  const match = HEX.exec(hex);
  if (!match) return "#ffffff";
  const value = parseInt(match[1]!, 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
  return luminance > 0.45 ? "#0f172a" : "#ffffff";
}

/** CSS custom properties that put the portal in a client's colours; bad values keep ours. */
export function brandStyle(branding: { primaryColor: string; accentColor: string } | null | undefined): Record<string, string> {
  if (!branding || !HEX.test(branding.primaryColor)) return {};
  const ink = inkOn(branding.primaryColor);
  // --ui-* are the shared primitives' (components/ui) colours: buttons follow the brand too.
  return {
    "--brand": branding.primaryColor,
    "--brand-accent": HEX.test(branding.accentColor) ? branding.accentColor : branding.primaryColor,
    "--brand-ink": ink,
    "--ui-brand": branding.primaryColor,
    "--ui-brand-ink": ink,
  };
}

/** Only https URLs and same-site paths, as the API accepts them, become <img src>. */
export function safeLogoUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  return url.startsWith("https://") || (url.startsWith("/") && !url.startsWith("//")) ? url : null;
}
