import { randomBytes } from "node:crypto";
import { directoryFromRows, type TMsp360Directory } from "./directory.js";
import type { TMsp360WireCompany, TMsp360WireComputer, TMsp360WireMonitoringRow, TMsp360WireUser } from "./wire-types.js";

export type TMsp360ServerCredentials = { userName: string; password: string };

/**
 * The fake MSP360 account: API credentials, issued tokens and the data the endpoints serve.
 * @remarks Companies, users and computers follow the monitoring rows unless a test sets
 * them explicitly.
 */
export class Msp360ServerState {
  /** Live: `regenerateCredentials()` changes the password in place. */
  readonly credentials: TMsp360ServerCredentials;
  tokenLifetimeMs: number;
  private readonly now: () => Date;
  private readonly tokens = new Map<string, number>();
  private monitoring: TMsp360WireMonitoringRow[] = [];
  private derived: TMsp360Directory | null = null;
  private overrides: Partial<TMsp360Directory> = {};

  constructor(input: { credentials: TMsp360ServerCredentials; tokenLifetimeMs: number; now: () => Date }) {
    this.credentials = { ...input.credentials };
    this.tokenLifetimeMs = input.tokenLifetimeMs;
    this.now = input.now;
  }

  setMonitoring(rows: TMsp360WireMonitoringRow[]): void {
    this.monitoring = rows;
    this.derived = null;
  }
  setCompanies(companies: TMsp360WireCompany[]): void {
    this.overrides.companies = companies;
  }
  setUsers(users: TMsp360WireUser[]): void {
    this.overrides.users = users;
  }
  setComputers(computers: TMsp360WireComputer[]): void {
    this.overrides.computers = computers;
  }

  monitoringRows(userId?: string): readonly TMsp360WireMonitoringRow[] {
    return userId === undefined ? this.monitoring : this.monitoring.filter((row) => row.UserID === userId);
  }
  companies(): readonly TMsp360WireCompany[] {
    return this.overrides.companies ?? this.directory().companies;
  }
  users(): readonly TMsp360WireUser[] {
    return this.overrides.users ?? this.directory().users;
  }
  computers(): readonly TMsp360WireComputer[] {
    return this.overrides.computers ?? this.directory().computers;
  }

  checkCredentials(userName: unknown, password: unknown): boolean {
    return userName === this.credentials.userName && password === this.credentials.password;
  }

  issueToken(): { accessToken: string; issuedAt: Date; expiresAt: Date } {
    const accessToken = randomBytes(24).toString("base64url");
    const issuedAt = this.now();
    const expiresAt = new Date(issuedAt.getTime() + this.tokenLifetimeMs);
    this.tokens.set(accessToken, expiresAt.getTime());
    return { accessToken, issuedAt, expiresAt };
  }

  isValidToken(accessToken: string): boolean {
    const expiresAt = this.tokens.get(accessToken);
    return expiresAt !== undefined && expiresAt > this.now().getTime();
  }

  expireAllTokens(): void {
    this.tokens.clear();
  }

  /** Like regenerating the API credentials in the console: new password, every token expired. */
  regenerateCredentials(): TMsp360ServerCredentials {
    this.credentials.password = randomBytes(18).toString("base64url");
    this.expireAllTokens();
    return { ...this.credentials };
  }

  private directory(): TMsp360Directory {
    this.derived ??= directoryFromRows(this.monitoring);
    return this.derived;
  }
}
