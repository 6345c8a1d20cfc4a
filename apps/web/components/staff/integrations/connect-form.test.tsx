// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { Provider, type Client } from "urql";
import { fromValue } from "wonka";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConnectForm } from "./connect-form";
import { SYNCRO_SPEC } from "./plugin-specs";

type TSent = { query: string; variables: { input: Record<string, unknown> } };

/** A urql client that records each mutation and answers it with `reply`. */
function fakeClient(reply: (sent: TSent) => unknown) {
  const sent: TSent[] = [];
  const client = {
    executeMutation: vi.fn((request: { query: { loc?: { source: { body: string } } }; variables: TSent["variables"] }) => {
      const entry = { query: request.query.loc?.source.body ?? "", variables: request.variables };
      sent.push(entry);
      return fromValue({ data: reply(entry), stale: false, hasNext: false });
    }),
  } as unknown as Client;
  return { client, sent };
}

const stored = { name: "Syncro", hasCredentials: true, credentialsUpdatedAt: "2026-11-30T10:00:00.000Z", config: { baseUrl: "https://proxy.example/api/v1", syncMinutes: 30 } };
const ok = { updateIntegration: { integration: { pluginId: "syncro", status: "OK" }, userErrors: [] } };

afterEach(cleanup);

describe("the integration connect form", () => {
  it("never shows stored credentials: secret inputs start empty and say a value is stored", () => {
    const { client } = fakeClient(() => ok);
    render(<Provider value={client}><ConnectForm spec={SYNCRO_SPEC} integration={stored} mode="update" onDone={() => {}} /></Provider>);
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
    const { client, sent } = fakeClient(() => ok);
    const onDone = vi.fn();
    render(<Provider value={client}><ConnectForm spec={SYNCRO_SPEC} integration={stored} mode="update" onDone={onDone} /></Provider>);
    fireEvent.change(screen.getByLabelText("Sync interval (minutes)"), { target: { value: "5" } });
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(sent[0]?.variables.input).toEqual({ pluginId: "syncro", config: { baseUrl: "https://proxy.example/api/v1", syncMinutes: 5 } });
  });

  it("refuses half a set of credentials before calling the API", () => {
    const { client, sent } = fakeClient(() => ok);
    render(<Provider value={client}><ConnectForm spec={SYNCRO_SPEC} integration={stored} mode="update" onDone={() => {}} /></Provider>);
    fireEvent.change(screen.getByLabelText("Subdomain"), { target: { value: "acme" } });
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(screen.getByText("Enter the api token too: credentials are replaced together")).toBeTruthy();
    expect(sent).toHaveLength(0);
  });

  it("connects with the credentials, shows the API's refusal beside the fields and forgets the typed secret", async () => {
    const { client, sent } = fakeClient(() => ({
      connectIntegration: { integration: null, userErrors: [{ field: "credentials", message: "Syncro refused the API token", code: "BAD_USER_INPUT" }, { field: "config.baseUrl", message: "must be a URL", code: "BAD_USER_INPUT" }] },
    }));
    render(<Provider value={client}><ConnectForm spec={SYNCRO_SPEC} integration={{ name: "Syncro", hasCredentials: false }} mode="connect" onDone={() => {}} /></Provider>);
    fireEvent.change(screen.getByLabelText("Subdomain"), { target: { value: " acme " } });
    fireEvent.change(screen.getByLabelText("API token"), { target: { value: "T0ken-secret-123" } });
    fireEvent.click(screen.getByRole("button", { name: "Connect Syncro" }));
    await screen.findByText("Syncro refused the API token");
    expect(sent[0]?.variables.input).toEqual({ pluginId: "syncro", credentials: { subdomain: "acme", apiToken: "T0ken-secret-123" }, config: {} });
    expect(screen.getByText("must be a URL")).toBeTruthy();
    expect((screen.getByLabelText("API token") as HTMLInputElement).value).toBe("");
    expect((screen.getByLabelText("Subdomain") as HTMLInputElement).value).toBe(" acme ");
  });
});
