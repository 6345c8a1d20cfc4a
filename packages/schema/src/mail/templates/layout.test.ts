import { describe, expect, it } from "vitest";
import { clientInvitationLink, clientInvitationMail } from "./client-invitation.js";

const client = { name: 'Fabrikam <script>alert("x")</script>', logoUrl: "https://cdn.example.test/fabrikam.png", primaryColor: "#123456", accentColor: "#abcdef" };
const expiresAt = new Date("2026-12-10T12:00:00Z");

describe("mail templates", () => {
  it("write the client's branding and the partner's name, escaping every name", () => {
    const link = clientInvitationLink("https://portal.example.test/msp/", "mspi_abc&def");
    const mail = clientInvitationMail({ branding: { partnerName: "Northwind & Co", client }, inviteeName: "<b>Eve</b>", link, expiresAt });
    expect(link).toBe("https://portal.example.test/msp/portal/accept-invitation?token=mspi_abc%26def");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("Fabrikam &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(mail.html).toContain("&lt;b&gt;Eve&lt;/b&gt;");
    expect(mail.html).toContain("Northwind &amp; Co");
    expect(mail.html).toContain('<img src="https://cdn.example.test/fabrikam.png"');
    expect(mail.html).toContain("border-top:4px solid #123456");
    expect(mail.html).toContain(`href="${link.replace(/&/g, "&amp;")}"`);
    expect(mail.text).toContain(`Set your password: ${link}`);
    expect(mail.text).toContain("<b>Eve</b>");
    expect(mail.subject).toBe(`You are invited to ${client.name}'s portal at Northwind & Co`);
  });

  it("drop a colour that is not #rrggbb and a logo that is not http(s)", () => {
    const odd = { ...client, logoUrl: "javascript:alert(1)", primaryColor: "red;background:url(x)" };
    const mail = clientInvitationMail({ branding: { partnerName: "Northwind", client: odd }, inviteeName: "Eve", link: "http://localhost:3000/portal/accept-invitation?token=t", expiresAt });
    expect(mail.html).not.toContain("javascript:");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).not.toContain("red;background");
    expect(mail.html).toContain("#1f6feb");
  });
});
