// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeUrql } from "../../ui/testing/fake-urql";
import { ConnectForm } from "./connect-form";
import { SYNCRO_SPEC } from "./plugin-specs";

const stored = { name: "Syncro", hasCredentials: true, credentialsUpdatedAt: "2026-11-30T10:00:00.000Z", config: { baseUrl: "https://proxy.example/api/v1", syncMinutes: 30 } };
const ok = { updateIntegration: { integration: { pluginId: "syncro", status: "OK" }, userErrors: [] } };

afterEach(cleanup);

describe("the integration connect form", () => {
  it("never shows stored credentials: secret inputs start empty and say a value is stored", () => {
    const urql = fakeUrql(() => ok);
    urql.render(<ConnectForm spec={SYNCRO_SPEC} integration={stored} mode="update" onDone={() => {}} />);
    const token = screen.getByLabelText("API token") as HTMLInputElement;
    expect(token.type).toBe("password");
    expect(token.value).toBe("");
    expect((screen.getByLabelText("Subdomain") as HTMLInputElement).value).toBe("");
    expect(screen.getAllByText("Stored — enter a new one to replace")).toHaveLength(2);
    // Non-secret settings are shown so they can be changed.
    expect((screen.getByLabelText("Base URL") as HTMLInputElement).value).toBe("https://proxy.example/api/v1");
    expect((screen.getByLabelText("Sync interval (minutes)") as HTMLInputElement).value).toBe("30");
  });

  it("saves settings alone without sending credentials, keeping the stored ones", async () => {
    const urql = fakeUrql(() => ok);
    const onDone = vi.fn();
    urql.render(<ConnectForm spec={SYNCRO_SPEC} integration={stored} mode="update" onDone={onDone} />);
    fireEvent.change(screen.getByLabelText("Sync interval (minutes)"), { target: { value: "5" } });
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(urql.mutations()[0]?.variables.input).toEqual({ pluginId: "syncro", config: { baseUrl: "https://proxy.example/api/v1", syncMinutes: 5 } });
  });

  it("refuses half a set of credentials before calling the API", () => {
    const urql = fakeUrql(() => ok);
    urql.render(<ConnectForm spec={SYNCRO_SPEC} integration={stored} mode="update" onDone={() => {}} />);
    fireEvent.change(screen.getByLabelText("Subdomain"), { target: { value: "acme" } });
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(screen.getByText("Enter the api token too: credentials are replaced together")).toBeTruthy();
    expect(urql.mutations()).toHaveLength(0);
  });

  it("connects with the credentials, shows the API's refusal beside the fields and forgets the typed secret", async () => {
    const urql = fakeUrql(() => ({
      connectIntegration: { integration: null, userErrors: [{ field: "credentials", message: "Syncro refused the API token", code: "BAD_USER_INPUT" }, { field: "config.baseUrl", message: "must be a URL", code: "BAD_USER_INPUT" }] },
    }));
    urql.render(<ConnectForm spec={SYNCRO_SPEC} integration={{ name: "Syncro", hasCredentials: false }} mode="connect" onDone={() => {}} />);
    fireEvent.change(screen.getByLabelText("Subdomain"), { target: { value: " acme " } });
    fireEvent.change(screen.getByLabelText("API token"), { target: { value: "T0ken-secret-123" } });
    fireEvent.click(screen.getByRole("button", { name: "Connect Syncro" }));
    await screen.findByText("Syncro refused the API token");
    expect(urql.mutations()[0]?.variables.input).toEqual({ pluginId: "syncro", credentials: { subdomain: "acme", apiToken: "T0ken-secret-123" }, config: {} });
    expect(screen.getByText("must be a URL")).toBeTruthy();
    expect((screen.getByLabelText("API token") as HTMLInputElement).value).toBe("");
    expect((screen.getByLabelText("Subdomain") as HTMLInputElement).value).toBe(" acme ");
  });
});
