import { signInHandler } from "../../../../lib/session/sign-in-route";

export const POST = signInHandler("staff");
export const dynamic = "force-dynamic";
