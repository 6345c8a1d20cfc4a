import { definePlugin } from "../contract/define-plugin.js";
import { Msp360Client } from "./client/client.js";
import { Msp360ApiError, Msp360CredentialsRejectedError } from "./client/errors.js";
import { msp360Backups } from "./backup-provider.js";
import { type TMsp360Tuning, ZMsp360Config, ZMsp360Credentials } from "./connection.js";
import { msp360Rules, registerMsp360Schema } from "./graphql.js";
import { pollBackups } from "./poll.js";
import { msp360Tenancy } from "./msp360.tenancy.js";

export const LOGIN_REJECTED_MESSAGE = "MSP360 rejected this API login and password: check them under Settings > API in the MSP360 console";

/**
 * The MSP360 Managed Backup plugin.
 * @param tuning client settings for every connection; tests shorten the backoff
 */
export const createMsp360Plugin = (tuning: TMsp360Tuning = {}) =>
  definePlugin({
    id: "msp360",
    name: "MSP360 Managed Backup",
    version: "1.0.0",
    description: "MSP360 (MSPBackups) backup monitoring: each machine's backup plans next to its agent, alerts on failed and missed backups",
    capabilities: ["backups"],
    credentialsSchema: ZMsp360Credentials,
    configSchema: ZMsp360Config,
    // The login and password go to the API address, so a new address needs them entered again.
    endpoint: ({ config }) => ({ url: ZMsp360Config.parse(config).baseUrl, field: "config.baseUrl" }),
    async verifyCredentials({ credentials, config, fetch }) {
      const { login, password } = ZMsp360Credentials.parse(credentials);
      const client = new Msp360Client({ timeoutMs: 10_000, ...tuning, maxRetries: 1, baseUrl: ZMsp360Config.parse(config).baseUrl, userName: login, password, fetch });
      try {
        await client.verify();
        return { ok: true };
      } catch (error) {
        if (error instanceof Msp360CredentialsRejectedError) return { ok: false, message: LOGIN_REJECTED_MESSAGE };
        if (error instanceof Msp360ApiError) return { ok: false, message: error.message };
        throw error;
      }
    },
    register: (builder) => registerMsp360Schema(builder, tuning),
    rules: msp360Rules,
    tenancy: msp360Tenancy,
    backups: msp360Backups(tuning),
    async handleEvent(event, context) {
      if (event.kind !== "sync") throw new Error(`MSP360 handles no "${event.kind}" events`);
      await pollBackups(context, tuning);
    },
    jobs: [{ name: "poll", everyMinutes: (config) => Number(config.pollMinutes ?? 15), run: async (context) => void (await pollBackups(context, tuning)) }],
  });

export const msp360Plugin = createMsp360Plugin();
