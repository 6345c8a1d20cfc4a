import type { ReactNode } from "react";
import { StaffShell } from "../../components/shell/staff-shell";
import { UrqlProvider } from "../../lib/urql";

// proxy.ts has already sent visitors without a staff session elsewhere; the shell checks again.
export default function StaffLayout({ children }: { children: ReactNode }) {
  return (
    <UrqlProvider>
      <StaffShell>{children}</StaffShell>
    </UrqlProvider>
  );
}
