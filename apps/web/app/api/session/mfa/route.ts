import { mfaStepHandler } from "../../../../lib/session/mfa-route";

export const POST = mfaStepHandler;
export const dynamic = "force-dynamic";
