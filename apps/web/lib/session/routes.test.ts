import { expect, it } from "vitest";
import { STAFF_SECTIONS, areaOf } from "./routes";

it("treats every page outside the portal and the sign-in pages as staff-only, including ones not listed yet", () => {
  for (const section of STAFF_SECTIONS) expect(areaOf(section.href)).toBe("staff");
  expect(areaOf("/clients/Q2xpZW50OjE%3D")).toBe("staff");
  expect(areaOf("/agents")).toBe("staff");
  expect(areaOf("/some-future-page")).toBe("staff");
});

it("keeps the portal, its public pages and the staff sign-in apart", () => {
  expect(areaOf("/portal")).toBe("portal");
  expect(areaOf("/portal/tickets/new")).toBe("portal");
  expect(areaOf("/portal/login")).toBe("portal-login");
  expect(areaOf("/portal/accept-invitation")).toBe("portal-login");
  expect(areaOf("/login")).toBe("staff-login");
  expect(areaOf("/accept-invitation")).toBe("staff-login");
  expect(areaOf("/portalx")).toBe("staff");
  expect(areaOf("/")).toBe("home");
});

it("keeps the forgotten-password pages beside their sign-in, and reset links open with or without a session", () => {
  expect(areaOf("/forgot-password")).toBe("staff-login");
  expect(areaOf("/portal/forgot-password")).toBe("portal-login");
  expect(areaOf("/reset-password")).toBe("public");
  expect(areaOf("/portal/reset-password")).toBe("public");
  expect(areaOf("/reset-passwords")).toBe("staff");
});
