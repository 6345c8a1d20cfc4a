// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, expect, it } from "vitest";
import { ImpersonationBanner } from "./impersonation-banner";

afterEach(cleanup);

const impersonation = { actorName: "Nora Owens", expiresAt: "2026-12-01T12:30:00.000Z", subject: { subjectName: "Fabrikam Dental" } };

it("names who is being viewed as and who is really acting", () => {
  render(<ImpersonationBanner impersonation={impersonation} onExit={async () => {}} />);
  expect(screen.getByRole("region", { name: "Impersonation" }).textContent).toContain("Viewing as Fabrikam Dental");
  expect(screen.getByRole("region", { name: "Impersonation" }).textContent).toContain("you are Nora Owens");
});

it("exits once: the button is disabled while leaving, so a double click does not exit twice", async () => {
  let exits = 0;
  let finish: () => void = () => {};
  render(<ImpersonationBanner impersonation={impersonation} onExit={() => { exits++; return new Promise<void>((resolve) => { finish = resolve; }); }} />);
  const button = screen.getByRole("button", { name: "Exit impersonation" });
  fireEvent.click(button);
  fireEvent.click(button);
  expect(exits).toBe(1);
  expect((screen.getByRole("button", { name: "Exiting…" }) as HTMLButtonElement).disabled).toBe(true);
  finish();
});
