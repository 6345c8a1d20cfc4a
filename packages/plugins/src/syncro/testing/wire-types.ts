// The records as Syncro sends them (snake_case, nullable), which the fake server stores and serves.

export type TSyncroWireCustomer = {
  id: number;
  business_name: string | null;
  firstname: string | null;
  lastname: string | null;
  fullname: string | null;
  business_then_name: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  disabled: boolean;
  created_at: string;
  updated_at: string;
};

export type TSyncroWireContact = {
  id: number;
  customer_id: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  title: string | null;
  created_at: string;
  updated_at: string;
};

export type TSyncroWireComment = {
  id: number;
  ticket_id: number;
  subject: string | null;
  body: string | null;
  tech: string | null;
  hidden: boolean;
  do_not_email: boolean;
  sms_body: string | null;
  user_id: number | null;
  created_at: string;
  updated_at: string;
};

/** Decimals are strings, as Rails renders them. */
export type TSyncroWireLineItem = {
  id: number;
  ticket_id: number;
  name: string;
  item: string;
  product_id: number | null;
  description: string | null;
  quantity: string;
  price_cost: string;
  price_retail: string;
  taxable: boolean;
  created_at: string;
  updated_at: string;
};

/** The customer's and contact's names stay null, as on many real tickets. */
export type TSyncroWireTicket = {
  id: number;
  number: number;
  subject: string;
  status: string;
  problem_type: string | null;
  ticket_type_id: number | null;
  priority: string | null;
  customer_id: number;
  customer_business_then_name: string | null;
  contact_id: number | null;
  contact_fullname: string | null;
  user_id: number | null;
  due_date: string | null;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  comments: TSyncroWireComment[];
  line_items: TSyncroWireLineItem[];
};

export const DEFAULT_TICKET_STATUSES = [
  "New",
  "In Progress",
  "Resolved",
  "Invoiced",
  "Waiting for Parts",
  "Waiting on Customer",
  "Scheduled",
  "Customer Reply",
] as const;

export const DEFAULT_PROBLEM_TYPES = ["Remote Support", "Hardware", "Software", "Network", "Backup"] as const;
