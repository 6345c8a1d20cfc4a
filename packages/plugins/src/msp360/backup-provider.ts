import type { BackupProvider, PluginContext, ProviderBackupPlan } from "@mspgraph/schema";
import { Msp360ApiError, Msp360CredentialsRejectedError } from "./client/errors.js";
import { configOf, msp360ClientFor, type TMsp360Tuning } from "./connection.js";
import { toProviderPlan } from "./plan-mapping.js";
import { msp360ProviderError } from "./provider-failure.js";

/** Plans per batch handed to the core: one transaction each. */
export const BATCH_SIZE = 250;

/**
 * Reports how a call to MSP360 went: success makes the connection OK, a failure DEGRADED, and
 * credentials refused after one fresh login FAILING at once. Rethrows as ProviderError.
 */
export async function reportMsp360Failure(context: PluginContext, error: unknown): Promise<never> {
  if (!(error instanceof Msp360ApiError)) throw error;
  await context.reportFailure(error.message, { failing: error instanceof Msp360CredentialsRejectedError || error.kind === "not_allowed" });
  throw msp360ProviderError(error);
}

/** Runs calls to MSP360 for a connection, reporting the connection's health. */
export async function withMsp360<Result>(context: PluginContext, tuning: TMsp360Tuning, work: (client: ReturnType<typeof msp360ClientFor>) => Promise<Result>): Promise<Result> {
  try {
    const result = await work(msp360ClientFor(context, tuning));
    await context.reportSuccess();
    return result;
  } catch (error) {
    return reportMsp360Failure(context, error);
  }
}

/** The backups capability over `GET /api/Monitoring`, streamed and handed over in batches. */
export function msp360Backups(tuning: TMsp360Tuning): BackupProvider {
  return {
    async *listPlans(context) {
      const missedGraceMs = configOf(context).missedGraceMinutes * 60_000;
      const now = new Date();
      let invalid = 0;
      let batch: ProviderBackupPlan[] = [];
      try {
        const rows = msp360ClientFor(context, tuning).monitoringRows({ onInvalidRow: () => void invalid++ });
        for await (const row of rows) {
          batch.push(toProviderPlan(row, { now, missedGraceMs }));
          if (batch.length >= BATCH_SIZE) {
            yield batch;
            batch = [];
          }
        }
      } catch (error) {
        await reportMsp360Failure(context, error);
      }
      if (batch.length > 0) yield batch;
      if (invalid > 0) context.logger.warn({ invalid }, "MSP360 monitoring rows skipped: they did not fit the documented shape");
      await context.reportSuccess();
    },
    async clientIdForCompany(context, companyName) {
      if (!companyName) return null;
      const link = await context.prisma.msp360CompanyLink.findUnique({ where: { connectionId_companyName: { connectionId: context.connection.id, companyName } }, select: { clientId: true } });
      return link?.clientId ?? null;
    },
  };
}
