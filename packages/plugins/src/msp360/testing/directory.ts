import { createHash } from "node:crypto";
import type { TMsp360WireCompany, TMsp360WireComputer, TMsp360WireMonitoringRow, TMsp360WireUser } from "./wire-types.js";

export type TMsp360Directory = { companies: TMsp360WireCompany[]; users: TMsp360WireUser[]; computers: TMsp360WireComputer[] };

// Stable GUID-shaped ids, so the same company keeps its id across test runs.
function guidFor(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The companies, users and computers the monitoring rows mention, as the API would list them. */
export function directoryFromRows(rows: readonly TMsp360WireMonitoringRow[]): TMsp360Directory {
  const companies = new Map<string, TMsp360WireCompany>();
  const users = new Map<string, TMsp360WireUser>();
  const computers = new Map<string, TMsp360WireComputer>();
  for (const row of rows) {
    if (!companies.has(row.CompanyName)) {
      companies.set(row.CompanyName, { Id: guidFor(`company:${row.CompanyName}`), Name: row.CompanyName, StorageLimit: -1, LicenseSettings: 0 });
    }
    const user = users.get(row.UserID);
    if (user) user.SpaceUsed += row.TotalData;
    else {
      const [first = "Backup", last = "User"] = (row.UserName.split("@")[0] ?? "").split("-");
      users.set(row.UserID, { ID: row.UserID, Email: row.UserName, FirstName: first, LastName: last, Company: row.CompanyName, Enabled: true, SpaceUsed: row.TotalData });
    }
    const key = `${row.UserID}/${row.ComputerName}`;
    const seen = computers.get(key);
    if (!seen || seen.LastActivity < row.LastStart) {
      computers.set(key, {
        ComputerHID: guidFor(`computer:${key}`),
        ComputerName: row.ComputerName,
        CompanyName: row.CompanyName,
        UserEmail: row.UserName,
        UserID: row.UserID,
        LastActivity: row.LastStart,
      });
    }
  }
  return { companies: [...companies.values()], users: [...users.values()], computers: [...computers.values()] };
}
