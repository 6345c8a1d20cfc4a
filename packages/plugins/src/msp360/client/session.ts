import { Msp360ApiError, Msp360CredentialsRejectedError } from "./errors.js";
import { ZMsp360LoginResponse } from "./schemas.js";
import { isFresh, tokenFromLogin, type TMsp360Token, type TMsp360TokenCache } from "./token.js";
import { sendToMsp360, type TMsp360TransportOptions } from "./transport.js";

export const LOGIN_PATH = "/api/Provider/Login";

const isRejection = (error: unknown, statuses: number[]) =>
  error instanceof Msp360ApiError && error.status !== undefined && statuses.includes(error.status);

/**
 * Holds one partner connection's login: reuses the cached token while it is fresh, shares
 * one login between concurrent calls, and after a 401 logs in once more before giving up.
 */
export class Msp360Session {
  private token: TMsp360Token | null = null;
  private loading: Promise<TMsp360Token> | null = null;

  constructor(
    private readonly input: {
      transport: TMsp360TransportOptions;
      userName: string;
      password: string;
      tokenCache: TMsp360TokenCache;
      now: () => Date;
    },
  ) {}

  /** Runs `call` with a valid token; a 401 costs exactly one fresh login and one retry. */
  async authorized<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    const token = await this.currentToken();
    try {
      return await call(token.accessToken);
    } catch (error) {
      if (!isRejection(error, [401])) throw error;
    }
    const renewed = await this.renewAfterRejection(token);
    try {
      return await call(renewed.accessToken);
    } catch (error) {
      if (isRejection(error, [401])) throw new Msp360CredentialsRejectedError(401);
      throw error;
    }
  }

  /** Logs in now, whatever is cached; concurrent callers share the one login. */
  login(): Promise<TMsp360Token> {
    this.loading ??= this.loginOnce().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async currentToken(): Promise<TMsp360Token> {
    if (this.loading) return this.loading;
    this.token ??= await this.input.tokenCache.get();
    if (this.token && isFresh(this.token, this.input.now())) return this.token;
    return this.login();
  }

  // Another call may already have logged in again after the same rejection.
  private async renewAfterRejection(rejected: TMsp360Token): Promise<TMsp360Token> {
    if (this.loading) return this.loading;
    if (this.token && this.token.accessToken !== rejected.accessToken) return this.token;
    return this.login();
  }

  private async loginOnce(): Promise<TMsp360Token> {
    const { transport, userName, password } = this.input;
    const request = { method: "POST", path: LOGIN_PATH, body: { UserName: userName, Password: password } } as const;
    try {
      const token = await sendToMsp360(transport, request, async ({ response, describe }) => {
        // Reading the body may fail on the network (reported as such); only parsing is bad_payload.
        const text = await response.text();
        const parsed = ZMsp360LoginResponse.safeParse(parseJson(text));
        if (parsed.success) return tokenFromLogin(parsed.data, this.input.now());
        throw new Msp360ApiError({ kind: "bad_payload", message: `MSP360 answered ${describe} without an access token` });
      });
      this.token = token;
      await this.input.tokenCache.set(token);
      return token;
    } catch (error) {
      if (isRejection(error, [400, 401, 403])) throw new Msp360CredentialsRejectedError((error as Msp360ApiError).status);
      throw error;
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
