// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { fakeUrql } from "../../ui/testing/fake-urql";
import { CreateWebhookForm } from "./create-webhook-form";

afterEach(cleanup);

const CATALOG = ["ticket.created", "ticket.updated", "alert.raised"];
const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

describe("the new webhook endpoint form", () => {
  it("shows the API's reason beside the URL, then the secret once after registering", async () => {
    let attempt = 0;
    const urql = fakeUrql(() =>
      attempt++ === 0
        ? { createWebhookEndpoint: { endpoint: null, secret: null, userErrors: [{ field: "url", code: "OUTBOUND_NOT_ALLOWED", message: "This URL cannot receive webhooks: address not allowed (10.1.2.3 is a private address)" }] } }
        : { createWebhookEndpoint: { endpoint: { id: "W1", url: "https://hooks.example.com/in", events: ["alert.raised"], enabled: true }, secret: SECRET, userErrors: [] } },
    );
    let created = 0;
    urql.render(<CreateWebhookForm catalog={CATALOG} onCreated={() => created++} />);
    fireEvent.change(screen.getByLabelText(/^URL/), { target: { value: "https://10.1.2.3/in" } });
    fireEvent.click(screen.getByLabelText("alert.raised"));
    fireEvent.click(screen.getByRole("button", { name: "Register endpoint" }));
    expect(await screen.findByText(/10\.1\.2\.3 is a private address/)).toBeTruthy();
    expect(created).toBe(0);

    fireEvent.change(screen.getByLabelText(/^URL/), { target: { value: " https://hooks.example.com/in " } });
    fireEvent.click(screen.getByRole("button", { name: "Register endpoint" }));
    expect(await screen.findByText(SECRET)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Copy secret" })).toBeTruthy();
    expect(urql.mutations().at(-1)!.variables).toEqual({ input: { url: "https://hooks.example.com/in", events: ["alert.raised"], description: "" } });
    expect(created).toBe(1);
    fireEvent.click(screen.getByRole("button", { name: "I have stored it" }));
    expect(screen.queryByText(SECRET)).toBeNull();
  });
});
