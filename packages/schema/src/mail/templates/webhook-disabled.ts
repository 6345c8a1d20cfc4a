import { publicLink } from "../mail-settings.js";
import { type RenderedMail, renderMail } from "./layout.js";

/** The web page where OWNER/ADMIN manage the partner's webhook endpoints. */
export const WEBHOOKS_PATH = "/webhooks";

/** Tells a partner's OWNER/ADMIN that an endpoint was disabled after failing for 3 days. */
export function webhookDisabledMail(input: { partnerName: string; name: string; url: string; failingSince: Date; publicUrl: string }): RenderedMail {
  return renderMail(
    { partnerName: input.partnerName },
    {
      subject: `A webhook endpoint of ${input.partnerName} was disabled`,
      heading: `Hello ${input.name}`,
      paragraphs: [
        `Every delivery to the webhook endpoint ${input.url} has failed since ${input.failingSince.toUTCString()}, so it was disabled and receives no more events.`,
        "Once the receiver works again, enable the endpoint on the Webhooks page; its delivery log shows each failed attempt, and Redeliver sends one again.",
      ],
      action: { label: "Open the Webhooks page", url: publicLink(input.publicUrl, WEBHOOKS_PATH) },
      notes: ["You get this because you are an owner or admin of the partner's account."],
    },
  );
}
