"use client";

import { useQuery } from "urql";
import { graphql } from "../../../lib/graphql";

const TicketOptionsQuery = graphql(`
  query TicketOptions {
    clients(first: 100) { edges { node { id name } } }
    viewer { id partner { id staffUsers(first: 100) { edges { node { id name role } } } } }
  }
`);

/** Clients and the partner's staff, for the tickets' filter and assignee selects. */
export function useTicketOptions() {
  const [{ data, error }] = useQuery({ query: TicketOptionsQuery, requestPolicy: "cache-first" });
  return {
    error,
    clients: data?.clients.edges.map(({ node }) => ({ value: node.id, label: node.name })) ?? [],
    staff: data?.viewer?.partner?.staffUsers.edges.map(({ node }) => ({ value: node.id, label: node.name })) ?? [],
  };
}

export const PRIORITIES = [
  { value: "LOW", label: "Low" },
  { value: "NORMAL", label: "Normal" },
  { value: "HIGH", label: "High" },
  { value: "URGENT", label: "Urgent" },
] as const;
