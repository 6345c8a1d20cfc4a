import type { ReactNode } from "react";
import { PortalShell } from "../../../components/shell/portal-shell";
import { UrqlProvider } from "../../../lib/urql";

export default function PortalLayout({ children }: { children: ReactNode }) {
  return (
    <UrqlProvider>
      <PortalShell>{children}</PortalShell>
    </UrqlProvider>
  );
}
