// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeUrql } from "../../ui/testing/fake-urql";
import { CommentForm } from "./comment-form";
import { CommentThread } from "./comment-thread";

const added = { addTicketComment: { comment: { id: "c1", hidden: true }, userErrors: [] } };

afterEach(cleanup);

describe("the ticket comment form", () => {
  it("posts a public reply by default and an internal note once toggled, visibly marked", async () => {
    const urql = fakeUrql(() => added);
    const onAdded = vi.fn();
    const { container } = urql.render(<CommentForm ticketId="T1" defaultTech="Nora Owens" onAdded={onAdded} />);
    const form = container.querySelector("form")!;
    expect(form.dataset.hidden).toBe("false");
    expect(screen.getByRole("button", { name: "Public reply" }).getAttribute("aria-pressed")).toBe("true");

    fireEvent.click(screen.getByRole("button", { name: "Internal note" }));
    expect(form.dataset.hidden).toBe("true");
    expect(screen.getByText("Hidden: only your staff see internal notes; the client never does.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText("Internal note"), { target: { value: "  Reset the print spooler  " } });
    fireEvent.click(screen.getByRole("button", { name: "Add internal note" }));
    await vi.waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect(urql.mutations()[0]?.variables.input).toEqual({ ticketId: "T1", body: "Reset the print spooler", hidden: true });
    expect((screen.getByLabelText("Internal note") as HTMLTextAreaElement).value).toBe("");
  });

  it("sends the tech name only when it names someone else", async () => {
    const urql = fakeUrql(() => added);
    urql.render(<CommentForm ticketId="T1" defaultTech="Nora Owens" onAdded={() => {}} />);
    fireEvent.change(screen.getByLabelText("Reply"), { target: { value: "On site at 3pm" } });
    fireEvent.change(screen.getByLabelText("Tech name"), { target: { value: "Sam Field" } });
    fireEvent.click(screen.getByRole("button", { name: "Send reply" }));
    await vi.waitFor(() => expect(urql.mutations()).toHaveLength(1));
    expect(urql.mutations()[0]?.variables.input).toEqual({ ticketId: "T1", body: "On site at 3pm", hidden: false, tech: "Sam Field" });
  });

  it("asks for a body instead of posting an empty comment, and shows the API's userErrors", async () => {
    const urql = fakeUrql(() => ({ addTicketComment: { comment: null, userErrors: [{ field: "body", message: "must not be longer than 10000 characters", code: "BAD_USER_INPUT" }] } }));
    urql.render(<CommentForm ticketId="T1" defaultTech="" onAdded={() => {}} />);
    fireEvent.click(screen.getByRole("button", { name: "Send reply" }));
    expect(screen.getByText("Write something first")).toBeTruthy();
    expect(urql.mutations()).toHaveLength(0);
    fireEvent.change(screen.getByLabelText("Reply"), { target: { value: "x" } });
    fireEvent.click(screen.getByRole("button", { name: "Send reply" }));
    expect(await screen.findByText("must not be longer than 10000 characters")).toBeTruthy();
  });

  it("keeps the next comment being typed while the previous one is still being sent", async () => {
    let answer: (value: unknown) => void = () => {};
    const urql = fakeUrql(() => new Promise((resolve) => (answer = resolve)));
    const onAdded = vi.fn();
    urql.render(<CommentForm ticketId="T1" defaultTech="" onAdded={onAdded} />);
    fireEvent.change(screen.getByLabelText("Reply"), { target: { value: "First reply" } });
    fireEvent.click(screen.getByRole("button", { name: "Send reply" }));
    fireEvent.click(screen.getByRole("button", { name: "Internal note" }));
    fireEvent.change(screen.getByLabelText("Internal note"), { target: { value: "Second, internal" } });
    answer(added);
    await vi.waitFor(() => expect(onAdded).toHaveBeenCalled());
    expect((screen.getByLabelText("Internal note") as HTMLTextAreaElement).value).toBe("Second, internal");
  });

  it("marks internal notes in the thread so they are not mistaken for replies", () => {
    const urql = fakeUrql(() => null);
    const { container } = urql.render(
      <CommentThread total={2} comments={[{ id: "1", body: "Hello", hidden: false, tech: "Nora", createdAt: "2026-12-01T10:00:00Z" }, { id: "2", body: "Internal", hidden: true, tech: "Sam", createdAt: "2026-12-01T10:05:00Z" }]} />,
    );
    const items = container.querySelectorAll("li");
    expect(items[0]?.getAttribute("data-hidden")).toBe("false");
    expect(items[1]?.getAttribute("data-hidden")).toBe("true");
    expect(items[1]?.textContent).toContain("Internal note · hidden from client");
  });
});
