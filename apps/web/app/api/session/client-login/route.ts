import { signInHandler } from "../../../../lib/session/sign-in-route";

export const POST = signInHandler("client");
export const dynamic = "force-dynamic";
