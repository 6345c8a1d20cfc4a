import Link from "next/link";
import type { TTone } from "../../ui/badge";

/** A count on the dashboard that links to the list it counts. */
export function StatTile({ href, label, value, tone, detail }: { href: string; label: string; value: number | string; tone: TTone; detail?: string }) {
  return (
    <Link className="staff-tile" href={href} data-tone={tone}>
      <span className="staff-tile-value">{value}</span>
      <span className="staff-tile-label">{label}</span>
      {detail ? <span className="staff-list-meta">{detail}</span> : null}
    </Link>
  );
}
