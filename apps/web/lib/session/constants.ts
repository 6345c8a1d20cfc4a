/** Set on a /graphql response whose session has just ended (lib/urql.ts then sends the page to sign-in). */
export const SESSION_ENDED_HEADER = "x-mspgraph-session";
