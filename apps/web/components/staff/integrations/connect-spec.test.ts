import { describe, expect, it } from "vitest";
import { connectInput, fieldAliases, initialValues, validateConnect } from "./connect-spec";
import { MSP360_SPEC, SYNCRO_SPEC } from "./plugin-specs";
import { describeSync } from "./sync-now";

describe("connect form settings", () => {
  it("starts credentials empty whatever the API returned, and config from the stored config", () => {
    const values = initialValues(MSP360_SPEC, { baseUrl: "https://api.mspbackups.com", pollMinutes: 30, password: "leaked?" });
    expect(values).toEqual({ login: "", password: "", baseUrl: "https://api.mspbackups.com", pollMinutes: "30", missedGraceMinutes: "", timeZone: "" });
  });

  it("connecting needs every required credential; config is checked for shape", () => {
    expect(validateConnect(SYNCRO_SPEC, { subdomain: "", apiToken: "", baseUrl: "ftp://x", syncMinutes: "0" }, "connect")).toEqual({
      subdomain: "Enter the subdomain",
      apiToken: "Enter the api token",
      baseUrl: "Enter an address starting with https://",
      syncMinutes: "Enter whole minutes between 1 and 1440",
    });
    expect(validateConnect(SYNCRO_SPEC, { subdomain: "acme", apiToken: "t0ken-123", baseUrl: "", syncMinutes: "" }, "connect")).toEqual({});
  });

  it("updating keeps stored credentials when none are typed and sends minutes as numbers", () => {
    const values = { subdomain: "", apiToken: "", baseUrl: " https://proxy.example ", syncMinutes: "20" };
    expect(validateConnect(SYNCRO_SPEC, values, "update")).toEqual({});
    expect(connectInput(SYNCRO_SPEC, values, "update")).toEqual({ pluginId: "syncro", config: { baseUrl: "https://proxy.example", syncMinutes: 20 } });
    expect(connectInput(SYNCRO_SPEC, { ...values, subdomain: "acme", apiToken: "new" }, "update")).toEqual({
      pluginId: "syncro",
      credentials: { subdomain: "acme", apiToken: "new" },
      config: { baseUrl: "https://proxy.example", syncMinutes: 20 },
    });
  });

  it("sends Syncro's default ticket type as a number and refuses one that is not a whole id", () => {
    const values = { subdomain: "", apiToken: "", baseUrl: "", syncMinutes: "", defaultTicketTypeId: "12", defaultProblemType: " Network " };
    expect(validateConnect(SYNCRO_SPEC, values, "update")).toEqual({});
    expect(connectInput(SYNCRO_SPEC, values, "update")).toEqual({ pluginId: "syncro", config: { defaultTicketTypeId: 12, defaultProblemType: "Network" } });
    for (const bad of ["0", "-3", "1.5", "12abc"]) {
      expect(validateConnect(SYNCRO_SPEC, { ...values, defaultTicketTypeId: bad }, "update")).toEqual({ defaultTicketTypeId: "Enter the number as the service shows it, e.g. 12" });
    }
  });

  it("maps the API's field paths onto the form's fields", () => {
    expect(fieldAliases(SYNCRO_SPEC)).toMatchObject({ "credentials.apiToken": "apiToken", "config.baseUrl": "baseUrl" });
  });
});

describe("sync progress", () => {
  it("shows pages done when the plugin reports them, else the event's state", () => {
    expect(describeSync("PROCESSING", { done: 3, total: 12 })).toEqual({ label: "Syncing: 3 of 12 pages", value: 0.25 });
    expect(describeSync("PENDING", null)).toEqual({ label: "Queued: waiting for the background worker…", value: null });
    expect(describeSync(null, { done: 0, total: 0 })).toEqual({ label: "Syncing…", value: null });
    expect(describeSync(null, null)).toBeNull();
  });
});
