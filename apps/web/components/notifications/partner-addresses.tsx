"use client";

import { useEffect, useState } from "react";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../lib/graphql";
import { TextField } from "../ui/field";
import { Loading } from "../ui/states";

const AddressesQuery = graphql(`
  query PartnerNotificationAddresses {
    viewer { id partner { id ticketQueueEmails onCallEmails } }
  }
`);

const UpdateAddresses = graphql(`
  mutation UpdatePartnerAddresses($input: UpdatePartnerInput!) {
    updatePartner(input: $input) { id ticketQueueEmails onCallEmails }
  }
`);

const split = (text: string) => text.split(/[\s,;]+/).map((address) => address.trim()).filter(Boolean);

/** The partner's ticket-queue and on-call addresses (OWNER/ADMIN). */
export function PartnerAddressesForm() {
  const [result] = useQuery({ query: AddressesQuery });
  const [saving, save] = useMutation(UpdateAddresses);
  const partner = result.data?.viewer?.partner;
  const [queue, setQueue] = useState("");
  const [onCall, setOnCall] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (!partner) return;
    setQueue(partner.ticketQueueEmails.join(", "));
    setOnCall(partner.onCallEmails.join(", "));
  }, [partner]);
  if (!partner) return <Loading />;
  const submit = async () => {
    const answer = await save({ input: { id: partner.id, ticketQueueEmails: split(queue), onCallEmails: split(onCall) } });
    setMessage(answer.error ? (answer.error.graphQLErrors[0]?.message ?? "The addresses could not be saved.") : "Saved.");
  };
  return (
    <form onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <TextField label="Ticket queue addresses" name="ticketQueueEmails" value={queue} onChange={setQueue} hint="Told when a client opens a ticket or replies on one that has no assignee. Empty: nobody is told of those." />
      <TextField label="On-call addresses" name="onCallEmails" value={onCall} onChange={setOnCall} hint="Told of critical alerts and failed backups, and when they recover. Separate addresses with commas." />
      {message ? <p role="status">{message}</p> : null}
      <button type="submit" className="button button-primary" disabled={saving.fetching}>{saving.fetching ? "Saving…" : "Save addresses"}</button>
    </form>
  );
}
