import { expect, it } from "vitest";
import { brandStyle, inkOn, safeLogoUrl } from "./branding";

it("writes on a client's colour in whichever of black or white reads better", () => {
  expect(inkOn("#0e7490")).toBe("#ffffff");
  expect(inkOn("#fde68a")).toBe("#0f172a");
});

it("keeps our colours when a client's are not #rrggbb", () => {
  expect(brandStyle({ primaryColor: "red; background: url(x)", accentColor: "#000000" })).toEqual({});
  expect(brandStyle({ primaryColor: "#15803d", accentColor: "nope" })["--brand-accent"]).toBe("#15803d");
});

it("shows a logo only from https or this site", () => {
  expect(safeLogoUrl("/logos/fabrikam.svg")).toBe("/logos/fabrikam.svg");
  expect(safeLogoUrl("https://cdn.example/logo.png")).toBe("https://cdn.example/logo.png");
  expect(safeLogoUrl("javascript:alert(1)")).toBeNull();
  expect(safeLogoUrl("//evil.example/logo.png")).toBeNull();
  expect(safeLogoUrl("http://plain.example/logo.png")).toBeNull();
});
