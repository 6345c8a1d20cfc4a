import { TicketStore, type TSeedTicket } from "./ticket-store.js";
import { DEFAULT_PROBLEM_TYPES, DEFAULT_TICKET_STATUSES, type TSyncroWireContact, type TSyncroWireCustomer, type TSyncroWireTicket } from "./wire-types.js";

export type TSeedCustomer = { businessName?: string | null; firstName?: string | null; lastName?: string | null; email?: string | null; phone?: string | null };
export type TSeedContact = { customerId: number; name: string; email?: string | null };

/**
 * The fake Syncro account: customers, contacts, tickets and its settings, in memory.
 * @remarks Tests seed it directly (`addCustomer`, `addTicket`, `touchTicket`) and read it
 * back to see what the client really wrote.
 */
export class SyncroServerState {
  /** The account's ticket statuses; tests may add custom ones. */
  readonly statuses: string[] = [...DEFAULT_TICKET_STATUSES];
  readonly problemTypes: string[] = [...DEFAULT_PROBLEM_TYPES];
  /** The account's ticket types; `POST /tickets` takes one as `ticket_type_id`. */
  readonly ticketTypes: { id: number; name: string }[] = [
    { id: 301, name: "Incident" },
    { id: 302, name: "Service Request" },
  ];
  /** The account setting that makes `POST /tickets` refuse a ticket without a ticket type. */
  requireTicketType = false;
  tokenRevoked = false;
  /** Permissions the API token lacks (`denyPermission`). */
  readonly deniedPermissions = new Set<string>();
  /** The technician who owns the API token; comments posted through the API carry this id. */
  readonly apiUserId = 7;
  readonly now: () => Date;
  /** Comments a ticket's own payload carries before it is cut short; `/comments` pages them all. */
  readonly embeddedComments: number;
  private readonly customerRows: TSyncroWireCustomer[] = [];
  private readonly contactRows: TSyncroWireContact[] = [];
  private readonly ticketStore: TicketStore;
  private nextId = 1;

  constructor(input: { now: () => Date; embeddedComments?: number }) {
    this.now = input.now;
    this.embeddedComments = input.embeddedComments ?? 20;
    this.ticketStore = new TicketStore({ now: input.now, newId: () => this.nextId++ });
  }

  /** Takes a permission from the token, e.g. "Customers - View Detail": its calls answer 401. */
  denyPermission(permission: string): void {
    this.deniedPermissions.add(permission);
  }

  allowPermission(permission: string): void {
    this.deniedPermissions.delete(permission);
  }

  /** Kills the API token (deleted or expired in Syncro): every call answers 401, `GET /me` too. */
  revokeToken(): void {
    this.tokenRevoked = true;
  }

  addCustomer(seed: TSeedCustomer = {}): TSyncroWireCustomer {
    const at = this.now().toISOString();
    const business = seed.businessName === undefined ? (seed.firstName || seed.lastName ? null : `Customer ${this.nextId}`) : seed.businessName;
    const fullname = [seed.firstName, seed.lastName].filter(Boolean).join(" ") || null;
    const customer: TSyncroWireCustomer = {
      id: this.nextId++,
      business_name: business,
      firstname: seed.firstName ?? null,
      lastname: seed.lastName ?? null,
      fullname,
      business_then_name: business || fullname,
      email: seed.email ?? null,
      phone: seed.phone ?? null,
      mobile: null,
      disabled: false,
      created_at: at,
      updated_at: at,
    };
    this.customerRows.push(customer);
    return customer;
  }

  addContact(seed: TSeedContact): TSyncroWireContact {
    const at = this.now().toISOString();
    const contact: TSyncroWireContact = {
      id: this.nextId++,
      customer_id: seed.customerId,
      name: seed.name,
      email: seed.email ?? null,
      phone: null,
      mobile: null,
      title: null,
      created_at: at,
      updated_at: at,
    };
    this.contactRows.push(contact);
    return contact;
  }

  /** Adds a ticket; without `customerId` it goes to the first customer (created if need be). */
  addTicket(seed: Partial<TSeedTicket> = {}): TSyncroWireTicket {
    const customerId = seed.customerId ?? this.customerRows[0]?.id ?? this.addCustomer().id;
    return this.ticketStore.add({ ...seed, customerId });
  }

  /** Marks a ticket as changed now (or at `at`), as any edit in Syncro would. */
  touchTicket(id: number, at?: Date): TSyncroWireTicket {
    return this.ticketStore.touch(id, at);
  }

  customers(): readonly TSyncroWireCustomer[] {
    return this.customerRows;
  }
  customer(id: number): TSyncroWireCustomer | undefined {
    return this.customerRows.find((customer) => customer.id === id);
  }
  contacts(): readonly TSyncroWireContact[] {
    return this.contactRows;
  }
  contact(id: number): TSyncroWireContact | undefined {
    return this.contactRows.find((contact) => contact.id === id);
  }
  get tickets(): TicketStore {
    return this.ticketStore;
  }
  ticket(id: number): TSyncroWireTicket | undefined {
    return this.ticketStore.find(id);
  }
}
