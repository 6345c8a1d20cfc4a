const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const absolute = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 30],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
];

/** "5 minutes ago", "in 2 hours": the largest unit that keeps the number under its next step. */
export function relativeTime(iso: string, now: number = Date.now()): string {
  let amount = (new Date(iso).getTime() - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
    amount /= size;
  }
  return absolute.format(new Date(iso));
}

/** A timestamp as relative words, with the exact time on hover and for screen readers. */
export function Time({ value, fallback = "never" }: { value: string | null | undefined; fallback?: string }) {
  if (!value) return <span className="ui-muted">{fallback}</span>;
  return (
    <time dateTime={value} title={absolute.format(new Date(value))}>
      {relativeTime(value)}
    </time>
  );
}

export const formatDateTime = (iso: string) => absolute.format(new Date(iso));
