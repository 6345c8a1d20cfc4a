export type TClientForm = { name: string; domain: string; logoUrl: string; primaryColor: string; accentColor: string };
export const CLIENT_FIELDS = ["name", "domain", "logoUrl", "primaryColor", "accentColor"] as const;
export const EMPTY_CLIENT_FORM: TClientForm = { name: "", domain: "", logoUrl: "", primaryColor: "#1f6feb", accentColor: "#0f172a" };

const HEX = /^#[0-9a-fA-F]{6}$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** The checks the API makes too, run first so a typo is caught before a round trip. */
export function validateClientForm(form: TClientForm): Partial<Record<keyof TClientForm, string>> {
  const errors: Partial<Record<keyof TClientForm, string>> = {};
  if (form.name.trim() === "") errors.name = "Enter the client's name";
  if (!DOMAIN.test(form.domain.trim())) errors.domain = "Enter a domain name like example.com";
  const logo = form.logoUrl.trim();
  if (logo !== "" && !logo.startsWith("/") && !logo.startsWith("https://")) errors.logoUrl = "Use an https:// address or a path starting with /";
  if (!HEX.test(form.primaryColor)) errors.primaryColor = "Use a colour like #1f6feb";
  if (!HEX.test(form.accentColor)) errors.accentColor = "Use a colour like #1f6feb";
  return errors;
}

/** The createClient / updateClient input: trimmed, with an empty logo left out. */
export function clientInput(form: TClientForm) {
  const logoUrl = form.logoUrl.trim();
  return {
    name: form.name.trim(),
    domain: form.domain.trim().toLowerCase(),
    primaryColor: form.primaryColor.toLowerCase(),
    accentColor: form.accentColor.toLowerCase(),
    ...(logoUrl ? { logoUrl } : {}),
  };
}
