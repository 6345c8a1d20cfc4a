import { Suspense } from "react";
import { BackupList } from "../../../components/staff/backups/backup-list";
import { Loading } from "../../../components/ui/states";

export const metadata = { title: "Backups · mspgraph" };

export default function BackupsPage() {
  return (
    <Suspense fallback={<Loading label="Loading backup plans…" />}>
      <BackupList />
    </Suspense>
  );
}
