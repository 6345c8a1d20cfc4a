import { z } from "zod";
import { describe, expect, it } from "vitest";
import { PluginDefinitionError, definePlugin } from "./define-plugin.js";
import { createPluginRegistry } from "./registry.js";

const valid = { id: "acme-rmm", name: "Acme RMM", version: "1.0.0", credentialsSchema: z.object({ apiKey: z.string() }), configSchema: z.object({}) };

describe("definePlugin", () => {
  it("accepts a complete definition", () => {
    expect(definePlugin({ ...valid, capabilities: ["backups"] })).toMatchObject({ id: "acme-rmm", capabilities: ["backups"], description: "" });
  });

  it.each([
    [{ ...valid, id: "Acme RMM" }, "acme rmm", /"Acme RMM" is invalid: id: id must be/],
    [{ ...valid, version: "one" }, "acme-rmm", /"acme-rmm" is invalid: version: version must be semantic/],
    [{ ...valid, capabilities: ["teleport"] }, "acme-rmm", /"acme-rmm" is invalid: capabilities/],
    [{ ...valid, credentialsSchema: { apiKey: "string" } }, "acme-rmm", /"acme-rmm" is invalid: credentialsSchema: credentialsSchema must be a zod object schema/],
    [{ ...valid, name: "" }, "acme-rmm", /"acme-rmm" is invalid: name: name must not be empty/],
  ])("refuses a bad definition with the plugin's name and the problem (%#)", (definition, _id, message) => {
    expect(() => definePlugin(definition as never)).toThrow(PluginDefinitionError);
    expect(() => definePlugin(definition as never)).toThrow(message);
  });

  it("refuses two plugins with one id in the registry", () => {
    const plugin = definePlugin(valid);
    expect(() => createPluginRegistry([plugin, plugin])).toThrow(/"acme-rmm" is invalid: another plugin already uses this id/);
    expect(createPluginRegistry([plugin]).get("acme-rmm")).toBe(plugin);
  });
});
