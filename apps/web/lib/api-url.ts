/** Where the web server reaches the API; read per request so a built app can move. */
export function apiUrl(): string {
  return process.env.MSPGRAPH_API_URL ?? `http://127.0.0.1:${process.env.API_PORT ?? 4000}`;
}
