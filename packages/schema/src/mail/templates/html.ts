const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe to place in HTML, inside an element or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}

/** HTML already escaped (the result of `html`), placed as it is. */
export type SafeHtml = { readonly html: string };

/**
 * A template literal for mail HTML: every interpolated value is escaped unless it is
 * SafeHtml, so a client's or a user's name can never add markup to a message.
 */
export function html(strings: TemplateStringsArray, ...values: ReadonlyArray<string | number | SafeHtml | readonly SafeHtml[]>): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    const parts = Array.isArray(value) ? value : [value];
    out += parts.map((part) => (typeof part === "object" && part !== null && "html" in part ? part.html : escapeHtml(String(part)))).join("");
    out += strings[index + 1] ?? "";
  });
  return { html: out };
}

/** A #rrggbb colour, or the fallback: a stored colour goes into a style attribute. */
export function safeColor(value: string | null | undefined, fallback: string): string {
  return value && /^#[0-9a-fA-F]{6}$/.test(value) ? value : fallback;
}

/** An http(s) image address, or null: a logo is never a script or data URL. */
export function safeImageUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    return ["https:", "http:"].includes(new URL(value).protocol) ? value : null;
  } catch {
    return null;
  }
}
