"use client";

import { useState } from "react";
import { useMutation } from "urql";
import { graphql } from "../../../lib/graphql";
import { SelectField } from "../../ui/field";
import { Card } from "../../ui/page-header";
import { ErrorState, Notice } from "../../ui/states";
import { FormErrors } from "../../ui/user-errors";

const SetTicketProviderMutation = graphql(`
  mutation SetTicketProvider($input: SetTicketProviderInput!) {
    setTicketProvider(input: $input) { partner { id ticketProvider } userErrors { field message code } }
  }
`);

/** Where new tickets go: the built-in PSA or a connected plugin with the tickets capability. */
export function TicketProvider({ current, choices, canManage, onChanged }: { current: string; choices: readonly { value: string; label: string }[]; canManage: boolean; onChanged: () => void }) {
  const [value, setValue] = useState(current);
  const [messages, setMessages] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);
  const [{ fetching, error }, setProvider] = useMutation(SetTicketProviderMutation);
  const save = async () => {
    setSaved(false);
    const result = await setProvider({ input: { pluginId: value } });
    const errors = result.data?.setTicketProvider.userErrors ?? [];
    setMessages(errors.map((e) => e.message));
    if (result.data?.setTicketProvider.partner) {
      setSaved(true);
      onChanged();
    }
  };
  const options = [{ value: "psa", label: "Built-in PSA" }, ...choices];
  return (
    <Card title="Ticket provider">
      <p className="ui-muted" style={{ margin: "0 0 0.75rem" }}>New tickets are kept here; existing tickets stay with the provider that has them.</p>
      <div className="ui-toolbar">
        <SelectField label="Keep new tickets in" value={value} onChange={setValue} options={options} disabled={!canManage} />
        {canManage ? (
          <button type="button" className="ui-button" data-variant="primary" onClick={save} disabled={fetching || value === current}>
            {fetching ? "Saving…" : "Set ticket provider"}
          </button>
        ) : null}
      </div>
      <FormErrors messages={messages} />
      {error ? <ErrorState error={error} title="The ticket provider was not changed" /> : null}
      {saved && value === current ? <Notice tone="ok">New tickets now go to {options.find((o) => o.value === current)?.label}.</Notice> : null}
    </Card>
  );
}
