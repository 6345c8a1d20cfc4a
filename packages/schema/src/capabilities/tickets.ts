import type { PluginContext } from "../integrations/plugin-context.js";

export type ProviderTicketStatus = "NEW" | "IN_PROGRESS" | "WAITING_ON_CUSTOMER" | "SCHEDULED" | "RESOLVED" | "CLOSED";
export type ProviderTicketPriority = "LOW" | "NORMAL" | "HIGH" | "URGENT";

/** A ticket as a provider keeps it, for sync into the core's Ticket. */
export type ProviderTicket = {
  externalId: string;
  /** The local client it belongs to; null when its customer is not linked (it is skipped). */
  clientId: string | null;
  subject: string;
  description: string;
  status: ProviderTicketStatus;
  /** The provider's own name for the status when it differs (a custom status). */
  statusLabel?: string | null;
  priority: ProviderTicketPriority;
  /** Matched to a user of the client by email, case-insensitively. */
  contactEmail?: string | null;
  createdAt: Date;
  updatedAt: Date;
  comments: Array<{ externalId: string; body: string; hidden: boolean; tech: string; createdAt: Date }>;
  lineItems: Array<{ externalId: string; name: string; quantity: string; unitPrice: string; costPrice: string }>;
};

/** One page of a provider's tickets, oldest change first. */
export type ProviderTicketPage = { tickets: ProviderTicket[]; page: number; totalPages: number };

/**
 * The tickets capability: a plugin that keeps a partner's tickets elsewhere (a PSA).
 * @remarks The core's mutations validate input and check permissions, then call the partner's
 * provider **before** writing the local copy: a provider that throws leaves nothing written
 * locally, and the caller gets the error (`PROVIDER_ERROR` unless the error carries its own
 * code). Each write returns the provider's id for what it created, stored on the local row
 * so a later sync updates that row instead of adding a second one. Reads (`tickets`,
 * `ticket`, every view) always use the local copy, which `listTickets` and `getTicket` keep
 * up to date through the core's `importProviderTicket`.
 */
export type TicketProvider = {
  /**
   * @param input the ticket as the core validated it; `clientId` is a local client id.
   * `notifyCustomer` is true only when staff asked for the customer to be emailed the new
   * ticket (never for a client user's own ticket); a provider that emails should not otherwise.
   * @throws ProviderSettingError when the partner must choose a setting first (a user error)
   */
  createTicket(
    context: PluginContext,
    input: { clientId: string; subject: string; description: string; priority: ProviderTicketPriority; contactEmail: string | null; notifyCustomer: boolean },
  ): Promise<{ externalId: string | null }>;
  /** @param input `tech` is the display name the comment is posted under; `hidden` makes it an internal note. */
  addComment(context: PluginContext, input: { ticketExternalId: string | null; body: string; hidden: boolean; tech: string }): Promise<{ externalId: string | null }>;
  changeStatus(context: PluginContext, input: { ticketExternalId: string | null; status: ProviderTicketStatus }): Promise<void>;
  addTimeEntry(context: PluginContext, input: { ticketExternalId: string | null; minutes: number; billable: boolean; note: string; tech: string }): Promise<{ externalId: string | null }>;
  addLineItem(context: PluginContext, input: { ticketExternalId: string | null; name: string; quantity: string; unitPrice: string; costPrice: string }): Promise<{ externalId: string | null }>;
  removeLineItem(context: PluginContext, input: { ticketExternalId: string | null; lineItemExternalId: string | null }): Promise<void>;
  /** Pages of tickets changed since `updatedSince` (all of them when null), for sync. */
  listTickets?(context: PluginContext, input: { updatedSince: Date | null; page: number }): Promise<ProviderTicketPage>;
  /** One ticket, fresh from the provider (a webhook's prompt to re-fetch), or null when it is gone. */
  getTicket?(context: PluginContext, input: { externalId: string }): Promise<ProviderTicket | null>;
};
